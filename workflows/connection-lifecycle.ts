// Connection lifecycle (QuickBooks Online): one long-running workflow per connection, the only one that
// refreshes tokens. Tokens never pass through here (they would land in the history): activities read and write
// them sealed in PostgreSQL; this workflow only sees their versions and expiry times.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { TokenTimes } from '../activities/lifecycle.js';
import { failureType, plainMessage } from './failures.js';
import { databaseStep, notificationStep, revokeAtIntuit, tokenRefresh } from './presets.js';

export interface LifecyclePolicy {
  refreshMarginSeconds: number;
  reminderLeadSeconds: number;
  finalReminderSeconds: number;
  historyLimit: number;
}

export interface LifecycleArgs {
  tenantId: string;
  connectionId: string;
  policy: LifecyclePolicy;
  /** State carried across continue-as-new. */
  carried?: { needsReauth: boolean; remindersSent: string[] };
}

export type LifecycleStatus = 'connected' | 'expiring' | 'needs_reauth' | 'disconnected';

export interface LifecycleState {
  status: LifecycleStatus;
  tokenVersion: number;
  accessExpiresAt: string;
  reauthorizeBy: string;
  remindersSent: string[];
}

/** Asked by an activity whose token (of this version) is expired or was refused; resolves once a newer one is stored. */
export const freshToken = defineUpdate<void, [{ staleVersion: number }]>('freshToken');
/** The OAuth callback stored new tokens (first connection or reconnection). */
export const tokensReplaced = defineSignal('tokensReplaced');
/** Revoke at Intuit, erase the tokens, end. With `force`, an unreachable Intuit does not stop the erasing. */
export const disconnect = defineUpdate<void, [{ force: boolean }]>('disconnect');
export const lifecycleState = defineQuery<LifecycleState>('lifecycleState');

export const NEEDS_REAUTHORIZATION = 'NeedsReauthorization';

const db = proxyActivities<Activities>(databaseStep);
const intuit = proxyActivities<Activities>(tokenRefresh);
const notify = proxyActivities<Activities>(notificationStep);
const revoke = proxyActivities<Activities>(revokeAtIntuit);

/** Keeps one QuickBooks Online connection authorised for as long as Intuit allows, and warns people before it cannot. */
export async function connectionLifecycle(args: LifecycleArgs): Promise<void> {
  const { connectionId, tenantId, policy } = args;
  // Handlers come first: an update may arrive in the very first workflow task, before the tokens are read.
  let times: TokenTimes = { version: 0, storedAt: 0, accessExpiresAt: 0, refreshExpiresAt: Infinity, hardExpiresAt: null };
  let needsReauth = args.carried?.needsReauth ?? false;
  let remindersSent = new Set(args.carried?.remindersSent ?? []);
  let refreshWanted = false;
  let replaced = false;
  let disconnecting: { force: boolean } | undefined;
  let disconnectFailed: string | undefined;
  let disconnected = false;

  const deadline = () => Math.min(times.refreshExpiresAt, times.hardExpiresAt ?? Infinity);
  const status = (): LifecycleStatus => (disconnected ? 'disconnected' : needsReauth ? 'needs_reauth' : remindersSent.size > 0 ? 'expiring' : 'connected');
  const needsReauthFailure = () => ApplicationFailure.create({
    message: 'QuickBooks no longer accepts this connection\'s authorisation; someone must reconnect it',
    type: NEEDS_REAUTHORIZATION,
    nonRetryable: true,
  });

  setHandler(freshToken, async ({ staleVersion }) => {
    if (needsReauth) throw needsReauthFailure();
    if (times.version > staleVersion) return;
    refreshWanted = true;
    await condition(() => times.version > staleVersion || needsReauth || disconnecting !== undefined);
    if (needsReauth || disconnecting) throw needsReauthFailure();
  });
  setHandler(tokensReplaced, () => {
    replaced = true;
  });
  setHandler(disconnect, async ({ force }) => {
    disconnecting = { force };
    disconnectFailed = undefined;
    await condition(() => disconnected || disconnectFailed !== undefined);
    if (!disconnected) {
      throw ApplicationFailure.create({ message: `Intuit could not revoke the authorisation: ${disconnectFailed}`, type: 'RevokeFailed', nonRetryable: true });
    }
  });
  setHandler(lifecycleState, () => ({
    status: status(),
    tokenVersion: times.version,
    accessExpiresAt: new Date(times.accessExpiresAt).toISOString(),
    reauthorizeBy: Number.isFinite(deadline()) ? new Date(deadline()).toISOString() : '',
    remindersSent: [...remindersSent],
  }));

  times = await db.readTokenTimes(connectionId);

  for (;;) {
    if (disconnecting) {
      try {
        await revoke.revokeAndEraseTokens(connectionId, disconnecting.force);
      } catch (error) {
        disconnectFailed = plainMessage(error);
        disconnecting = undefined;
        continue;
      }
      await db.setConnectionStatus(connectionId, 'disconnected', 'Disconnected: the authorisation was revoked at Intuit and the tokens erased');
      await db.resumePausedWork(connectionId); // paused orders see the connection is gone and stop waiting
      disconnected = true;
      await condition(allHandlersFinished);
      return;
    }

    if (replaced) {
      replaced = false;
      times = await db.readTokenTimes(connectionId);
      remindersSent = new Set();
      if (needsReauth) {
        needsReauth = false;
        await db.setConnectionStatus(connectionId, 'connected', null);
        await notify.publishEvent(tenantId, { type: 'connection.restored', id: `${connectionId}:restored:${times.version}`, data: { connectionId } });
        await db.resumePausedWork(connectionId);
      }
    }

    if (!needsReauth && (refreshWanted || Date.now() >= refreshAt(times, policy))) {
      try {
        times = await intuit.refreshConnectionTokens(connectionId);
        refreshWanted = false;
      } catch (error) {
        if (failureType(error) !== NEEDS_REAUTHORIZATION) throw error;
        needsReauth = true;
        refreshWanted = false;
        const detail = 'QuickBooks refused the authorisation (revoked, expired or replaced); reconnect the company to resume';
        await db.setConnectionStatus(connectionId, 'needs_reauth', detail);
        await notify.publishEvent(tenantId, { type: 'connection.needs_reauth', id: `${connectionId}:needs_reauth:${times.version}`, data: { connectionId, detail } });
        await notify.emailAdmins(tenantId, 'QuickBooks connection needs to be reconnected', `${detail}.\nConnection: ${connectionId}`);
        continue;
      }
    }

    if (!needsReauth) await remindIfDue();

    const woken = () => refreshWanted || replaced || disconnecting !== undefined;
    if (workflowInfo().historyLength > policy.historyLimit || workflowInfo().continueAsNewSuggested) {
      // Hand over only between pieces of work: a handler that arrives meanwhile may be waiting on this loop.
      await condition(() => allHandlersFinished() || woken());
      if (!woken()) {
        await continueAsNew<typeof connectionLifecycle>({ ...args, carried: { needsReauth, remindersSent: [...remindersSent] } });
      }
      continue;
    }

    const wakeAt = needsReauth ? undefined : Math.min(refreshAt(times, policy), nextReminderAt());
    if (wakeAt === undefined) await condition(woken);
    else await condition(woken, Math.max(1, wakeAt - Date.now()));
  }

  async function remindIfDue(): Promise<void> {
    const due = deadline();
    for (const [kind, leadSeconds] of reminderSchedule()) {
      const key = `${kind}@${new Date(due).toISOString()}`;
      if (Date.now() < due - leadSeconds * 1000 || remindersSent.has(key)) continue;
      remindersSent.add(key);
      const by = new Date(due).toISOString();
      await db.setConnectionStatus(connectionId, 'expiring', `Reconnect QuickBooks before ${by}`);
      await notify.publishEvent(tenantId, { type: 'connection.expiring', id: `${connectionId}:expiring:${key}`, data: { connectionId, reauthorizeBy: by, reminder: kind } });
      await notify.emailAdmins(tenantId, `QuickBooks connection must be reconnected before ${by}`,
        `Intuit will stop accepting this connection's authorisation on ${by}. Reconnect it in the integration settings before then.\nConnection: ${connectionId}`);
    }
  }

  function nextReminderAt(): number {
    const due = deadline();
    const pending = reminderSchedule()
      .filter(([kind]) => !remindersSent.has(`${kind}@${new Date(due).toISOString()}`))
      .map(([, lead]) => due - lead * 1000);
    return pending.length ? Math.min(...pending) : Infinity;
  }

  function reminderSchedule(): [string, number][] {
    return [['first', policy.reminderLeadSeconds], ['final', policy.finalReminderSeconds]];
  }
}

/** The margin before expiry, but never more than half a token's life (short tokens near the hard expiry). */
function refreshAt(times: TokenTimes, policy: LifecyclePolicy): number {
  const life = times.accessExpiresAt - times.storedAt;
  return times.accessExpiresAt - Math.min(policy.refreshMarginSeconds * 1000, life / 2);
}


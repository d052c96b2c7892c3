// Activities of the connection lifecycle workflow: the only code that refreshes, revokes or erases tokens.
// They return expiry times and versions, never tokens (workflow histories are not secret stores).
import { Context } from '@temporalio/activity';
import type { ConnectionStatus } from '../db/schema/index.js';
import type { Repositories } from '../db/repositories/index.js';
import { connectionRestored } from '../workflows/signals.js';
import type { IntuitOAuth } from '../quickbooks/online/oauth.js';
import { NotConnectedError } from '../quickbooks/errors.js';

export interface TokenTimes {
  version: number;
  /** When the current pair was stored. */
  storedAt: number;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  hardExpiresAt: number | null;
}

export function createLifecycleActivities(deps: { repos: Repositories; oauth: IntuitOAuth }) {
  const { repos, oauth } = deps;

  const times = async (connectionId: string): Promise<TokenTimes> => {
    const tokens = await repos.tokens.read(connectionId);
    if (!tokens) throw new NotConnectedError(connectionId);
    return {
      version: tokens.version,
      storedAt: tokens.updatedAt.getTime(),
      accessExpiresAt: tokens.accessExpiresAt.getTime(),
      refreshExpiresAt: tokens.refreshExpiresAt.getTime(),
      hardExpiresAt: tokens.hardExpiresAt?.getTime() ?? null,
    };
  };

  return {
    readTokenTimes: times,

    /**
     * Spends the stored refresh token and stores the new pair. If the answer is lost, the retry spends the same
     * (now rotated-out) token again, which Intuit answers with the newest pair within its grace period.
     */
    async refreshConnectionTokens(connectionId: string): Promise<TokenTimes> {
      const current = await repos.tokens.read(connectionId);
      if (!current) throw new NotConnectedError(connectionId);
      const fresh = await oauth.refresh(current.refreshToken);
      await repos.tokens.save(connectionId, fresh);
      return times(connectionId);
    },

    /** Revokes the grant at Intuit (unless forced past an unreachable Intuit) and erases the tokens. */
    async revokeAndEraseTokens(connectionId: string, force = false): Promise<void> {
      const tokens = await repos.tokens.read(connectionId);
      if (tokens) {
        try {
          await oauth.revoke(tokens.refreshToken);
        } catch (error) {
          if (!force) throw error;
        }
      }
      await repos.tokens.erase(connectionId);
    },

    async setConnectionStatus(connectionId: string, status: ConnectionStatus, detail: string | null): Promise<void> {
      await repos.connections.setStatus(connectionId, status, detail);
    },

    async connectionStatus(connectionId: string): Promise<ConnectionStatus | 'removed'> {
      return (await repos.connections.findById(connectionId))?.status ?? 'removed';
    },

    /** Wakes every running workflow of the connection that paused for re-authorisation. */
    async resumePausedWork(connectionId: string): Promise<number> {
      const client = Context.current().client;
      let woken = 0;
      for await (const execution of client.workflow.list({ query: `ConnectionId = '${connectionId}' AND ExecutionStatus = 'Running' AND WorkflowType = 'sendOrder'` })) {
        await client.workflow.getHandle(execution.workflowId).signal(connectionRestored).catch(() => {});
        woken += 1;
      }
      return woken;
    },
  };
}

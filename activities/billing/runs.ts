// Billing runs and the daily sync: which period a scheduled run bills (from its scheduled time, never the clock),
// which organizations a run covers, recording how it ended, pushing unit costs, and what failed work to retry.
import { ApplicationFailure } from '@temporalio/common';
import type { Repositories } from '../../db/repositories/index.js';
import type { ConnectionType } from '../../db/schema/index.js';
import {
  localDate,
  parseBillingErrorId,
  parseDate,
  periodsForBilled,
  periodsForScheduledTime,
  periodStartingOn,
  type Period,
} from '../../domain/billing/index.js';
import { idempotencyKey } from '../documents.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';
import { LedgerRejection, QuickBooksFault, explainFault } from '../../quickbooks/errors.js';

/** What QuickBooks refused for a reason a person must fix (throttling, authorisation and outages are retried). */
function refusal(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof LedgerRejection) return { code: error.code, message: error.message };
  if (error instanceof QuickBooksFault && error.status !== 429 && error.code !== '3001' && error.status !== 401 && error.status !== 403) {
    return { code: error.code, message: explainFault(error) };
  }
  return undefined;
}

export type BillingTrigger = 'schedule' | 'manual' | 'retry';

export interface PlanInput {
  connectionId: string;
  workflowId: string;
  trigger: BillingTrigger;
  /** First day of the billed period. */
  period: string;
  /** When a schedule started the run, its scheduled time (ISO). */
  scheduledTime?: string;
  /** Only these organizations (a retry); all subscribed ones otherwise. */
  organizationIds?: string[];
}

export interface BillingPlan {
  runId: string;
  billed: Period;
  changes: Period;
  connectionType: ConnectionType;
  organizationIds: string[];
}

const notConfigured = (connectionId: string) => ApplicationFailure.create({
  message: `Connection ${connectionId} has no billing configuration (it may have been removed)`,
  type: 'BillingNotConfigured',
  nonRetryable: true,
});

export function createBillingRunActivities(deps: { repos: Repositories; ledgerFor: LedgerFor }) {
  const { repos, ledgerFor } = deps;
  return {
    /** The period a scheduled run is due for, from its scheduled time in the billing time zone. */
    async billingPeriodFor(connectionId: string, scheduledTime: string): Promise<{ periodStart: string } | undefined> {
      const config = await repos.billing.readConfig(connectionId);
      if (!config) return undefined;
      return { periodStart: periodsForScheduledTime(new Date(scheduledTime), config).billed.start };
    },

    async planBillingRun(input: PlanInput): Promise<BillingPlan> {
      const config = await repos.billing.readConfig(input.connectionId);
      if (!config) throw notConfigured(input.connectionId);
      const connection = await repos.connections.findById(input.connectionId);
      if (!connection) throw notConfigured(input.connectionId);
      const day = parseDate(input.period).day;
      const { billed, changes } = periodsForBilled(periodStartingOn(input.period, day), config.mode, day);
      const candidates = input.organizationIds ?? await repos.billing.subscribedOrganizations(input.connectionId);
      const off = new Set((await repos.billing.listOrganizations(input.connectionId, candidates)).filter((o) => !o.sync).map((o) => o.organizationId));
      const organizationIds = candidates.filter((id) => !off.has(id));
      const run = await repos.billingRuns.startRun({
        connectionId: input.connectionId,
        periodStart: billed.start,
        periodEnd: billed.end,
        trigger: input.trigger,
        scheduledFor: input.scheduledTime ? new Date(input.scheduledTime) : null,
        workflowId: input.workflowId,
        organizations: organizationIds.length,
      });
      return { runId: run.id, billed, changes, connectionType: connection.type, organizationIds };
    },

    async finishBillingRun(runId: string, failed: boolean, error: string | null): Promise<void> {
      await repos.billingRuns.finishRun(runId, failed ? 'failed' : 'completed', error);
    },

    async billingConnectionType(connectionId: string): Promise<ConnectionType | undefined> {
      return (await repos.connections.findById(connectionId))?.type;
    },

    /** Organizations whose billing failed and is still open, by period: what the daily sync retries. */
    async billingRetries(connectionId: string): Promise<{ periodStart: string; organizationIds: string[] }[]> {
      const byPeriod = new Map<string, string[]>();
      for (const error of await repos.syncErrors.listOpenOfKind(connectionId, 'billing')) {
        const parsed = parseBillingErrorId(error.externalId);
        if (parsed) byPeriod.set(parsed.periodStart, [...(byPeriod.get(parsed.periodStart) ?? []), parsed.organizationId]);
      }
      return [...byPeriod].sort(([a], [b]) => a.localeCompare(b)).map(([periodStart, organizationIds]) => ({ periodStart, organizationIds: [...new Set(organizationIds)].sort() }));
    },

    /**
     * Writes each synced offer's current unit cost to its QuickBooks item's purchase cost, when it differs from
     * what was last written. Never the price. A refusal becomes a sync error on the offer.
     */
    async pushUnitCosts(connectionId: string): Promise<{ pushed: number; unchanged: number; failed: number }> {
      const config = await repos.billing.readConfig(connectionId);
      const today = localDate(Date.now(), config?.timeZone ?? 'UTC');
      const costs = await repos.billing.currentUnitCosts(connectionId, today);
      const offers = (await repos.billing.listOffers(connectionId)).filter((o) => o.sync && o.itemId && costs.has(o.offerId));
      const counts = { pushed: 0, unchanged: 0, failed: 0 };
      if (offers.length === 0) return counts;
      const { ledger } = await ledgerFor(connectionId);
      for (const offer of offers) {
        const cost = costs.get(offer.offerId)!;
        if (offer.pushedUnitCost === cost) {
          counts.unchanged += 1;
          continue;
        }
        try {
          await ledger.setItemPurchaseCost(offer.itemId!, cost, idempotencyKey(connectionId, 'unit-cost', offer.offerId, cost));
        } catch (error) {
          const refused = refusal(error);
          if (!refused) throw error;
          counts.failed += 1;
          await repos.syncErrors.recordOpen({ connectionId, documentKind: 'item-cost', externalId: offer.offerId, code: refused.code, message: `The unit cost ${cost} of offer "${offer.name ?? offer.offerId}" could not be written to its QuickBooks item. ${refused.message}` });
          continue;
        }
        await repos.billing.notePushedCost(connectionId, offer.offerId, cost);
        await repos.syncErrors.resolveFor(connectionId, 'item-cost', offer.offerId);
        counts.pushed += 1;
      }
      return counts;
    },
  };
}

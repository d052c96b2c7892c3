// Monthly billing: one run per (connection, period), started by the connection's schedule, by hand, or to retry
// organizations that failed. The period comes from the schedule's scheduled time (TemporalScheduledStartTime),
// never from the clock when the workflow happens to run, so a catch-up or a backfill bills the period it was due for.
import { defineSearchAttributeKey, SearchAttributeType, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  ApplicationFailure,
  defineQuery,
  executeChild,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { BillingTrigger, OutcomeCounts } from '../activities/billing/index.js';
import type { Period } from '../domain/billing/periods.js';
import { plainMessage } from './failures.js';
import { ledgerSteps } from './ledger-steps.js';
import { databaseStep, desktopStep, localDesktopStep, quickBooksCall } from './presets.js';
import { billingRunWorkflowId } from '../control/ids.js';
import { billingSearchAttributes, Outcome } from '../control/search-attributes.js';

/** Set by the Temporal scheduler on every workflow a schedule starts (a built-in attribute: nothing to register). */
export const TemporalScheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export interface BillingRunArgs {
  tenantId: string;
  connectionId: string;
  trigger: BillingTrigger;
  /** First day of the billed period. */
  period: string;
  /** The schedule's time for this run, when a schedule started it (recorded with the run). */
  scheduledTime?: string;
  /** Only these organizations (a retry). */
  organizationIds?: string[];
  /** Organizations per activity, and activities at once (defaults suit each ledger). */
  chunkSize?: number;
  parallelChunks?: number;
}

export interface BillingRunResult {
  runId: string;
  period: Period;
  organizations: number;
  counts: OutcomeCounts;
}

export interface BillingRunProgress {
  state: 'planning' | 'billing' | 'done';
  runId?: string;
  period?: Period;
  organizations: number;
  chunks: number;
  chunksDone: number;
  counts: OutcomeCounts;
}

export const billingRunProgress = defineQuery<BillingRunProgress>('billingRunProgress');

const db = proxyActivities<Activities>(databaseStep);
const qbOnline = proxyActivities<Activities>(quickBooksCall);
const qbDesktop = proxyActivities<Activities>(desktopStep);
// a Desktop step only reads and writes PostgreSQL: run in the workflow's own task, each round trip of the Web
// Connector costs no activity dispatch through the Temporal server (runs begun before this keep their own kind)
const qbDesktopLocal = proxyLocalActivities<Activities>(localDesktopStep);
const DESKTOP_STEPS_LOCAL = 'billing-desktop-steps-local';

const DEFAULTS = { qbo: { chunkSize: 400, parallelChunks: 2 }, qbd: { chunkSize: 500, parallelChunks: 2 } } as const;

/** Bills one period for a connection's organizations, in chunks; every organization gets a result. */
export async function billingRun(args: BillingRunArgs): Promise<BillingRunResult> {
  const counts: OutcomeCounts = { created: 0, updated: 0, unchanged: 0, sent: 0, nothing: 0, failed: 0 };
  const progress: BillingRunProgress = { state: 'planning', organizations: 0, chunks: 0, chunksDone: 0, counts };
  setHandler(billingRunProgress, () => progress);
  const steps = ledgerSteps();

  const plan = await db.planBillingRun({
    connectionId: args.connectionId,
    workflowId: workflowInfo().workflowId,
    trigger: args.trigger,
    period: args.period,
    ...(args.scheduledTime ? { scheduledTime: args.scheduledTime } : {}),
    ...(args.organizationIds ? { organizationIds: args.organizationIds } : {}),
  });
  const defaults = DEFAULTS[plan.connectionType];
  const size = args.chunkSize ?? defaults.chunkSize;
  const chunks: string[][] = [];
  for (let i = 0; i < plan.organizationIds.length; i += size) chunks.push(plan.organizationIds.slice(i, i + size));
  Object.assign(progress, { state: 'billing', runId: plan.runId, period: plan.billed, organizations: plan.organizationIds.length, chunks: chunks.length });

  // the same steps for both ledgers; QuickBooks Desktop answers when its Web Connector runs (the step waits for it)
  const qb = plan.connectionType === 'qbd' ? (patched(DESKTOP_STEPS_LOCAL) ? qbDesktopLocal : qbDesktop) : qbOnline;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const organizationIds = chunks[next++]!;
      const input = { connectionId: args.connectionId, runId: plan.runId, periodStart: plan.billed.start, organizationIds };
      try {
        const done = await steps.untilDone(() => qb.billOrganizations(input));
        for (const key of Object.keys(counts) as (keyof OutcomeCounts)[]) counts[key] += done[key];
      } catch (error) {
        await db.recordChunkFailure({ ...input, message: plainMessage(error) });
        counts.failed += organizationIds.length;
      }
      progress.chunksDone += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(args.parallelChunks ?? defaults.parallelChunks, chunks.length) }, worker));

  const billed = counts.created + counts.updated + counts.unchanged + counts.sent;
  upsertSearchAttributes([{ key: Outcome, value: counts.failed === 0 ? 'billed' : billed > 0 ? 'partially_billed' : 'failed' }]);
  progress.state = 'done';
  // last: once the run reads as finished, the workflow closes at once (the period can be run again)
  await db.finishBillingRun(plan.runId, counts.failed > 0 && billed === 0, counts.failed > 0 ? `${counts.failed} organization(s) could not be billed; see the sync errors` : null);
  return { runId: plan.runId, period: plan.billed, organizations: plan.organizationIds.length, counts };
}

export interface ScheduledBillingArgs {
  tenantId: string;
  connectionId: string;
}

export type ScheduledBillingResult = { billed: BillingRunResult } | { skipped: string };

/** What a billing schedule starts: reads its scheduled time, works out the period, runs it (once per period). */
export async function billingScheduled(args: ScheduledBillingArgs): Promise<ScheduledBillingResult> {
  const info = workflowInfo();
  const scheduled = info.typedSearchAttributes.get(TemporalScheduledStartTime)
    ?? (info.searchAttributes.TemporalScheduledStartTime?.[0] as Date | string | undefined);
  if (!scheduled) throw ApplicationFailure.nonRetryable('billingScheduled runs from a schedule (it has no TemporalScheduledStartTime); start billingRun with a period instead', 'NotScheduled');
  const scheduledTime = new Date(scheduled).toISOString();
  const due = await db.billingPeriodFor(args.connectionId, scheduledTime);
  if (!due) return { skipped: 'This connection has no billing configuration any more; nothing was billed.' };
  return runChild({ tenantId: args.tenantId, connectionId: args.connectionId, trigger: 'schedule', period: due.periodStart, scheduledTime });
}

/** Runs a period as a child workflow with the period's id; a run already in progress for it is left to finish. */
export async function runChild(args: BillingRunArgs): Promise<ScheduledBillingResult> {
  try {
    const billed = await executeChild(billingRun, {
      workflowId: billingRunWorkflowId(args.connectionId, args.period),
      args: [args],
      typedSearchAttributes: billingSearchAttributes(args.tenantId, args.connectionId, args.period),
    });
    return { billed };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { skipped: `A run for the period starting ${args.period} was already in progress.` };
    throw error;
  }
}


// Hours out: one export per connection (signal-with-start from the API whenever entries are queued). Each round
// plans a batch of queued entries in the order of the days worked (what breaks QuickBooks' rules fails at once, in
// words), carries the batch as one ledger step (many entries per Web Connector message, batches of 30 on Online),
// and tells the upstream app what was exported or failed; it lingers a while for more, then ends.
import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { TimesheetOutcome } from '../activities/timesheets/index.js';
import type { TenantEvent } from '../activities/notifications.js';
import { plainMessage } from './failures.js';
import { ledgerSteps } from './ledger-steps.js';
import { databaseStep, desktopStep, notificationStep, quickBooksCall } from './presets.js';

export interface ExportTimesheetsArgs {
  tenantId: string;
  connectionId: string;
  /** Entries per ledger step (default: 500 on Desktop, 1,200 on Online). */
  batchSize?: number;
  /** How long to wait for more entries before ending (default 60 s). */
  idleSeconds?: number;
  totals?: ExportTotals;
}

export interface ExportTotals {
  exported: number;
  deleted: number;
  failed: number;
  rounds: number;
  lastError?: string;
}

/** Entries were queued for the connection: export them. */
export const timesheetsQueued = defineSignal('timesheetsQueued');

const db = proxyActivities<Activities>(databaseStep);
const qbOnline = proxyActivities<Activities>(quickBooksCall);
const qbDesktop = proxyActivities<Activities>(desktopStep);
const notify = proxyActivities<Activities>(notificationStep);

function eventOf(connectionId: string, outcome: TimesheetOutcome): TenantEvent {
  const type = outcome.ok ? 'timesheet.exported' : 'timesheet.failed';
  return {
    type,
    id: `timesheet:${connectionId}:${outcome.entryId}:${outcome.revision}:${outcome.action}:${outcome.ok ? 'ok' : 'failed'}`,
    data: {
      connectionId,
      entryId: outcome.entryId,
      revision: outcome.revision,
      action: outcome.action,
      ...(outcome.quickbooksId !== undefined ? { quickbooksId: outcome.quickbooksId } : {}),
      ...(outcome.message ? { message: outcome.message } : {}),
    },
  };
}

export async function exportTimesheets(args: ExportTimesheetsArgs): Promise<ExportTotals> {
  let woken = true;
  setHandler(timesheetsQueued, () => {
    woken = true;
  });
  const steps = ledgerSteps();
  const totals: ExportTotals = args.totals ?? { exported: 0, deleted: 0, failed: 0, rounds: 0 };
  for (;;) {
    if (!woken && !(await condition(() => woken, `${args.idleSeconds ?? 60} seconds`))) return totals;
    woken = false;
    for (;;) {
      const plan = await db.planTimesheetExport(args.connectionId, args.batchSize ?? null);
      if (!plan) break;
      const qb = plan.connectionType === 'qbd' ? qbDesktop : qbOnline;
      let outcomes: TimesheetOutcome[] = [...plan.refused];
      if (plan.writes.length > 0) {
        try {
          outcomes = outcomes.concat(await steps.untilDone(() => qb.exportTimesheets(args.connectionId, plan.writes)));
        } catch (error) {
          // what no retry cures (QuickBooks refused the whole message, text it cannot store): each entry fails with the words
          totals.lastError = plainMessage(error);
          outcomes = outcomes.concat(await db.failTimesheets(args.connectionId, plan.writes, totals.lastError));
        }
      }
      totals.rounds += 1;
      for (const o of outcomes) {
        if (!o.ok) totals.failed += 1;
        else if (o.action === 'delete') totals.deleted += 1;
        else totals.exported += 1;
      }
      if (outcomes.length > 0) await notify.publishEvents(plan.tenantId, outcomes.map((o) => eventOf(args.connectionId, o)));
      if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > 2_000) {
        await continueAsNew<typeof exportTimesheets>({ ...args, totals });
      }
    }
  }
}

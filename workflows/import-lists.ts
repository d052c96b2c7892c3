// Lists in: one import of a connection's time-tracking lists. The plan says what to read (everything the first
// time, what changed since each list's mark afterwards); the read is a ledger step (QuickBooks Desktop answers when
// its Web Connector runs: the workflow waits holding nothing); an import that changed something tells the
// upstream app (`lists.changed`).
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ListImportResult } from '../activities/timesheets/index.js';
import type { TimeListKind } from '../domain/timesheets.js';
import { ledgerSteps } from './ledger-steps.js';
import { databaseStep, desktopStep, notificationStep, quickBooksCall } from './presets.js';

export interface ImportListsArgs {
  tenantId: string;
  connectionId: string;
  /** Which lists (default: all). */
  kinds?: TimeListKind[];
  /** Read everything again, ignoring the marks. */
  full?: boolean;
  pageSize: number;
}

const db = proxyActivities<Activities>(databaseStep);
const qbOnline = proxyActivities<Activities>(quickBooksCall);
const qbDesktop = proxyActivities<Activities>(desktopStep);
const notify = proxyActivities<Activities>(notificationStep);

export async function importLists(args: ImportListsArgs): Promise<ListImportResult | null> {
  const steps = ledgerSteps();
  const plan = await db.planListImport(args.connectionId, args.kinds, args.pageSize, args.full ?? false);
  if (!plan) return null;
  const qb = plan.connectionType === 'qbd' ? qbDesktop : qbOnline;
  const result = await steps.untilDone(() => qb.importTimeLists(args.connectionId, plan.request));
  if (result.changed > 0) {
    const changes = Object.fromEntries(Object.entries(result.changes).filter(([, counts]) => Object.values(counts).some((n) => n > 0)));
    await notify.publishEvent(args.tenantId, {
      type: 'lists.changed',
      id: `lists:${args.connectionId}:${workflowInfo().runId}`,
      data: { connectionId: args.connectionId, changes, checks: result.checks.filter((c) => !c.ok) },
    });
  }
  return result;
}

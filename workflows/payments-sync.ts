// Payments back. `paymentsSync` (one per connection) processes the Intuit events recorded for it — by the webhook
// endpoint or by the change feed — reading each payment and the invoices it links, recording what changed and
// telling the upstream app; it lingers a while for more, then ends (the next event starts it again).
// `paymentsFeed` (started by the connection's schedule) reads the change feed since its high-water mark, so a
// lost or late webhook never loses a payment, and wakes the sync when something is waiting.
import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { plainMessage } from './failures.js';
import { ledgerSteps } from './ledger-steps.js';
import { databaseStep, desktopStep, quickBooksCall } from './presets.js';

export interface PaymentsSyncArgs {
  tenantId: string;
  connectionId: string;
  /** How long to wait for more events before ending (default 60 s). */
  idleSeconds?: number;
  /** Carried over continue-as-new. */
  totals?: PaymentsSyncTotals;
}

export interface PaymentsSyncTotals {
  events: number;
  changes: number;
  rounds: number;
  lastError?: string;
}

export interface PaymentsFeedArgs {
  tenantId: string;
  connectionId: string;
}

/** Events were recorded for the connection: process them. */
export const intuitEventsRecorded = defineSignal('intuitEventsRecorded');

const db = proxyActivities<Activities>(databaseStep);
const qbOnline = proxyActivities<Activities>(quickBooksCall);
const qbDesktop = proxyActivities<Activities>(desktopStep);

/** Processes a connection's recorded Intuit events until none have come for a while. */
export async function paymentsSync(args: PaymentsSyncArgs): Promise<PaymentsSyncTotals> {
  let woken = true;
  setHandler(intuitEventsRecorded, () => {
    woken = true;
  });
  const steps = ledgerSteps();
  const totals: PaymentsSyncTotals = args.totals ?? { events: 0, changes: 0, rounds: 0 };
  const type = await db.invoiceConnectionType(args.connectionId);
  if (!type) return totals;
  const qb = type === 'qbd' ? qbDesktop : qbOnline;
  for (;;) {
    if (!woken && !(await condition(() => woken, `${args.idleSeconds ?? 60} seconds`))) return totals;
    woken = false;
    for (;;) {
      let round;
      try {
        // QuickBooks Desktop answers when its Web Connector runs: the round waits for it, holding nothing
        round = await steps.untilDone(() => qb.processIntuitEvents(args.connectionId));
      } catch (error) {
        // what stays unprocessed is taken up at the next wake (a webhook, or the change feed's schedule)
        totals.lastError = plainMessage(error);
        break;
      }
      totals.events += round.events;
      totals.changes += round.changes;
      totals.rounds += 1;
      if (!round.more) break;
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > 2_000) {
      await continueAsNew<typeof paymentsSync>({ ...args, totals });
    }
  }
}

/**
 * One run of a connection's change feed: read what changed since the mark, record it, wake the sync. Online: on the
 * connection's schedule; Desktop: at each Web Connector run, in that run.
 */
export async function paymentsFeed(args: PaymentsFeedArgs) {
  const steps = ledgerSteps();
  const qb = (await db.invoiceConnectionType(args.connectionId)) === 'qbd' ? qbDesktop : qbOnline;
  const read = await steps.untilDone(() => qb.readChangeFeed(args.connectionId));
  if (read.pending > 0) await db.wakePaymentsSync(args.tenantId, args.connectionId);
  return read;
}

// The ledger port: one QuickBooks company as qbflow's workflows use it, split by use (orders, billing, look-ups,
// invoice copy and payments back).
// Which QuickBooks sits behind it (Online over HTTP, Desktop through the Web Connector) is the adapter's business.
import type { BillingLedger } from './billing.js';
import type { InvoiceLedger } from './invoices.js';
import type { LookupLedger } from './lookups.js';
import type { OrderLedger } from './orders.js';
import type { TimeLedger } from './time.js';

export type * from './billing.js';
export type * from './invoices.js';
export type * from './lookups.js';
export type * from './orders.js';
export type * from './time.js';
export { carriesIdentity, documentIdentity, documentMarker, markedNote } from './orders.js';
export { markerOwner } from './billing.js';
export { LedgerRejection } from '../errors.js';

/** One QuickBooks company, as every adapter provides it. */
export type Ledger = OrderLedger & BillingLedger & LookupLedger & InvoiceLedger & TimeLedger & {
  /**
   * Identifies the calling activity's current attempt at its ledger operation when the ledger journals its
   * requests and answers later (Desktop: the operation and its generation); undefined when it answers at once
   * (Online). A pending marker written by this same attempt is this attempt's own create still waiting for its
   * answer, not an uncertain outcome to look for.
   */
  operationAttempt(): Promise<string | undefined>;
};

/** Why a ledger step is waiting: its Web Connector has not brought the answers yet, or its queue is full. */
export type WaitReason = 'web-connector' | 'queue-full';

/** A step that waits for a ledger that answers later (QuickBooks Desktop), holding nothing meanwhile. */
export interface LedgerWait {
  /** The operation waiting: the wake-up names it. */
  operation: string;
  connectionId: string;
  reason: WaitReason;
  /** Since when (ISO 8601). */
  since: string;
  /** Run the step again after this long even without a wake-up (a safety net for a lost one). */
  recheckSeconds: number;
}

/** What an activity that talks to a ledger answers: its result, or that it waits (run it again when woken). */
export type LedgerStep<T> = { done: T } | { waiting: LedgerWait };

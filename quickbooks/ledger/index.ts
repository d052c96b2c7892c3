// The ledger port: one QuickBooks company as qbflow's workflows use it, split by use (orders, billing, look-ups,
// invoice copy and payments back).
// Which QuickBooks sits behind it (Online over HTTP, Desktop through the Web Connector) is the adapter's business.
import type { BillingLedger } from './billing.js';
import type { InvoiceLedger } from './invoices.js';
import type { LookupLedger } from './lookups.js';
import type { OrderLedger } from './orders.js';

export type * from './billing.js';
export type * from './invoices.js';
export type * from './lookups.js';
export type * from './orders.js';
export { documentMarker } from './orders.js';
export { LedgerRejection } from '../errors.js';

/** One QuickBooks company, as every adapter provides it. */
export type Ledger = OrderLedger & BillingLedger & LookupLedger & InvoiceLedger;

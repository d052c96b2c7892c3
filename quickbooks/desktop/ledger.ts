// The QuickBooks Desktop ledger: the ledger port over qbXML and the Web Connector, assembled from its uses. Each
// method runs inside the calling activity's operation (see operations.ts and exchange.ts). Status codes as DESIGN.md §5: 3100 adopts the
// existing record, 3200 re-reads and retries the Mod, 3175/3176 retry later, and what a person must fix (3140,
// 3180, …) is a LedgerRejection carrying QuickBooks' own words.
import type { Ledger } from '../ledger/index.js';
import { createQbdBillingLedger } from './billing.js';
import { createQbdInvoiceLedger } from './invoices.js';
import { desktopAccess, type QbdLedgerDeps } from './company.js';
import { createQbdLookupLedger } from './lookups.js';
import { createQbdOrderLedger } from './orders.js';
import { createQbdTimeLedger } from './time.js';

export type { QbdLedgerDeps } from './company.js';

export function createQbdLedger(deps: QbdLedgerDeps): Ledger {
  const company = desktopAccess(deps);
  return {
    ...createQbdOrderLedger(company),
    ...createQbdBillingLedger(company),
    ...createQbdLookupLedger(company),
    ...createQbdInvoiceLedger(company),
    ...createQbdTimeLedger(company),
    operationAttempt: () => deps.exchange.attempt(deps.connectionId),
  };
}

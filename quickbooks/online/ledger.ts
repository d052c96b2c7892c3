// The QuickBooks Online ledger: the ledger port over the Accounting API v3, assembled from its uses.
import type { Ledger } from '../ledger/index.js';
import { createQboBillingLedger } from './billing.js';
import type { CompanyClient } from './client.js';
import { companyAccess } from './company.js';
import { createQboInvoiceLedger } from './invoices.js';
import { createQboLookupLedger } from './lookups.js';
import { createQboOrderLedger } from './orders.js';
import { createQboTimeLedger } from './time.js';

export function createQboLedger(client: CompanyClient): Ledger {
  const company = companyAccess(client);
  return {
    ...createQboOrderLedger(company),
    ...createQboBillingLedger(company),
    ...createQboLookupLedger(company),
    ...createQboInvoiceLedger(company),
    ...createQboTimeLedger(client),
    // Online answers every request at once: nothing is journaled, every earlier pending marker is uncertain
    operationAttempt: async () => undefined,
  };
}

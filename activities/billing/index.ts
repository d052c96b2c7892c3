// Billing activities: plan a run, bill organizations in chunks, finish; the daily sync's unit costs and retries.
// The two that talk to QuickBooks answer done or waiting (see ../ledger-steps.ts).
import type { Repositories } from '../../db/repositories/index.js';
import type { DesktopOperations } from '../../quickbooks/desktop/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';
import { withLedgerSteps } from '../ledger-steps.js';
import { createBillingInvoiceActivities } from './invoices.js';
import { createBillingRunActivities } from './runs.js';

export function createBillingActivities(deps: { repos: Repositories; ledgerFor: LedgerFor; operations: DesktopOperations }) {
  const { pushUnitCosts, ...runs } = createBillingRunActivities(deps);
  const { billOrganizations, ...invoices } = createBillingInvoiceActivities(deps);
  return {
    ...runs,
    ...invoices,
    ...withLedgerSteps({ billOrganizations, pushUnitCosts }, deps.operations),
  };
}

export type { BillChunkInput, OutcomeCounts } from './invoices.js';
export type { BillingPlan, BillingTrigger, PlanInput } from './runs.js';

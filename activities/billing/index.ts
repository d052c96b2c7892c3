// Billing activities: plan a run, bill organizations in chunks, finish; the daily sync's unit costs and retries.
import type { Repositories } from '../../db/repositories/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';
import { createBillingInvoiceActivities } from './invoices.js';
import { createBillingRunActivities } from './runs.js';

export function createBillingActivities(deps: { repos: Repositories; ledgerFor: LedgerFor }) {
  return {
    ...createBillingRunActivities(deps),
    ...createBillingInvoiceActivities(deps),
  };
}

export type { BillChunkInput, OutcomeCounts } from './invoices.js';
export type { BillingPlan, BillingTrigger, PlanInput } from './runs.js';

// Invoice copy and payments back: copy and send (copy.ts), process Intuit's events and read the change feed
// (payments.ts).
import type { Repositories } from '../../db/repositories/index.js';
import type { DesktopOperations } from '../../quickbooks/desktop/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';
import { createInvoiceCopyActivities } from './copy.js';
import { createPaymentActivities } from './payments.js';

export function createInvoiceActivities(deps: { repos: Repositories; ledgerFor: LedgerFor; taskQueue: string; operations: DesktopOperations }) {
  return {
    ...createInvoiceCopyActivities(deps),
    ...createPaymentActivities(deps),
  };
}

export type { CopyResult, SendResult } from './copy.js';
export type { FeedRead, ProcessRound } from './payments.js';

// What stopped documents and billing, from outside the workflows: list the open sync errors, and retry what one
// stopped once its cause is fixed (billing of one organization for one period, the daily sync of unit costs, or
// an order sent again as it was last submitted). A retry that succeeds resolves the error where the work is done.
import type { Repositories } from '../db/repositories/index.js';
import type { SyncError } from '../db/repositories/core/sync-errors.js';
import { parseBillingErrorId } from '../domain/billing/index.js';
import { Refusal } from '../domain/refusals.js';
import type { BillingRunControl } from './billing-runs.js';
import type { OrderConnection, OrderControl } from './orders.js';

/** The steps of an order's workflow that record sync errors under the order's id. */
export function isOrderStep(documentKind: string): boolean {
  return ['customer', 'vendor', 'items', 'invoice', 'bill', 'purchaseOrder'].includes(documentKind) || documentKind.startsWith('payment:');
}

/** Whether qbflow can retry what the error stopped (else it comes back only when the upstream app sends again). */
export function isRetryable(error: Pick<SyncError, 'documentKind'>): boolean {
  return error.documentKind === 'billing' || error.documentKind === 'item-cost' || isOrderStep(error.documentKind);
}

export function createSyncErrorControl(deps: { repos: Pick<Repositories, 'syncErrors'>; billingRuns: BillingRunControl; orders: OrderControl }) {
  const { repos, billingRuns, orders } = deps;
  return {
    /** Open errors, newest first, optionally of one kind. */
    list: (connectionId: string, documentKind?: string): Promise<SyncError[]> =>
      documentKind ? repos.syncErrors.listOpenOfKind(connectionId, documentKind) : repos.syncErrors.listOpen(connectionId),

    /** Starts the retry; a Refusal when the error is unknown (not_found), already resolved or not retryable (conflict). */
    async retry(connection: OrderConnection, errorId: string): Promise<{ workflowId: string; retrying: string }> {
      const error = await repos.syncErrors.find(connection.id, errorId);
      if (!error) throw new Refusal('not_found', `No sync error ${errorId} on this connection`);
      if (error.resolved) throw new Refusal('conflict', 'This error is already resolved; nothing to retry');
      if (error.documentKind === 'billing') {
        const parsed = parseBillingErrorId(error.externalId);
        if (!parsed) throw new Refusal('conflict', 'This billing error does not name an organization and period');
        const workflowId = await billingRuns.start({ tenantId: connection.tenantId, connectionId: connection.id, trigger: 'retry', period: parsed.periodStart, organizationIds: [parsed.organizationId] });
        return { workflowId, retrying: `billing of organization ${parsed.organizationId} for the period starting ${parsed.periodStart}` };
      }
      if (error.documentKind === 'item-cost') {
        const workflowId = await billingRuns.retrySync({ tenantId: connection.tenantId, connectionId: connection.id });
        return { workflowId, retrying: 'the unit costs of the synced offers (and failed billing)' };
      }
      if (isOrderStep(error.documentKind)) {
        const { workflowId } = await orders.retry(connection, error.externalId);
        return { workflowId, retrying: `order ${error.externalId}, as it was last sent` };
      }
      throw new Refusal('conflict', `A ${error.documentKind} error cannot be retried by qbflow; it clears when the upstream app sends the document again`);
    },
  };
}

export type SyncErrorControl = ReturnType<typeof createSyncErrorControl>;

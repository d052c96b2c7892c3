// Billing runs from outside their workflow: run (or re-run) a period by hand or to retry organizations, and retry
// the daily sync. One run per connection and period at a time (its id), so a second start meets the first.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Repositories } from '../db/repositories/index.js';
import { Refusal } from '../domain/refusals.js';
import { billingRun, type BillingRunArgs } from '../workflows/billing.js';
import { billingSync } from '../workflows/billing-sync.js';
import { billingRunWorkflowId, billingSyncRetryWorkflowId } from './ids.js';
import { billingSearchAttributes } from './search-attributes.js';

export interface BillingRunControl {
  /** Starts the run of one period; a Refusal (conflict) while one for that period is in progress. */
  start(args: BillingRunArgs): Promise<string>;
  /** Starts the daily sync now (unit costs, then failed billing); a Refusal (conflict) while one runs. */
  retrySync(ids: { tenantId: string; connectionId: string }): Promise<string>;
}

export function createBillingRunControl(deps: { client: Client; taskQueue: string; repos: Pick<Repositories, 'billingRuns'> }): BillingRunControl {
  const { client, taskQueue, repos } = deps;
  return {
    async start(args) {
      const workflowId = billingRunWorkflowId(args.connectionId, args.period);
      for (let attempt = 1; ; attempt++) {
        try {
          await client.workflow.start(billingRun, {
            workflowId, taskQueue, args: [args],
            typedSearchAttributes: billingSearchAttributes(args.tenantId, args.connectionId, args.period),
          });
          return workflowId;
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          // a run whose record reads finished closes its workflow a moment later: wait that moment, not the caller
          if (attempt >= 5 || (await repos.billingRuns.isRunning(args.connectionId, args.period))) {
            throw new Refusal('conflict', `A billing run for the period starting ${args.period} is in progress; try again when it has finished`);
          }
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        }
      }
    },

    async retrySync({ tenantId, connectionId }) {
      const workflowId = billingSyncRetryWorkflowId(connectionId);
      try {
        await client.workflow.start(billingSync, {
          workflowId, taskQueue, args: [{ tenantId, connectionId }],
          typedSearchAttributes: billingSearchAttributes(tenantId, connectionId),
        });
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) throw new Refusal('conflict', 'A billing sync is in progress; it will retry this too');
        throw error;
      }
      return workflowId;
    },
  };
}

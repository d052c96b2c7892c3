// Waking workflows that wait for a Web Connector: the SOAP endpoint stores the answers, then signals each workflow
// with the operations whose requests were answered, failed, given back or found room in the queue. A signal that
// cannot be sent (the process stopped, the workflow ended) is not a loss: waiting steps re-run after a while anyway.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Waiter } from '../db/repositories/desktop/queue.js';
import { webConnectorAnswered } from '../workflows/ledger-steps.js';

export type WakeWaiters = (waiters: Waiter[]) => Promise<void>;

/** `owner` is `{operation}:{generation}`; workflows wait on the operation. */
const operationOf = (owner: string) => owner.slice(0, owner.lastIndexOf(':'));

export function createWebConnectorWaker(client: Client, log?: { warn(details: object, message: string): void }): WakeWaiters {
  return async (waiters) => {
    const byWorkflow = new Map<string, Set<string>>();
    for (const { workflowId, owner } of waiters) {
      const operations = byWorkflow.get(workflowId) ?? new Set<string>();
      operations.add(operationOf(owner));
      byWorkflow.set(workflowId, operations);
    }
    await Promise.all([...byWorkflow].map(async ([workflowId, operations]) => {
      try {
        await client.workflow.getHandle(workflowId).signal(webConnectorAnswered, [...operations]);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) log?.warn({ err: error, workflowId }, 'could not wake a workflow waiting for the Web Connector; it will look again by itself');
      }
    }));
  };
}

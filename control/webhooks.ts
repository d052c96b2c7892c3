// Webhook deliveries from outside their workflow: each recorded delivery gets its own durable workflow (started
// once: a second start for the same delivery joins the first).
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { webhookWorkflowId } from './ids.js';

export async function startDelivery(client: Pick<Client, 'workflow'>, taskQueue: string, deliveryId: string): Promise<void> {
  // started by name: the delivery workflow imports the activities' types, and an activity calls this, so importing
  // the workflow here would close a loop
  await client.workflow.start('deliverWebhook', {
    workflowId: webhookWorkflowId(deliveryId),
    taskQueue,
    args: [deliveryId],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}

// Webhook deliveries from outside their workflow: each recorded delivery gets its own durable workflow (started
// once: a second start for the same delivery joins the first).
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { deliverWebhook } from '../workflows/deliver-webhook.js';
import { webhookWorkflowId } from './ids.js';

export async function startDelivery(client: Pick<Client, 'workflow'>, taskQueue: string, deliveryId: string): Promise<void> {
  await client.workflow.start(deliverWebhook, {
    workflowId: webhookWorkflowId(deliveryId),
    taskQueue,
    args: [deliveryId],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}

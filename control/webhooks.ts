// Webhooks from outside their workflow: a tenant's endpoints (public https only, except on this machine), its
// signing secret (shown once), the deliveries with their status; and each recorded delivery's own durable
// workflow (started once: a second start for the same delivery joins the first).
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { WebhookDelivery, WebhookEndpoint } from '../db/repositories/core/webhooks.js';
import type { Repositories } from '../db/repositories/index.js';
import type { DeliveryStatus } from '../db/schema/index.js';
import { Refusal } from '../domain/refusals.js';
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

/** Public https endpoints only, except on this machine (local development and tests). */
function checkUrl(text: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Refusal('invalid', 'The webhook URL is not a URL', [{ field: 'body/url', message: 'is not a URL' }]);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new Refusal('invalid', 'The webhook URL must use https (http is accepted only for localhost)', [{ field: 'body/url', message: 'must use https' }]);
  }
}

export function createWebhookControl(deps: { repos: Pick<Repositories, 'webhooks'> }) {
  const { repos } = deps;
  return {
    /** Adds an endpoint; the tenant's first one also creates its signing secret, returned here only. */
    async addEndpoint(tenantId: string, url: string, events: string[]): Promise<{ endpoint: WebhookEndpoint; newSecret: string | null }> {
      checkUrl(url);
      return repos.webhooks.addEndpoint(tenantId, url, events);
    },
    listEndpoints: (tenantId: string): Promise<WebhookEndpoint[]> => repos.webhooks.listEndpoints(tenantId),
    async removeEndpoint(tenantId: string, endpointId: string): Promise<void> {
      if (!(await repos.webhooks.removeEndpoint(tenantId, endpointId))) throw new Refusal('not_found', 'No such webhook endpoint');
    },
    /** A new signing secret, returned here only; the old one stops signing at once. */
    rotateSecret: (tenantId: string): Promise<string> => repos.webhooks.rotateSecret(tenantId),
    hasSecret: async (tenantId: string): Promise<boolean> => (await repos.webhooks.secretOf(tenantId)) !== undefined,
    deliveries: (tenantId: string, filter: { status?: DeliveryStatus; limit: number }): Promise<WebhookDelivery[]> =>
      repos.webhooks.listDeliveries(tenantId, filter),
  };
}

export type WebhookControl = ReturnType<typeof createWebhookControl>;

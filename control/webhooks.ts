// Webhooks from outside their workflow: a tenant's endpoints (public addresses only, unless allowed), its
// signing secret (shown once), the deliveries with their status; and each recorded delivery's own durable
// workflow (started once: a second start for the same delivery joins the first).
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { WebhookDelivery, WebhookEndpoint } from '../db/repositories/core/webhooks.js';
import type { Repositories } from '../db/repositories/index.js';
import type { DeliveryStatus } from '../db/schema/index.js';
import { Refusal } from '../domain/refusals.js';
import { webhookUrlProblem, type LookupAll } from '../outbound/addresses.js';
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

export function createWebhookControl(deps: { repos: Pick<Repositories, 'webhooks'>; allowPrivateNetworks: boolean }) {
  const { repos } = deps;
  return {
    /**
     * Adds an endpoint (public https only: every address its host resolves to, unless private networks are allowed);
     * the tenant's first one also creates its signing secret, returned here only. `lookup` replaces DNS in tests.
     */
    async addEndpoint(tenantId: string, url: string, events: string[], lookup?: LookupAll): Promise<{ endpoint: WebhookEndpoint; newSecret: string | null }> {
      const problem = await webhookUrlProblem(url, { allowPrivateNetworks: deps.allowPrivateNetworks, ...(lookup ? { lookup } : {}) });
      if (problem) throw new Refusal('invalid', problem, [{ field: 'body/url', message: problem }]);
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

// Control of outbound webhooks (the developer portal's Webhooks page, plus the sandbox's fault mode and inspection).
import type { EndpointInput, WebhookHub } from '../webhooks/hub.js';
import type { WebhookFaultSpec } from '../webhooks/faults.js';
import type { Delivery, EndpointConfig } from '../webhooks/types.js';

export function createWebhookControl(hub: WebhookHub) {
  return {
    /** Sets an app's endpoint URL, verifier token, format (`legacy` | `cloudevents`), entities and batch window. */
    configure: (input: EndpointInput): EndpointConfig => hub.configure(input),
    /** Removes one app's endpoint, or every endpoint. */
    remove: (clientId?: string): number => hub.remove(clientId),
    endpoints: (): EndpointConfig[] => hub.endpoints(),
    deliveries: (filter: { clientId?: string; realmId?: string } = {}): Delivery[] => hub.deliveries(filter),
    /** Drop, duplicate and reorder deliveries until cleared (replaces the previous fault mode). */
    setFaults: (spec: WebhookFaultSpec): void => hub.faults.set(spec),
    clearFaults: (): void => hub.faults.clear(),
    faults: () => hub.faults.describe(),
    /** Sends gathering batches now and runs waiting retries now. */
    flush: (): void => hub.flush(),
    idle: (): boolean => hub.idle(),
    /** Resolves once nothing is gathering, waiting or in flight (or rejects after `timeoutMs`). */
    settled: async (timeoutMs = 10_000): Promise<void> => {
      const deadline = Date.now() + timeoutMs;
      while (!hub.idle()) {
        if (Date.now() > deadline) throw new Error(`webhooks still busy after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}

export type WebhookControl = ReturnType<typeof createWebhookControl>;

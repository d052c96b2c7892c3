// Events for tenants: recorded once per subscribed endpoint, each delivered by its own durable workflow
// (signed, retried with backoff); and e-mail to the tenant's admins.
import { Context } from '@temporalio/activity';
import type { Repositories } from '../db/repositories/index.js';
import { startDelivery } from '../control/webhooks.js';
import type { LookupAll } from '../outbound/addresses.js';
import type { Mailer } from '../outbound/mailer.js';
import { SIGNATURE_HEADER, signPayload } from '../outbound/signing.js';
import { postWebhook, WebhookUnreachable } from '../outbound/webhook-post.js';

export const eventTypes = [
  'connection.expiring', 'connection.needs_reauth', 'connection.restored', 'document.posted', 'document.failed',
  'invoice.paid', 'invoice.partially_paid', 'invoice.payment_reversed',
  'lists.changed', 'timesheet.exported', 'timesheet.failed',
] as const;
export type EventType = (typeof eventTypes)[number];

export interface TenantEvent {
  type: EventType;
  /** Stable id: the same happening published twice is one event. */
  id: string;
  data: Record<string, unknown>;
}

/** A delivery attempt the receiver refused or did not answer; retried by the workflow's policy. */
export class DeliveryError extends Error {}

/** The real cause of an unreachable endpoint goes to the worker's log (operators), never to the tenant. */
function logForOperators(deliveryId: string, error: WebhookUnreachable): void {
  try {
    Context.current().log.warn('webhook endpoint unreachable', { deliveryId, cause: (error.cause as Error).message });
  } catch {
    // called outside an activity (tests): there is no activity log
  }
}

export interface WebhookDeliveryOptions {
  /** Deliver to private, loopback and link-local addresses too (local development only). */
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
  /** Name resolution for endpoints (the system's by default). */
  lookup?: LookupAll;
}

export function createNotificationActivities(deps: { repos: Repositories; mailer: Mailer; taskQueue: string; webhooks: WebhookDeliveryOptions }) {
  const { repos } = deps;

  const publishEvents = async (tenantId: string, events: TenantEvent[]): Promise<number> => {
    let started = 0;
    for (const event of events) {
      const payload = { id: event.id, type: event.type, createdAt: new Date().toISOString(), data: event.data };
      const deliveries = await repos.webhooks.recordEvent(tenantId, { id: event.id, type: event.type, payload });
      for (const deliveryId of deliveries) {
        await startDelivery(Context.current().client, deps.taskQueue, deliveryId);
        started += 1;
      }
    }
    return started;
  };

  return {
    publishEvents,
    publishEvent: (tenantId: string, event: TenantEvent) => publishEvents(tenantId, [event]),

    /** POSTs the event to its endpoint once; any answer but 2xx is an error for the retry policy. */
    async attemptDelivery(deliveryId: string): Promise<void> {
      const found = await repos.webhooks.findDelivery(deliveryId);
      if (!found || found.delivery.status === 'delivered') return;
      const secret = await repos.webhooks.secretOf(found.delivery.tenantId);
      if (!secret) throw new DeliveryError('the tenant has no webhook secret');
      const body = JSON.stringify(found.delivery.payload);
      let statusCode: number | null = null;
      try {
        statusCode = await postWebhook(found.endpoint.url, {
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'qbflow-webhooks/1',
            'qbflow-event-id': found.delivery.eventId,
            'qbflow-event-type': found.delivery.eventType,
            [SIGNATURE_HEADER]: signPayload(secret, body, Math.floor(Date.now() / 1000)),
          },
          body,
          timeoutMs: deps.webhooks.timeoutMs ?? 10_000,
          allowPrivateNetworks: deps.webhooks.allowPrivateNetworks,
          ...(deps.webhooks.lookup ? { lookup: deps.webhooks.lookup } : {}),
        });
        if (statusCode < 200 || statusCode > 299) throw new DeliveryError(`the endpoint answered HTTP ${statusCode}`);
        await repos.webhooks.recordAttempt(deliveryId, { status: 'delivered', statusCode, error: null });
      } catch (error) {
        // what the tenant sees never tells a refused address, a closed port or a timeout apart
        if (error instanceof WebhookUnreachable) logForOperators(deliveryId, error);
        const message = error instanceof DeliveryError || error instanceof WebhookUnreachable ? error.message : 'the endpoint could not be reached';
        await repos.webhooks.recordAttempt(deliveryId, { status: 'pending', statusCode, error: message });
        throw new DeliveryError(message);
      }
    },

    async markDeliveryFailed(deliveryId: string, reason: string): Promise<void> {
      await repos.webhooks.markFailed(deliveryId, reason);
    },

    async emailAdmins(tenantId: string, subject: string, text: string): Promise<boolean> {
      const tenant = await repos.tenants.findById(tenantId);
      if (!tenant) return false;
      return deps.mailer.send({ to: tenant.adminEmails, subject, text });
    },
  };
}

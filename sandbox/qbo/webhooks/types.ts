// The shapes webhook delivery works with: an app's endpoint, one event, one delivery and its attempts.
import type { ChangeOperation } from '../company/changes.js';

/** `legacy`: `{ eventNotifications: [...] }`; `cloudevents`: Intuit's 2026 array of CloudEvents. */
export type WebhookFormat = 'legacy' | 'cloudevents';
export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['legacy', 'cloudevents'];

/** What an app configures on Intuit's developer portal: where to POST, the verifier token, which entities. */
export interface EndpointConfig {
  clientId: string;
  url: string;
  verifierToken: string;
  format: WebhookFormat;
  /** Entity names to notify about (case-insensitive); null means all. */
  entities: string[] | null;
  /** How long events are collected before they leave together. */
  batchWindowMs: number;
}

export interface WebhookEvent {
  /** Unique per event and app: the CloudEvents `id`, kept across retries and duplicates. */
  eventId: string;
  realmId: string;
  entity: string;
  id: string;
  operation: ChangeOperation;
  /** Sandbox clock, ms. */
  at: number;
}

export type DeliveryState = 'queued' | 'sending' | 'retrying' | 'delivered' | 'dropped' | 'abandoned';

export interface DeliveryAttempt {
  /** Wall clock (delivery runs on real timers). */
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  clientId: string;
  url: string;
  format: WebhookFormat;
  state: DeliveryState;
  events: WebhookEvent[];
  body: string;
  signature: string;
  attempts: DeliveryAttempt[];
  /** Set on a copy the duplicate fault sent again. */
  duplicateOf: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
}

// Request bodies for one delivery, in the legacy `eventNotifications` format or as a CloudEvents array.
// Both carry ids only (the receiver reads the entity); several realms may share one delivery.
import { createHash } from 'node:crypto';
import type { ChangeOperation } from '../company/changes.js';
import type { WebhookEvent, WebhookFormat } from './types.js';

const VERBS: Record<ChangeOperation, string> = {
  Create: 'created',
  Update: 'updated',
  Delete: 'deleted',
  Void: 'voided',
  Merge: 'merged',
  Emailed: 'emailed',
};

function legacy(events: readonly WebhookEvent[]): unknown {
  const byRealm = new Map<string, WebhookEvent[]>();
  for (const event of events) byRealm.set(event.realmId, [...(byRealm.get(event.realmId) ?? []), event]);
  return {
    eventNotifications: [...byRealm].map(([realmId, realmEvents]) => ({
      realmId,
      dataChangeEvent: {
        entities: realmEvents.map((e) => ({ name: e.entity, id: e.id, operation: e.operation, lastUpdated: new Date(e.at).toISOString() })),
      },
    })),
  };
}

/** Intuit's `source` is `intuit.` and an opaque base64 value per app; the sandbox hashes the client id. */
function source(clientId: string): string {
  return `intuit.${createHash('sha256').update(clientId).digest('base64')}`;
}

function cloudEvents(events: readonly WebhookEvent[], clientId: string): unknown {
  return events.map((e) => ({
    specversion: '1.0',
    id: e.eventId,
    source: source(clientId),
    type: `qbo.${e.entity.toLowerCase()}.${VERBS[e.operation]}.v1`,
    datacontenttype: 'application/json',
    time: new Date(e.at).toISOString(),
    intuitentityid: e.id,
    intuitaccountid: e.realmId,
    data: {},
  }));
}

export function renderPayload(format: WebhookFormat, events: readonly WebhookEvent[], clientId: string): string {
  return JSON.stringify(format === 'legacy' ? legacy(events) : cloudEvents(events, clientId));
}

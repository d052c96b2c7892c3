// Intuit's webhook notifications: the `intuit-signature` check (base64 HMAC-SHA256 of the raw body with the app's
// verifier token, compared in constant time) and both payload shapes read into one list of changes — the legacy
// `eventNotifications` (realm → dataChangeEvent.entities) and the CloudEvents array of 2026 (`type`
// `qbo.<entity>.<verb>.v1`, `intuitaccountid` = realm, `intuitentityid`), several realms per delivery. Both carry
// ids only: the entity is read afterwards.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const INTUIT_SIGNATURE_HEADER = 'intuit-signature';

/** One change Intuit told us of. `key` is stable for the same event (CloudEvents id, or the legacy tuple). */
export interface IntuitNotification {
  key: string;
  realmId: string;
  /** Intuit's entity name, e.g. Payment, Invoice. */
  entity: string;
  entityId: string;
  /** Create, Update, Delete, Void, Emailed, Merge. */
  operation: string;
  occurredAt: string | null;
}

export class WebhookPayloadError extends Error {}

/** Whether `signature` is Intuit's signature of `body` under one of the verifier tokens (several during a rotation). */
export function verifyIntuitSignature(body: Buffer, signature: string | undefined, verifierTokens: readonly string[]): boolean {
  if (!signature || verifierTokens.length === 0) return false;
  const given = Buffer.from(signature.trim(), 'base64');
  let ok = false;
  for (const token of verifierTokens) {
    const expected = createHmac('sha256', token).update(body).digest();
    // equal lengths first (timingSafeEqual demands them); every token is checked so timing says nothing
    if (given.length === expected.length && timingSafeEqual(given, expected)) ok = true;
  }
  return ok;
}

const VERBS: Record<string, string> = { created: 'Create', updated: 'Update', deleted: 'Delete', voided: 'Void', emailed: 'Emailed', merged: 'Merge' };
/** CloudEvents types name entities in lower case; the legacy shape and the API use Intuit's own capitals. */
const ENTITY_NAMES = new Map(['Payment', 'Invoice', 'Customer', 'Item', 'Vendor', 'Bill', 'Estimate', 'CreditMemo', 'SalesReceipt',
  'RefundReceipt', 'JournalEntry', 'Deposit', 'Account', 'Employee', 'PurchaseOrder', 'Purchase', 'BillPayment', 'TimeActivity',
  'Preferences', 'Term', 'TaxCode', 'Class', 'Department', 'Transfer', 'VendorCredit', 'Budget', 'Currency', 'PaymentMethod']
  .map((name) => [name.toLowerCase(), name] as const));

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);

/** Reads either payload shape; a body that is neither is a WebhookPayloadError. */
export function parseIntuitNotifications(body: unknown): IntuitNotification[] {
  if (Array.isArray(body)) return body.map(cloudEvent);
  if (body && typeof body === 'object' && Array.isArray((body as { eventNotifications?: unknown }).eventNotifications)) {
    return (body as { eventNotifications: unknown[] }).eventNotifications.flatMap(legacyNotification);
  }
  throw new WebhookPayloadError('neither eventNotifications nor a CloudEvents array');
}

function cloudEvent(event: unknown): IntuitNotification {
  if (!event || typeof event !== 'object') throw new WebhookPayloadError('a CloudEvent is not an object');
  const e = event as Record<string, unknown>;
  const id = text(e.id);
  const realmId = text(e.intuitaccountid);
  const entityId = text(e.intuitentityid);
  const match = /^qbo\.([a-z]+)\.([a-z]+)\.v\d+$/i.exec(text(e.type) ?? '');
  if (!id || !realmId || !entityId || !match) throw new WebhookPayloadError('a CloudEvent lacks id, type, intuitaccountid or intuitentityid');
  const [, entity, verb] = match as unknown as [string, string, string];
  return {
    key: `ce:${id}`,
    realmId,
    entity: ENTITY_NAMES.get(entity.toLowerCase()) ?? entity,
    entityId,
    operation: VERBS[verb.toLowerCase()] ?? verb,
    occurredAt: text(e.time) ?? null,
  };
}

function legacyNotification(notification: unknown): IntuitNotification[] {
  if (!notification || typeof notification !== 'object') throw new WebhookPayloadError('an event notification is not an object');
  const n = notification as { realmId?: unknown; dataChangeEvent?: { entities?: unknown } };
  const realmId = text(n.realmId);
  const entities = n.dataChangeEvent?.entities;
  if (!realmId || !Array.isArray(entities)) throw new WebhookPayloadError('an event notification lacks realmId or dataChangeEvent.entities');
  return entities.map((entry: unknown) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const name = text(e.name);
    const id = text(e.id);
    const operation = text(e.operation);
    if (!name || !id || !operation) throw new WebhookPayloadError('a data change event lacks name, id or operation');
    const occurredAt = text(e.lastUpdated) ?? null;
    return {
      key: `legacy:${realmId}:${name}:${id}:${operation}:${occurredAt ?? ''}`,
      realmId,
      entity: ENTITY_NAMES.get(name.toLowerCase()) ?? name,
      entityId: id,
      operation,
      occurredAt,
    };
  });
}

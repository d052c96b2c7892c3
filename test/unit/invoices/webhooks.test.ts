// Reading Intuit's webhook notifications: the signature (constant-time, raw bytes, token rotation) and both payload
// shapes, with the event keys that make a repeated delivery one event.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseIntuitNotifications, verifyIntuitSignature, WebhookPayloadError } from '../../../quickbooks/online/webhooks.js';
import { renderPayload } from '../../../sandbox/qbo/webhooks/payload.js';
import { intuitSignature } from '../../../sandbox/qbo/webhooks/signature.js';

const sign = (body: string, token: string) => createHmac('sha256', token).update(body).digest('base64');

describe('intuit-signature', () => {
  const body = Buffer.from('{"eventNotifications":[]}');

  it('accepts the HMAC-SHA256 of the raw body under the verifier token, as the sandbox (and Intuit) sign it', () => {
    expect(verifyIntuitSignature(body, sign(body.toString(), 'token-1'), ['token-1'])).toBe(true);
    expect(verifyIntuitSignature(body, intuitSignature(body.toString(), 'token-1'), ['token-1'])).toBe(true);
  });

  it('accepts either token during a rotation', () => {
    expect(verifyIntuitSignature(body, sign(body.toString(), 'old'), ['new', 'old'])).toBe(true);
    expect(verifyIntuitSignature(body, sign(body.toString(), 'new'), ['new', 'old'])).toBe(true);
  });

  it('refuses another token, another body (one byte), a missing or malformed header, and any signature when no token is configured', () => {
    expect(verifyIntuitSignature(body, sign(body.toString(), 'other'), ['token-1'])).toBe(false);
    expect(verifyIntuitSignature(Buffer.from(`${body.toString()} `), sign(body.toString(), 'token-1'), ['token-1'])).toBe(false);
    expect(verifyIntuitSignature(body, undefined, ['token-1'])).toBe(false);
    expect(verifyIntuitSignature(body, '', ['token-1'])).toBe(false);
    expect(verifyIntuitSignature(body, 'c2hvcnQ=', ['token-1'])).toBe(false);
    expect(verifyIntuitSignature(body, sign(body.toString(), ''), [])).toBe(false);
  });
});

describe('payloads', () => {
  const events = [
    { eventId: 'e-1', realmId: '111', entity: 'Payment', id: '41', operation: 'Create' as const, at: Date.parse('2026-11-20T10:00:00Z') },
    { eventId: 'e-2', realmId: '222', entity: 'Invoice', id: '7', operation: 'Update' as const, at: Date.parse('2026-11-20T10:00:01Z') },
    { eventId: 'e-3', realmId: '111', entity: 'Payment', id: '41', operation: 'Void' as const, at: Date.parse('2026-11-20T10:00:02Z') },
  ];

  it('reads CloudEvents (several realms): entity in Intuit\'s capitals, the verb as Intuit\'s operation, keyed by event id', () => {
    const read = parseIntuitNotifications(JSON.parse(renderPayload('cloudevents', events, 'client')));
    expect(read).toEqual([
      { key: 'ce:e-1', realmId: '111', entity: 'Payment', entityId: '41', operation: 'Create', occurredAt: '2026-11-20T10:00:00.000Z' },
      { key: 'ce:e-2', realmId: '222', entity: 'Invoice', entityId: '7', operation: 'Update', occurredAt: '2026-11-20T10:00:01.000Z' },
      { key: 'ce:e-3', realmId: '111', entity: 'Payment', entityId: '41', operation: 'Void', occurredAt: '2026-11-20T10:00:02.000Z' },
    ]);
  });

  it('reads the legacy shape (realm → entities), keyed by realm, entity, id, operation and time', () => {
    const read = parseIntuitNotifications(JSON.parse(renderPayload('legacy', events, 'client')));
    expect(read.map((n) => [n.realmId, n.entity, n.entityId, n.operation])).toEqual([
      ['111', 'Payment', '41', 'Create'], ['111', 'Payment', '41', 'Void'], ['222', 'Invoice', '7', 'Update'],
    ]);
    expect(read[0]!.key).toBe('legacy:111:Payment:41:Create:2026-11-20T10:00:00.000Z');
    expect(new Set(read.map((n) => n.key)).size).toBe(3);
    // the same delivery again gives the same keys
    expect(parseIntuitNotifications(JSON.parse(renderPayload('legacy', events, 'client'))).map((n) => n.key)).toEqual(read.map((n) => n.key));
  });

  it('refuses shapes that are neither', () => {
    for (const body of [{}, { eventNotifications: [{}] }, [{ id: 'x' }], [{ id: 'x', type: 'qbo.payment', intuitaccountid: '1', intuitentityid: '2' }], 'text', null]) {
      expect(() => parseIntuitNotifications(body)).toThrow(WebhookPayloadError);
    }
    expect(parseIntuitNotifications([])).toEqual([]);
    expect(parseIntuitNotifications({ eventNotifications: [] })).toEqual([]);
  });
});

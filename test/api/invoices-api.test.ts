// The invoice API and Intuit's webhook endpoint over real sockets: bad input is refused as problem+json and changes
// nothing (no submission stored, no workflow, no schedule), keys never reach another tenant's invoices, Desktop says
// clearly that it cannot send; the webhook endpoint checks the signature before anything else, refuses without
// detail, records each event once, and answers well within Intuit's 3 seconds.
import { createHmac, randomBytes } from 'node:crypto';
import { Client, Connection, ScheduleNotFoundError, WorkflowNotFoundError } from '@temporalio/client';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyInvoiceWorkflowId, paymentsFeedScheduleId } from '../../control/ids.js';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let tenant: { id: string; apiKey: string };
let otherKey: string;
let connectionId: string;
let temporal: Client;
let temporalConnection: Connection;
let sql: postgres.Sql;

beforeAll(async () => {
  stack = await startTestStack();
  tenant = await createTenant(stack);
  otherKey = (await createTenant(stack)).apiKey;
  ({ connectionId } = await connectQbo(stack, tenant.apiKey));
  temporalConnection = await Connection.connect({ address: inject('temporalAddress') });
  temporal = new Client({ connection: temporalConnection });
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await temporalConnection?.close();
  await stack?.stop();
});

const call = (method: string, path: string, body?: unknown, key = tenant.apiKey) => stack.call(method, path, { key, body });
const base = `/v1/connections/${'{c}'}`;
const path = (suffix: string, connection = connectionId) => `${base.replace('{c}', connection)}${suffix}`;

function expectProblem(response: { status: number; contentType: string; body: Json }, status: number): Json {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.contentType).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  return response.body;
}

const valid = (): Json => ({
  customer: { externalId: 'ORG-1', name: 'Acme' },
  date: '2026-11-20',
  lines: [{ description: 'Ticket #1', quantity: '1', rate: '95.00', serviceType: 'Support' }],
});

async function workflowExists(invoiceId: string): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(copyInvoiceWorkflowId({ tenantId: tenant.id, connectionId, invoiceId })).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

describe('invoice routes', () => {
  it('refuse bad invoices with problem+json and keep nothing: no submission, no workflow, no change feed', async () => {
    const bad: [Json, RegExp][] = [
      [{ ...valid(), lines: [] }, /lines/],
      [{ ...valid(), lines: [{ ...valid().lines[0], rate: '95.001234' }] }, /rate/],
      [{ ...valid(), lines: [{ ...valid().lines[0], rate: '-1' }] }, /rate/],
      [{ ...valid(), lines: [{ ...valid().lines[0], quantity: '0' }] }, /quantity must be more than 0/],
      [{ ...valid(), lines: [{ ...valid().lines[0], serviceType: '' }] }, /serviceType/],
      [{ ...valid(), lines: [{ ...valid().lines[0], description: undefined }] }, /description/],
      [{ ...valid(), date: '2026-02-30' }, /date/],
      [{ ...valid(), dueDate: '2026-11-01' }, /dueDate is before the invoice date/],
      [{ ...valid(), billingEmails: ['not-an-address'] }, /billingEmails/],
      [{ ...valid(), billingEmails: ['a@example.com', 'a@example.com'] }, /billingEmails/],
      [{ ...valid(), number: 'x'.repeat(22) }, /number/],
      [{ ...valid(), customer: { name: 'No id' } }, /externalId/],
      [{ ...valid(), revision: 0 }, /revision/],
      [{ ...valid(), currency: 'EUR' }, /currency|additional/],
    ];
    for (const [body, detail] of bad) expect(expectProblem(await call('PUT', path('/invoices/INV-BAD'), body), 400).detail).toMatch(detail);
    expectProblem(await call('PUT', path('/invoices/has%2Fslash'), valid()), 400);
    const [row] = await sql`select count(*)::int as n from upstream_invoices where connection_id = ${connectionId}`;
    expect(row!.n).toBe(0);
    expect(await workflowExists('INV-BAD')).toBe(false);
    const [mark] = await sql`select count(*)::int as n from change_feed_marks where connection_id = ${connectionId}`;
    expect(mark!.n).toBe(0);
    await expect(temporal.schedule.getHandle(paymentsFeedScheduleId(connectionId)).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expectProblem(await call('GET', path('/invoices/INV-BAD')), 404);
  });

  it('refuse bad send requests and sends of invoices never submitted', async () => {
    expectProblem(await call('POST', path('/invoices/NEVER/send'), {}), 404);
    expectProblem(await call('POST', path('/invoices/NEVER/send'), { requestId: 'has space' }), 400);
    expectProblem(await call('POST', path('/invoices/NEVER/send'), { invoice: { ...valid(), lines: [] } }), 400);
    expectProblem(await call('POST', path('/invoices/NEVER/send'), { extra: true }), 400);
    expect(await workflowExists('NEVER')).toBe(false);
  });

  it('accept a good invoice (202), start the change feed schedule once, and keep another tenant out', async () => {
    const accepted = await call('PUT', path('/invoices/INV-OK'), valid());
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    const schedule = await temporal.schedule.getHandle(paymentsFeedScheduleId(connectionId)).describe();
    expect(schedule.spec.intervals?.[0]?.every).toBe(900_000);
    expectProblem(await call('GET', path('/invoices/INV-OK'), undefined, otherKey), 404);
    expectProblem(await call('PUT', path('/invoices/INV-OK'), valid(), otherKey), 404);
    expectProblem(await call('POST', path('/invoices/INV-OK/send'), {}, otherKey), 404);
    expectProblem(await call('POST', path('/payments/sync'), undefined, otherKey), 404);
  });

  it('refuse invoices on a connection that is not authorised yet, and sending on QuickBooks Desktop in plain words', async () => {
    const pending = await call('POST', '/v1/connections', { type: 'qbo', name: 'Not yet' });
    expectProblem(await call('PUT', path('/invoices/INV-P', pending.body.connection.id), valid()), 409);
    const desktop = await call('POST', '/v1/connections', { type: 'qbd', name: 'Office', runEveryMinutes: 15 });
    expect(desktop.status).toBe(201);
    const refused = expectProblem(await call('POST', path('/invoices/INV-D/send', desktop.body.connection.id), { invoice: valid() }), 422);
    expect(refused.detail).toMatch(/QuickBooks Desktop does not let an integration e-mail invoices/);
    expectProblem(await call('POST', path('/payments/sync', desktop.body.connection.id)), 422);
  });

  it('validate the invoice settings', async () => {
    const current = (await call('GET', path('/settings'))).body;
    expectProblem(await call('PUT', path('/settings'), { ...current, invoices: { incomeAccount: '' } }), 400);
    expectProblem(await call('PUT', path('/settings'), { ...current, invoices: { taxcode: 'TAX' } }), 400);
    const saved = await call('PUT', path('/settings'), { ...current, invoices: { incomeAccount: '7', taxCode: 'TAX' } });
    expect(saved.status).toBe(200);
    expect((await call('GET', path('/settings'))).body.invoices).toEqual({ incomeAccount: '7', taxCode: 'TAX' });
  });
});

describe('POST /v1/intuit/webhooks', () => {
  // a connection of its own that copies invoices (so its payments matter), and one that only sends orders
  let hooked: { connectionId: string; realmId: string };
  let ordersOnly: { connectionId: string; realmId: string };
  beforeAll(async () => {
    hooked = await connectQbo(stack, tenant.apiKey);
    expect((await call('PUT', path('/invoices/INV-HOOK', hooked.connectionId), valid())).status).toBe(202);
    ordersOnly = await connectQbo(stack, tenant.apiKey);
  });
  const token = () => stack.env.INTUIT_WEBHOOK_VERIFIER_TOKEN!;
  const sign = (body: string, secret = token()) => createHmac('sha256', secret).update(body).digest('base64');
  const post = async (body: string, signature?: string) => {
    const started = Date.now();
    const response = await fetch(`${stack.apiUrl}/v1/intuit/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...(signature === undefined ? {} : { 'intuit-signature': signature }) },
      body,
    });
    return { status: response.status, body: await response.json() as Json, ms: Date.now() - started };
  };
  const cloudEvent = (realm: string, entity: string, entityId: string) => ({
    specversion: '1.0', id: randomBytes(8).toString('hex'), source: 'intuit.test', type: `qbo.${entity}.created.v1`,
    datacontenttype: 'application/json', time: new Date().toISOString(), intuitentityid: entityId, intuitaccountid: realm, data: {},
  });
  const stored = async (connection = hooked.connectionId) => (await sql`select count(*)::int as n from intuit_events where connection_id = ${connection}`)[0]!.n as number;

  it('refuses a missing or wrong signature (401) without detail, before reading the body', async () => {
    const body = JSON.stringify([cloudEvent(hooked.realmId, 'payment', '1')]);
    for (const signature of [undefined, '', 'not base64!', sign(body, 'another-token'), sign(`${body} `)]) {
      const answer = await post(body, signature);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ type: 'https://qbflow.dev/problems/401', title: 'Unauthorized', status: 401 });
    }
    expect((await post('{not json', 'AAAA')).status).toBe(401); // unparsable, but refused for its signature first
    expect(await stored()).toBe(0);
  });

  it('refuses signed bodies that are not Intuit notifications (400) and realms no connection has (403), without detail', async () => {
    for (const body of ['{not json', '{"hello":"world"}', '[{"id":"x"}]', '{"eventNotifications":[{"hooked.realmId":"1"}]}']) {
      const answer = await post(body, sign(body));
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ type: 'https://qbflow.dev/problems/400', title: 'Bad Request', status: 400 });
    }
    const stranger = JSON.stringify([cloudEvent('9999000011112222', 'payment', '5')]);
    const refused = await post(stranger, sign(stranger));
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ type: 'https://qbflow.dev/problems/403', title: 'Forbidden', status: 403 });
    expect(await stored()).toBe(0);
  });

  it('records both payload shapes once per event (mixed realms: the known one), and answers within a fraction of 3 s', async () => {
    const events = [cloudEvent(hooked.realmId, 'payment', '41'), cloudEvent('9999000011112222', 'payment', '42'), cloudEvent(hooked.realmId, 'customer', '7')];
    const body = JSON.stringify(events);
    const first = await post(body, sign(body));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 3, recorded: 1 });
    expect(first.ms).toBeLessThan(1_500);
    const again = await post(body, sign(body)); // Intuit's retry of the same delivery
    expect(again.body).toEqual({ received: 3, recorded: 0 });

    const legacy = JSON.stringify({ eventNotifications: [{ realmId: hooked.realmId, dataChangeEvent: { entities: [
      { name: 'Payment', id: '43', operation: 'Delete', lastUpdated: '2026-11-20T10:00:00.000Z' },
      { name: 'Invoice', id: '44', operation: 'Update', lastUpdated: '2026-11-20T10:00:01.000Z' },
    ] } }] });
    expect((await post(legacy, sign(legacy))).body).toEqual({ received: 2, recorded: 2 });
    expect((await post(legacy, sign(legacy))).body).toEqual({ received: 2, recorded: 0 });
    const rows = await sql`select entity, entity_id, operation, source from intuit_events where connection_id = ${hooked.connectionId} order by id`;
    expect(rows.map((r) => [r.entity, r.entity_id, r.operation, r.source])).toEqual([
      ['Payment', '41', 'Create', 'webhook'], ['Payment', '43', 'Delete', 'webhook'], ['Invoice', '44', 'Update', 'webhook'],
    ]);
  });

  it('acknowledges, and keeps nothing of, the changes of a connection that copies no invoices (its orders are its own)', async () => {
    const body = JSON.stringify([cloudEvent(ordersOnly.realmId, 'payment', '51'), cloudEvent(ordersOnly.realmId, 'invoice', '52')]);
    const answer = await post(body, sign(body));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ received: 2, recorded: 0 });
    expect(await stored(ordersOnly.connectionId)).toBe(0);
  });
});

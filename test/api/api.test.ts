// The HTTP API over real sockets: auth, validation as problem+json, tenant isolation, and that bad input
// writes nothing anywhere (database, Temporal, QuickBooks).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { connectQbo, createTenant, seedOrder, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let otherKey: string;
let connectionId: string;
let otherConnectionId: string;
let realmId: string;
let sql: postgres.Sql;

beforeAll(async () => {
  stack = await startTestStack();
  sql = postgres(stack.config.databaseUrl, { max: 1 });
  key = (await createTenant(stack)).apiKey;
  otherKey = (await createTenant(stack)).apiKey;
  ({ connectionId, realmId } = await connectQbo(stack, key));
  ({ connectionId: otherConnectionId } = await connectQbo(stack, otherKey));
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

const post = (path: string, body: unknown, apiKey = key) => stack.call('POST', path, { key: apiKey, body });
const ordersPath = (id = connectionId) => `/v1/connections/${id}/orders`;

function expectProblem(response: { status: number; contentType: string; body: Json }, status: number) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.contentType).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

describe('authentication', () => {
  it('needs the operator token to create tenants', async () => {
    expectProblem(await stack.call('POST', '/v1/tenants', { body: { name: 'x' } }), 401);
    expectProblem(await stack.call('POST', '/v1/tenants', { key, body: { name: 'x' } }), 403);
  });

  it('needs a valid API key on tenant routes', async () => {
    expectProblem(await stack.call('GET', `/v1/connections/${connectionId}`), 401);
    expectProblem(await stack.call('GET', `/v1/connections/${connectionId}`, { key: 'qbf_0000_nope' }), 401);
    const ok = await stack.call('GET', `/v1/connections/${connectionId}`, { key });
    expect(ok.body).toMatchObject({ id: connectionId, type: 'qbo', status: 'connected', realmId });
    expect(ok.body.reauthorizeBy).toMatch(/^\d{4}-/);
  });

  it("never reaches another tenant's connection", async () => {
    expectProblem(await stack.call('GET', `/v1/connections/${otherConnectionId}`, { key }), 404);
    expectProblem(await stack.call('GET', `/v1/connections/${otherConnectionId}/settings`, { key }), 404);
    expectProblem(await post(ordersPath(otherConnectionId), seedOrder()), 404);
    expectProblem(await stack.call('GET', `/v1/connections/${otherConnectionId}/quickbooks/customers`, { key }), 404);
  });
});

describe('bad orders change nothing', () => {
  const bad: [string, (order: Json) => void, number, RegExp][] = [
    ['a missing customer', (o) => delete o.customer, 400, /customer/],
    ['a missing orderId', (o) => delete o.orderId, 400, /orderId/],
    ['a negative quantity', (o) => (o.lines[0].quantity = '-1'), 400, /lines\/0\/quantity/],
    ['a non-numeric quantity', (o) => (o.lines[0].quantity = 'ten'), 400, /lines\/0\/quantity/],
    ['a numeric (not string) price', (o) => (o.lines[0].unitPrice = 2.3), 400, /lines\/0\/unitPrice/],
    ['a zero quantity', (o) => (o.lines[0].quantity = '0'), 400, /must be more than 0/],
    ['money with three decimals', (o) => (o.discount = '11.505'), 400, /discount/],
    ['a payment with three decimals', (o) => (o.payments[0].amount = '100.005'), 400, /payments\/0\/amount/],
    ['an impossible date', (o) => (o.date = '2026-02-30'), 400, /date/],
    ['an unknown field', (o) => (o.surprise = true), 400, /surprise|additional/],
    ['a bill without a vendor', (o) => delete o.vendor, 400, /vendor/],
  ];

  for (const [what, mutate, status, detail] of bad) {
    it(`refuses ${what}`, async () => {
      const order = seedOrder() as Json;
      mutate(order);
      const response = await post(ordersPath(), order);
      expectProblem(response, status);
      expect(JSON.stringify(response.body)).toMatch(detail);
      if (order.orderId) await expectNothingWritten(order.orderId);
    });
  }

  it('refuses an unknown connection', async () => {
    const order = seedOrder();
    expectProblem(await post(ordersPath(randomUUID()), order), 404);
    expectProblem(await post(ordersPath('not-a-uuid'), order), 400);
    await expectNothingWritten(order.orderId);
  });

  it('refuses an oversized body', async () => {
    const order = seedOrder({ memo: 'x'.repeat(900) });
    const huge = { ...order, lines: Array.from({ length: 500 }, () => ({ ...order.lines[0]!, description: 'y'.repeat(3000) })) };
    expectProblem(await post(ordersPath(), huge), 413);
    await expectNothingWritten(order.orderId);
  });

  it('refuses malformed JSON', async () => {
    const response = await stack.call('POST', ordersPath(), { key, rawBody: '{"orderId": "x",' });
    expectProblem(response, 400);
  });

  it('refuses senders and documents the settings do not allow', async () => {
    const settings = (await stack.call('GET', `/v1/connections/${connectionId}/settings`, { key })).body;
    const restricted = { ...settings, senders: { mode: 'listed', teams: ['accounting'], users: [] }, documents: { invoice: true, bill: true, purchaseOrder: false } };
    expect((await stack.call('PUT', `/v1/connections/${connectionId}/settings`, { key, body: restricted })).status).toBe(200);
    try {
      const order = seedOrder();
      const byStranger = await post(ordersPath(), order);
      expectProblem(byStranger, 403);
      expect(byStranger.body.detail).toContain('u-1');
      const po = await post(ordersPath(), { ...order, sentBy: { userId: 'u-1', teamIds: ['accounting'] }, documents: ['purchaseOrder'], payments: [] });
      expectProblem(po, 403);
      expect(po.body.detail).toContain('Purchase orders');
      await expectNothingWritten(order.orderId);
    } finally {
      await stack.call('PUT', `/v1/connections/${connectionId}/settings`, { key, body: settings });
    }
  });
});

describe('settings, mappings and look-ups', () => {
  it('serves defaults, validates and stores settings', async () => {
    const read = await stack.call('GET', `/v1/connections/${connectionId}/settings`, { key });
    expect(read.body).toEqual({
      senders: { mode: 'everyone' }, documents: { invoice: true, bill: true, purchaseOrder: true },
      itemField: 'productNumber', accounts: {}, tax: { mode: 'quickbooks' },
    });
    expectProblem(await stack.call('PUT', `/v1/connections/${connectionId}/settings`, { key, body: { ...read.body, itemField: 'sku' } }), 400);
    expectProblem(await stack.call('PUT', `/v1/connections/${connectionId}/settings`, { key, body: { ...read.body, senders: { mode: 'listed', teams: [], users: [] } } }), 422);
    const changed = { ...read.body, itemField: 'productName', tax: { mode: 'orderTotal', itemId: '5' } };
    expect((await stack.call('PUT', `/v1/connections/${connectionId}/settings`, { key, body: changed })).body).toEqual(changed);
    expect((await stack.call('GET', `/v1/connections/${connectionId}/settings`, { key })).body).toEqual(changed);
    await stack.call('PUT', `/v1/connections/${connectionId}/settings`, { key, body: read.body });
  });

  it('searches QuickBooks for pickers', async () => {
    const accounts = await stack.call('GET', `/v1/connections/${connectionId}/quickbooks/accounts?search=Sales`, { key });
    expect(accounts.status).toBe(200);
    expect(accounts.body.results.map((a: Json) => a.name)).toContain('Sales of Product Income');
    const taxCodes = await stack.call('GET', `/v1/connections/${connectionId}/quickbooks/tax-codes`, { key });
    expect(taxCodes.body.results.map((t: Json) => t.name)).toEqual(expect.arrayContaining(['TAX', 'NON']));
    expectProblem(await stack.call('GET', `/v1/connections/${connectionId}/quickbooks/planets`, { key }), 400);
  });

  it('maps an upstream customer to a QuickBooks customer that exists, and refuses one that does not', async () => {
    const company = stack.sandbox!.server;
    const existing = (await fetch(`${stack.sandboxUrl}/v3/company/${realmId}/customer?minorversion=75`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${company.tokens.issue(realmId).access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ DisplayName: 'Mapped Customer Ltd' }),
    }).then((r) => r.json())) as Json;
    const id = existing.Customer.Id as string;

    expectProblem(await stack.call('PUT', `/v1/connections/${connectionId}/mappings/customers/ESP-42`, { key, body: { quickbooksId: '999999' } }), 422);
    const mapped = await stack.call('PUT', `/v1/connections/${connectionId}/mappings/customers/ESP-42`, { key, body: { quickbooksId: id } });
    expect(mapped.body).toMatchObject({ externalId: 'ESP-42', quickbooksId: id, quickbooksName: 'Mapped Customer Ltd', source: 'manual' });
    expect((await stack.call('GET', `/v1/connections/${connectionId}/mappings/customers/ESP-42`, { key })).body.quickbooksId).toBe(id);
    expectProblem(await stack.call('GET', `/v1/connections/${connectionId}/mappings/customers/unknown`, { key }), 404);
  });
});

describe('OAuth callback', () => {
  it('ignores a forged state and a replayed one', async () => {
    const forged = await fetch(`${stack.apiUrl}/v1/oauth/callback?state=forged&code=abc&realmId=${realmId}`);
    expect(forged.status).toBe(400);

    const created = await post('/v1/connections', { type: 'qbo' });
    const consent = await fetch(created.body.authorizeUrl, { redirect: 'manual' });
    const callback = consent.headers.get('location')!;
    expect((await fetch(callback)).status).toBe(200);
    const replay = await fetch(callback);
    expect(replay.status).toBe(400);
    const connection = await stack.call('GET', `/v1/connections/${created.body.connection.id}`, { key });
    expect(connection.body.status).toBe('connected');
  });

  it('refuses a different company for an existing connection', async () => {
    const other = stack.sandbox!.server.companies.create({ name: 'Someone else' });
    const again = await post(`/v1/connections/${connectionId}/authorize`, {});
    const url = new URL(again.body.authorizeUrl);
    url.searchParams.set('sandbox_realm', other.realmId);
    const consent = await fetch(url, { redirect: 'manual' });
    const refused = await fetch(consent.headers.get('location')!);
    expect(refused.status).toBe(409);
    expect((await stack.call('GET', `/v1/connections/${connectionId}`, { key })).body.realmId).toBe(realmId);
  });
});

it('publishes an OpenAPI document with every route', async () => {
  const doc = await stack.call('GET', '/docs/json');
  expect(doc.status).toBe(200);
  expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
    '/v1/tenants', '/v1/connections', '/v1/connections/{id}', '/v1/connections/{id}/settings',
    '/v1/connections/{id}/mappings/{kind}/{externalId}', '/v1/connections/{id}/quickbooks/{kind}',
    '/v1/connections/{id}/orders', '/v1/connections/{id}/orders/{orderId}',
  ]));
});

/** No document row, no workflow, no invoice in QuickBooks for this order. */
async function expectNothingWritten(orderId: string) {
  const rows = await sql`select count(*)::int as n from documents where external_id = ${orderId}`;
  expect(rows[0]!.n).toBe(0);
  const status = await stack.call('GET', `/v1/connections/${connectionId}/orders/${encodeURIComponent(orderId)}`, { key });
  expect(status.status).toBe(404);
  const invoices = (stack.sandbox!.server.companies.objects(realmId, 'Invoice') as Json[]);
  expect(invoices).toHaveLength(0);
}

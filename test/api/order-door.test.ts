// Orders that can never post are refused at the door (issue 9, §2): each is a 4xx problem+json naming the field and
// why, and nothing is written: no document row, no workflow, nothing in QuickBooks. Names cut for QuickBooks
// Online never split a character, so the same name always finds the same customer.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDesktop, QUICK_QBD_ENV, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { connectQbo, createTenant, seedOrder, startTestStack, waitForOrder, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ENTITIES = ['Customer', 'Vendor', 'Item', 'Invoice', 'Bill', 'PurchaseOrder', 'Payment'] as const;

let stack: TestStack;
let sql: postgres.Sql;
let key: string;
/** Only refused orders are sent here, so its QuickBooks company must never change. */
let refusals: { connectionId: string; realmId: string };
/** Where orders that pass are posted. */
let posting: { connectionId: string; realmId: string };
let desktop: DesktopConnection;
let untouched: Record<string, number>;

const objects = (realmId: string, entity: string) => stack.sandbox!.server.companies.objects(realmId, entity) as Json[];
const counts = () => Object.fromEntries(ENTITIES.map((entity) => [entity, objects(refusals.realmId, entity).length]));

beforeAll(async () => {
  stack = await startTestStack({ env: QUICK_QBD_ENV });
  sql = postgres(stack.config.databaseUrl, { max: 1 });
  key = (await createTenant(stack)).apiKey;
  refusals = await connectQbo(stack, key);
  posting = await connectQbo(stack, key);
  desktop = await connectDesktop(stack.apiUrl, key);
  untouched = counts();
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

const send = (connectionId: string, order: unknown) => stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order });

/** A 400 problem+json whose errors name `field` and say why. */
async function expectRefused(connectionId: string, order: Json, field: string, why: RegExp) {
  const response = await send(connectionId, order);
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.contentType).toContain('application/problem+json');
  expect(response.body).toMatchObject({ type: expect.any(String), title: 'Bad Request', status: 400 });
  const named = (response.body.errors as { field: string; message: string }[]).find((e) => e.field === field);
  expect(named, JSON.stringify(response.body.errors)).toBeDefined();
  expect(named!.message).toMatch(why);
  expect(response.body.detail).toContain(field);
  await expectNothingWritten(connectionId, order.orderId as string);
}

/** No document row, no workflow, and (Online) no change at all in the QuickBooks company. */
async function expectNothingWritten(connectionId: string, orderId: string) {
  const clean = orderId.replace(/[\u0000-\u001f].*$/s, ''); // eslint-disable-line no-control-regex -- PostgreSQL takes no NUL, even in a parameter
  const rows = await sql`select count(*)::int as n from documents where connection_id = ${connectionId} and external_id like ${`${clean}%`}`;
  expect(rows[0]!.n).toBe(0);
  const status = await stack.call('GET', `/v1/connections/${connectionId}/orders/${encodeURIComponent(orderId)}`, { key });
  expect(status.status, JSON.stringify(status.body)).toBe(404);
  if (connectionId === refusals.connectionId) expect(counts()).toEqual(untouched);
}

describe('amounts QuickBooks would never accept', () => {
  it('refuses a line of 9999999999 × 9999999999 (beyond what cents in a safe integer hold)', async () => {
    const order = seedOrder({ discount: undefined, payments: [] });
    order.lines[0] = { ...order.lines[0]!, quantity: '9999999999', unitPrice: '9999999999' };
    await expectRefused(refusals.connectionId, order, 'lines/0', /amounts to 99999999980000000001\.00 \(quantity × unitPrice\); QuickBooks accepts at most 9999999999\.99/);
  });

  it('refuses lines that add up to more than QuickBooks accepts for one invoice', async () => {
    const order = seedOrder({ documents: ['invoice'], discount: undefined, payments: [] });
    const line = { ...order.lines[0]!, quantity: '2', unitPrice: '2500000000' };
    order.lines = [line, { ...line, productNumber: 'A7103' }];
    await expectRefused(refusals.connectionId, order, 'lines', /add up to 10000000000\.00; QuickBooks accepts at most 9999999999\.99 for one invoice/);
  });

  it('refuses a tax beyond what QuickBooks accepts', async () => {
    await expectRefused(refusals.connectionId, seedOrder({ tax: '99999999999.99' }), 'tax', /QuickBooks accepts at most 9999999999\.99/);
  });

  it('refuses a discount larger than the lines', async () => {
    await expectRefused(refusals.connectionId, seedOrder({ discount: '230.01', payments: [] }), 'discount', /\(230\.01\) is more than the lines add up to \(230\.00\)/);
  });

  it('refuses payments larger than the invoice total', async () => {
    const order = seedOrder({ payments: [{ externalId: 'P1', amount: '200.00', date: '2026-11-20' }, { externalId: 'P2', amount: '18.51', date: '2026-11-20' }] });
    await expectRefused(refusals.connectionId, order, 'payments', /add up to 218\.51, more than the invoice total of 218\.50/);
  });
});

describe('text QuickBooks or the database cannot hold', () => {
  it('refuses a NUL in the orderId (PostgreSQL answered it with a 500)', async () => {
    const order = seedOrder();
    await expectRefused(refusals.connectionId, { ...order, orderId: `${order.orderId}\u0000x` }, 'orderId', /control character U\+0000 \(NUL\) at character 13/);
  });

  it('refuses a NUL in the customer name (it created the customer, then failed storing the mapping for hours)', async () => {
    const order = seedOrder();
    await expectRefused(refusals.connectionId, { ...order, customer: { ...order.customer, name: 'ABC\u0000 Company' } }, 'customer/name', /U\+0000 \(NUL\)/);
  });

  it('refuses another control character in a product name', async () => {
    const order = seedOrder();
    order.lines[0] = { ...order.lines[0]!, productName: 'Almond \u001b[31m red' };
    await expectRefused(refusals.connectionId, order, 'lines/0/productName', /control character U\+001B \(ESC\)/);
  });

  it('refuses half of an emoji (a lone surrogate) in the vendor name', async () => {
    const order = seedOrder();
    await expectRefused(refusals.connectionId, { ...order, vendor: { ...order.vendor!, name: 'ASI \uD83D Supplier' } }, 'vendor/name', /half of a character \(the lone surrogate U\+D83D/);
  });

  it('refuses a non-character in a line description', async () => {
    const order = seedOrder();
    order.lines[0] = { ...order.lines[0]!, description: 'Stoneware \uFFFF' };
    await expectRefused(refusals.connectionId, order, 'lines/0/description', /U\+FFFF .* non-character/);
  });

  it('refuses a whitespace-only customer name', async () => {
    const order = seedOrder();
    await expectRefused(refusals.connectionId, { ...order, customer: { ...order.customer, name: ' \u00a0 ' } }, 'customer/name', /is blank: it has no visible character/);
  });

  it('refuses a whitespace-only product number (the id an item is found by)', async () => {
    const order = seedOrder();
    order.lines[0] = { ...order.lines[0]!, productNumber: '   ' };
    await expectRefused(refusals.connectionId, order, 'lines/0/productNumber', /is blank/);
  });

  it('refuses, for QuickBooks Desktop, a character Windows-1252 cannot store, naming it', async () => {
    const order = seedOrder();
    const body = { ...order, customer: { ...order.customer, name: 'Łódź Trading' } };
    const queued = async () => (await sql`select count(*)::int as n from qbd_requests where connection_id = ${desktop.connectionId}`)[0]!.n as number;
    const before = await queued(); // the lists imported on the first Web Connector run
    await expectRefused(desktop.connectionId, body, 'customer/name', /contains "Ł" \(U\+0141\) at character 1, which QuickBooks Desktop cannot store/);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a workflow, had one started, would have queued by now
    expect(await queued()).toBe(before);
    // the same order is fine for QuickBooks Online, which stores Unicode
    expect((await send(posting.connectionId, { ...body, documents: ['invoice'], payments: [] })).status).toBe(202);
  });
});

describe('what passes the door posts', () => {
  it('a customer named with 100 emoji: cut whole for QuickBooks Online, and found again by the next order', async () => {
    const name = `A${'😀'.repeat(99)}`; // 100 characters, 199 UTF-16 units: the old cut left half an emoji
    const first = seedOrder({ documents: ['invoice'], payments: [], customer: { externalId: 'EMOJI-1', name } });
    const second = seedOrder({ documents: ['invoice'], payments: [], customer: { externalId: 'EMOJI-2', name } });
    expect((await send(posting.connectionId, first)).status).toBe(202);
    const one = await waitForOrder(stack, key, posting.connectionId, first.orderId);
    expect(one.outcome, JSON.stringify(one.steps)).toBe('posted');
    expect((await send(posting.connectionId, second)).status).toBe(202);
    const two = await waitForOrder(stack, key, posting.connectionId, second.orderId);
    expect(two.outcome, JSON.stringify(two.steps)).toBe('posted');

    const customerId = one.steps.find((s) => s.step === 'customer')!.quickbooksId;
    expect(two.steps.find((s) => s.step === 'customer')!.quickbooksId).toBe(customerId);
    const customer = objects(posting.realmId, 'Customer').find((c) => c.Id === customerId)!;
    expect(customer.DisplayName).toBe(`A${'😀'.repeat(49)}`);
    const halves = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(objects(posting.realmId, 'Customer').filter((c) => halves.test(String(c.DisplayName)))).toEqual([]);
  });

  it('a memo keeps its line breaks and tabs', async () => {
    const order = seedOrder({ documents: ['invoice'], payments: [], memo: 'Deliver to:\r\n\tBack door' });
    expect((await send(posting.connectionId, order)).status).toBe(202);
    const done = await waitForOrder(stack, key, posting.connectionId, order.orderId);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    const invoice = objects(posting.realmId, 'Invoice').find((i) => i.DocNumber === order.number)!;
    expect(invoice.CustomerMemo).toEqual({ value: 'Deliver to:\r\n\tBack door' });
  });
});

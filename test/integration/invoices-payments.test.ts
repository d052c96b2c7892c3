// Payments recorded in QuickBooks Online come back to the upstream app over the real stack: the sandbox's signed
// webhooks (both payload formats, batched, retried, and in a storm of duplicates, reordering, a forged delivery and
// a lost one found again by the change feed) → POST /v1/intuit/webhooks → the payments sync → signed upstream
// events, each told exactly once.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';
import { eventually, startWebhookReceiver } from '../support/receivers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let connectionId: string;
let realmId: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let sql: postgres.Sql;

const sandbox = () => stack.sandbox!.server;
const base = (connection = connectionId) => `/v1/connections/${connection}`;
const n = () => randomBytes(4).toString('hex');

/** Every upstream event received so far, parsed. */
const received = (): Json[] => receiver.received.map((r) => JSON.parse(r.body) as Json);
const eventsFor = (invoiceId: string, connection = connectionId) => received().filter((e) => e.data.invoiceId === invoiceId && e.data.connectionId === connection);

async function copy(invoiceId: string, lines: [quantity: string, rate: string][], connection = connectionId, customer = `Client ${n()}`): Promise<string> {
  const body = {
    customer: { externalId: `ORG-${customer}`, name: customer },
    date: '2026-11-20',
    lines: lines.map(([quantity, rate], i) => ({ description: `Ticket #${i + 1}`, quantity, rate, serviceType: 'Hours' })),
  };
  const accepted = await stack.call('PUT', `${base(connection)}/invoices/${invoiceId}`, { key, body });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  const view = await eventually(async () => (await stack.call('GET', `${base(connection)}/invoices/${invoiceId}`, { key })).body as Json,
    (v) => v.run === 'COMPLETED', 90_000);
  expect(view.outcome, JSON.stringify(view)).toBe('copied');
  return view.copied.quickbooksId as string;
}

const pay = (realm: string, date: string, ...applied: [invoiceId: string, amount: number][]) =>
  sandbox().bookkeeper.recordPayment(realm, { TxnDate: date, Line: applied.map(([id, amount]) => ({ Amount: amount, LinkedTxn: [{ TxnId: id, TxnType: 'Invoice' }] })) }) as Json;

/** Nothing left anywhere: the sandbox has delivered, every Intuit event is processed, every upstream delivery made. */
async function quiet(): Promise<void> {
  await sandbox().webhooks.settled(60_000);
  await eventually(async () => {
    const [events] = await sql`select count(*)::int as n from intuit_events where processed_at is null`;
    const pending = (await stack.call('GET', '/v1/webhooks/deliveries?status=pending', { key })).body.deliveries as Json[];
    return (events!.n as number) + pending.length;
  }, (left) => left === 0, 90_000);
  // a duplicate still in flight would show up within this moment
  await new Promise((resolve) => setTimeout(resolve, 1_500));
}

const view = async (invoiceId: string, connection = connectionId) => (await stack.call('GET', `${base(connection)}/invoices/${invoiceId}`, { key })).body as Json;

beforeAll(async () => {
  stack = await startTestStack({ sandbox: { webhooks: { batchWindowMs: 300, retryScale: 0.005 } } });
  key = (await createTenant(stack)).apiKey;
  ({ connectionId, realmId } = await connectQbo(stack, key));
  const services = sandbox().companies.objects(realmId, 'Account').find((a) => a.Name === 'Services')!;
  const settings = (await stack.call('GET', `${base()}/settings`, { key })).body;
  await stack.call('PUT', `${base()}/settings`, { key, body: { ...settings, invoices: { incomeAccount: services.Id } } });
  receiver = await startWebhookReceiver();
  const hook = await stack.call('POST', '/v1/webhooks', { key, body: { url: receiver.url, events: ['invoice.paid', 'invoice.partially_paid', 'invoice.payment_reversed'] } });
  expect(hook.status).toBe(201);
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await receiver?.close();
  await stack?.stop();
});

describe('payments back from QuickBooks Online', () => {
  it('tells the upstream app invoice.paid exactly once through a webhook storm (duplicates, reordering, a forged delivery)', async () => {
    const quickbooksId = await copy('INV-STORM', [['2', '95.00'], ['1.5', '120.00']]);
    sandbox().webhooks.setFaults({ duplicate: 3, reorder: true });
    const payment = pay(realmId, '2026-11-25', [quickbooksId, 370]);
    // a forged notification (wrong signature) that would delete the payment is refused and changes nothing
    const forged = await fetch(`${stack.apiUrl}/v1/intuit/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'intuit-signature': Buffer.alloc(32, 7).toString('base64') },
      body: JSON.stringify([{ specversion: '1.0', id: n(), source: 'intuit.x', type: 'qbo.payment.deleted.v1', time: new Date().toISOString(), intuitentityid: payment.Id, intuitaccountid: realmId, data: {} }]),
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ type: 'https://qbflow.dev/problems/401', title: 'Unauthorized', status: 401 });

    await eventually(() => eventsFor('INV-STORM'), (events) => events.some((e) => e.type === 'invoice.paid'), 90_000);
    await quiet();
    sandbox().webhooks.clearFaults();
    const duplicates = sandbox().webhooks.deliveries({ realmId }).filter((d) => d.duplicateOf !== null && d.state === 'delivered');
    expect(duplicates.length).toBeGreaterThan(0);

    const events = eventsFor('INV-STORM');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'invoice.paid',
      data: { quickbooksInvoiceId: quickbooksId, paymentId: payment.Id, paymentDate: '2026-11-25', amount: '370.00', paid: '370.00', balance: '0.00', status: 'paid' },
    });
    expect(receiver.received.filter((r) => r.headers['qbflow-event-id'] === events[0]!.id)).toHaveLength(1);
    expect(await view('INV-STORM')).toMatchObject({
      status: 'paid', balance: '0.00', paid: '370.00', payments: [{ paymentId: payment.Id, amount: '370.00', date: '2026-11-25', state: 'applied' }],
    });
  });

  it('finds a payment whose webhook delivery was lost through the change feed, and tells it once', async () => {
    const quickbooksId = await copy('INV-LOST', [['1', '250.00']]);
    await quiet();
    sandbox().webhooks.setFaults({ drop: 1 });
    const payment = pay(realmId, '2026-11-26', [quickbooksId, 250]);
    await sandbox().webhooks.settled(30_000);
    sandbox().webhooks.clearFaults();
    expect(sandbox().webhooks.deliveries({ realmId }).some((d) => d.state === 'dropped' && d.events.some((e) => e.id === payment.Id))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(eventsFor('INV-LOST')).toHaveLength(0);

    const sync = await stack.call('POST', `${base()}/payments/sync`, { key });
    expect(sync.status).toBe(202);
    await eventually(() => eventsFor('INV-LOST'), (events) => events.length > 0, 90_000);
    await stack.call('POST', `${base()}/payments/sync`, { key }); // again: nothing new
    await quiet();
    expect(eventsFor('INV-LOST').map((e) => [e.type, e.data.paymentId, e.data.amount])).toEqual([['invoice.paid', payment.Id, '250.00']]);
  });

  it('re-syncs by query when the change feed is more than 30 days behind: a new payment and a deleted one are found', async () => {
    const a = await copy('INV-GAP-A', [['1', '50.00']]);
    const b = await copy('INV-GAP-B', [['1', '60.00']]);
    const kept = pay(realmId, '2026-11-20', [b, 60]);
    await eventually(() => eventsFor('INV-GAP-B'), (events) => events.length >= 1, 90_000);
    await quiet();
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await sql`update change_feed_marks set high_water = ${longAgo} where connection_id = ${connectionId}`;
    sandbox().webhooks.setFaults({ drop: 1 }); // both changes travel in one delivery, which is lost
    const paid = pay(realmId, '2026-11-29', [a, 50]);
    sandbox().bookkeeper.deletePayment(realmId, kept.Id);
    await sandbox().webhooks.settled(30_000);
    sandbox().webhooks.clearFaults();
    expect(eventsFor('INV-GAP-A')).toHaveLength(0);

    expect((await stack.call('POST', `${base()}/payments/sync`, { key })).status).toBe(202);
    await eventually(() => [...eventsFor('INV-GAP-A'), ...eventsFor('INV-GAP-B')], (events) => events.length >= 3, 90_000);
    await quiet();
    expect(eventsFor('INV-GAP-A').map((e) => [e.type, e.data.paymentId])).toEqual([['invoice.paid', paid.Id]]);
    expect(eventsFor('INV-GAP-B').map((e) => [e.type, e.data.paymentId, e.data.reason ?? null])).toEqual([
      ['invoice.paid', kept.Id, null], ['invoice.payment_reversed', kept.Id, 'deleted'],
    ]);
    const [mark] = await sql`select high_water, last_outcome from change_feed_marks where connection_id = ${connectionId}`;
    expect(mark!.last_outcome).toMatch(/^resync: /);
    expect(Date.parse(mark!.high_water as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('tells a partial payment as invoice.partially_paid, and the rest as invoice.paid', async () => {
    const quickbooksId = await copy('INV-PART', [['4', '50.00']]);
    const first = pay(realmId, '2026-11-21', [quickbooksId, 80]);
    await eventually(() => eventsFor('INV-PART'), (events) => events.length >= 1, 90_000);
    expect(await view('INV-PART')).toMatchObject({ status: 'partially_paid', balance: '120.00', paid: '80.00' });
    const second = pay(realmId, '2026-11-28', [quickbooksId, 120]);
    await eventually(() => eventsFor('INV-PART'), (events) => events.length >= 2, 90_000);
    await quiet();
    expect(eventsFor('INV-PART').map((e) => [e.type, e.data.paymentId, e.data.amount, e.data.balance, e.data.status])).toEqual([
      ['invoice.partially_paid', first.Id, '80.00', '120.00', 'partially_paid'],
      ['invoice.paid', second.Id, '120.00', '0.00', 'paid'],
    ]);
  });

  it('reverses a voided and a deleted payment from what it recorded (QuickBooks keeps no amounts for them)', async () => {
    const quickbooksId = await copy('INV-REV', [['1', '300.00']]);
    const voided = pay(realmId, '2026-11-22', [quickbooksId, 300]);
    await eventually(() => eventsFor('INV-REV'), (events) => events.length >= 1, 90_000);
    sandbox().bookkeeper.voidPayment(realmId, voided.Id);
    await eventually(() => eventsFor('INV-REV'), (events) => events.length >= 2, 90_000);
    expect(await view('INV-REV')).toMatchObject({ status: 'open', balance: '300.00' });

    const deleted = pay(realmId, '2026-11-23', [quickbooksId, 300]);
    await eventually(() => eventsFor('INV-REV'), (events) => events.length >= 3, 90_000);
    sandbox().bookkeeper.deletePayment(realmId, deleted.Id);
    await eventually(() => eventsFor('INV-REV'), (events) => events.length >= 4, 90_000);
    await quiet();
    expect(eventsFor('INV-REV').map((e) => [e.type, e.data.paymentId, e.data.amount, e.data.reason ?? null, e.data.status])).toEqual([
      ['invoice.paid', voided.Id, '300.00', null, 'paid'],
      ['invoice.payment_reversed', voided.Id, '300.00', 'voided', 'open'],
      ['invoice.paid', deleted.Id, '300.00', null, 'paid'],
      ['invoice.payment_reversed', deleted.Id, '300.00', 'deleted', 'open'],
    ]);
    const payments = (await view('INV-REV')).payments as Json[];
    expect(payments.map((p) => [p.paymentId, p.amount, p.state]).sort()).toEqual([[deleted.Id, '0.00', 'deleted'], [voided.Id, '0.00', 'voided']].sort());
  });

  it('splits one payment covering two invoices by its own links, never by amount', async () => {
    const customer = `Two Invoices ${n()}`;
    const a = await copy('INV-TWO-A', [['1', '100.00']], connectionId, customer);
    const b = await copy('INV-TWO-B', [['1', '100.00']], connectionId, customer);
    const payment = pay(realmId, '2026-11-24', [a, 100], [b, 40]);
    await eventually(() => [...eventsFor('INV-TWO-A'), ...eventsFor('INV-TWO-B')], (events) => events.length >= 2, 90_000);
    await quiet();
    expect(eventsFor('INV-TWO-A').map((e) => [e.type, e.data.paymentId, e.data.amount])).toEqual([['invoice.paid', payment.Id, '100.00']]);
    expect(eventsFor('INV-TWO-B').map((e) => [e.type, e.data.paymentId, e.data.amount, e.data.balance])).toEqual([['invoice.partially_paid', payment.Id, '40.00', '60.00']]);
  });

  it('reads the legacy payload too, with several realms in one delivery', async () => {
    const other = await connectQbo(stack, key);
    const services = sandbox().companies.objects(other.realmId, 'Account').find((a) => a.Name === 'Services')!;
    const settings = (await stack.call('GET', `${base(other.connectionId)}/settings`, { key })).body;
    await stack.call('PUT', `${base(other.connectionId)}/settings`, { key, body: { ...settings, invoices: { incomeAccount: services.Id } } });
    const here = await copy('INV-LEGACY', [['1', '10.00']]);
    const there = await copy('INV-LEGACY', [['1', '20.00']], other.connectionId);
    await quiet();
    sandbox().webhooks.configure({ url: `http://127.0.0.1:${stack.env.PORT}/v1/intuit/webhooks`, verifierToken: stack.env.INTUIT_WEBHOOK_VERIFIER_TOKEN!, format: 'legacy', batchWindowMs: 500 });
    try {
      pay(realmId, '2026-11-27', [here, 10]);
      pay(other.realmId, '2026-11-27', [there, 20]);
      await eventually(() => [...eventsFor('INV-LEGACY'), ...eventsFor('INV-LEGACY', other.connectionId)], (events) => events.length >= 2, 90_000);
      await quiet();
    } finally {
      sandbox().webhooks.configure({ url: `http://127.0.0.1:${stack.env.PORT}/v1/intuit/webhooks`, verifierToken: stack.env.INTUIT_WEBHOOK_VERIFIER_TOKEN!, format: 'cloudevents', batchWindowMs: 300 });
    }
    const mixed = sandbox().webhooks.deliveries().filter((d) => d.format === 'legacy' && new Set(d.events.map((e) => e.realmId)).size === 2);
    expect(mixed.length).toBeGreaterThan(0);
    expect(JSON.parse(mixed[0]!.body).eventNotifications).toHaveLength(2);
    expect(eventsFor('INV-LEGACY').map((e) => [e.type, e.data.amount])).toEqual([['invoice.paid', '10.00']]);
    expect(eventsFor('INV-LEGACY', other.connectionId).map((e) => [e.type, e.data.amount])).toEqual([['invoice.paid', '20.00']]);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, newCompany, request, startSandbox, type Api, type Harness } from './helpers.js';
import { eventsOf, expectedSignature, startReceiver, type Receiver } from './receiver.js';

const TOKEN = 'verifier-token-from-the-portal';

function post(harness: Harness, path: string, body: unknown = {}, method = 'POST') {
  return request(`${harness.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function customer(api: Api, name: string): Promise<string> {
  return (await api.call('POST', '/customer', { DisplayName: name })).body.Customer.Id;
}

describe('outbound webhooks', () => {
  let harness: Harness;
  let receiver: Receiver;

  beforeAll(async () => {
    harness = await startSandbox({ webhooks: { batchWindowMs: 60, retryScale: 0.01 } });
  });
  afterEach(async () => {
    harness.sandbox.webhooks.remove();
    harness.sandbox.webhooks.clearFaults();
    await receiver.close();
  });
  afterAll(() => harness.close());

  it('signs a legacy eventNotifications delivery with the verifier token, over a real POST', async () => {
    receiver = await startReceiver();
    const configured = await post(harness, '/_sandbox/webhooks', { url: receiver.url, verifierToken: TOKEN, format: 'legacy' }, 'PUT');
    expect(configured.status).toBe(200);
    expect(configured.body).toMatchObject({ format: 'legacy', clientId: harness.sandbox.clientId, batchWindowMs: 60 });
    const api = await newCompany(harness);
    const id = await customer(api, 'Signed Legacy');

    const [delivery] = await receiver.waitFor(1);
    expect(delivery!.headers['intuit-signature']).toBe(expectedSignature(delivery!.raw, TOKEN));
    expect(delivery!.headers['intuit-signature']).not.toBe(expectedSignature(delivery!.raw, 'another-token'));
    expect(delivery!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(delivery!.headers['intuit-t-id']).toBeTruthy();
    expect(delivery!.json).toEqual({
      eventNotifications: [{ realmId: api.realmId, dataChangeEvent: { entities: [{ name: 'Customer', id, operation: 'Create', lastUpdated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) }] } }],
    });
  });

  it('signs a CloudEvents delivery; several realms travel in one delivery', async () => {
    receiver = await startReceiver();
    harness.sandbox.webhooks.configure({ url: receiver.url, verifierToken: TOKEN, format: 'cloudevents', batchWindowMs: 150 });
    const first = await newCompany(harness);
    const second = await newCompany(harness);
    const a = await customer(first, 'Cloud A');
    const b = await customer(second, 'Cloud B');

    const [delivery] = await receiver.waitFor(1);
    expect(delivery!.headers['intuit-signature']).toBe(expectedSignature(delivery!.raw, TOKEN));
    expect(delivery!.json).toHaveLength(2);
    expect(delivery!.json[0]).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      source: expect.stringMatching(/^intuit\./),
      type: 'qbo.customer.created.v1',
      datacontenttype: 'application/json',
      time: expect.stringMatching(/Z$/),
      intuitentityid: a,
      intuitaccountid: first.realmId,
      data: {},
    });
    expect(eventsOf(delivery!.json)).toEqual([`${first.realmId} qbo.customer.created.v1 ${a}`, `${second.realmId} qbo.customer.created.v1 ${b}`]);
  });

  it('batches the changes of one window together; side effects (the invoice a payment pays) are updates', async () => {
    receiver = await startReceiver();
    harness.sandbox.webhooks.configure({ url: receiver.url, verifierToken: TOKEN, format: 'legacy', batchWindowMs: 200 });
    const api = await newCompany(harness);
    const customerId = await customer(api, 'Batch Buyer');
    const invoice = (await api.call('POST', '/invoice', { CustomerRef: { value: customerId }, Line: [{ Amount: 40, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' } } }] })).body.Invoice;
    const payment = (await api.call('POST', '/payment', { CustomerRef: { value: customerId }, TotalAmt: 40, Line: [{ Amount: 40, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] })).body.Payment;

    const [delivery] = await receiver.waitFor(1);
    expect(eventsOf(delivery!.json)).toEqual([
      `${api.realmId} Customer ${customerId} Create`,
      `${api.realmId} Invoice ${invoice.Id} Create`,
      `${api.realmId} Payment ${payment.Id} Create`,
      `${api.realmId} Invoice ${invoice.Id} Update`,
    ]);
    await harness.sandbox.webhooks.settled();
    expect(receiver.received).toHaveLength(1);
  });

  it('notifies only companies connected to the app, and only the entities it subscribed to', async () => {
    receiver = await startReceiver();
    harness.sandbox.webhooks.configure({ url: receiver.url, verifierToken: TOKEN, format: 'legacy', entities: ['invoice'] });
    const connected = await newCompany(harness);
    const { realmId: unconnected } = harness.sandbox.companies.create({ name: 'Never connected' });
    harness.sandbox.companies.insert(unconnected, 'customer', { DisplayName: 'Nobody hears' });
    const customerId = await customer(connected, 'Not subscribed');
    const invoice = (await connected.call('POST', '/invoice', { CustomerRef: { value: customerId }, Line: [{ Amount: 5, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' } } }] })).body.Invoice;
    const [delivery] = await receiver.waitFor(1);
    expect(eventsOf(delivery!.json)).toEqual([`${connected.realmId} Invoice ${invoice.Id} Create`]);

    harness.sandbox.tokens.revokeRealm(connected.realmId);
    harness.sandbox.companies.insert(connected.realmId, 'invoice', { CustomerRef: { value: customerId }, Line: [{ Amount: 6, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' } } }] });
    await harness.sandbox.webhooks.settled();
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a failed delivery on Intuit’s schedule (scaled) and holds later events until it is acknowledged', async () => {
    receiver = await startReceiver([500, 503, 500]);
    harness.sandbox.webhooks.configure({ url: receiver.url, verifierToken: TOKEN, format: 'legacy', batchWindowMs: 10 });
    const api = await newCompany(harness);
    const first = await customer(api, 'Retry First');
    await receiver.waitFor(1);
    // A later change while the first delivery waits for its retry: it must not overtake it.
    const second = await customer(api, 'Retry Second');
    const all = await receiver.waitFor(5, 5000);

    expect(all.map((r) => eventsOf(r.json)[0])).toEqual([
      `${api.realmId} Customer ${first} Create`,
      `${api.realmId} Customer ${first} Create`,
      `${api.realmId} Customer ${first} Create`,
      `${api.realmId} Customer ${first} Create`,
      `${api.realmId} Customer ${second} Create`,
    ]);
    expect(new Set(all.slice(0, 4).map((r) => r.raw)).size).toBe(1);
    // 10 s, 20 s, 30 s × 0.01: timers may fire late, never early.
    const gaps = [1, 2, 3].map((i) => all[i]!.at - all[i - 1]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(295);
    expect(gaps.every((gap, i) => gap < (i + 1) * 100 + 250)).toBe(true);

    await harness.sandbox.webhooks.settled();
    const inspected = await request(`${harness.url}/_sandbox/webhooks/deliveries?realmId=${api.realmId}`);
    const [held, later] = inspected.body.deliveries;
    expect(held.attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 500, 200]);
    expect(held.state).toBe('delivered');
    expect(later).toMatchObject({ state: 'delivered', attempts: [{ status: 200 }] });
  });

  it('counts an answer slower than the timeout as a failure, and flush runs a waiting retry at once', async () => {
    const slow = await startSandbox({ webhooks: { batchWindowMs: 10, retryScale: 1, timeoutMs: 100 } });
    receiver = await startReceiver([{ status: 200, delayMs: 400 }]);
    try {
      slow.sandbox.webhooks.configure({ url: receiver.url, verifierToken: TOKEN, format: 'cloudevents' });
      const api = apiFor(slow, slow.sandbox.companies.create().realmId);
      await customer(api, 'Too Slow');
      await receiver.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const [waiting] = slow.sandbox.webhooks.deliveries();
      expect(waiting).toMatchObject({ state: 'retrying', attempts: [{ status: null, error: 'no answer within 100 ms' }] });
      // The first retry is 10 s away at scale 1: flush sends it now.
      slow.sandbox.webhooks.flush();
      await receiver.waitFor(2);
      await slow.sandbox.webhooks.settled();
      expect(slow.sandbox.webhooks.deliveries()[0]).toMatchObject({ state: 'delivered' });
    } finally {
      await slow.close();
    }
  });

  it('says Void for a voided payment and Emailed for a sent invoice', async () => {
    receiver = await startReceiver();
    harness.sandbox.webhooks.configure({ url: receiver.url, verifierToken: TOKEN, format: 'cloudevents', batchWindowMs: 10 });
    const api = await newCompany(harness);
    const customerId = await customer(api, 'Void Mail');
    const invoice = (await api.call('POST', '/invoice', { CustomerRef: { value: customerId }, Line: [{ Amount: 9, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' } } }] })).body.Invoice;
    const payment = (await api.call('POST', '/payment', { CustomerRef: { value: customerId }, TotalAmt: 9, Line: [{ Amount: 9, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] })).body.Payment;
    await harness.sandbox.webhooks.settled();
    const before = receiver.received.length;
    await api.call('POST', '/payment?operation=void', { Id: payment.Id, SyncToken: payment.SyncToken });
    await api.call('POST', `/invoice/${invoice.Id}/send?sendTo=pay@void.test`, '', { contentType: 'application/octet-stream' });
    await harness.sandbox.webhooks.settled();
    const types = receiver.received.slice(before).flatMap((r) => eventsOf(r.json)).map((e) => e.split(' ').slice(1).join(' '));
    expect(types).toEqual([`qbo.payment.voided.v1 ${payment.Id}`, `qbo.invoice.updated.v1 ${invoice.Id}`, `qbo.invoice.emailed.v1 ${invoice.Id}`]);
  });

  it('refuses an endpoint that is not http(s) or lacks a verifier token', async () => {
    receiver = await startReceiver();
    expect((await post(harness, '/_sandbox/webhooks', { url: 'ftp://x.test/hook', verifierToken: TOKEN })).status).toBe(400);
    expect((await post(harness, '/_sandbox/webhooks', { url: receiver.url })).body.error).toBe('verifierToken is required');
    expect((await post(harness, '/_sandbox/webhooks', { url: receiver.url, verifierToken: TOKEN, format: 'xml' })).status).toBe(400);
    expect((await request(`${harness.url}/_sandbox/webhooks`)).body.endpoints).toEqual([]);
  });
});

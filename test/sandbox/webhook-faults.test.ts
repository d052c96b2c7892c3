import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newCompany, request, startSandbox, type Api, type Harness } from './helpers.js';
import { eventsOf, expectedSignature, startReceiver, type Receiver } from './receiver.js';

const TOKEN = 'storm-verifier';

function post(harness: Harness, path: string, body: unknown = {}) {
  return request(`${harness.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function customer(api: Api, name: string): Promise<string> {
  return (await api.call('POST', '/customer', { DisplayName: name })).body.Customer.Id;
}

/** Customer ids a receiver heard of, whatever the format. */
function heardIds(receiver: Receiver): string[] {
  return receiver.received.flatMap((r) => eventsOf(r.json)).map((e) => e.split(' ')[2] as string);
}

describe('webhook fault mode', () => {
  let harness: Harness;
  let receiver: Receiver;
  let api: Api;

  beforeAll(async () => {
    harness = await startSandbox({ webhooks: { batchWindowMs: 1, retryScale: 0.001 } });
  });
  afterEach(async () => {
    harness.sandbox.webhooks.remove();
    await request(`${harness.url}/_sandbox/webhooks/faults`, { method: 'DELETE' });
    await receiver.close();
  });
  afterAll(() => harness.close());

  async function setUp(format: 'legacy' | 'cloudevents' = 'legacy', batchWindowMs = 1): Promise<void> {
    receiver = await startReceiver();
    harness.sandbox.webhooks.configure({ url: receiver.url, verifierToken: TOKEN, format, batchWindowMs });
    api = await newCompany(harness);
  }

  it('drops the next delivery: it is never sent, and the inspection route says so', async () => {
    await setUp();
    const armed = await post(harness, '/_sandbox/webhooks/faults', { drop: 1 });
    expect(armed.body.faults).toEqual({ drop: { remaining: 1, probability: 1 }, duplicate: null, reorder: false });
    const lost = await customer(api, 'Lost In Transit');
    await harness.sandbox.webhooks.settled();
    const kept = await customer(api, 'Arrives');
    await receiver.waitFor(1);
    await harness.sandbox.webhooks.settled();
    expect(heardIds(receiver)).toEqual([kept]);
    const { deliveries } = (await request(`${harness.url}/_sandbox/webhooks/deliveries?realmId=${api.realmId}`)).body;
    expect(deliveries.map((d: { state: string; attempts: unknown[] }) => [d.state, d.attempts.length])).toEqual([
      ['dropped', 0],
      ['delivered', 1],
    ]);
    expect(eventsOf(JSON.parse(deliveries[0].body))).toEqual([`${api.realmId} Customer ${lost} Create`]);
  });

  it('duplicates a delivery: the same body, signature and event ids arrive twice', async () => {
    await setUp('cloudevents');
    await post(harness, '/_sandbox/webhooks/faults', { duplicate: 1 });
    await customer(api, 'Said Twice');
    const [first, second] = await receiver.waitFor(2);
    expect(second!.raw).toBe(first!.raw);
    expect(second!.headers['intuit-signature']).toBe(expectedSignature(first!.raw, TOKEN));
    expect(second!.json[0].id).toBe(first!.json[0].id);
    await harness.sandbox.webhooks.settled();
    const [original, copy] = harness.sandbox.webhooks.deliveries({ realmId: api.realmId });
    expect(copy).toMatchObject({ duplicateOf: original!.id, state: 'delivered' });
    expect(receiver.received).toHaveLength(2);
  });

  it('reorders: the events of a delivery leave newest first', async () => {
    await setUp('legacy', 150);
    harness.sandbox.webhooks.setFaults({ reorder: true });
    const ids = [await customer(api, 'Order One'), await customer(api, 'Order Two'), await customer(api, 'Order Three')];
    const [delivery] = await receiver.waitFor(1);
    expect(eventsOf(delivery!.json)).toEqual(ids.reverse().map((id) => `${api.realmId} Customer ${id} Create`));
  });

  it('refuses a fault spec that is neither a count nor a probability', async () => {
    await setUp();
    expect((await post(harness, '/_sandbox/webhooks/faults', { drop: -1 })).status).toBe(400);
    expect((await post(harness, '/_sandbox/webhooks/faults', { duplicate: 2.5 })).status).toBe(400);
  });

  it('survives a storm: with drops, duplicates and reordering, webhooks plus CDC still account for every change', async () => {
    await setUp('cloudevents');
    harness.sandbox.webhooks.setFaults({ drop: 0.3, duplicate: 0.3, reorder: true, seed: 7 });
    receiver.answers = [500, 200, 503];
    const since = new Date(harness.sandbox.clock.now() - 1000).toISOString();
    const created: string[] = [];
    for (let i = 0; i < 30; i += 1) created.push(await customer(api, `Storm ${i}`));
    await harness.sandbox.webhooks.settled();

    const deliveries = harness.sandbox.webhooks.deliveries({ realmId: api.realmId });
    const states = deliveries.map((d) => d.state);
    expect(states.filter((s) => s === 'dropped').length).toBeGreaterThan(0);
    expect(deliveries.filter((d) => d.duplicateOf !== null).length).toBeGreaterThan(0);
    expect(states.every((s) => s === 'dropped' || s === 'delivered')).toBe(true);
    const heard = new Set(heardIds(receiver));
    expect(heard.size).toBeLessThan(created.length);

    // What the storm lost, change data capture fills in (Intuit's advice).
    const cdc = await api.call('GET', `/cdc?entities=Customer&changedSince=${encodeURIComponent(since)}`);
    const captured = (cdc.body.CDCResponse[0].QueryResponse[0].Customer as Array<{ Id: string }>).map((c) => c.Id);
    expect(new Set([...heard, ...captured])).toEqual(new Set(created));
  });
});

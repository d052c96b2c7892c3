// An offline Web Connector delays nobody: Desktop orders wait in their workflows holding no worker capacity, while
// another connection's orders post as usual; when the Web Connector comes, the backlog drains exactly once, in far
// fewer round trips than requests. Plus back-pressure per connection, and a wait longer than any activity timeout.
import { Client, Connection } from '@temporalio/client';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOrderWorkflowId } from '../../control/ids.js';
import { connectDesktop, QUICK_QBD_ENV, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { connectQbo, createTenant, seedOrder, startTestStack, waitForOrder, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let tenantId: string;
let key: string;
let sql: postgres.Sql;
let temporal: Connection;

beforeAll(async () => {
  stack = await startTestStack({ env: { ...QUICK_QBD_ENV, QBD_RECHECK_SECONDS: '600' } });
  ({ id: tenantId, apiKey: key } = await createTenant(stack));
  sql = postgres(stack.config.databaseUrl, { max: 2 });
  temporal = await Connection.connect({ address: stack.config.temporal.address });
});

afterAll(async () => {
  await temporal?.close();
  await sql?.end();
  await stack?.stop();
});

async function send(connectionId: string, order: Json) {
  const response = await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
}

const status = async (connectionId: string, orderId: string): Promise<Json> =>
  (await stack.call('GET', `/v1/connections/${connectionId}/orders/${orderId}`, { key })).body;

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function until(condition: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const queued = async (connectionId: string) =>
  Number((await sql`select count(*)::int as n from qbd_requests where connection_id = ${connectionId} and state in ('queued', 'sent')`)[0]!.n);

/** Orders whose workflow has started talking to the company file (each has queued something, or waits for room). */
const waitingOrders = async (connectionId: string) =>
  Number((await sql`select count(distinct workflow_id)::int as n from qbd_operations where connection_id = ${connectionId}`)[0]!.n);

/** Orders whose last step (their payment) is in QuickBooks. */
const paidOrders = async (connectionId: string) =>
  Number((await sql`select count(*)::int as n from documents where connection_id = ${connectionId} and kind = 'payment' and state = 'posted'`)[0]!.n);

describe('an offline Web Connector never delays anyone else', () => {
  it('300 Desktop orders wait without holding the worker while 50 Online orders post; then the backlog drains exactly once', async () => {
    const desktop: DesktopConnection = await connectDesktop(stack.apiUrl, key, { name: 'Office PC' });
    const online = await connectQbo(stack, key);

    // the office PC is off: 300 orders arrive for its company file
    const desktopOrders = Array.from({ length: 300 }, (_, i) => seedOrder({ customer: { externalId: `C-${i % 40}`, name: `Desktop customer ${i % 40}` } }));
    await inParallel(desktopOrders, 10, (order) => send(desktop.connectionId, order));
    await until(async () => (await waitingOrders(desktop.connectionId)) >= 300);
    const backlog = await queued(desktop.connectionId);
    expect(backlog).toBeGreaterThan(300);

    // meanwhile an Online company of the same tenant gets 50 orders: each posts with its ordinary latency
    const onlineOrders = Array.from({ length: 50 }, () => seedOrder());
    const latencies: number[] = [];
    await inParallel(onlineOrders, 10, async (order) => {
      const started = Date.now();
      await send(online.connectionId, order);
      const done = await waitForOrder(stack, key, online.connectionId, order.orderId, 90_000);
      expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
      latencies.push(Date.now() - started);
    });
    latencies.sort((a, b) => a - b);
    console.log(`Online orders beside a Desktop backlog of ${backlog} requests: p50 ${latencies[24]} ms, p95 ${latencies[47]} ms`);
    expect(latencies[47]).toBeLessThan(30_000);

    // the Desktop orders are all still waiting, visibly, and no activity runs for them
    const sample = await status(desktop.connectionId, desktopOrders[0]!.orderId);
    expect(sample.run).toBe('RUNNING');
    expect(sample.steps.some((s: Json) => s.state === 'waiting' && /^waiting for the Web Connector since/.test(s.detail))).toBe(true);
    const handle = new Client({ connection: temporal }).workflow.getHandle(sendOrderWorkflowId({ tenantId, connectionId: desktop.connectionId, orderId: desktopOrders[0]!.orderId }));
    expect((await handle.describe()).raw.pendingActivities ?? []).toHaveLength(0);
    const connection = (await stack.call('GET', `/v1/connections/${desktop.connectionId}`, { key })).body;
    expect(connection.webConnector.queuedRequests).toBeGreaterThanOrEqual(backlog);
    expect(Date.parse(connection.webConnector.oldestWaitingSince)).toBeLessThan(Date.now());
    expect(Date.parse(connection.webConnector.lastContactAt)).toBeLessThan(Date.now());

    // the Web Connector comes back: every order posts once, in far fewer round trips than requests
    let messages = 0;
    let requests = 0;
    await runUntil(desktop.wc, async () => (await paidOrders(desktop.connectionId)) === 300, {
      timeoutMs: 600_000,
      onRun: (run) => { messages += run.messages; requests += run.requests; },
    });
    for (const order of desktopOrders) {
      const done = await waitForOrder(stack, key, desktop.connectionId, order.orderId, 120_000);
      expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    }
    const invoices = desktop.company.list('Invoice');
    for (const order of desktopOrders) expect(invoices.filter((i) => i.refNumber === order.number)).toHaveLength(1);
    expect(desktop.company.list('Customer').filter((c) => c.name.startsWith('Desktop customer'))).toHaveLength(40);
    console.log(`drained: ${requests} requests in ${messages} qbXML messages`);
    expect(requests / messages).toBeGreaterThan(10);
  }, 900_000);

  it('past the queue\'s cap, new orders are accepted and wait without queueing more; they post once room is made', async () => {
    const capped = await startTestStack({ env: { ...QUICK_QBD_ENV, QBD_MAX_QUEUED_PER_CONNECTION: '12' } });
    try {
      const cappedKey = (await createTenant(capped)).apiKey;
      const desktop = await connectDesktop(capped.apiUrl, cappedKey, { name: 'Small queue' });
      const orders = Array.from({ length: 15 }, () => seedOrder());
      for (const order of orders) {
        const response = await capped.call('POST', `/v1/connections/${desktop.connectionId}/orders`, { key: cappedKey, body: order });
        expect(response.status).toBe(202);
      }
      const blocked = async () => Number((await sql`select count(*)::int as n from qbd_operations where connection_id = ${desktop.connectionId} and blocked_since is not null`)[0]!.n);
      await until(async () => (await blocked()) > 0);
      // an operation queues what it needs at once, so the queue may pass the cap by one operation's requests, no more
      expect(await queued(desktop.connectionId)).toBeLessThanOrEqual(12 + 4);
      const view = (await capped.call('GET', `/v1/connections/${desktop.connectionId}`, { key: cappedKey })).body;
      expect(view.webConnector.waitingForRoom).toBeGreaterThan(0);
      const waitingForRoom = await Promise.all(orders.map((o) => capped.call('GET', `/v1/connections/${desktop.connectionId}/orders/${o.orderId}`, { key: cappedKey })));
      expect(waitingForRoom.some((r) => r.body.steps.some((s: Json) => s.state === 'waiting' && /room in this company file's queue/.test(s.detail)))).toBe(true);

      await runUntil(desktop.wc, async () => (await Promise.all(orders.map((o) => capped.call('GET', `/v1/connections/${desktop.connectionId}/orders/${o.orderId}`, { key: cappedKey }))))
        .every((r) => r.body.run !== 'RUNNING'), { timeoutMs: 300_000 });
      for (const order of orders) {
        const done = (await capped.call('GET', `/v1/connections/${desktop.connectionId}/orders/${order.orderId}`, { key: cappedKey })).body;
        expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
        expect(desktop.company.list('Invoice').filter((i) => i.refNumber === order.number)).toHaveLength(1);
      }
    } finally {
      await capped.stop();
    }
  }, 400_000);

  it('waits longer than any activity timeout, re-checking now and then, without a failed attempt; posts when the Web Connector returns', async () => {
    // shortened settings: the safety-net re-check every 10 s, so the 50 s wait below re-runs the step several times
    const weekend = await startTestStack({ env: { ...QUICK_QBD_ENV, QBD_RECHECK_SECONDS: '10' } });
    try {
      const { id: weekendTenant, apiKey } = await createTenant(weekend);
      const desktop = await connectDesktop(weekend.apiUrl, apiKey, { name: 'Long weekend' });
      const order = seedOrder();
      expect((await weekend.call('POST', `/v1/connections/${desktop.connectionId}/orders`, { key: apiKey, body: order })).status).toBe(202);
      const read = async () => (await weekend.call('GET', `/v1/connections/${desktop.connectionId}/orders/${order.orderId}`, { key: apiKey })).body;
      const handle = new Client({ connection: temporal }).workflow.getHandle(sendOrderWorkflowId({ tenantId: weekendTenant, connectionId: desktop.connectionId, orderId: order.orderId }));
      // customer, vendor and items start together: once all three wait, nothing runs
      await until(async () => (await read()).steps.filter((s: Json) => s.state === 'waiting').length === 3);
      // a Desktop step's activity may run 30 seconds at most: the order waits longer, with no activity running
      // (a re-check runs the step for a moment every 10 s; a sample may meet one)
      const waitedFrom = Date.now();
      const samples: number[] = [];
      while (Date.now() - waitedFrom < 50_000) {
        samples.push(((await handle.describe()).raw.pendingActivities ?? []).length);
        await new Promise((resolve) => setTimeout(resolve, 5_000));
      }
      expect(samples.filter((n) => n === 0).length).toBeGreaterThanOrEqual(samples.length - 2);
      await runUntil(desktop.wc, async () => (await read()).run !== 'RUNNING', { timeoutMs: 120_000 });
      expect((await read()).outcome).toBe('posted');
      expect(desktop.company.list('Invoice').filter((i) => i.refNumber === order.number)).toHaveLength(1);
      const history = (await handle.fetchHistory()).events ?? [];
      const timers = history.filter((e) => e.timerFiredEventAttributes).length;
      const failures = history.filter((e) => e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes).length;
      expect(timers).toBeGreaterThanOrEqual(3); // it looked again now and then while it waited
      expect(failures).toBe(0);
    } finally {
      await weekend.stop();
    }
  }, 400_000);
});

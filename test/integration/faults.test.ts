// Fault injection: whatever goes wrong, every document lands in QuickBooks exactly once.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectQbo, createTenant, seedOrder, spawnWorkerProcess, startTestStack, waitForOrder, type TestStack,
} from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let connectionId: string;
let realmId: string;
let workerProcess: ChildProcess | undefined;

const sandbox = () => stack.sandbox!.server;
const byDocNumber = (entity: string, number: string) =>
  (sandbox().companies.objects(realmId, entity) as Json[]).filter((o) => o.DocNumber === number);

/** Exactly one invoice, bill and payment for the order, with the seed amounts. */
function expectExactlyOnce(order: ReturnType<typeof seedOrder>) {
  const invoices = byDocNumber('Invoice', order.number);
  expect(invoices).toHaveLength(1);
  expect(invoices[0]!.TotalAmt).toBe(218.5);
  expect(invoices[0]!.Balance).toBe(118.5);
  expect(byDocNumber('Bill', order.number)).toHaveLength(1);
  const payments = (sandbox().companies.objects(realmId, 'Payment') as Json[]).filter((p) => p.CustomerRef.value === invoices[0]!.CustomerRef.value);
  expect(payments).toHaveLength(1);
  const customers = (sandbox().companies.objects(realmId, 'Customer') as Json[]).filter((c) => c.DisplayName === order.customer.name);
  expect(customers).toHaveLength(1);
}

async function send(order: Json) {
  const response = await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
}

async function until(condition: () => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  // No in-process worker: the tests run the worker as an OS process they can kill.
  stack = await startTestStack({ worker: false });
  workerProcess = spawnWorkerProcess(stack);
  key = (await createTenant(stack)).apiKey;
  ({ connectionId, realmId } = await connectQbo(stack, key));
});

afterAll(async () => {
  workerProcess?.kill('SIGKILL');
  await stack?.stop();
});

describe('fault injection', () => {
  it('survives the worker being killed between the invoice and the bill', async () => {
    const order = seedOrder();
    // The bill keeps failing with a server error for a while, so the kill lands after the invoice and before the bill.
    sandbox().faults.failNext({ realmId, entity: 'bill', operation: 'create', status: 503, code: '10000', count: 3 });
    await send(order);
    await until(() => byDocNumber('Invoice', order.number).length === 1);
    expect(byDocNumber('Bill', order.number)).toHaveLength(0);
    workerProcess!.kill('SIGKILL');
    await new Promise((resolve) => workerProcess!.once('exit', resolve));

    workerProcess = spawnWorkerProcess(stack);
    const status = await waitForOrder(stack, key, connectionId, order.orderId, 150_000);
    expect(status.outcome).toBe('posted');
    expectExactlyOnce(order);
  }, 200_000);

  it('does not duplicate an invoice whose create committed but answered 500', async () => {
    const order = seedOrder();
    sandbox().faults.commitThenFail({ realmId, entity: 'invoice', operation: 'create', respond: 500 });
    await send(order);
    const status = await waitForOrder(stack, key, connectionId, order.orderId, 90_000);
    expect(status.outcome).toBe('posted');
    expect(status.steps.find((s) => s.step === 'invoice')!.action).toBe('adopted');
    expectExactlyOnce(order);
  });

  it('does not duplicate an invoice whose connection dropped after the write', async () => {
    const order = seedOrder();
    sandbox().faults.commitThenFail({ realmId, entity: 'invoice', operation: 'create', respond: 'drop' });
    await send(order);
    const status = await waitForOrder(stack, key, connectionId, order.orderId, 90_000);
    expect(status.outcome).toBe('posted');
    expectExactlyOnce(order);
  });

  it('waits out bursts of 429 throttling', async () => {
    const order = seedOrder();
    sandbox().faults.failNext({ realmId, status: 429, code: '3001', count: 8 });
    await send(order);
    const status = await waitForOrder(stack, key, connectionId, order.orderId, 90_000);
    expect(status.outcome).toBe('posted');
    expectExactlyOnce(order);
    expect(sandbox().faults.list()).toHaveLength(0); // all eight were spent on real calls
  });

  it('refreshes an access token that expires mid-run', async () => {
    const order = seedOrder();
    sandbox().faults.failNext({ realmId, entity: 'bill', operation: 'create', status: 503, code: '10000', count: 1 });
    await send(order);
    await until(() => byDocNumber('Invoice', order.number).length === 1);
    expect(sandbox().tokens.expireAccessTokens(realmId)).toBeGreaterThan(0);
    const status = await waitForOrder(stack, key, connectionId, order.orderId, 90_000);
    expect(status.outcome).toBe('posted');
    expectExactlyOnce(order);
    const connection = await stack.call('GET', `/v1/connections/${connectionId}`, { key });
    expect(connection.body.status).toBe('connected');
  });

  it('re-reads and retries an update refused for a stale SyncToken', async () => {
    const order = seedOrder();
    await send(order);
    await waitForOrder(stack, key, connectionId, order.orderId);
    sandbox().faults.failNext({ realmId, entity: 'invoice', operation: 'update', status: 400, code: '5010', count: 1, message: 'Stale Object Error', detail: 'Stale Object Error : You and someone else are editing at the same time' });
    await send({ ...order, revision: 2, discount: '1.50' });
    const status = await waitForOrder(stack, key, connectionId, order.orderId);
    expect(status.outcome).toBe('posted');
    expect(status.steps.find((s) => s.step === 'invoice')!.action).toBe('updated');
    const invoices = byDocNumber('Invoice', order.number);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.TotalAmt).toBe(228.5);
    expect(invoices[0]!.Balance).toBe(128.5);
    expect(sandbox().faults.list()).toHaveLength(0);
  });
});

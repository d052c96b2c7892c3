// Fault injection on the QuickBooks Desktop path: whatever goes wrong between the worker, the queue, the Web
// Connector and QuickBooks, every document lands in the company file exactly once.
import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { WaitingForWebConnectorSince } from '../../control/search-attributes.js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHandle } from '../../api/server.js';
import { connectDesktop, QUICK_QBD_ENV, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { createTenant, seedOrder, spawnWorkerProcess, startTestStack, type TestStack } from '../support/stack.js';
import { sendOrderWorkflowId } from '../../control/ids.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let tenantId: string;
let temporal: Connection;
let desktop: DesktopConnection;
let sql: postgres.Sql;
let workerProcess: ChildProcess | undefined;
let restartedApi: ApiHandle | undefined;

async function send(order: Json) {
  const response = await stack.call('POST', `/v1/connections/${desktop.connectionId}/orders`, { key, body: order });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
}

const status = async (orderId: string): Promise<Json> =>
  (await stack.call('GET', `/v1/connections/${desktop.connectionId}/orders/${orderId}`, { key })).body;

async function deliver(orderId: string, timeoutMs = 150_000): Promise<Json> {
  await runUntil(desktop.wc, async () => (await status(orderId)).run !== 'RUNNING', { timeoutMs });
  return status(orderId);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function restartWorker() {
  const dying = workerProcess!;
  const exited = new Promise((resolve) => dying.once('exit', resolve));
  dying.kill('SIGKILL');
  await exited;
  workerProcess = spawnWorkerProcess(stack);
}

/** Exactly one customer, invoice (218.50, 118.50 due), bill and payment for the order. */
function expectExactlyOnce(order: ReturnType<typeof seedOrder>) {
  const invoices = desktop.company.list('Invoice').filter((i) => i.refNumber === order.number);
  expect(invoices).toHaveLength(1);
  expect(invoices[0]!.subtotalCents + invoices[0]!.salesTaxTotalCents).toBe(21850);
  expect(invoices[0]!.balanceRemainingCents).toBe(11850);
  expect(desktop.company.list('Bill').filter((b) => b.refNumber === order.number)).toHaveLength(1);
  expect(desktop.company.list('ReceivePayment').filter((p) => p.customerRef.listId === invoices[0]!.customerRef.listId)).toHaveLength(1);
  expect(desktop.company.list('Customer').filter((c) => c.name === order.customer.name)).toHaveLength(1);
}

const rowsOf = (kind: string) => sql<{ state: string; failure: string | null; session_id: string | null }[]>`
  select state, failure, session_id from qbd_requests where connection_id = ${desktop.connectionId} and kind = ${kind} order by id`;

beforeAll(async () => {
  // No in-process worker: the tests run the worker as an OS process they can kill.
  stack = await startTestStack({ worker: false, env: QUICK_QBD_ENV });
  workerProcess = spawnWorkerProcess(stack);
  ({ apiKey: key, id: tenantId } = await createTenant(stack));
  temporal = await Connection.connect({ address: stack.config.temporal.address });
  desktop = await connectDesktop(stack.apiUrl, key);
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  workerProcess?.kill('SIGKILL');
  await sql?.end();
  await temporal?.close();
  await restartedApi?.close();
  await stack?.stop();
});

describe('QuickBooks Desktop fault injection', () => {
  it('does not duplicate an invoice whose answer was lost when the connection dropped after QuickBooks applied it', async () => {
    const order = seedOrder();
    desktop.wc.faults.dropConnectionAfterSendRequest(1, (request) => request.includes('<InvoiceAddRq'));
    await send(order);
    const runs: string[] = [];
    await runUntil(desktop.wc, async () => (await status(order.orderId)).run !== 'RUNNING', { onRun: (run) => runs.push(run.outcome) });
    const done = await status(order.orderId);
    expect(runs).toContain('dropped');
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expect(done.steps.find((s: Json) => s.step === 'invoice').action).toBe('adopted');
    expectExactlyOnce(order);
    // the dropped session gave the Add back as "lost" (outcome unknown); nothing re-sent it blindly
    const adds = await rowsOf('InvoiceAdd');
    expect(adds.filter((r) => r.failure === 'lost').length).toBeGreaterThanOrEqual(1);
    expect(adds.filter((r) => r.state === 'answered')).toHaveLength(0);
  });

  it('keeps every document exactly once when the worker is killed while requests are in flight', async () => {
    const order = seedOrder();
    desktop.company.faults.setLatency(300); // QuickBooks takes a while: the kill lands while the invoice is with it
    try {
      await send(order);
      const driving = deliver(order.orderId, 170_000);
      await until(async () => (await rowsOf('InvoiceAdd')).some((r) => r.state === 'sent' && r.session_id !== null));
      await restartWorker();
      const done = await driving;
      expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
      expectExactlyOnce(order);
    } finally {
      desktop.company.faults.setLatency(0);
    }
  }, 200_000);

  it('waits while QuickBooks is closed (connectionError → done), then carries on when it is back', async () => {
    const order = seedOrder();
    desktop.wc.faults.quickBooksNotRunning(true);
    try {
      await send(order);
      await until(async () => (await sql`select 1 from qbd_requests where connection_id = ${desktop.connectionId} and state = 'queued'`).length > 0);
      const run = await desktop.wc.runOnce();
      expect(run.outcome).toBe('connectionError');
      expect(run.connectionErrors.map((e) => e.reply)).toEqual([desktop.company.filePath, 'done']); // one retry, then done
      expect(run.closeMessage).toMatch(/QuickBooks is not running/);
      expect((await status(order.orderId)).run).toBe('RUNNING');
      // the order says it waits, and so does Temporal (a search attribute); no activity runs while it does
      const workflowId = sendOrderWorkflowId({ tenantId, connectionId: desktop.connectionId, orderId: order.orderId });
      const handle = new Client({ connection: temporal }).workflow.getHandle(workflowId);
      const waiting = (await status(order.orderId)).steps.filter((s: Json) => s.state === 'waiting');
      expect(waiting.length).toBeGreaterThan(0);
      expect(waiting[0].detail).toMatch(/^waiting for the Web Connector since \d{4}-\d\d-\d\dT/);
      const described = await handle.describe();
      expect(described.raw.pendingActivities ?? []).toHaveLength(0);
      expect(described.typedSearchAttributes.get(WaitingForWebConnectorSince)).toBeInstanceOf(Date);
      const stillQueued = await sql`select state from qbd_requests where connection_id = ${desktop.connectionId} and state not in ('answered', 'failed')`;
      expect(stillQueued.map((r) => r.state)).toEqual(expect.arrayContaining(['queued']));
    } finally {
      desktop.wc.faults.quickBooksNotRunning(false);
    }
    const done = await deliver(order.orderId);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expectExactlyOnce(order);
  });

  it('re-reads the invoice and retries a Mod refused for a stale EditSequence (3200)', async () => {
    const order = seedOrder();
    await send(order);
    expect((await deliver(order.orderId)).outcome).toBe('posted');
    const mods = (await rowsOf('InvoiceMod')).length;
    desktop.company.faults.failRequest({ kind: 'InvoiceMod', statusCode: 3200 });
    await send({ ...order, revision: 2, discount: '1.50' });
    const done = await deliver(order.orderId);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expect(done.steps.find((s: Json) => s.step === 'invoice').action).toBe('updated');
    const invoices = desktop.company.list('Invoice').filter((i) => i.refNumber === order.number);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.subtotalCents).toBe(22850);
    expect(invoices[0]!.balanceRemainingCents).toBe(12850);
    expect((await rowsOf('InvoiceMod')).length - mods).toBe(2); // refused once, applied once
  });

  it('adopts what QuickBooks applied when it reported an error for the whole message (HRESULT after commit)', async () => {
    const order = seedOrder();
    desktop.wc.faults.returnHresult({ hresult: '0x80040402', message: 'Unexpected error.', applyFirst: true });
    await send(order);
    const runs: string[] = [];
    await runUntil(desktop.wc, async () => (await status(order.orderId)).run !== 'RUNNING', { onRun: (run) => runs.push(`${run.outcome}:${run.lastError ?? ''}`) });
    expect(runs.some((r) => r.startsWith('serverError:') && r.includes('0x80040402'))).toBe(true);
    expect((await status(order.orderId)).outcome).toBe('posted');
    expectExactlyOnce(order);
  });

  it('loses nothing when the API and the worker restart between Web Connector runs', async () => {
    const order = seedOrder();
    await send(order);
    await until(async () => (await sql`select 1 from qbd_requests where connection_id = ${desktop.connectionId} and state = 'queued'`).length > 0);
    await stack.api.close();
    await restartWorker();
    restartedApi = await startApi(stack.config);
    const done = await deliver(order.orderId, 170_000);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expectExactlyOnce(order);
  }, 200_000);

  it('lets go of a session that went quiet after QuickBooks applied a payment, then finds the payment instead of paying twice', async () => {
    const order = seedOrder();
    desktop.wc.faults.dropConnectionAfterSendRequest(1, (request) => request.includes('<ReceivePaymentAddRq'));
    await send(order);
    const runs: string[] = [];
    await runUntil(desktop.wc, () => runs.includes('dropped'), { onRun: (run) => runs.push(run.outcome) });
    // the payment was sent in a session that went quiet: its outcome is not known yet, so the order waits
    expect((await rowsOf('ReceivePaymentAdd')).at(-1)?.state).toBe('sent');
    expect((await status(order.orderId)).run).toBe('RUNNING');
    // the Web Connector's next run takes over from the quiet session: the payment is lost, looked for, and found
    const done = await deliver(order.orderId);
    expect((await rowsOf('ReceivePaymentAdd')).some((r) => r.failure === 'lost')).toBe(true);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expect(done.steps.find((s: Json) => s.step === 'payment:P1').action).toBe('adopted');
    expectExactlyOnce(order);
  });

  it('tries again later when QuickBooks has the record in use (3175), and creates the invoice once', async () => {
    const order = seedOrder();
    desktop.company.faults.failRequest({ kind: 'InvoiceAdd', statusCode: 3175, times: 2 });
    await send(order);
    const done = await deliver(order.orderId);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expect((await sql`select 1 from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'InvoiceAdd' and status_code = 3175`).length).toBeGreaterThanOrEqual(2);
    expectExactlyOnce(order);
  });
});

// What still fails inside a workflow for a reason no retry can cure ends its step at once, with the reason in the
// order status (issue 9, §2): never "running" for hours. The orders are handed to their workflow past the API's
// door, as an order accepted before a check existed would be, so the failure happens where it used to: in a step.
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOrderWorkflowId } from '../../control/ids.js';
import { orderSearchAttributes } from '../../control/search-attributes.js';
import type { Order } from '../../domain/order.js';
import { connectDesktop, QUICK_QBD_ENV, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { sendOrder, submitOrder } from '../../workflows/send-order.js';
import { connectQbo, createTenant, seedOrder, startTestStack, waitForOrder, type OrderStatusBody, type TestStack } from '../support/stack.js';

/** Long enough for a first attempt and its failure, far too short for the retries of a retryable failure. */
const SECONDS = 20_000;

let stack: TestStack;
let client: Client;
let tenant: { id: string; apiKey: string };
let online: { connectionId: string; realmId: string };
let desktop: DesktopConnection;

beforeAll(async () => {
  stack = await startTestStack({ env: QUICK_QBD_ENV });
  client = stack.api.app.deps.control.client;
  tenant = await createTenant(stack);
  online = await connectQbo(stack, tenant.apiKey);
  desktop = await connectDesktop(stack.apiUrl, tenant.apiKey);
});

afterAll(async () => {
  await stack?.stop();
});

/** Starts the order's workflow as the API would, without the API's checks. */
async function sendPastTheDoor(connectionId: string, order: Order): Promise<string> {
  const ids = { tenantId: tenant.id, connectionId, orderId: order.orderId };
  const workflowId = sendOrderWorkflowId(ids);
  await client.workflow.signalWithStart(sendOrder, {
    workflowId,
    taskQueue: stack.config.temporal.taskQueue,
    args: [{ ...ids, pausedWorkCheckSeconds: 300 }],
    signal: submitOrder,
    signalArgs: [{ revision: 1, order }],
    typedSearchAttributes: orderSearchAttributes(ids),
  });
  return workflowId;
}

/**
 * Each attempt the named activity's recorded run needed before the workflow went on ([1]: it was not retried). Order
 * steps are local activities: their result is a marker whose data names the activity and its attempt.
 */
async function attemptsOf(workflowId: string, activity: string): Promise<number[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const scheduled = new Map<string, string>();
  const attempts: number[] = [];
  for (const event of history.events ?? []) {
    const type = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (type) scheduled.set(String(event.eventId), type);
    const started = event.activityTaskStartedEventAttributes;
    if (started && scheduled.get(String(started.scheduledEventId)) === activity) attempts.push(started.attempt ?? 0);
    const marker = event.markerRecordedEventAttributes;
    const data = marker?.markerName === 'core_local_activity' ? marker.details?.data?.payloads?.[0]?.data : undefined;
    if (data) {
      const recorded = JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string; attempt?: number };
      if (recorded.activity_type === activity) attempts.push(recorded.attempt ?? 0);
    }
  }
  return attempts;
}

const stepOf = (status: OrderStatusBody, name: string) => status.steps.find((s) => s.step === name)!;

async function finished(connectionId: string, orderId: string): Promise<{ status: OrderStatusBody; ms: number }> {
  const started = Date.now();
  const status = await waitForOrder(stack, tenant.apiKey, connectionId, orderId, SECONDS);
  return { status, ms: Date.now() - started };
}

describe('a failure no retry can cure ends the step at once, with the reason', () => {
  it('text PostgreSQL cannot store (a NUL in the customer name): the customer step fails on its first attempt', async () => {
    const order = seedOrder({ documents: ['invoice'], payments: [] });
    order.customer = { ...order.customer, name: `Nul\u0000 Company ${order.orderId}` };
    const workflowId = await sendPastTheDoor(online.connectionId, order);
    const { status, ms } = await finished(online.connectionId, order.orderId);

    expect(status.outcome, JSON.stringify(status.steps)).toBe('failed');
    expect(stepOf(status, 'customer')).toMatchObject({ state: 'failed', error: expect.stringMatching(/^The database cannot store this document's data \(invalid byte sequence for encoding "UTF8": 0x00\)/) });
    expect(stepOf(status, 'invoice')).toMatchObject({ state: 'skipped', detail: 'the customer could not be resolved' });
    expect(await attemptsOf(workflowId, 'resolveCustomer')).toEqual([1]);
    expect(ms).toBeLessThan(SECONDS);

    const errors = await stack.call('GET', `/v1/connections/${online.connectionId}/sync-errors`, { key: tenant.apiKey });
    expect(JSON.stringify(errors.body)).toContain('invalid byte sequence');
  });

  it('an amount beyond exact cents (9999999999 × 9999999999): the invoice fails at once, saying why', async () => {
    const order = seedOrder({ documents: ['invoice'], discount: undefined, payments: [] });
    order.lines[0] = { ...order.lines[0]!, quantity: '9999999999', unitPrice: '9999999999' };
    const workflowId = await sendPastTheDoor(online.connectionId, order);
    const { status } = await finished(online.connectionId, order.orderId);

    expect(status.outcome, JSON.stringify(status.steps)).toBe('failed');
    expect(stepOf(status, 'invoice')).toMatchObject({ state: 'failed', error: expect.stringContaining('99999999980000000001.00, too large to count in cents exactly') });
    expect(await attemptsOf(workflowId, 'postInvoice')).toEqual([]); // refused before any call to QuickBooks
    expect(stack.sandbox!.server.companies.objects(online.realmId, 'Invoice').filter((i: { DocNumber?: string }) => i.DocNumber === order.number)).toEqual([]);
  });

  it('text QuickBooks Desktop cannot store: refused when its request is built, before it reaches the Web Connector', async () => {
    const order = seedOrder({ documents: ['invoice'], payments: [] });
    order.customer = { ...order.customer, name: `Łódź Trading ${order.orderId.slice(-4)}` };
    const workflowId = await sendPastTheDoor(desktop.connectionId, order);
    const running = async () => (await stack.call('GET', `/v1/connections/${desktop.connectionId}/orders/${order.orderId}`, { key: tenant.apiKey })).body.run === 'RUNNING';
    await runUntil(desktop.wc, async () => !(await running()), { timeoutMs: SECONDS }); // the items still need QuickBooks
    const { status } = await finished(desktop.connectionId, order.orderId);

    expect(status.outcome, JSON.stringify(status.steps)).toBe('failed');
    expect(stepOf(status, 'customer')).toMatchObject({ state: 'failed', error: expect.stringMatching(/QuickBooks Desktop.*"Ł" \(U\+0141\) at character 1, which QuickBooks Desktop cannot store/) });
    expect(await attemptsOf(workflowId, 'resolveCustomer')).toEqual([1]);
    expect(desktop.company.list('Customer').filter((c) => c.name.includes('dź'))).toEqual([]);
  });
});

// An order reaches QuickBooks Desktop over the real stack: HTTP API → Temporal workflow → durable queue →
// our SOAP endpoint → the emulated Web Connector → the emulated company file, and back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDesktop, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { createTenant, seedOrder, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const QBD_TEST_ENV = {
  QBD_LONG_POLL_MS: '1500',
  QBD_FOLLOW_UP_GRACE_MS: '1500',
  QBD_HOLD_SECONDS: '10',
  QBD_HEARTBEAT_MS: '1000',
  QBD_RECHECK_MS: '500',
  QBD_BUSY_SECONDS: '2',
  QBD_SESSION_TIMEOUT_SECONDS: '10',
};

let stack: TestStack;
let key: string;
let desktop: DesktopConnection;

async function send(order: Json) {
  const response = await stack.call('POST', `/v1/connections/${desktop.connectionId}/orders`, { key, body: order });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
}

async function status(orderId: string): Promise<Json> {
  return (await stack.call('GET', `/v1/connections/${desktop.connectionId}/orders/${orderId}`, { key })).body;
}

/** Runs the Web Connector until the order's workflow has finished. */
async function deliver(orderId: string): Promise<Json> {
  await runUntil(desktop.wc, async () => (await status(orderId)).run !== 'RUNNING');
  return status(orderId);
}

beforeAll(async () => {
  stack = await startTestStack({ env: QBD_TEST_ENV });
  key = (await createTenant(stack)).apiKey;
  desktop = await connectDesktop(stack.apiUrl, key);
});

afterAll(async () => {
  await stack?.stop();
});

describe('sending an order to QuickBooks Desktop', () => {
  it('posts the seed order with exact amounts: 218.50 total, 100.00 applied, 118.50 due', async () => {
    const order = seedOrder();
    await send(order);
    const done = await deliver(order.orderId);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expect(done.steps.map((s: Json) => [s.step, s.state])).toEqual([
      ['customer', 'done'], ['vendor', 'done'], ['items', 'done'], ['invoice', 'done'], ['bill', 'done'], ['payment:P1', 'done'],
    ]);

    const invoices = desktop.company.list('Invoice').filter((i) => i.refNumber === order.number);
    expect(invoices).toHaveLength(1);
    const invoice = invoices[0]!;
    expect(invoice.subtotalCents + invoice.salesTaxTotalCents).toBe(21850);
    expect(invoice.appliedAmountCents).toBe(-10000);
    expect(invoice.balanceRemainingCents).toBe(11850);
    const itemLine = invoice.lines.find((l) => l.quantity === '100');
    expect(itemLine).toMatchObject({ desc: 'Almond - 11 oz/Stoneware', rate: '2.30', amountCents: 23000 });
    expect(invoice.lines.find((l) => l.amountCents === -1150)).toBeDefined();
    expect(done.steps.find((s: Json) => s.step === 'invoice').quickbooksId).toBe(invoice.txnId);

    const customer = desktop.company.list('Customer').find((c) => c.listId === invoice.customerRef.listId);
    expect(customer!.name).toBe(order.customer.name);
    const item = desktop.company.list('Item').find((i) => i.listId === itemLine!.itemRef!.listId);
    expect(item!.name).toBe('A7102');

    const bills = desktop.company.list('Bill').filter((b) => b.refNumber === order.number);
    expect(bills).toHaveLength(1);
    expect(bills[0]!.amountDueCents).toBe(11500);
    const payments = desktop.company.list('ReceivePayment').filter((p) => p.customerRef.listId === customer!.listId);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.totalAmountCents).toBe(10000);
    expect(payments[0]!.appliedTo[0]!.txnId).toBe(invoice.txnId);
  });
});

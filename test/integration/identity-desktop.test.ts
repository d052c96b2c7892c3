// Two orders with the same number, customer and vendor on QuickBooks Desktop (which accepts a RefNumber another
// document holds): a look-up after an uncertain outcome adopts only this order's own document (its ExternalGUID or
// memo marker), never the other order's, and a revision changes only its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDesktop, QUICK_QBD_ENV, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { createTenant, seedOrder, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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

async function post(order: Json): Promise<Json> {
  await send(order);
  await runUntil(desktop.wc, async () => (await status(order.orderId)).run !== 'RUNNING', { timeoutMs: 150_000 });
  return status(order.orderId);
}

/** Documents whose memo marker names this order (`qbflow:<kind>:<order>[/<payment>]:<connection tag>`). */
const markedFor = (orderId: string) => (d: { memo?: string }) => new RegExp(`qbflow:\\w+:${orderId}[:/]`).test(d.memo ?? '');
const invoicesOf = (number: string) => desktop.company.list('Invoice').filter((i) => i.refNumber === number);
const billsOf = (number: string) => desktop.company.list('Bill').filter((b) => b.refNumber === number);
const invoiceById = (txnId: string) => desktop.company.list('Invoice').find((i) => i.txnId === txnId)!;
const billById = (txnId: string) => desktop.company.list('Bill').find((b) => b.txnId === txnId)!;
const total = (invoice: { subtotalCents: number; salesTaxTotalCents: number }) => invoice.subtotalCents + invoice.salesTaxTotalCents;

/** Order A, posted; and order B: same number, customer and vendor, other lines (another total). */
async function twoOrders() {
  const a = seedOrder();
  const first = await post(a);
  expect(first.outcome, JSON.stringify(first.steps)).toBe('posted');
  const b = seedOrder({ number: a.number, customer: a.customer, vendor: a.vendor, lines: [{ ...a.lines[0]!, quantity: '50' }], discount: '0.00', payments: [{ externalId: 'P1', amount: '20.00', date: '2026-11-20' }] });
  const invoiceA = invoicesOf(a.number)[0]!;
  const billA = billsOf(a.number)[0]!;
  return { a, b, invoiceA, billA };
}

/** A's documents exactly as A posted them: nothing of B's touched them. */
function expectUntouched(invoiceA: { txnId: string; editSequence: string }, billA: { txnId: string; editSequence: string }) {
  const invoice = invoiceById(invoiceA.txnId);
  expect(invoice.editSequence).toBe(invoiceA.editSequence);
  expect(total(invoice)).toBe(21850);
  expect(invoice.balanceRemainingCents).toBe(11850);
  expect(billById(billA.txnId)).toMatchObject({ editSequence: billA.editSequence, amountDueCents: 11500 });
}

/** B's own invoice, bill and payment, each under the shared number, the payment applied to B's invoice. */
function expectOwnDocuments(number: string, orderId: string, invoiceCents: number) {
  const invoices = invoicesOf(number);
  expect(invoices).toHaveLength(2);
  const mine = invoices.filter(markedFor(orderId));
  expect(mine).toHaveLength(1);
  expect(total(mine[0]!)).toBe(invoiceCents);
  expect(billsOf(number)).toHaveLength(2);
  expect(billsOf(number).filter(markedFor(orderId))).toEqual([expect.objectContaining({ amountDueCents: 5750 })]);
  const payments = desktop.company.list('ReceivePayment').filter(markedFor(orderId));
  expect(payments).toHaveLength(1);
  expect(payments[0]!.appliedTo.map((t) => t.txnId)).toEqual([mine[0]!.txnId]);
  return mine[0]!;
}

beforeAll(async () => {
  stack = await startTestStack({ env: QUICK_QBD_ENV });
  key = (await createTenant(stack)).apiKey;
  desktop = await connectDesktop(stack.apiUrl, key);
});

afterAll(async () => {
  await stack?.stop();
});

describe('exactly once by identity on QuickBooks Desktop', () => {
  it('after a failure before QuickBooks applied anything, posts its own invoice, bill and payment; its revision changes only its own', async () => {
    const { a, b, invoiceA, billA } = await twoOrders();
    // QuickBooks fails the whole message (nothing applied); the session ends and the outcome is unknown to qbflow
    for (const kind of ['InvoiceAdd', 'BillAdd', 'ReceivePaymentAdd']) {
      desktop.wc.faults.returnHresult({ hresult: '0x80010105', message: 'The server threw an exception.', when: (xml) => xml.includes(`<${kind}Rq`) && xml.includes(b.orderId) });
    }
    const done = await post(b);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expect(done.steps.find((s: Json) => s.step === 'invoice').action).toBe('created');
    // the look-alikes are reported to the bookkeeper, not adopted
    const errors = (await stack.call('GET', `/v1/connections/${desktop.connectionId}/sync-errors`, { key })).body.errors.filter((e: Json) => e.externalId === b.orderId);
    expect(errors.find((e: Json) => e.documentKind === 'invoice-number')).toMatchObject({ code: 'shared-number', message: expect.stringContaining(`Invoice number ${a.number} is also used in QuickBooks by another invoice of the same customer (id ${invoiceA.txnId}, total 218.50)`) });
    expect(errors.find((e: Json) => e.documentKind === 'bill-number').message).toContain(`id ${billA.txnId}`);
    const invoiceB = expectOwnDocuments(a.number, b.orderId, 11500);
    expect(invoiceB.balanceRemainingCents).toBe(9500);
    expectUntouched(invoiceA, billA);

    const revised = await post({ ...b, revision: 2, lines: [{ ...b.lines[0]!, quantity: '60' }] });
    expect(revised.outcome, JSON.stringify(revised.steps)).toBe('posted');
    expect(revised.steps.find((s: Json) => s.step === 'invoice').action).toBe('updated');
    expect(total(invoiceById(invoiceB.txnId))).toBe(13800);
    expectUntouched(invoiceA, billA);
  }, 300_000);

  it('after QuickBooks applied the invoice and its answer was lost, adopts its own invoice, not the other order\'s', async () => {
    const { a, b, invoiceA, billA } = await twoOrders();
    desktop.wc.faults.dropConnectionAfterSendRequest(1, (xml) => xml.includes('<InvoiceAddRq') && xml.includes(b.orderId));
    const done = await post(b);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    const step = done.steps.find((s: Json) => s.step === 'invoice');
    expect(step.action).toBe('adopted');
    const invoiceB = expectOwnDocuments(a.number, b.orderId, 11500);
    expect(step.quickbooksId).toBe(invoiceB.txnId);
    expectUntouched(invoiceA, billA);
  }, 300_000);
});

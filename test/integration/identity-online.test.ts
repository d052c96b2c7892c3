// Two orders with the same number, customer and vendor on QuickBooks Online (upstream numbering is not ours to
// trust): a look-up after an uncertain outcome adopts only this order's own document, never the other order's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectQbo, createTenant, seedOrder, startTestStack, waitForOrder, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let connectionId: string;
let realmId: string;

const sandbox = () => stack.sandbox!.server;
const objects = (entity: string): Json[] => sandbox().companies.objects(realmId, entity) as Json[];
const byDocNumber = (entity: string, number: string) => objects(entity).filter((o) => o.DocNumber === number);
const byId = (entity: string, id: string) => objects(entity).find((o) => o.Id === id)!;
/** Documents whose marker names this order (`qbflow:<kind>:<order>[/<payment>]:<connection tag>`). */
const markedFor = (orderId: string) => (o: Json) => new RegExp(`qbflow:\\w+:${orderId}[:/]`).test(String(o.PrivateNote ?? ''));

async function send(order: Json) {
  const response = await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
}

async function post(order: Json) {
  await send(order);
  return waitForOrder(stack, key, connectionId, order.orderId, 90_000);
}

/** Order A, posted; and order B: same number, customer and vendor, other lines (another total). */
async function twoOrders() {
  const a = seedOrder();
  const first = await post(a);
  expect(first.outcome, JSON.stringify(first.steps)).toBe('posted');
  const b = seedOrder({ number: a.number, customer: a.customer, vendor: a.vendor, lines: [{ ...a.lines[0]!, quantity: '50' }], discount: '0.00', payments: [{ externalId: 'P1', amount: '20.00', date: '2026-11-20' }] });
  const invoiceA = byDocNumber('Invoice', a.number)[0]!;
  const billA = byDocNumber('Bill', a.number)[0]!;
  return { a, b, invoiceA, billA };
}

/** A's documents exactly as A posted them: nothing of B's touched them. */
function expectUntouched(invoiceA: Json, billA: Json) {
  expect(byId('Invoice', invoiceA.Id)).toMatchObject({ SyncToken: invoiceA.SyncToken, TotalAmt: 218.5, Balance: 118.5, PrivateNote: invoiceA.PrivateNote });
  expect(byId('Bill', billA.Id)).toMatchObject({ SyncToken: billA.SyncToken, TotalAmt: 115, PrivateNote: billA.PrivateNote });
}

beforeAll(async () => {
  stack = await startTestStack();
  key = (await createTenant(stack)).apiKey;
  ({ connectionId, realmId } = await connectQbo(stack, key));
});

afterAll(async () => {
  await stack?.stop();
});

describe('exactly once by identity on QuickBooks Online', () => {
  it('after a 503, does not adopt another order\'s invoice or bill; a company that refuses duplicate numbers gets a sync error naming them', async () => {
    const { a, b, invoiceA, billA } = await twoOrders();
    sandbox().faults.failNext({ realmId, entity: 'invoice', operation: 'create', status: 503 });
    sandbox().faults.failNext({ realmId, entity: 'bill', operation: 'create', status: 503 });
    const status = await post(b);

    const invoice = status.steps.find((s) => s.step === 'invoice')!;
    expect(invoice.state, JSON.stringify(status.steps)).toBe('failed');
    expect(invoice.error).toContain(`Invoice number ${a.number} is already used in QuickBooks by another invoice (id ${invoiceA.Id}, customer ${a.customer.name})`);
    const bill = status.steps.find((s) => s.step === 'bill')!;
    expect(bill.state).toBe('failed');
    expect(bill.error).toContain(`Bill number ${a.number} is already used in QuickBooks by another bill (id ${billA.Id}, vendor ${a.vendor!.name})`);
    expect(status.outcome).not.toBe('posted');
    expect(byDocNumber('Invoice', a.number)).toHaveLength(1);
    expect(byDocNumber('Bill', a.number)).toHaveLength(1);
    expectUntouched(invoiceA, billA);

    const errors = await stack.call('GET', `/v1/connections/${connectionId}/sync-errors`, { key });
    expect(errors.body.errors.find((e: Json) => e.externalId === b.orderId && e.documentKind === 'invoice')).toMatchObject({ code: '6140' });
  }, 150_000);

  describe('in a company that allows duplicate numbers', () => {
    beforeAll(() => { sandbox().companies.configure(realmId, { duplicateDocNumbers: true }); });
    afterAll(() => { sandbox().companies.configure(realmId, { duplicateDocNumbers: false }); });

    it('after a 503, posts its own invoice, bill and payment under the same number; its revision changes only its own', async () => {
      const { a, b, invoiceA, billA } = await twoOrders();
      for (const entity of ['invoice', 'bill', 'payment']) sandbox().faults.failNext({ realmId, entity, operation: 'create', status: 503 });
      const status = await post(b);
      expect(status.outcome, JSON.stringify(status.steps)).toBe('posted');
      expect(status.steps.find((s) => s.step === 'invoice')).toMatchObject({ action: 'created', detail: expect.stringContaining(`number ${a.number} is also used in QuickBooks by id ${invoiceA.Id} (not this order's, left unchanged)`) });
      expect(status.steps.find((s) => s.step === 'bill')!.detail).toContain(`is also used in QuickBooks by id ${billA.Id}`);
      const errors = (await stack.call('GET', `/v1/connections/${connectionId}/sync-errors`, { key })).body.errors.filter((e: Json) => e.externalId === b.orderId);
      expect(errors.find((e: Json) => e.documentKind === 'invoice-number')).toMatchObject({ code: 'shared-number', message: expect.stringContaining(`another invoice of the same customer (id ${invoiceA.Id}, total 218.50)`) });

      const invoiceB = byDocNumber('Invoice', a.number).filter(markedFor(b.orderId));
      expect(byDocNumber('Invoice', a.number)).toHaveLength(2);
      expect(invoiceB).toHaveLength(1);
      expect(invoiceB[0]).toMatchObject({ TotalAmt: 115, Balance: 95 });
      expect(byDocNumber('Bill', a.number).filter(markedFor(b.orderId))).toEqual([expect.objectContaining({ TotalAmt: 57.5 })]);
      const paymentsB = objects('Payment').filter(markedFor(b.orderId));
      expect(paymentsB).toHaveLength(1);
      expect(paymentsB[0]!.Line[0].LinkedTxn[0].TxnId).toBe(invoiceB[0]!.Id);
      expectUntouched(invoiceA, billA);

      const revised = await post({ ...b, revision: 2, lines: [{ ...b.lines[0]!, quantity: '60' }] });
      expect(revised.outcome, JSON.stringify(revised.steps)).toBe('posted');
      expect(byId('Invoice', invoiceB[0]!.Id)).toMatchObject({ TotalAmt: 138, Balance: 118 });
      expectUntouched(invoiceA, billA);
    }, 200_000);

    it('after a create that committed but whose answer was lost, adopts its own invoice, not the other order\'s', async () => {
      const { a, b, invoiceA, billA } = await twoOrders();
      sandbox().faults.commitThenFail({ realmId, entity: 'invoice', operation: 'create', respond: 'drop' });
      const status = await post(b);
      expect(status.outcome, JSON.stringify(status.steps)).toBe('posted');
      expect(status.steps.find((s) => s.step === 'invoice')!.action).toBe('adopted');
      const invoices = byDocNumber('Invoice', a.number);
      expect(invoices).toHaveLength(2);
      const invoiceB = invoices.filter(markedFor(b.orderId));
      expect(invoiceB).toEqual([expect.objectContaining({ TotalAmt: 115, Balance: 95 })]);
      expect(status.steps.find((s) => s.step === 'invoice')!.quickbooksId).toBe(invoiceB[0]!.Id);
      expectUntouched(invoiceA, billA);
    }, 150_000);
  });
});

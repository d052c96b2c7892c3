// An order reaches QuickBooks Desktop over the real stack: HTTP API → Temporal workflow → durable queue →
// our SOAP endpoint → the emulated Web Connector → the emulated company file, and back.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDesktop, QUICK_QBD_ENV, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { createTenant, seedOrder, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let desktop: DesktopConnection;
let sql: postgres.Sql;

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
  stack = await startTestStack({ env: QUICK_QBD_ENV });
  key = (await createTenant(stack)).apiKey;
  desktop = await connectDesktop(stack.apiUrl, key);
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

const invoicesOf = (number: string) => desktop.company.list('Invoice').filter((i) => i.refNumber === number);
const billsOf = (number: string) => desktop.company.list('Bill').filter((b) => b.refNumber === number);

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

  it('an edited order modifies the invoice and bill with their EditSequence, in one Web Connector run, never duplicating', async () => {
    const order = seedOrder();
    await send(order);
    expect((await deliver(order.orderId)).outcome).toBe('posted');
    const before = invoicesOf(order.number)[0]!;

    await send({ ...order, revision: 2, lines: [{ ...order.lines[0]!, quantity: '120' }], memo: 'Rush' });
    const updated = await deliver(order.orderId);
    expect(updated.revision).toBe(2);
    expect(updated.outcome, JSON.stringify(updated.steps)).toBe('posted');
    expect(updated.steps.find((s: Json) => s.step === 'invoice').action).toBe('updated');
    expect(updated.steps.find((s: Json) => s.step === 'bill').action).toBe('updated');
    expect(updated.steps.find((s: Json) => s.step === 'payment:P1').action).toBe('unchanged');

    const invoices = invoicesOf(order.number);
    expect(invoices).toHaveLength(1);
    const after = invoices[0]!;
    expect(after.txnId).toBe(before.txnId);
    expect(after.editSequence).not.toBe(before.editSequence);
    expect(after.subtotalCents).toBe(26450); // 120 × 2.30 − 11.50
    expect(after.balanceRemainingCents).toBe(16450);
    expect(after.memo).toContain('Rush');
    expect(billsOf(order.number)).toHaveLength(1);
    expect(billsOf(order.number)[0]!.amountDueCents).toBe(13800);
    expect(desktop.company.list('ReceivePayment').filter((p) => p.customerRef.listId === after.customerRef.listId)).toHaveLength(1);

    // the Mod carried the EditSequence its query had just read, and both travelled in the same session
    const rows = await sql<{ kind: string; session_id: string; request_xml: string; result: Json }[]>`
      select kind, session_id, request_xml, result from qbd_requests
       where connection_id = ${desktop.connectionId} and kind in ('InvoiceQuery', 'InvoiceMod') and request_xml like ${`%${before.txnId}%`}
       order by id`;
    const mod = rows.find((r) => r.kind === 'InvoiceMod')!;
    const query = rows.filter((r) => r.kind === 'InvoiceQuery').at(-1)!;
    expect(mod.request_xml).toContain(`<EditSequence>${query.result.records[0].editSequence}</EditSequence>`);
    expect(mod.session_id).toBe(query.session_id);
  });

  it('a later revision without the memo and due date clears them on the invoice and the bill', async () => {
    const order = seedOrder({ memo: 'Rush', dueDate: '2026-12-31', payments: [] });
    await send(order);
    expect((await deliver(order.orderId)).outcome).toBe('posted');
    expect(invoicesOf(order.number)[0]).toMatchObject({ dueDate: '2026-12-31', memo: expect.stringContaining('Rush') });
    expect(billsOf(order.number)[0]).toMatchObject({ dueDate: '2026-12-31', memo: expect.stringContaining('Rush') });

    const { memo: _memo, dueDate: _dueDate, ...withoutThem } = order;
    await send({ ...withoutThem, revision: 2 });
    const updated = await deliver(order.orderId);
    expect(updated.outcome, JSON.stringify(updated.steps)).toBe('posted');
    const invoice = invoicesOf(order.number)[0]!;
    const bill = billsOf(order.number)[0]!;
    expect(invoice.memo ?? '').not.toContain('Rush');
    expect(bill.memo ?? '').not.toContain('Rush');
    expect(invoice.dueDate).toBe(order.date); // no terms: QuickBooks makes it due on the invoice date
    expect(bill.dueDate).toBe('2026-11-30'); // the company's default for a bill without a due date
  });

  it('tax: QuickBooks\' own tax differing from the order\'s is a warning; the order-total mode posts the order\'s tax with a Sales Tax item', async () => {
    const order = seedOrder({ tax: '1.65', payments: [] });
    await send(order);
    const computed = await deliver(order.orderId);
    expect(computed.outcome, JSON.stringify(computed.steps)).toBe('posted');
    const first = invoicesOf(order.number)[0]!;
    expect(first.subtotalCents + first.salesTaxTotalCents).toBe(21850); // the customer's tax item here is 0% (out of state)
    expect(computed.steps.find((s: Json) => s.step === 'invoice').warning).toContain('1.65');

    const settingsUrl = `/v1/connections/${desktop.connectionId}/settings`;
    const settings = (await stack.call('GET', settingsUrl, { key })).body;
    const taxItem = desktop.company.list('Item').find((i) => i.name === 'CA Sales Tax')!;
    const saved = await stack.call('PUT', settingsUrl, { key, body: { ...settings, tax: { mode: 'orderTotal', itemId: taxItem.listId } } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    try {
      const other = seedOrder({ tax: '1.65', payments: [] });
      await send(other);
      const posted = await deliver(other.orderId);
      expect(posted.outcome, JSON.stringify(posted.steps)).toBe('posted');
      const invoice = invoicesOf(other.number)[0]!;
      expect(invoice.subtotalCents + invoice.salesTaxTotalCents).toBe(22015); // 230.00 − 11.50 + 1.65
      const taxLine = invoice.lines.find((l) => l.itemRef?.listId === taxItem.listId);
      expect(taxLine?.amountCents).toBe(165);
      expect(posted.steps.find((s: Json) => s.step === 'invoice').warning).toBeUndefined();
    } finally {
      await stack.call('PUT', settingsUrl, { key, body: settings });
    }
  });

  it('keeps names with apostrophes, ampersands and accents, and finds them again by name', async () => {
    const name = "O'Brien & Søn – Café Crème";
    const order = seedOrder({
      customer: { externalId: `C-quote-${Date.now()}`, name },
      vendor: { externalId: `V-quote-${Date.now()}`, name: "L'Atelier & Fils" },
      lines: [{ productNumber: "CRÈME-'1'&2", productName: 'Crème brûlée', quantity: '3', unitPrice: '4.10', unitCost: '2.00' }],
      discount: undefined,
      payments: [],
    });
    await send(order);
    expect((await deliver(order.orderId)).outcome).toBe('posted');
    const second = seedOrder({ customer: { externalId: `C-other-${Date.now()}`, name }, vendor: order.vendor, lines: order.lines, discount: undefined, payments: [] });
    await send(second);
    expect((await deliver(second.orderId)).outcome).toBe('posted');

    expect(desktop.company.list('Customer').filter((c) => c.name === name)).toHaveLength(1);
    expect(desktop.company.list('Vendor').filter((v) => v.name === "L'Atelier & Fils")).toHaveLength(1);
    expect(desktop.company.list('Item').filter((i) => i.name === "CRÈME-'1'&2")).toHaveLength(1);
    expect(invoicesOf(second.number)[0]!.subtotalCents).toBe(1230);
  });

  it('adopts a customer whose name is already used by a vendor, under a role name', async () => {
    const shared = `Shared Name ${Date.now()}`;
    const vendorFirst = seedOrder({ documents: ['bill'], vendor: { externalId: `V-${shared}`, name: shared }, payments: [] });
    await send(vendorFirst);
    expect((await deliver(vendorFirst.orderId)).outcome).toBe('posted');
    const customerNext = seedOrder({ customer: { externalId: `C-${shared}`, name: shared }, documents: ['invoice'], payments: [] });
    await send(customerNext);
    const done = await deliver(customerNext.orderId);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('posted');
    expect(done.steps.find((s: Json) => s.step === 'customer').detail).toBe(`${shared} (Customer)`);
  });

  it('applies several partial payments to the invoice', async () => {
    const order = seedOrder({
      payments: [
        { externalId: 'deposit', amount: '50.00', date: '2026-11-20' },
        { externalId: 'second', amount: '30.25', date: '2026-11-21' },
        { externalId: 'third', amount: '20.00', date: '2026-11-22', reference: 'CHK-1002' },
      ],
    });
    await send(order);
    expect((await deliver(order.orderId)).outcome).toBe('posted');
    const invoice = invoicesOf(order.number)[0]!;
    expect(invoice.balanceRemainingCents).toBe(11825); // 218.50 − 100.25
    const payments = desktop.company.list('ReceivePayment').filter((p) => p.customerRef.listId === invoice.customerRef.listId);
    expect(payments.map((p) => p.totalAmountCents).sort((a, b) => a - b)).toEqual([2000, 3025, 5000]);
    expect(payments.find((p) => p.totalAmountCents === 2000)!.refNumber).toBe('CHK-1002');
  });

  it('posts a purchase order with item lines', async () => {
    const order = seedOrder({ documents: ['purchaseOrder'], payments: [] });
    await send(order);
    expect((await deliver(order.orderId)).outcome).toBe('posted');
    const [po] = desktop.company.list('PurchaseOrder').filter((p) => p.refNumber === order.number);
    expect(po!.totalAmountCents).toBe(11500);
    expect(po!.lines[0]).toMatchObject({ quantity: '100', rate: '1.15', amountCents: 11500 });
  });

  it('says in plain words why QuickBooks refused a document, and does not retry it', async () => {
    desktop.company.faults.failRequest({ kind: 'BillAdd', statusCode: 3180 });
    const order = seedOrder();
    await send(order);
    const done = await deliver(order.orderId);
    expect(done.outcome).toBe('partially_posted');
    const bill = done.steps.find((s: Json) => s.step === 'bill');
    expect(bill.state).toBe('failed');
    expect(bill.error).toMatch(/could not save this bill/i);
    expect(bill.error).toContain('QuickBooks said');
    expect(billsOf(order.number)).toHaveLength(0);
    const errors = await stack.call('GET', `/v1/connections/${desktop.connectionId}/sync-errors`, { key });
    expect(errors.body.errors.find((e: Json) => e.externalId === order.orderId)).toMatchObject({ documentKind: 'bill', code: '3180' });
  });

  it('serves picker look-ups from the imported lists, kept fresh by every answer', async () => {
    const customers = await stack.call('GET', `/v1/connections/${desktop.connectionId}/quickbooks/customers?search=O'Brien`, { key });
    expect(customers.status).toBe(200);
    expect(customers.body.results.map((r: Json) => r.name)).toContain("O'Brien & Søn – Café Crème");
    const accounts = await stack.call('GET', `/v1/connections/${desktop.connectionId}/quickbooks/accounts`, { key });
    expect(accounts.body.results.find((a: Json) => a.name === 'Accounts Receivable')).toMatchObject({ type: 'AccountsReceivable', active: true });
    const items = await stack.call('GET', `/v1/connections/${desktop.connectionId}/quickbooks/items?search=A7102`, { key });
    expect(items.body.results).toEqual([expect.objectContaining({ name: 'A7102', type: 'NonInventory', active: true })]);
    const taxes = await stack.call('GET', `/v1/connections/${desktop.connectionId}/quickbooks/tax-codes`, { key });
    expect(taxes.body.results.map((t: Json) => t.name).sort()).toEqual(['CA Sales Tax', 'Out of State']);

    const state = await stack.call('GET', `/v1/connections/${desktop.connectionId}/web-connector`, { key });
    expect(state.body).toMatchObject({ companyFile: desktop.company.filePath, companyName: desktop.company.companyName, qbxmlVersion: '16.0', queue: { queued: 0, sent: 0 } });
    expect(state.body.lists.map((l: Json) => [l.kind, l.state]).sort()).toEqual([['accounts', 'done'], ['customers', 'done'], ['items', 'done'], ['vendors', 'done']]);
  });
});

// An order reaches QuickBooks Online over the real stack: HTTP API → Temporal workflow → sandbox QBO.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectQbo, createTenant, seedOrder, startTestStack, waitForOrder, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let connectionId: string;
let realmId: string;

const objects = (entity: string): Json[] => stack.sandbox!.server.companies.objects(realmId, entity) as Json[];
const byDocNumber = (entity: string, number: string) => objects(entity).filter((o) => o.DocNumber === number);

async function send(order: Json, expectStatus = 202) {
  const response = await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order });
  expect(response.status, JSON.stringify(response.body)).toBe(expectStatus);
  return response;
}

beforeAll(async () => {
  stack = await startTestStack();
  key = (await createTenant(stack)).apiKey;
  ({ connectionId, realmId } = await connectQbo(stack, key));
});

afterAll(async () => {
  await stack?.stop();
});

describe('sending an order to QuickBooks Online', () => {
  it('posts the seed order with exact amounts: 218.50 total, 100.00 applied, 118.50 due', async () => {
    const order = seedOrder();
    const accepted = await send(order);
    expect(accepted.body.workflowId).toBe(`send-order/${(await stack.call('GET', '/v1/tenant', { key })).body.id}/${connectionId}/${order.orderId}`);
    expect(accepted.body.statusUrl).toBe(`/v1/connections/${connectionId}/orders/${order.orderId}`);

    const status = await waitForOrder(stack, key, connectionId, order.orderId);
    expect(status.outcome).toBe('posted');
    expect(status.steps.map((s) => [s.step, s.state])).toEqual([
      ['customer', 'done'], ['vendor', 'done'], ['items', 'done'], ['invoice', 'done'], ['bill', 'done'], ['payment:P1', 'done'],
    ]);

    const [invoice] = byDocNumber('Invoice', order.number);
    expect(invoice).toBeDefined();
    expect(invoice!.TotalAmt).toBe(218.5);
    expect(invoice!.Balance).toBe(118.5);
    const itemLines = invoice!.Line.filter((l: Json) => l.DetailType === 'SalesItemLineDetail');
    expect(itemLines).toHaveLength(1);
    expect(itemLines[0]).toMatchObject({ Amount: 230, Description: 'Almond - 11 oz/Stoneware', SalesItemLineDetail: { Qty: 100, UnitPrice: 2.3 } });
    expect(invoice!.Line.find((l: Json) => l.DetailType === 'DiscountLineDetail').Amount).toBe(11.5);

    const customer = objects('Customer').find((c) => c.Id === invoice!.CustomerRef.value);
    expect(customer!.DisplayName).toBe(order.customer.name);
    const item = objects('Item').find((i) => i.Id === itemLines[0].SalesItemLineDetail.ItemRef.value);
    expect(item!.Name).toBe('A7102');

    const [bill] = byDocNumber('Bill', order.number);
    expect(bill!.TotalAmt).toBe(115);
    expect(objects('Vendor').find((v) => v.Id === bill!.VendorRef.value)!.DisplayName).toBe(order.vendor!.name);

    const payments = objects('Payment').filter((p) => p.CustomerRef.value === customer!.Id);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.TotalAmt).toBe(100);
    expect(payments[0]!.Line[0].LinkedTxn[0]).toMatchObject({ TxnId: invoice!.Id, TxnType: 'Invoice' });
    expect(status.steps.find((s) => s.step === 'invoice')!.quickbooksId).toBe(invoice!.Id);
  });

  it('re-sending updates in place and never duplicates; an edit changes the amounts', async () => {
    const order = seedOrder();
    await send(order);
    await waitForOrder(stack, key, connectionId, order.orderId);
    await send(order);
    const again = await waitForOrder(stack, key, connectionId, order.orderId);
    expect(again.outcome).toBe('posted');
    expect(again.steps.find((s) => s.step === 'invoice')!.action).toBe('unchanged');

    const edited = { ...order, revision: 2, lines: [{ ...order.lines[0]!, quantity: '120' }], memo: 'Rush' };
    await send(edited);
    const updated = await waitForOrder(stack, key, connectionId, order.orderId);
    expect(updated.revision).toBe(2);
    expect(updated.steps.find((s) => s.step === 'invoice')!.action).toBe('updated');
    expect(updated.steps.find((s) => s.step === 'bill')!.action).toBe('updated');
    expect(updated.steps.find((s) => s.step === 'payment:P1')!.action).toBe('unchanged');

    const invoices = byDocNumber('Invoice', order.number);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.TotalAmt).toBe(264.5); // 120 × 2.30 − 11.50
    expect(invoices[0]!.Balance).toBe(164.5);
    expect(invoices[0]!.CustomerMemo.value).toBe('Rush');
    expect(byDocNumber('Bill', order.number)).toHaveLength(1);
    expect(byDocNumber('Bill', order.number)[0]!.TotalAmt).toBe(138);
    expect(objects('Payment').filter((p) => p.CustomerRef.value === invoices[0]!.CustomerRef.value)).toHaveLength(1);

    const older = await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: { ...order, revision: 1 } });
    expect(older.status).toBe(409);
    expect(older.contentType).toContain('application/problem+json');
  });

  it('a later revision without the memo and due date clears them on the invoice and the purchase order', async () => {
    const order = seedOrder({ documents: ['invoice', 'purchaseOrder'], memo: 'Rush', dueDate: '2026-12-31', payments: [] });
    await send(order);
    expect((await waitForOrder(stack, key, connectionId, order.orderId)).outcome).toBe('posted');
    const [first] = byDocNumber('Invoice', order.number);
    expect(first!.CustomerMemo.value).toBe('Rush');
    expect(first!.DueDate).toBe('2026-12-31');
    const [firstPo] = byDocNumber('PurchaseOrder', order.number);
    expect(firstPo!.DueDate).toBe('2026-12-31');
    expect(firstPo!.PrivateNote).toMatch(/^Rush \(qbflow:purchase_order:/); // Memo is Desktop only: the memo goes to PrivateNote

    const { memo: _memo, dueDate: _dueDate, ...withoutThem } = order;
    await send({ ...withoutThem, revision: 2 });
    const updated = await waitForOrder(stack, key, connectionId, order.orderId);
    expect(updated.outcome).toBe('posted');
    const [invoice] = byDocNumber('Invoice', order.number);
    expect(invoice!.Id).toBe(first!.Id);
    expect(invoice!.CustomerMemo?.value ?? '').toBe('');
    expect(invoice!.DueDate).toBe('2026-12-20'); // QuickBooks' own due date again: the order date + 30 days (Net 30)
    expect(invoice!.TotalAmt).toBe(218.5);
    const [po] = byDocNumber('PurchaseOrder', order.number);
    expect(po!.PrivateNote).toMatch(/^qbflow:purchase_order:/); // the marker alone: the memo is gone
    expect(po!.DueDate).toBeUndefined();
  });

  describe('tax', () => {
    const salesTax = (rate: string | null) => stack.sandbox!.server.companies.configure(realmId, { salesTaxRate: rate });
    async function setTaxMode(tax: Json) {
      const settings = (await stack.call('GET', `/v1/connections/${connectionId}/settings`, { key })).body;
      const saved = await stack.call('PUT', `/v1/connections/${connectionId}/settings`, { key, body: { ...settings, tax } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    }
    afterAll(async () => {
      salesTax(null);
      await setTaxMode({ mode: 'quickbooks' });
    });

    it('default mode: QuickBooks computes the tax, and a difference from the order\'s figure is a warning, never silent', async () => {
      await setTaxMode({ mode: 'quickbooks' });
      salesTax(null); // a company that collects no sales tax
      const order = seedOrder({ tax: '1.65', payments: [] });
      await send(order);
      const status = await waitForOrder(stack, key, connectionId, order.orderId);
      expect(status.outcome).toBe('posted');
      const [invoice] = byDocNumber('Invoice', order.number);
      expect(invoice!.TotalAmt).toBe(218.5);
      expect(invoice!.Line.some((l: Json) => l.Description === 'Sales tax')).toBe(false);
      const step = status.steps.find((s) => s.step === 'invoice')! as Json;
      expect(step.warning).toContain('0.00');
      expect(step.warning).toContain('1.65');
      const errors = (await stack.call('GET', `/v1/connections/${connectionId}/sync-errors`, { key })).body as Json;
      const listed = errors.errors as Json[];
      expect(listed.some((e) => e.documentKind === 'tax' && e.externalId === order.orderId)).toBe(true);

      // the order now says what QuickBooks computes (no tax): the warning is gone, and so is the sync error
      await send({ ...order, revision: 2, tax: '0.00' });
      const agreed = await waitForOrder(stack, key, connectionId, order.orderId);
      expect((agreed.steps.find((s) => s.step === 'invoice') as Json).warning).toBeUndefined();
      const after = (await stack.call('GET', `/v1/connections/${connectionId}/sync-errors`, { key })).body as Json;
      expect((after.errors as Json[]).some((e) => e.documentKind === 'tax' && e.externalId === order.orderId)).toBe(false);
    });

    it('order-total mode: the order\'s tax is the invoice\'s sales tax (TotalTax), after the discount, never an income line', async () => {
      salesTax('5');
      await setTaxMode({ mode: 'orderTotal', itemId: '1' });
      const order = seedOrder({ tax: '1.65', payments: [] });
      await send(order);
      const status = await waitForOrder(stack, key, connectionId, order.orderId);
      expect(status.outcome).toBe('posted');
      const [invoice] = byDocNumber('Invoice', order.number);
      expect(invoice!.TxnTaxDetail.TotalTax, JSON.stringify({ invoice, status })).toBe(1.65);
      expect(invoice!.TotalAmt).toBe(220.15); // 230.00 − 11.50 + 1.65
      const itemLines = invoice!.Line.filter((l: Json) => l.DetailType === 'SalesItemLineDetail');
      expect(itemLines).toHaveLength(1); // the order's line only: no tax booked to an income item
      expect((status.steps.find((s) => s.step === 'invoice') as Json).warning).toBeUndefined();

      // a revision with another tax overrides again (the full update sends the new TotalTax)
      await send({ ...order, revision: 2, tax: '2.00' });
      await waitForOrder(stack, key, connectionId, order.orderId);
      expect(byDocNumber('Invoice', order.number)[0]!.TotalAmt).toBe(220.5);

      // a company that collects no sales tax keeps no tax: said, not silent
      salesTax(null);
      await send({ ...order, revision: 3, tax: '2.00', memo: 'no tax here' });
      const untaxed = await waitForOrder(stack, key, connectionId, order.orderId);
      expect(byDocNumber('Invoice', order.number)[0]!.TotalAmt).toBe(218.5);
      expect((untaxed.steps.find((s) => s.step === 'invoice') as Json).warning).toContain('2.00');
    });
  });

  it('keeps names with apostrophes, ampersands and accents, and finds them again by name', async () => {
    const name = "O'Brien & Søn – Café Crème";
    const order = seedOrder({
      customer: { externalId: `C-quote-${Date.now()}`, name },
      vendor: { externalId: `V-quote-${Date.now()}`, name: "L'Atelier & Fils" },
      lines: [{ productNumber: "CRÈME-'1'&2", productName: 'Crème brûlée', quantity: '3', unitPrice: '4.10', unitCost: '2.00' }],
      payments: [],
    });
    await send(order);
    expect((await waitForOrder(stack, key, connectionId, order.orderId)).outcome).toBe('posted');
    const second = seedOrder({ customer: { externalId: `C-other-${Date.now()}`, name }, vendor: order.vendor, lines: order.lines, payments: [] });
    await send(second);
    expect((await waitForOrder(stack, key, connectionId, second.orderId)).outcome).toBe('posted');

    expect(objects('Customer').filter((c) => c.DisplayName === name)).toHaveLength(1);
    expect(objects('Vendor').filter((v) => v.DisplayName === "L'Atelier & Fils")).toHaveLength(1);
    expect(objects('Item').filter((i) => i.Name === "CRÈME-'1'&2")).toHaveLength(1);
    const [invoice] = byDocNumber('Invoice', second.number);
    expect(invoice!.TotalAmt).toBe(0.8); // 3 × 4.10 − 11.50
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
    const status = await waitForOrder(stack, key, connectionId, order.orderId);
    expect(status.outcome).toBe('posted');
    const [invoice] = byDocNumber('Invoice', order.number);
    expect(invoice!.Balance).toBe(118.25); // 218.50 − 100.25
    const payments = objects('Payment').filter((p) => p.CustomerRef.value === invoice!.CustomerRef.value);
    expect(payments.map((p) => p.TotalAmt).sort()).toEqual([20, 30.25, 50]);
    expect(payments.find((p) => p.TotalAmt === 20)!.PaymentRefNum).toBe('CHK-1002');
  });

  it('posts the invoice and bill when purchase orders are not in the plan, and says why the PO failed', async () => {
    stack.sandbox!.server.companies.configure(realmId, { purchaseOrders: false });
    try {
      const order = seedOrder({ documents: ['invoice', 'bill', 'purchaseOrder'] });
      await send(order);
      const status = await waitForOrder(stack, key, connectionId, order.orderId);
      expect(status.outcome).toBe('partially_posted');
      const po = status.steps.find((s) => s.step === 'purchaseOrder')!;
      expect(po.state).toBe('failed');
      expect(po.error).toMatch(/subscription does not include/);
      expect(po.error).toContain('5020');
      expect(status.steps.find((s) => s.step === 'invoice')!.state).toBe('done');
      expect(status.steps.find((s) => s.step === 'bill')!.state).toBe('done');
      expect(byDocNumber('Invoice', order.number)).toHaveLength(1);
      expect(byDocNumber('Bill', order.number)).toHaveLength(1);
      expect(byDocNumber('PurchaseOrder', order.number)).toHaveLength(0);

      const errors = await stack.call('GET', `/v1/connections/${connectionId}/sync-errors`, { key });
      expect(errors.body.errors.find((e: Json) => e.externalId === order.orderId)).toMatchObject({ documentKind: 'purchaseOrder', code: '5020' });

      // once the plan has them, the next revision posts the purchase order and clears the error it left open
      stack.sandbox!.server.companies.configure(realmId, { purchaseOrders: true });
      await send({ ...order, revision: 2, memo: 'purchase orders now in the plan' }); // new content: a new request id
      const again = await waitForOrder(stack, key, connectionId, order.orderId);
      expect(again).toMatchObject({ revision: 2, outcome: 'posted' });
      expect(byDocNumber('PurchaseOrder', order.number)).toHaveLength(1);
      const after = await stack.call('GET', `/v1/connections/${connectionId}/sync-errors`, { key });
      expect(after.body.errors.filter((e: Json) => e.externalId === order.orderId)).toEqual([]);
    } finally {
      stack.sandbox!.server.companies.configure(realmId, { purchaseOrders: true });
    }
  });

  it('a second order for a customer, vendor and items mapped already posts with no step to resolve them', async () => {
    const first = seedOrder({ payments: [] });
    await send(first);
    const firstStatus = await waitForOrder(stack, key, connectionId, first.orderId);
    expect(firstStatus.outcome).toBe('posted');

    const second = { ...seedOrder({ payments: [] }), customer: first.customer, vendor: first.vendor, lines: first.lines };
    const accepted = await send(second);
    const status = await waitForOrder(stack, key, connectionId, second.orderId);
    expect(status.outcome).toBe('posted');
    for (const name of ['customer', 'vendor']) {
      expect(status.steps.find((s) => s.step === name)).toMatchObject({ state: 'done', quickbooksId: firstStatus.steps.find((s) => s.step === name)!.quickbooksId });
    }
    expect(status.steps.find((s) => s.step === 'items')).toMatchObject({ state: 'done', detail: '1 item(s)' });
    expect(objects('Customer').filter((c) => c.DisplayName === first.customer.name)).toHaveLength(1);
    expect(byDocNumber('Invoice', second.number)[0]!.CustomerRef.value).toBe(byDocNumber('Invoice', first.number)[0]!.CustomerRef.value);

    // the mappings came with the order's context: its history holds the posts and no step for the parties or items
    const connection = await Connection.connect({ address: stack.config.temporal.address });
    try {
      const history = await new Client({ connection }).workflow.getHandle(accepted.body.workflowId).fetchHistory();
      const steps = (history.events ?? []).flatMap((event) => {
        const marker = event.markerRecordedEventAttributes;
        const data = marker?.markerName === 'core_local_activity' ? marker.details?.data?.payloads?.[0]?.data : undefined;
        return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type: string }).activity_type] : [];
      });
      // the invoice and the bill are posted together: their markers come in whichever order they finished
      expect(steps.sort()).toEqual(['loadOrderContext', 'postInvoice', 'postPurchase']);
    } finally {
      await connection.close();
    }
  });

  it('posts a purchase order with item lines when the plan has them', async () => {
    const order = seedOrder({ documents: ['purchaseOrder'], payments: [] });
    await send(order);
    const status = await waitForOrder(stack, key, connectionId, order.orderId);
    expect(status.outcome).toBe('posted');
    const [po] = byDocNumber('PurchaseOrder', order.number);
    expect(po!.TotalAmt).toBe(115);
    expect(po!.Line[0].ItemBasedExpenseLineDetail).toMatchObject({ Qty: 100, UnitPrice: 1.15 });
  });
});

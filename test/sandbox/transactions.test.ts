import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, faultOf, newCompany, request, startSandbox, type Api, type Harness } from './helpers.js';

interface Setup {
  api: Api;
  customerId: string;
  itemId: string;
}

async function seedOrderCompany(harness: Harness, options: { salesTaxRate?: string } = {}): Promise<Setup> {
  const api = await newCompany(harness, options);
  const customer = (await api.call('POST', '/customer', { DisplayName: 'Esprit Ceramics' })).body.Customer;
  const item = (
    await api.call('POST', '/item', {
      Name: 'A7102',
      Description: 'Almond - 11 oz/Stoneware',
      Type: 'NonInventory',
      UnitPrice: 2.3,
      IncomeAccountRef: { value: accountId(api, harness, 'Sales of Product Income') },
    })
  ).body.Item;
  return { api, customerId: customer.Id, itemId: item.Id };
}

const seededIn = new WeakMap<Setup, number>();
/** Each seeded invoice of a company has a number of its own (QuickBooks refuses a number another invoice holds: 6140). */
function seedInvoice(s: Setup, extra: Record<string, unknown> = {}) {
  const seeded = (seededIn.get(s) ?? 0) + 1;
  seededIn.set(s, seeded);
  return s.api.call('POST', '/invoice', {
    CustomerRef: { value: s.customerId },
    DocNumber: seeded === 1 ? 'ESP-1001' : `ESP-1001-${seeded}`,
    TxnDate: '2026-03-02',
    PrivateNote: 'order 1001',
    CustomerMemo: { value: 'Thank you!' },
    Line: [
      { Amount: 230, DetailType: 'SalesItemLineDetail', Description: 'Almond - 11 oz/Stoneware', SalesItemLineDetail: { ItemRef: { value: s.itemId }, Qty: 100, UnitPrice: 2.3 } },
      { Amount: 11.5, DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: false } },
    ],
    ...extra,
  });
}

function pay(s: Setup, invoiceId: string, amount: number, total = amount) {
  return s.api.call('POST', '/payment', { CustomerRef: { value: s.customerId }, TotalAmt: total, PaymentRefNum: 'chk-7', Line: [{ Amount: amount, LinkedTxn: [{ TxnId: invoiceId, TxnType: 'Invoice' }] }] });
}

describe('invoices and payments', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startSandbox();
  });
  afterAll(() => harness.close());

  it('computes the seed order: 100 × 2.30 = 230.00, discount 11.50, TotalAmt 218.5; payment 100 leaves 118.5', async () => {
    const s = await seedOrderCompany(harness);
    const created = await seedInvoice(s);
    expect(created.status).toBe(200);
    const invoice = created.body.Invoice;
    expect(invoice).toMatchObject({ DocNumber: 'ESP-1001', TxnDate: '2026-03-02', DueDate: '2026-04-01', TotalAmt: 218.5, Balance: 218.5, EmailStatus: 'NotSet', SyncToken: '0', TxnTaxDetail: { TotalTax: 0 } });
    expect(invoice.Line).toEqual([
      { Id: '1', LineNum: 1, Description: 'Almond - 11 oz/Stoneware', Amount: 230, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: s.itemId, name: 'A7102' }, UnitPrice: 2.3, Qty: 100, TaxCodeRef: { value: 'NON' } } },
      { Amount: 230, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} },
      { Amount: 11.5, DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: false, DiscountAccountRef: { value: accountId(s.api, harness, 'Discounts given'), name: 'Discounts given' } } },
    ]);

    const payment = await pay(s, invoice.Id, 100);
    expect(payment.status).toBe(200);
    expect(payment.body.Payment).toMatchObject({ TotalAmt: 100, UnappliedAmt: 0, DepositToAccountRef: { name: 'Undeposited Funds' }, Line: [{ Amount: 100, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] });

    const after = (await s.api.call('GET', `/invoice/${invoice.Id}`)).body.Invoice;
    expect(after).toMatchObject({ TotalAmt: 218.5, Balance: 118.5, SyncToken: '1', LinkedTxn: [{ TxnId: payment.body.Payment.Id, TxnType: 'Payment' }] });
    expect((await s.api.call('GET', `/customer/${s.customerId}`)).body.Customer.Balance).toBe(118.5);

    const inspected = await request(`${harness.url}/_sandbox/companies/${s.api.realmId}/invoices`);
    expect(inspected.body.items[0]).toMatchObject({ TotalAmt: 218.5, Balance: 118.5 });

    const removed = await s.api.call('POST', '/payment?operation=delete', { Id: payment.body.Payment.Id, SyncToken: '0' });
    expect(removed.body.Payment).toEqual({ Id: payment.body.Payment.Id, status: 'Deleted', domain: 'QBO' });
    const restored = (await s.api.call('GET', `/invoice/${invoice.Id}`)).body.Invoice;
    expect(restored).toMatchObject({ Balance: 218.5, SyncToken: '2', LinkedTxn: [] });
  });

  it('answers 6070 when Amount is not Qty × UnitPrice rounded half-up', async () => {
    const s = await seedOrderCompany(harness);
    const line = (amount: number, qty: number, price: number) => ({ Amount: amount, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: s.itemId }, Qty: qty, UnitPrice: price } });
    const wrong = await s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [line(1000, 7, 225)] });
    expect(wrong.status).toBe(400);
    expect(faultOf(wrong)).toMatchObject({ code: '6070', Detail: 'Amount is not equal to UnitPrice * Qty. Supplied value:1,000' });
    // 128.35 × 14.50 = 1861.075 → 1861.08 half-up (floating point would give 1861.07).
    expect(faultOf(await s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [line(1861.07, 128.35, 14.5)] })).code).toBe('6070');
    expect((await s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [line(1861.08, 128.35, 14.5)] })).status).toBe(200);
  });

  it('validates references, DocNumber length and discount lines', async () => {
    const s = await seedOrderCompany(harness);
    expect(faultOf(await seedInvoice(s, { CustomerRef: { value: '424242' } })).code).toBe('2500');
    expect(faultOf(await seedInvoice(s, { CustomerRef: undefined })).code).toBe('2020');
    expect(faultOf(await seedInvoice(s, { DocNumber: 'X'.repeat(22) })).code).toBe('2050');
    expect(faultOf(await seedInvoice(s, { Line: [{ Amount: 5, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '777' } } }] })).code).toBe('2500');
    expect(faultOf(await seedInvoice(s, { Line: [] })).code).toBe('2020');
    const percent = await seedInvoice(s, {
      Line: [
        { Amount: 230, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: s.itemId }, Qty: 100, UnitPrice: 2.3 } },
        { DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: true, DiscountPercent: 5 } },
        { DetailType: 'DescriptionOnly', Description: 'Glazed by hand' },
      ],
    });
    expect(percent.body.Invoice.TotalAmt).toBe(218.5);
    expect(percent.body.Invoice.Line[1]).toMatchObject({ Id: '2', LineNum: 2, DetailType: 'DescriptionOnly', Description: 'Glazed by hand' });
    expect(faultOf(await seedInvoice(s, { Line: [{ DetailType: 'DiscountLineDetail', DiscountLineDetail: {} }, { Amount: 1, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: s.itemId } } }] })).code).toBe('6090');
  });

  it('refuses a payment above the open balance and an invoice update below the payments applied (6000)', async () => {
    const s = await seedOrderCompany(harness);
    const invoice = (await seedInvoice(s)).body.Invoice;
    const tooMuch = await pay(s, invoice.Id, 218.51);
    expect(faultOf(tooMuch)).toMatchObject({ code: '6000', Message: 'A business validation error has occurred while processing your request' });
    expect(faultOf(tooMuch).Detail).toMatch(/^Business Validation Error: .*open balance/);
    expect(faultOf(await pay(s, invoice.Id, 100, 50)).code).toBe('6000');
    expect(faultOf(await s.api.call('POST', '/payment', { CustomerRef: { value: s.customerId }, Line: [] })).Detail).toBe('Business Validation Error: You must set a transaction amount.');

    const payment = (await pay(s, invoice.Id, 150, 160)).body.Payment;
    expect(payment.UnappliedAmt).toBe(10);
    const current = (await s.api.call('GET', `/invoice/${invoice.Id}`)).body.Invoice;
    const shrink = await s.api.call('POST', '/invoice', {
      ...current,
      Line: [{ Amount: 115, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: s.itemId }, Qty: 50, UnitPrice: 2.3 } }],
    });
    expect(faultOf(shrink).code).toBe('6000');
    const grow = await s.api.call('POST', '/invoice', { Id: current.Id, SyncToken: current.SyncToken, sparse: true, Line: [{ Amount: 460, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: s.itemId }, Qty: 200, UnitPrice: 2.3 } }] });
    expect(grow.body.Invoice).toMatchObject({ TotalAmt: 460, Balance: 310, DocNumber: 'ESP-1001' });
    // Applying more later: the open balance now allows it, and the payment's update re-checks it.
    const more = await s.api.call('POST', '/payment', { Id: payment.Id, SyncToken: payment.SyncToken, sparse: true, TotalAmt: 460, Line: [{ Amount: 460, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] });
    expect(more.body.Payment).toMatchObject({ UnappliedAmt: 0, SyncToken: '1' });
    expect((await s.api.call('GET', `/invoice/${invoice.Id}`)).body.Invoice.Balance).toBe(0);
  });

  it('sends an invoice: EmailStatus becomes EmailSent', async () => {
    const s = await seedOrderCompany(harness);
    const invoice = (await seedInvoice(s)).body.Invoice;
    const sent = await s.api.call('POST', `/invoice/${invoice.Id}/send?sendTo=${encodeURIComponent('buyer@esprit.test')}`, '', { contentType: 'application/octet-stream' });
    expect(sent.status).toBe(200);
    expect(sent.body.Invoice).toMatchObject({ EmailStatus: 'EmailSent', BillEmail: { Address: 'buyer@esprit.test' }, SyncToken: '1', DeliveryInfo: { DeliveryType: 'Email' } });
    expect(faultOf(await s.api.call('POST', `/invoice/${invoice.Id}/send?sendTo=not-an-email`)).code).toBe('6000');
  });

  it('computes sales tax on TAX lines from the customer’s rate, else the company’s, else none', async () => {
    const s = await seedOrderCompany(harness, { salesTaxRate: '8.25' });
    const line = (code: string) => ({ Amount: 230, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: s.itemId }, Qty: 100, UnitPrice: 2.3, TaxCodeRef: { value: code } } });
    const taxed = (await s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [line('TAX'), line('NON')] })).body.Invoice;
    expect(taxed.TxnTaxDetail.TotalTax).toBe(18.98);
    expect(taxed.TotalAmt).toBe(478.98);
    harness.sandbox.companies.setCustomerTaxRate(s.api.realmId, s.customerId, 0);
    expect((await s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [line('TAX')] })).body.Invoice.TotalAmt).toBe(230);
    expect(faultOf(await s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [line('GST')] })).code).toBe('6100');
  });

  it('voids and deletes invoices; payments on a deleted invoice become unapplied credit', async () => {
    const s = await seedOrderCompany(harness);
    const a = (await seedInvoice(s)).body.Invoice;
    const voided = await s.api.call('POST', '/invoice?operation=void', { Id: a.Id, SyncToken: a.SyncToken });
    expect(voided.body.Invoice).toMatchObject({ TotalAmt: 0, Balance: 0, SyncToken: '1', PrivateNote: 'Voided' });
    const b = (await seedInvoice(s)).body.Invoice;
    const payment = (await pay(s, b.Id, 100)).body.Payment;
    expect(faultOf(await s.api.call('POST', '/invoice?operation=void', { Id: b.Id, SyncToken: '1' })).code).toBe('6000');
    expect(faultOf(await s.api.call('POST', '/invoice?operation=delete', { Id: b.Id, SyncToken: '0' })).code).toBe('5010');
    await s.api.call('POST', '/invoice?operation=delete', { Id: b.Id, SyncToken: '1' });
    const deletedRead = await s.api.call('GET', `/invoice/${b.Id}`);
    expect(faultOf(deletedRead)).toMatchObject({ code: '610', Detail: 'Object Not Found : Another user has deleted this transaction.' });
    const credit = (await s.api.call('GET', `/payment/${payment.Id}`)).body.Payment;
    expect(credit).toMatchObject({ UnappliedAmt: 100, Line: [], SyncToken: '1' });
    expect((await s.api.call('GET', `/customer/${s.customerId}`)).body.Customer.Balance).toBe(-100);
  });
});

describe('bills and purchase orders', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startSandbox();
  });
  afterAll(() => harness.close());

  async function vendorSetup(options: { purchaseOrders?: boolean } = {}) {
    const s = await seedOrderCompany(harness, {});
    if (options.purchaseOrders === false) harness.sandbox.companies.configure(s.api.realmId, { purchaseOrders: false });
    const vendor = (await s.api.call('POST', '/vendor', { DisplayName: 'Kiln Supply Co' })).body.Vendor;
    return { ...s, vendorId: vendor.Id as string };
  }

  it('creates a bill with account and item lines; TotalAmt and Balance follow, vendor Balance too', async () => {
    const s = await vendorSetup();
    const bill = await s.api.call('POST', '/bill', {
      VendorRef: { value: s.vendorId },
      DocNumber: 'INV-88',
      TxnDate: '2026-03-02',
      Line: [
        { Amount: 40, DetailType: 'AccountBasedExpenseLineDetail', AccountBasedExpenseLineDetail: { AccountRef: { value: accountId(s.api, harness, 'Cost of Goods Sold') } } },
        { Amount: 115, DetailType: 'ItemBasedExpenseLineDetail', ItemBasedExpenseLineDetail: { ItemRef: { value: s.itemId }, Qty: 100, UnitPrice: 1.15 } },
      ],
    });
    expect(bill.status).toBe(200);
    expect(bill.body.Bill).toMatchObject({ TotalAmt: 155, Balance: 155, DueDate: '2026-04-01', APAccountRef: { name: 'Accounts Payable (A/P)' }, VendorRef: { value: s.vendorId, name: 'Kiln Supply Co' } });
    expect(bill.body.Bill.Line.map((l: { LineNum: number }) => l.LineNum)).toEqual([1, 2]);
    expect((await s.api.call('GET', `/vendor/${s.vendorId}`)).body.Vendor.Balance).toBe(155);
    const noLines = await s.api.call('POST', '/bill', { VendorRef: { value: s.vendorId } });
    expect(faultOf(noLines)).toMatchObject({ code: '2020', Detail: 'Required parameter Line is missing in the request' });
    const mismatch = await s.api.call('POST', '/bill', { VendorRef: { value: s.vendorId }, Line: [{ Amount: 100, DetailType: 'ItemBasedExpenseLineDetail', ItemBasedExpenseLineDetail: { ItemRef: { value: s.itemId }, Qty: 100, UnitPrice: 1.15 } }] });
    expect(faultOf(mismatch).code).toBe('6070');
  });

  it('creates an open purchase order with an automatic DocNumber', async () => {
    const s = await vendorSetup();
    const po = await s.api.call('POST', '/purchaseorder', { VendorRef: { value: s.vendorId }, Line: [{ Amount: 115, DetailType: 'ItemBasedExpenseLineDetail', ItemBasedExpenseLineDetail: { ItemRef: { value: s.itemId }, Qty: 100, UnitPrice: 1.15 } }] });
    expect(po.body.PurchaseOrder).toMatchObject({ POStatus: 'Open', DocNumber: '1001', TotalAmt: 115, APAccountRef: { name: 'Accounts Payable (A/P)' } });
  });

  it('answers 5020 for purchase orders when the plan has none (also through the HTTP control API)', async () => {
    const s = await vendorSetup({ purchaseOrders: false });
    const po = { VendorRef: { value: s.vendorId }, Line: [{ Amount: 40, DetailType: 'AccountBasedExpenseLineDetail', AccountBasedExpenseLineDetail: { AccountRef: { value: accountId(s.api, harness, 'Cost of Goods Sold') } } }] };
    const refused = await s.api.call('POST', '/purchaseorder', po);
    expect(refused.status).toBe(400);
    expect(faultOf(refused)).toMatchObject({ code: '5020', Message: 'You do not have permission to access this feature.' });
    expect(faultOf(await s.api.query('select * from PurchaseOrder')).code).toBe('5020');
    const on = await request(`${harness.url}/_sandbox/companies/${s.api.realmId}/settings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ purchaseOrders: true }) });
    expect(on.body.settings.purchaseOrders).toBe(true);
    expect((await s.api.call('POST', '/purchaseorder', po)).status).toBe(200);
  });
});

describe('invoice send without a body', () => {
  it('accepts Content-Type: application/json with an empty body', async () => {
    const harness = await startSandbox();
    try {
      const s = await seedOrderCompany(harness);
      const invoice = (await seedInvoice(s, { BillEmail: { Address: 'billing@esprit.test' } })).body.Invoice;
      const sent = await s.api.call('POST', `/invoice/${invoice.Id}/send`, '', { contentType: 'application/json' });
      expect(sent.status).toBe(200);
      expect(sent.body.Invoice).toMatchObject({ EmailStatus: 'EmailSent', BillEmail: { Address: 'billing@esprit.test' } });
    } finally {
      await harness.close();
    }
  });
});

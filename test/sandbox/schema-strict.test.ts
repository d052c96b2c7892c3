import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_NAMES } from '../../sandbox/qbo/company/company.js';
import { QboFault } from '../../sandbox/qbo/faults.js';
import { conformBody } from '../../sandbox/qbo/schema/conform.js';
import { accountId, newCompany, startSandbox, type Api, type Harness, type Reply } from './helpers.js';

const DETAIL = 'Property Name:failed to parse json object; a property specified is unsupported or invalid';

/** Intuit's answer to a body its JSON reader refuses; the sandbox names the property's path in `element`. */
function expectRefused(reply: Reply, element: string): void {
  expect(reply.status).toBe(400);
  expect(reply.body).toEqual({
    Fault: { Error: [{ Message: 'Request has invalid or unsupported property', Detail: DETAIL, code: '2010', element }], type: 'ValidationFault' },
    time: expect.stringMatching(/-07:00$/),
  });
}

interface Setup {
  api: Api;
  customerId: string;
  vendorId: string;
  itemId: string;
}

function salesLine(itemId: string, extra: Record<string, unknown> = {}, detail: Record<string, unknown> = {}) {
  return { Amount: 230, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: 100, UnitPrice: 2.3, ...detail }, ...extra };
}

describe('schema checks: bodies are read as Intuit reads them', () => {
  let harness: Harness;
  let s: Setup;
  const count = (entity: string) => harness.sandbox.companies.objects(s.api.realmId, entity).length;

  beforeAll(async () => {
    harness = await startSandbox();
    const api = await newCompany(harness);
    const customer = (await api.call('POST', '/customer', { DisplayName: 'Strict Ceramics' })).body.Customer;
    const vendor = (await api.call('POST', '/vendor', { DisplayName: 'Strict Clay Supply' })).body.Vendor;
    const item = (
      await api.call('POST', '/item', { Name: 'A7102', Type: 'NonInventory', UnitPrice: 2.3, IncomeAccountRef: { value: accountId(api, harness, 'Sales of Product Income') } })
    ).body.Item;
    s = { api, customerId: customer.Id, vendorId: vendor.Id, itemId: item.Id };
  });
  afterAll(() => harness.close());

  it('refuses an unknown property at every level with 2010 and stores nothing', async () => {
    const invoice = (extra: Record<string, unknown>, line: Record<string, unknown> = {}, detail: Record<string, unknown> = {}) =>
      s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [salesLine(s.itemId, line, detail)], ...extra });
    const invoices = count('Invoice');
    expectRefused(await invoice({ Foo: 1 }), 'Foo');
    expectRefused(await invoice({}, { Bar: 'x' }), 'Line.Bar');
    expectRefused(await invoice({}, {}, { Baz: true }), 'Line.SalesItemLineDetail.Baz');
    expectRefused(await invoice({ CustomerRef: { value: s.customerId, id: '1' } }), 'CustomerRef.id');
    // Names are case-sensitive, as Intuit's reader is.
    expectRefused(await invoice({ privateNote: 'lower case' }), 'privateNote');
    expect(count('Invoice')).toBe(invoices);

    const customers = count('Customer');
    expectRefused(await s.api.call('POST', '/customer', { DisplayName: 'Bogus Co', Bogus: 'yes' }), 'Bogus');
    expectRefused(await s.api.call('POST', '/customer', { DisplayName: 'Bogus Co', PrimaryEmailAddr: { Address: 'a@b.test', Label: 'work' } }), 'PrimaryEmailAddr.Label');
    expect(count('Customer')).toBe(customers);
    expect((await s.api.query("select * from Customer where DisplayName = 'Bogus Co'")).body.QueryResponse).toEqual({});

    const invoiceId = (await invoice({})).body.Invoice.Id;
    const payments = count('Payment');
    const payment = await s.api.call('POST', '/payment', { CustomerRef: { value: s.customerId }, TotalAmt: 10, Foo: 'x', Line: [{ Amount: 10, LinkedTxn: [{ TxnId: invoiceId, TxnType: 'Invoice' }] }] });
    expectRefused(payment, 'Foo');
    expect(count('Payment')).toBe(payments);
    // Nothing was applied: the invoice is untouched.
    expect((await s.api.call('GET', `/invoice/${invoiceId}`)).body.Invoice).toMatchObject({ SyncToken: '0', Balance: 230 });
  });

  it('refuses a sparse or full update with an unknown property and leaves the object as it was', async () => {
    const { Customer: c } = (await s.api.call('POST', '/customer', { DisplayName: 'Sparse Strict', Notes: 'before' })).body;
    expectRefused(await s.api.call('POST', '/customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Notes: 'after', Foo: 'x' }), 'Foo');
    expectRefused(await s.api.call('POST', '/customer', { Id: c.Id, SyncToken: c.SyncToken, DisplayName: 'Sparse Strict', BillAddr: { Line1: '1 Main St', Floor: 2 } }), 'BillAddr.Floor');
    const read = (await s.api.call('GET', `/customer/${c.Id}`)).body.Customer;
    expect(read).toEqual(c);
    expect(read.SyncToken).toBe('0');
    // The same update without the stranger goes through.
    expect((await s.api.call('POST', '/customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Notes: 'after' })).body.Customer).toMatchObject({ SyncToken: '1', Notes: 'after' });
  });

  it('gives a batch item with an unknown property its own fault while the others run', async () => {
    const reply = await s.api.call('POST', '/batch', {
      BatchItemRequest: [
        { bId: 'ok1', operation: 'create', Customer: { DisplayName: 'Batch Strict One' } },
        { bId: 'bad', operation: 'create', Invoice: { CustomerRef: { value: s.customerId }, Line: [salesLine(s.itemId, {}, { Baz: 1 })] } },
        { bId: 'ok2', operation: 'create', Vendor: { DisplayName: 'Batch Strict Two' } },
      ],
    });
    expect(reply.status).toBe(200);
    const [ok1, bad, ok2] = reply.body.BatchItemResponse;
    expect(ok1).toMatchObject({ bId: 'ok1', Customer: { DisplayName: 'Batch Strict One' } });
    expect(bad).toEqual({
      bId: 'bad',
      Fault: { Error: [{ Message: 'Request has invalid or unsupported property', Detail: DETAIL, code: '2010', element: 'Line.SalesItemLineDetail.Baz' }], type: 'ValidationFault' },
    });
    expect(ok2).toMatchObject({ bId: 'ok2', Vendor: { DisplayName: 'Batch Strict Two' } });
  });

  it('refuses values of the wrong kind: string for boolean or number, object for string, string for object, object for array, unknown enum', async () => {
    const customer = (body: Record<string, unknown>) => s.api.call('POST', '/customer', { DisplayName: 'Kinds', ...body });
    expectRefused(await customer({ Active: 'yes' }), 'Active');
    expectRefused(await customer({ Taxable: 1 }), 'Taxable');
    expectRefused(await customer({ CompanyName: { value: 'Kinds Inc' } }), 'CompanyName');
    expectRefused(await customer({ PrimaryEmailAddr: 'kinds@example.test' }), 'PrimaryEmailAddr');
    expectRefused(await customer({ PrimaryEmailAddr: [{ Address: 'kinds@example.test' }] }), 'PrimaryEmailAddr');
    expectRefused(await customer({ OpenBalanceDate: 20260302 }), 'OpenBalanceDate');

    const invoice = (body: Record<string, unknown>, line: Record<string, unknown> = {}) =>
      s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [salesLine(s.itemId, line)], ...body });
    expectRefused(await invoice({ CustomerRef: s.customerId }), 'CustomerRef');
    expectRefused(await invoice({ Line: salesLine(s.itemId) }), 'Line');
    expectRefused(await invoice({}, { Amount: 'ten' }), 'Line.Amount');
    expectRefused(await invoice({}, { DetailType: 'SalesLine' }), 'Line.DetailType');
    expectRefused(await invoice({}, { DetailType: { value: 'SalesItemLineDetail' } }), 'Line.DetailType');
    expectRefused(await invoice({ PrintStatus: 'Sometimes' }), 'PrintStatus');
    expectRefused(await invoice({ TxnTaxDetail: { TotalTax: 'none' } }), 'TxnTaxDetail.TotalTax');
    expectRefused(await invoice({ Line: [null] }), 'Line');
    expect(harness.sandbox.companies.objects(s.api.realmId, 'Customer').filter((c) => c.DisplayName === 'Kinds')).toEqual([]);
  });

  it('accepts what Intuit’s reader coerces: numbers for strings, "true" for booleans, numeric text for amounts', async () => {
    const income = accountId(s.api, harness, 'Sales of Product Income');
    const item = await s.api.call('POST', '/item', { Name: 'Coerced', Type: 'Service', Sku: 10, Taxable: 'true', UnitPrice: '12.50', IncomeAccountRef: { value: income } });
    expect(item.status).toBe(200);
    expect(item.body.Item).toMatchObject({ Sku: '10', Taxable: true, UnitPrice: 12.5 });
    // null is "not given" for any property.
    expect((await s.api.call('POST', '/customer', { DisplayName: 'Nulls Welcome', CompanyName: null, PrimaryEmailAddr: null })).status).toBe(200);
  });

  it('drops fields Intuit documents as Desktop only: accepted, not stored, not echoed', async () => {
    const bill = await s.api.call('POST', '/bill', {
      VendorRef: { value: s.vendorId },
      Memo: 'printed for the payee (QuickBooks Desktop only)',
      PrivateNote: 'kept',
      Line: [{ Amount: 10, DetailType: 'AccountBasedExpenseLineDetail', CustomField: [{ Name: 'Desktop', Type: 'StringType', StringValue: 'x' }], AccountBasedExpenseLineDetail: { AccountRef: { value: accountId(s.api, harness, 'Supplies') } } }],
    });
    expect(bill.status).toBe(200);
    expect(bill.body.Bill.PrivateNote).toBe('kept');
    expect(bill.body.Bill).not.toHaveProperty('Memo');
    expect(bill.body.Bill.Line[0]).not.toHaveProperty('CustomField');
    const stored = harness.sandbox.companies.objects(s.api.realmId, 'Bill').find((b) => b.Id === bill.body.Bill.Id);
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('Memo');
    expect((await s.api.call('GET', `/bill/${bill.body.Bill.Id}`)).body.Bill).not.toHaveProperty('Memo');

    const vendor = await s.api.call('POST', '/vendor', { DisplayName: 'Desktop Fields Ltd', ContactName: 'Pat', AltContactName: 'Sam', OtherAddr: [{ Line1: '2 Side St' }], Notes: 'kept' });
    expect(vendor.status).toBe(200);
    expect(vendor.body.Vendor).toMatchObject({ Notes: 'kept' });
    for (const field of ['ContactName', 'AltContactName', 'OtherAddr']) expect(vendor.body.Vendor).not.toHaveProperty(field);

    // A Desktop-only field is still read: the wrong kind there is refused like anywhere else.
    expectRefused(await s.api.call('POST', '/vendor', { DisplayName: 'Desktop Kinds', OtherAddr: 'not an address' }), 'OtherAddr');
    // A sparse update made only of a Desktop-only field changes nothing but the SyncToken, as any accepted update.
    const sparse = await s.api.call('POST', '/bill', { Id: bill.body.Bill.Id, SyncToken: bill.body.Bill.SyncToken, sparse: true, Memo: 'again' });
    expect(sparse.status).toBe(200);
    expect(sparse.body.Bill).not.toHaveProperty('Memo');
  });

  it('keeps PurchaseOrder.Memo, which Online documents although the shared base marks it Desktop only', async () => {
    const po = await s.api.call('POST', '/purchaseorder', {
      VendorRef: { value: s.vendorId },
      Memo: 'Deliver to the back door',
      Line: [{ Amount: 230, DetailType: 'ItemBasedExpenseLineDetail', ItemBasedExpenseLineDetail: { ItemRef: { value: s.itemId }, Qty: 100, UnitPrice: 2.3 } }],
    });
    expect(po.status).toBe(200);
    expect(po.body.PurchaseOrder.Memo).toBe('Deliver to the back door');
  });

  it('ignores read-only and computed fields a client sends (Id on create, MetaData, TotalAmt, Balance), as Intuit does', async () => {
    const created = await s.api.call('POST', '/invoice', {
      CustomerRef: { value: s.customerId },
      Line: [salesLine(s.itemId)],
      TotalAmt: 999,
      Balance: 999,
      MetaData: { CreateTime: '2001-01-01T00:00:00-07:00' },
      domain: 'QBO',
      sparse: false,
    });
    expect(created.status).toBe(200);
    expect(created.body.Invoice).toMatchObject({ TotalAmt: 230, Balance: 230 });
    expect(created.body.Invoice.MetaData.CreateTime).not.toBe('2001-01-01T00:00:00-07:00');
    // An Id on a create (a batch create: a plain POST with an Id is an update) is the service's to give.
    const batch = await s.api.call('POST', '/batch', { BatchItemRequest: [{ bId: 'c', operation: 'create', Customer: { Id: '999999', SyncToken: '7', DisplayName: 'Given Id' } }] });
    expect(batch.body.BatchItemResponse[0].Customer).toMatchObject({ DisplayName: 'Given Id', SyncToken: '0' });
    expect(batch.body.BatchItemResponse[0].Customer.Id).not.toBe('999999');
  });

  it('reads delete and void bodies too', async () => {
    const { Invoice: inv } = (await s.api.call('POST', '/invoice', { CustomerRef: { value: s.customerId }, Line: [salesLine(s.itemId)] })).body;
    expectRefused(await s.api.call('POST', '/invoice?operation=void', { Id: inv.Id, SyncToken: inv.SyncToken, Reason: 'x' }), 'Reason');
    expectRefused(await s.api.call('POST', '/invoice?operation=delete', { Id: inv.Id, SyncToken: inv.SyncToken, Reason: 'x' }), 'Reason');
    expect((await s.api.call('GET', `/invoice/${inv.Id}`)).body.Invoice).toMatchObject({ SyncToken: '0', TotalAmt: 230 });
  });

  it('applies the same reading to objects inserted through the control surface', () => {
    expect(() => harness.sandbox.companies.insert(s.api.realmId, 'customer', { DisplayName: 'Inserted', Bogus: 1 })).toThrow(QboFault);
  });

  it('accepts back everything it answers: each entity read and posted again as a full update', async () => {
    const income = accountId(s.api, harness, 'Sales of Product Income');
    const supplies = accountId(s.api, harness, 'Supplies');
    const created: Array<[string, Reply]> = [
      ['Customer', await s.api.call('POST', '/customer', { DisplayName: 'Round Trip', PrimaryEmailAddr: { Address: 'rt@example.test' }, BillAddr: { Line1: '1 Main St', City: 'Boston' } })],
      ['Vendor', await s.api.call('POST', '/vendor', { DisplayName: 'Round Trip Vendor' })],
      ['Employee', await s.api.call('POST', '/employee', { GivenName: 'Round', FamilyName: 'Tripper' })],
      ['Item', await s.api.call('POST', '/item', { Name: 'Round Trip Stock', Type: 'Inventory', QtyOnHand: 5, IncomeAccountRef: { value: income }, ExpenseAccountRef: { value: accountId(s.api, harness, 'Cost of Goods Sold') }, AssetAccountRef: { value: accountId(s.api, harness, 'Inventory Asset') } })],
      ['Account', await s.api.call('POST', '/account', { Name: 'Round Trip Income', AccountType: 'Income' })],
      [
        'Invoice',
        await s.api.call('POST', '/invoice', {
          CustomerRef: { value: s.customerId },
          CustomerMemo: { value: 'Thanks' },
          Line: [salesLine(s.itemId), { DetailType: 'DescriptionOnly', Description: 'Glazed by hand' }, { Amount: 11.5, DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: false } }],
        }),
      ],
      ['Bill', await s.api.call('POST', '/bill', { VendorRef: { value: s.vendorId }, Line: [{ Amount: 5, DetailType: 'AccountBasedExpenseLineDetail', AccountBasedExpenseLineDetail: { AccountRef: { value: supplies } } }] })],
      ['PurchaseOrder', await s.api.call('POST', '/purchaseorder', { VendorRef: { value: s.vendorId }, Line: [{ Amount: 2.3, DetailType: 'ItemBasedExpenseLineDetail', ItemBasedExpenseLineDetail: { ItemRef: { value: s.itemId }, Qty: 1, UnitPrice: 2.3 } }] })],
    ];
    const invoice = created.find(([entity]) => entity === 'Invoice')?.[1].body.Invoice;
    const sent = await s.api.call('POST', `/invoice/${invoice.Id}/send?sendTo=ap@example.test`);
    created.push(['Invoice', sent]);
    created.push(['Payment', await s.api.call('POST', '/payment', { CustomerRef: { value: s.customerId }, TotalAmt: 50, Line: [{ Amount: 50, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] })]);

    for (const [entity, reply] of created) {
      expect(reply.status, `${entity}: ${JSON.stringify(reply.body)}`).toBe(200);
      const object = (await s.api.call('GET', `/${entity.toLowerCase()}/${reply.body[entity].Id}`)).body[entity];
      const again = await s.api.call('POST', `/${entity.toLowerCase()}`, object);
      expect(again.status, `${entity} posted back: ${JSON.stringify(again.body)}`).toBe(200);
    }
    // Everything stored (seeded accounts, tax codes and CompanyInfo too) is made of properties the schema knows.
    for (const entity of ENTITY_NAMES) {
      for (const object of harness.sandbox.companies.objects(s.api.realmId, entity)) expect(() => conformBody(entity, object)).not.toThrow();
    }
  });
});

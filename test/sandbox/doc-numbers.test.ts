// QuickBooks Online refuses a DocNumber another document of the same type holds (6140), unless the company
// allows duplicate numbers; an update that keeps its own number is not a duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, newCompany, startSandbox, type Harness } from './helpers.js';

describe('duplicate document numbers', () => {
  let harness: Harness;
  beforeAll(async () => { harness = await startSandbox(); });
  afterAll(async () => { await harness.close(); });

  async function setup(duplicateDocNumbers?: boolean) {
    const api = await newCompany(harness, duplicateDocNumbers === undefined ? {} : { duplicateDocNumbers });
    const customer = (await api.call('POST', '/customer', { DisplayName: 'Dup Customer' })).body.Customer;
    const vendor = (await api.call('POST', '/vendor', { DisplayName: 'Dup Vendor' })).body.Vendor;
    const item = (await api.call('POST', '/item', { Name: 'Mug', Type: 'NonInventory', UnitPrice: 10, IncomeAccountRef: { value: accountId(api, harness, 'Sales of Product Income') } })).body.Item;
    const invoice = (number: string) => api.call('POST', '/invoice', {
      CustomerRef: { value: customer.Id }, DocNumber: number,
      Line: [{ Amount: 10, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: item.Id }, Qty: 1, UnitPrice: 10 } }],
    });
    const bill = (number: string) => api.call('POST', '/bill', {
      VendorRef: { value: vendor.Id }, DocNumber: number,
      Line: [{ Amount: 5, DetailType: 'AccountBasedExpenseLineDetail', AccountBasedExpenseLineDetail: { AccountRef: { value: accountId(api, harness, 'Cost of Goods Sold') } } }],
    });
    return { api, invoice, bill };
  }

  it('refuses a number already used by another invoice or bill (6140), by default', async () => {
    const { api, invoice, bill } = await setup();
    const first = await invoice('1001');
    expect(first.status).toBe(200);
    const second = await invoice('1001');
    expect(second.status).toBe(400);
    expect(second.body.Fault.Error[0]).toMatchObject({ code: '6140', Message: 'Duplicate Document Number Error', element: 'DocNumber' });
    expect(second.body.Fault.Error[0].Detail).toContain(`TxnId=${first.body.Invoice.Id}`);
    expect((await bill('1001')).status).toBe(200); // another type: its own numbers
    expect((await bill('1001')).body.Fault.Error[0].code).toBe('6140');
    const current = first.body.Invoice;
    const kept = await api.call('POST', '/invoice', { Id: current.Id, SyncToken: current.SyncToken, sparse: true, DocNumber: '1001', PrivateNote: 'same number' });
    expect(kept.status).toBe(200);
  });

  it('takes a duplicate number when the company allows it', async () => {
    const { invoice } = await setup(true);
    expect((await invoice('1001')).status).toBe(200);
    expect((await invoice('1001')).status).toBe(200);
  });
});

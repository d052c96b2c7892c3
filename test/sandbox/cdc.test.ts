import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, manualClock, newCompany, startSandbox, type Api, type Harness } from './helpers.js';

const DAY = 86_400_000;

function cdc(api: Api, entities: string, since: number | string) {
  const changedSince = typeof since === 'number' ? new Date(since).toISOString() : since;
  return api.call('GET', `/cdc?entities=${entities}&changedSince=${encodeURIComponent(changedSince)}`);
}

describe('change data capture', () => {
  const clock = manualClock();
  let harness: Harness;

  beforeAll(async () => {
    harness = await startSandbox({ now: clock.now });
  });
  afterAll(() => harness.close());

  async function sale(api: Api) {
    const customerId = (await api.call('POST', '/customer', { DisplayName: `CDC Buyer ${clock.now()}` })).body.Customer.Id;
    const invoice = (await api.call('POST', '/invoice', { CustomerRef: { value: customerId }, Line: [{ Amount: 100, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' } } }] })).body.Invoice;
    const payment = (await api.call('POST', '/payment', { CustomerRef: { value: customerId }, TotalAmt: 30, Line: [{ Amount: 30, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] })).body.Payment;
    return { customerId, invoice, payment };
  }

  it('answers Intuit’s CDCResponse shape, one QueryResponse block per entity asked, names in any case', async () => {
    const api = await newCompany(harness);
    const since = clock.now();
    clock.advance(60_000);
    const { invoice, payment } = await sale(api);
    const reply = await cdc(api, 'payment,INVOICE', since);
    expect(reply.status).toBe(200);
    expect(reply.body.time).toMatch(/\.\d{3}-07:00$/);
    const [payments, invoices] = reply.body.CDCResponse[0].QueryResponse;
    expect(payments).toEqual({ Payment: [expect.objectContaining({ Id: payment.Id, TotalAmt: 30 })], startPosition: 1, maxResults: 1 });
    // The full payload, as a read would answer it (the invoice after the payment: Balance 70).
    expect(invoices.Invoice).toEqual([(await api.call('GET', `/invoice/${invoice.Id}`)).body.Invoice]);
    expect(invoices.Invoice[0]).toMatchObject({ Balance: 70, SyncToken: '1' });
  });

  it('leaves out what changed before changedSince, and answers an empty block for an entity without changes', async () => {
    const api = await newCompany(harness);
    await sale(api);
    clock.advance(5 * 60_000);
    const since = clock.now();
    clock.advance(1000);
    const later = await api.call('POST', '/customer', { DisplayName: `Later ${clock.now()}` });
    const reply = await cdc(api, 'Customer,Payment', since);
    expect(reply.body.CDCResponse[0].QueryResponse).toEqual([{ Customer: [later.body.Customer], startPosition: 1, maxResults: 1 }, {}]);
  });

  it('lists deleted objects as status Deleted after the active ones, with the time of deletion', async () => {
    const api = await newCompany(harness);
    const since = clock.now();
    clock.advance(1000);
    const { customerId, invoice } = await sale(api);
    const second = (await api.call('POST', '/payment', { CustomerRef: { value: customerId }, TotalAmt: 10, Line: [{ Amount: 10, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] })).body.Payment;
    const first = (await api.query('select * from Payment where TotalAmt = \'30\'')).body.QueryResponse.Payment[0];
    clock.advance(2000);
    await api.call('POST', '/payment?operation=delete', { Id: first.Id, SyncToken: first.SyncToken });
    const deletedAt = clock.now();

    const [block] = (await cdc(api, 'Payment', since)).body.CDCResponse[0].QueryResponse;
    expect(block.Payment).toEqual([
      expect.objectContaining({ Id: second.Id, TotalAmt: 10 }),
      { Id: first.Id, status: 'Deleted', domain: 'QBO', MetaData: { LastUpdatedTime: expect.any(String) } },
    ]);
    expect(Date.parse(block.Payment[1].MetaData.LastUpdatedTime)).toBe(Math.floor(deletedAt / 1000) * 1000);
  });

  it('accepts a date or a date-time without offset (company time) as changedSince', async () => {
    const api = await newCompany(harness);
    const customer = (await api.call('POST', '/customer', { DisplayName: `Dated ${clock.now()}` })).body.Customer;
    const today = customer.MetaData.CreateTime.slice(0, 10);
    const byDate = await cdc(api, 'Customer', today);
    expect(byDate.body.CDCResponse[0].QueryResponse[0].Customer.map((c: { Id: string }) => c.Id)).toContain(customer.Id);
    const local = customer.MetaData.CreateTime.slice(0, 19);
    expect((await cdc(api, 'Customer', local)).body.CDCResponse[0].QueryResponse[0].Customer).toEqual([customer]);
  });

  it('refuses changedSince more than 30 days back with Intuit’s Unsupported Operation fault', async () => {
    const api = await newCompany(harness);
    const tooOld = new Date(clock.now() - 30 * DAY - 60_000).toISOString();
    const refused = await cdc(api, 'Invoice', tooOld);
    expect(refused.status).toBe(400);
    expect(faultOf(refused)).toMatchObject({
      code: '500',
      Message: 'Unsupported Operation',
      Detail: `Operation cdc with changedSince date ${tooOld} which is older than fixed days is not supported.`,
      type: 'ValidationFault',
    });
    expect((await cdc(api, 'Invoice', clock.now() - 29 * DAY)).status).toBe(200);
  });

  it('refuses TimeActivity, TaxCode and TaxRate (not covered by CDC), unknown entities and missing parameters', async () => {
    const api = await newCompany(harness);
    for (const entity of ['TimeActivity', 'Invoice,TaxCode', 'taxrate', 'Unicorn']) {
      const refused = await cdc(api, entity, clock.now() - DAY);
      expect(refused.status).toBe(400);
      expect(faultOf(refused)).toMatchObject({ code: '500', Message: 'Unsupported Operation' });
    }
    expect(faultOf(await api.call('GET', '/cdc?entities=Invoice')).code).toBe('2020');
    expect(faultOf(await api.call('GET', `/cdc?changedSince=${new Date(clock.now()).toISOString()}`)).code).toBe('2020');
    expect(faultOf(await cdc(api, 'Invoice', 'yesterday')).code).toBe('2010');
  });

  it('stops at 1000 objects: the rest of the window is simply not in the answer', async () => {
    const api = await newCompany(harness);
    const since = clock.now();
    clock.advance(1000);
    for (let i = 0; i < 1005; i += 1) harness.sandbox.companies.insert(api.realmId, 'customer', { DisplayName: `Bulk ${i}` });
    await api.call('POST', '/item', { Name: `After The Cap ${clock.now()}`, Type: 'Service', IncomeAccountRef: { value: '12' } });
    const [customers, items] = (await cdc(api, 'Customer,Item', since)).body.CDCResponse[0].QueryResponse;
    expect(customers.Customer).toHaveLength(1000);
    expect(customers.maxResults).toBe(1000);
    expect(items).toEqual({});
  });
});

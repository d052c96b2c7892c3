import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, faultOf, newCompany, startSandbox, type Api, type Harness } from './helpers.js';

describe('entities: create, read, update, SyncToken, names', () => {
  let harness: Harness;
  let api: Api;

  beforeAll(async () => {
    harness = await startSandbox();
    api = await newCompany(harness);
  });
  afterAll(() => harness.close());

  it('creates and reads a customer with Intuit’s system fields', async () => {
    const created = await api.call('POST', '/customer', { DisplayName: 'Acme Retail', PrimaryEmailAddr: { Address: 'ap@acme.test' } });
    expect(created.status).toBe(200);
    expect(created.headers.get('intuit_tid')).toBeTruthy();
    const customer = created.body.Customer;
    expect(customer).toMatchObject({ Id: expect.stringMatching(/^\d+$/), SyncToken: '0', DisplayName: 'Acme Retail', FullyQualifiedName: 'Acme Retail', Active: true, Balance: 0 });
    expect(customer.MetaData.CreateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-07:00$/);
    expect(created.body.time).toMatch(/\.\d{3}-07:00$/);
    const read = await api.call('GET', `/customer/${customer.Id}`);
    expect(read.body.Customer).toEqual(customer);
  });

  it('full update replaces the object, sparse update merges, a stale SyncToken is 5010', async () => {
    const { Customer: c } = (await api.call('POST', '/customer', { DisplayName: 'Update Me', CompanyName: 'Old Co', Notes: 'keep?' })).body;
    const full = await api.call('POST', '/customer', { Id: c.Id, SyncToken: c.SyncToken, DisplayName: 'Update Me', CompanyName: 'New Co' });
    expect(full.body.Customer).toMatchObject({ SyncToken: '1', CompanyName: 'New Co' });
    expect(full.body.Customer.Notes).toBeUndefined();

    const sparse = await api.call('POST', '/customer', { Id: c.Id, SyncToken: '1', sparse: true, Notes: 'added' });
    expect(sparse.body.Customer).toMatchObject({ SyncToken: '2', CompanyName: 'New Co', Notes: 'added' });

    const stale = await api.call('POST', '/customer', { Id: c.Id, SyncToken: '1', sparse: true, Notes: 'late' });
    expect(stale.status).toBe(400);
    expect(faultOf(stale)).toMatchObject({ code: '5010', Message: 'Stale Object Error', type: 'ValidationFault' });

    const missing = await api.call('POST', '/customer', { Id: c.Id, sparse: true, Notes: 'x' });
    expect(faultOf(missing)).toMatchObject({ code: '2020', element: 'SyncToken' });
  });

  it('answers 610 for an object that does not exist', async () => {
    const reply = await api.call('GET', '/invoice/987654');
    expect(reply.status).toBe(400);
    expect(faultOf(reply)).toMatchObject({ code: '610', Message: 'Object Not Found' });
  });

  it('shares one case-insensitive DisplayName namespace across Customer, Vendor and Employee (6240)', async () => {
    const customer = (await api.call('POST', '/customer', { DisplayName: 'Northwind Traders' })).body.Customer;
    const vendor = await api.call('POST', '/vendor', { DisplayName: 'NORTHWIND traders' });
    expect(vendor.status).toBe(400);
    expect(faultOf(vendor)).toMatchObject({ code: '6240', Message: 'Duplicate Name Exists Error', Detail: `The name supplied already exists. : Id=${customer.Id}` });
    const employee = await api.call('POST', '/employee', { GivenName: 'Northwind', FamilyName: 'Traders' });
    expect(faultOf(employee).code).toBe('6240');
    const renamed = await api.call('POST', '/vendor', { DisplayName: 'Northwind Traders (vendor)' });
    expect(renamed.status).toBe(200);
    const clash = await api.call('POST', '/customer', { Id: customer.Id, SyncToken: customer.SyncToken, sparse: true, DisplayName: 'northwind traders (VENDOR)' });
    expect(faultOf(clash).Detail).toBe(`The name supplied already exists. : Id=${renamed.body.Vendor.Id}`);
  });

  it('rejects a colon in a display name and an item name', async () => {
    const customer = await api.call('POST', '/customer', { DisplayName: 'Parent:Child' });
    expect(faultOf(customer)).toMatchObject({ code: '6000', element: 'DisplayName' });
    const item = await api.call('POST', '/item', { Name: 'A:B', Type: 'Service', IncomeAccountRef: { value: accountId(api, harness, 'Services') } });
    expect(faultOf(item).code).toBe('6000');
  });

  it('keeps item names unique among items and requires an income account for a sales item', async () => {
    const income = accountId(api, harness, 'Sales of Product Income');
    const first = await api.call('POST', '/item', { Name: 'Mug', Type: 'NonInventory', UnitPrice: 12.5, Sku: 'MUG-1', IncomeAccountRef: { value: income } });
    expect(first.body.Item).toMatchObject({ Name: 'Mug', FullyQualifiedName: 'Mug', UnitPrice: 12.5, IncomeAccountRef: { value: income, name: 'Sales of Product Income' } });
    const duplicate = await api.call('POST', '/item', { Name: 'MUG', Type: 'Service', IncomeAccountRef: { value: income } });
    expect(faultOf(duplicate).Detail).toBe(`The name supplied already exists. : Id=${first.body.Item.Id}`);
    const noAccount = await api.call('POST', '/item', { Name: 'Loose', Type: 'Service' });
    expect(faultOf(noAccount)).toMatchObject({ code: '2020', element: 'IncomeAccountRef' });
    const badRef = await api.call('POST', '/item', { Name: 'Ghost', Type: 'Service', IncomeAccountRef: { value: '99999' } });
    expect(faultOf(badRef).code).toBe('2500');
    // A customer may share a name with an item: only names within one namespace collide.
    expect((await api.call('POST', '/customer', { DisplayName: 'Mug' })).status).toBe(200);
  });

  it('deactivates a list entry: it is renamed "(deleted)", hidden from queries, and frees the name', async () => {
    const { Customer: c } = (await api.call('POST', '/customer', { DisplayName: 'Gone Soon' })).body;
    const off = await api.call('POST', '/customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Active: false });
    expect(off.body.Customer).toMatchObject({ Active: false, DisplayName: 'Gone Soon (deleted)' });
    expect((await api.query("select * from Customer where DisplayName = 'Gone Soon'")).body.QueryResponse).toEqual({});
    const all = await api.query("select * from Customer where Active in (true, false) and DisplayName like 'Gone Soon%'");
    expect(all.body.QueryResponse.Customer).toHaveLength(1);
    expect((await api.call('POST', '/customer', { DisplayName: 'Gone Soon' })).status).toBe(200);
    const invoice = await api.call('POST', '/invoice', { CustomerRef: { value: c.Id }, Line: [{ Amount: 1, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' } } }] });
    expect(faultOf(invoice).code).toBe('610');
  });

  it('treats TaxCode and CompanyInfo as read-only and lists cannot be deleted', async () => {
    const tax = await api.call('GET', '/taxcode/TAX');
    expect(tax.body.TaxCode).toMatchObject({ Id: 'TAX', Name: 'TAX', Taxable: true });
    const create = await api.call('POST', '/taxcode', { Name: 'X' });
    expect(faultOf(create).code).toBe('500');
    const info = await api.call('GET', `/companyinfo/${api.realmId}`);
    expect(info.body.CompanyInfo).toMatchObject({ Id: api.realmId, Country: 'US' });
    const { Customer: c } = (await api.call('POST', '/customer', { DisplayName: 'Undeletable' })).body;
    const del = await api.call('POST', '/customer?operation=delete', { Id: c.Id, SyncToken: c.SyncToken });
    expect(faultOf(del).code).toBe('500');
  });

  it('seeds a US chart of accounts with Intuit’s types', async () => {
    const accounts = (await api.query('select * from Account maxresults 1000')).body.QueryResponse.Account as Array<Record<string, unknown>>;
    const byName = Object.fromEntries(accounts.map((a) => [a.Name, a]));
    expect(byName['Accounts Receivable (A/R)']).toMatchObject({ AccountType: 'Accounts Receivable', AccountSubType: 'AccountsReceivable', Classification: 'Asset' });
    expect(byName['Accounts Payable (A/P)']).toMatchObject({ AccountType: 'Accounts Payable', Classification: 'Liability' });
    expect(byName['Discounts given']).toMatchObject({ AccountType: 'Income', AccountSubType: 'DiscountsRefundsGiven' });
    expect(byName['Undeposited Funds']).toMatchObject({ AccountType: 'Other Current Asset', AccountSubType: 'UndepositedFunds' });
    for (const name of ['Sales of Product Income', 'Services', 'Cost of Goods Sold', 'Inventory Asset', 'Checking', 'Sales Tax Payable', 'Retained Earnings']) expect(byName[name]).toBeDefined();
  });

  it('creates an account and refuses a duplicate account name', async () => {
    const created = await api.call('POST', '/account', { Name: 'Freight In', AccountType: 'Cost of Goods Sold' });
    expect(created.body.Account).toMatchObject({ Classification: 'Expense', AccountSubType: 'SuppliesMaterialsCogs' });
    expect(faultOf(await api.call('POST', '/account', { Name: 'freight in', AccountType: 'Expense' })).code).toBe('6240');
    expect(faultOf(await api.call('POST', '/account', { Name: 'No Type' })).code).toBe('6010');
  });

  it('rejects an unknown entity path and a malformed body', async () => {
    expect(faultOf(await api.call('POST', '/widget', { Name: 'x' })).code).toBe('500');
    const broken = await api.call('POST', '/customer', '{"DisplayName": ', { contentType: 'application/json' });
    expect(broken.status).toBe(400);
    expect(faultOf(broken).code).toBe('2010');
  });

  it('accepts minorversion, serves old ones as 75, rejects a non-numeric one', async () => {
    expect((await api.call('GET', `/companyinfo/${api.realmId}?minorversion=65`)).status).toBe(200);
    expect(harness.sandbox.companies.get(api.realmId)?.stats.lastMinorVersion).toEqual({ requested: '65', served: 75 });
    const bad = await api.call('GET', `/companyinfo/${api.realmId}?minorversion=abc`);
    expect(bad.status).toBe(400);
    expect(faultOf(bad).element).toBe('minorversion');
  });
});

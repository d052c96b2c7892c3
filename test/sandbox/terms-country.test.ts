// The sandbox's payment terms (read-only, as a new company has them; an invoice's due date follows its term) and a
// company's country (CompanyInfo.Country: a company outside the US, on Intuit's non-US tax model).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, newCompany, startSandbox, type Harness } from './helpers.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startSandbox();
});
afterAll(() => harness.close());

describe('terms and country', () => {
  it('has the terms of a new company, read-only, queryable by name', async () => {
    const api = await newCompany(harness);
    const terms = (await api.query('select * from Term')).body.QueryResponse.Term as Record<string, unknown>[];
    expect(terms.map((t) => [t.Name, t.DueDays])).toEqual([['Due on receipt', 0], ['Net 15', 15], ['Net 30', 30], ['Net 60', 60]]);
    expect((await api.query("select * from Term where Name = 'Net 15'")).body.QueryResponse.Term).toHaveLength(1);
    expect(faultOf(await api.call('POST', '/term', { Name: 'Net 45', DueDays: 45 })).code).toBe('500');
  });

  it('dates an invoice due by its term unless a due date is given; an unknown term is 2500', async () => {
    const api = await newCompany(harness);
    const customer = (await api.call('POST', '/customer', { DisplayName: 'Termed' })).body.Customer;
    const net15 = ((await api.query("select * from Term where Name = 'Net 15'")).body.QueryResponse.Term as Record<string, unknown>[])[0]!;
    const line = { Amount: 10, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' }, Qty: 1, UnitPrice: 10 } };
    const byTerm = (await api.call('POST', '/invoice', { CustomerRef: { value: customer.Id }, TxnDate: '2026-11-20', SalesTermRef: { value: net15.Id }, Line: [line] })).body.Invoice;
    expect(byTerm).toMatchObject({ DueDate: '2026-12-05', SalesTermRef: { value: net15.Id, name: 'Net 15' } });
    const given = (await api.call('POST', '/invoice', { CustomerRef: { value: customer.Id }, TxnDate: '2026-11-20', DueDate: '2026-11-30', SalesTermRef: { value: net15.Id }, Line: [line] })).body.Invoice;
    expect(given.DueDate).toBe('2026-11-30');
    expect(faultOf(await api.call('POST', '/invoice', { CustomerRef: { value: customer.Id }, SalesTermRef: { value: '99' }, Line: [line] })).code).toBe('2500');
  });

  it('reports the country it was created with (US by default)', async () => {
    const us = await newCompany(harness);
    const ca = await newCompany(harness, { country: 'CA' });
    expect((await us.call('GET', `/companyinfo/${us.realmId}`)).body.CompanyInfo.Country).toBe('US');
    expect((await ca.call('GET', `/companyinfo/${ca.realmId}`)).body.CompanyInfo.Country).toBe('CA');
    expect(harness.sandbox.companies.get(ca.realmId)!.settings.country).toBe('CA');
  });
});

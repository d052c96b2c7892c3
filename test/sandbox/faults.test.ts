import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, faultOf, newCompany, request, startSandbox, type Api, type Harness } from './helpers.js';

function post(harness: Harness, path: string, body: unknown = {}) {
  return request(`${harness.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function refresh(harness: Harness, refreshToken: string) {
  const basic = Buffer.from(`${harness.sandbox.clientId}:${harness.sandbox.clientSecret}`).toString('base64');
  return request(harness.sandbox.endpoints().tokenEndpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
}

const invoiceBody = (customerId: string, doc: string) => ({
  CustomerRef: { value: customerId },
  DocNumber: doc,
  Line: [{ Amount: 50, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' }, Qty: 2, UnitPrice: 25 } }],
});

async function countInvoices(api: Api, doc: string): Promise<number> {
  return (await api.query(`select count(*) from Invoice where DocNumber = '${doc}'`)).body.QueryResponse.totalCount;
}

describe('fault injection', () => {
  let harness: Harness;
  let api: Api;
  let customerId: string;

  beforeAll(async () => {
    harness = await startSandbox();
    api = await newCompany(harness);
    customerId = (await api.call('POST', '/customer', { DisplayName: 'Faulty Towers' })).body.Customer.Id;
  });
  afterAll(() => harness.close());

  it('fails the next N matching calls without applying them (programmatic)', async () => {
    harness.sandbox.faults.failNext({ realmId: api.realmId, entity: 'invoice', operation: 'create', status: 503, count: 2 });
    expect((await api.call('GET', `/customer/${customerId}`)).status).toBe(200);
    const first = await api.call('POST', '/invoice', invoiceBody(customerId, 'F-1'));
    const second = await api.call('POST', '/invoice', invoiceBody(customerId, 'F-1'));
    expect([first.status, second.status]).toEqual([503, 503]);
    expect(faultOf(first)).toMatchObject({ code: '10000', type: 'SystemFault' });
    expect(await countInvoices(api, 'F-1')).toBe(0);
    expect((await api.call('POST', '/invoice', invoiceBody(customerId, 'F-1'))).status).toBe(200);
    expect(await countInvoices(api, 'F-1')).toBe(1);
    expect(harness.sandbox.faults.list()).toHaveLength(0);
  });

  it('arms a fault with Intuit’s own error over HTTP, and 401/429 bodies by default', async () => {
    const armed = await post(harness, '/_sandbox/faults', { realmId: api.realmId, entity: 'customer', method: 'POST', status: 400, code: '6000', detail: 'Business Validation Error: injected' });
    expect(armed.status).toBe(201);
    const failed = await api.call('POST', '/customer', { DisplayName: 'Never Made' });
    expect(faultOf(failed)).toMatchObject({ code: '6000', Detail: 'Business Validation Error: injected', type: 'ValidationFault' });
    expect((await api.query("select count(*) from Customer where DisplayName = 'Never Made'")).body.QueryResponse.totalCount).toBe(0);

    await post(harness, '/_sandbox/faults', { realmId: api.realmId, status: 401 });
    const unauthorized = await api.call('GET', `/customer/${customerId}`);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.body.fault.error[0].code).toBe('3200');
    harness.sandbox.faults.failNext({ realmId: api.realmId, operation: 'query', status: 429 });
    expect(faultOf(await api.query('select * from Customer')).code).toBe('3001');

    const pending = await post(harness, '/_sandbox/faults', { realmId: api.realmId, entity: 'vendor', status: 500 });
    expect((await request(`${harness.url}/_sandbox/faults`)).body.faults).toHaveLength(1);
    await request(`${harness.url}/_sandbox/faults/${pending.body.id}`, { method: 'DELETE' });
    expect((await request(`${harness.url}/_sandbox/faults`)).body.faults).toHaveLength(0);
  });

  it('commit-then-fail with 500: the write is stored once, and a retry with the same requestid gets the first result', async () => {
    harness.sandbox.faults.commitThenFail({ realmId: api.realmId, entity: 'invoice', respond: 500 });
    const failed = await api.call('POST', '/invoice?requestid=ctf-500', invoiceBody(customerId, 'CTF-500'));
    expect(failed.status).toBe(500);
    expect(faultOf(failed).code).toBe('10000');
    expect(await countInvoices(api, 'CTF-500')).toBe(1);
    const retried = await api.call('POST', '/invoice?requestid=ctf-500', invoiceBody(customerId, 'CTF-500'));
    expect(retried.status).toBe(200);
    expect(retried.body.Invoice.DocNumber).toBe('CTF-500');
    expect(await countInvoices(api, 'CTF-500')).toBe(1);
  });

  it('commit-then-fail with a dropped socket (armed over HTTP): no response, the object exists exactly once', async () => {
    await post(harness, '/_sandbox/faults/commit-then-fail', { realmId: api.realmId, entity: 'invoice', operation: 'create', respond: 'drop' });
    await expect(api.call('POST', '/invoice', invoiceBody(customerId, 'CTF-DROP'))).rejects.toThrow();
    expect(await countInvoices(api, 'CTF-DROP')).toBe(1);
    const stored = harness.sandbox.companies.objects(api.realmId, 'invoices').filter((i) => i.DocNumber === 'CTF-DROP');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ TotalAmt: 50, Balance: 50 });
  });

  it('commit-then-fail ignores reads and failed writes', async () => {
    harness.sandbox.faults.commitThenFail({ realmId: api.realmId, respond: 500 });
    expect((await api.call('GET', `/customer/${customerId}`)).status).toBe(200);
    expect(faultOf(await api.call('POST', '/customer', { DisplayName: 'Faulty Towers' })).code).toBe('6240');
    expect((await api.call('POST', '/customer', { DisplayName: 'Commit Then Fail' })).status).toBe(500);
    expect((await api.query("select count(*) from Customer where DisplayName = 'Commit Then Fail'")).body.QueryResponse.totalCount).toBe(1);
  });
});

describe('token controls', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startSandbox();
  });
  afterAll(() => harness.close());

  it('expires every access token of a realm now; a refresh brings a working one', async () => {
    const realmId = harness.sandbox.companies.create().realmId;
    const token = harness.sandbox.tokens.issue(realmId);
    const api = apiFor(harness, realmId, token);
    expect((await post(harness, `/_sandbox/companies/${realmId}/expire-tokens`)).body).toEqual({ expired: 1 });
    const expired = await api.call('GET', `/companyinfo/${realmId}`);
    expect(expired.status).toBe(401);
    const fresh = await refresh(harness, token.refresh_token);
    expect(fresh.status).toBe(200);
    expect((await api.call('GET', `/companyinfo/${realmId}`, undefined, { token: fresh.body.access_token })).status).toBe(200);
  });

  it('disconnect revokes the grant: 401 on the API and invalid_grant on refresh', async () => {
    const realmId = harness.sandbox.companies.create().realmId;
    const tokens = await post(harness, `/_sandbox/companies/${realmId}/tokens`, { includeHardExpiry: true });
    expect(tokens.status).toBe(201);
    expect(tokens.body.x_refresh_token_hard_expires_in).toBeGreaterThan(0);
    const api = apiFor(harness, realmId, tokens.body);
    expect((await post(harness, `/_sandbox/companies/${realmId}/disconnect`)).body).toEqual({ revokedGrants: 1 });
    expect((await api.call('GET', `/companyinfo/${realmId}`)).status).toBe(401);
    const refused = await refresh(harness, tokens.body.refresh_token);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
  });
});

describe('inspection and control over HTTP', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startSandbox();
  });
  afterAll(() => harness.close());

  it('creates companies, summarizes them with request statistics, lists objects, moves the clock and resets', async () => {
    const created = await post(harness, '/_sandbox/companies', { name: 'Bench Co', purchaseOrders: false, salesTaxRate: '7.5' });
    expect(created.status).toBe(201);
    const realmId = created.body.realmId as string;
    expect(created.body.settings).toEqual({ country: 'US', duplicateDocNumbers: false, purchaseOrders: false, salesTaxRate: '7.5', timeTracking: true, workWeekStart: 'Monday' });
    const api = apiFor(harness, realmId);
    await api.call('POST', '/customer', { DisplayName: 'Stat Customer' });
    await api.call('GET', `/companyinfo/${realmId}?minorversion=70`);
    await api.query('select * from Customer');

    const summary = (await request(`${harness.url}/_sandbox/companies/${realmId}`)).body;
    expect(summary).toMatchObject({
      realmId,
      name: 'Bench Co',
      counts: { Customer: 1, Invoice: 0, Account: expect.any(Number) },
      stats: { requests: 3, writes: 1, throttled: 0, lastMinorVersion: { requested: '75', served: 75 } },
      connections: { grants: 1, activeGrants: 1, liveAccessTokens: 1 },
    });
    expect(summary.stats.byEndpoint).toEqual({ 'POST customer': 1, 'GET companyinfo/{id}': 1, 'GET query': 1 });
    const list = (await request(`${harness.url}/_sandbox/companies`)).body.companies;
    expect(list.map((c: { realmId: string }) => c.realmId)).toContain(realmId);
    const customers = (await request(`${harness.url}/_sandbox/companies/${realmId}/customers`)).body;
    expect(customers).toMatchObject({ count: 1, items: [{ DisplayName: 'Stat Customer' }] });
    expect((await request(`${harness.url}/_sandbox/companies/0000/customers`)).status).toBe(404);

    const before = (await request(`${harness.url}/_sandbox/clock`)).body.now;
    const moved = (await post(harness, '/_sandbox/clock/advance', { seconds: 3600 })).body;
    expect(moved.now - before).toBeGreaterThanOrEqual(3600_000);
    expect((await api.call('GET', `/companyinfo/${realmId}`)).status).toBe(401);

    expect((await post(harness, '/_sandbox/reset')).body).toEqual({ ok: true });
    expect((await request(`${harness.url}/_sandbox/companies`)).body.companies).toEqual([]);
  });
});

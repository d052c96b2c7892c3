import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, newCompany, startSandbox, type Api, type Harness } from './helpers.js';

describe('batch', () => {
  let harness: Harness;
  let api: Api;

  beforeAll(async () => {
    harness = await startSandbox();
    api = await newCompany(harness);
  });
  afterAll(() => harness.close());

  it('runs creates, updates, deletes and queries in order, each answering under its bId', async () => {
    const existing = (await api.call('POST', '/customer', { DisplayName: 'Batch Existing' })).body.Customer;
    const reply = await api.call('POST', '/batch', {
      BatchItemRequest: [
        { bId: 'c1', operation: 'create', Customer: { DisplayName: 'Batch One' } },
        { bId: 'c2', operation: 'create', Vendor: { DisplayName: 'batch one' } },
        { bId: 'u1', operation: 'update', Customer: { Id: existing.Id, SyncToken: existing.SyncToken, sparse: true, Notes: 'via batch' } },
        { bId: 'q1', Query: "select * from Customer where DisplayName like 'Batch%'" },
        { bId: 'd1', operation: 'delete', Customer: { Id: existing.Id, SyncToken: '1' } },
      ],
    });
    expect(reply.status).toBe(200);
    const [c1, c2, u1, q1, d1] = reply.body.BatchItemResponse;
    expect(c1).toMatchObject({ bId: 'c1', Customer: { DisplayName: 'Batch One', SyncToken: '0' } });
    expect(c2.bId).toBe('c2');
    expect(c2.Fault).toMatchObject({ type: 'ValidationFault', Error: [{ code: '6240' }] });
    expect(u1).toMatchObject({ bId: 'u1', Customer: { Notes: 'via batch', SyncToken: '1' } });
    expect(q1.QueryResponse.Customer).toHaveLength(2);
    expect(d1.Fault.Error[0].code).toBe('500');
    expect(harness.sandbox.companies.get(api.realmId)?.stats.byEndpoint['POST batch']).toBe(1);
  });

  it('accepts 30 items and refuses 31', async () => {
    const items = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ bId: `b${i}`, operation: 'create', Customer: { DisplayName: `${prefix} ${i}` } }));
    const thirty = await api.call('POST', '/batch', { BatchItemRequest: items(30, 'Thirty') });
    expect(thirty.status).toBe(200);
    expect(thirty.body.BatchItemResponse.filter((r: { Customer?: unknown }) => r.Customer)).toHaveLength(30);
    const thirtyOne = await api.call('POST', '/batch', { BatchItemRequest: items(31, 'ThirtyOne') });
    expect(thirtyOne.status).toBe(400);
    expect(faultOf(thirtyOne).code).toBe('1040');
    expect((await api.query("select count(*) from Customer where DisplayName like 'ThirtyOne%'")).body.QueryResponse.totalCount).toBe(0);
  });
});

describe('requestid', () => {
  let harness: Harness;
  let api: Api;

  beforeAll(async () => {
    harness = await startSandbox();
    api = await newCompany(harness);
  });
  afterAll(() => harness.close());

  it('replays the first response for a retried request and creates nothing new', async () => {
    const first = await api.call('POST', '/customer?requestid=create-cust-1', { DisplayName: 'Idempotent Ltd' });
    const again = await api.call('POST', '/customer?requestid=create-cust-1', { DisplayName: 'Idempotent Ltd' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await api.query("select count(*) from Customer where DisplayName = 'Idempotent Ltd'")).body.QueryResponse.totalCount).toBe(1);
    const stats = harness.sandbox.companies.get(api.realmId)?.stats;
    expect(stats?.replays).toBe(1);
    expect(stats?.writes).toBe(1);
  });

  it('replays a stored fault too, and a new requestid is a new request', async () => {
    await api.call('POST', '/customer', { DisplayName: 'Taken' });
    const fault = await api.call('POST', '/customer?requestid=dup-1', { DisplayName: 'Taken' });
    expect(faultOf(fault).code).toBe('6240');
    expect((await api.call('POST', '/customer?requestid=dup-1', { DisplayName: 'Taken Two' })).body).toEqual(fault.body);
    expect((await api.call('POST', '/customer?requestid=dup-2', { DisplayName: 'Taken Two' })).status).toBe(200);
  });

  it('keeps request ids per realm and refuses ids longer than 50 characters', async () => {
    const other = await newCompany(harness);
    await api.call('POST', '/customer?requestid=shared-id', { DisplayName: 'Realm A' });
    const b = await other.call('POST', '/customer?requestid=shared-id', { DisplayName: 'Realm B' });
    expect(b.body.Customer.DisplayName).toBe('Realm B');
    const long = await api.call('POST', `/customer?requestid=${'x'.repeat(51)}`, { DisplayName: 'Long Id' });
    expect(long.status).toBe(400);
    expect(faultOf(long).element).toBe('requestid');
    expect((await api.call('POST', `/customer?requestid=${'y'.repeat(50)}`, { DisplayName: 'Fifty' })).status).toBe(200);
  });
});

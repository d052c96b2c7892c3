// The billing API over real sockets: every route validates as problem+json, bad input changes nothing (database
// and Temporal Schedules), a key never reaches another tenant's billing, the schedule follows the configuration.
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';
import { billingScheduleId, billingSyncScheduleId } from '../../control/ids.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let otherKey: string;
let temporal: Client;
let temporalConnection: Connection;
let sql: postgres.Sql;

beforeAll(async () => {
  stack = await startTestStack();
  key = (await createTenant(stack)).apiKey;
  otherKey = (await createTenant(stack)).apiKey;
  temporalConnection = await Connection.connect({ address: inject('temporalAddress') });
  temporal = new Client({ connection: temporalConnection });
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await temporalConnection?.close();
  await stack?.stop();
});

const call = (method: string, path: string, body?: unknown, apiKey = key) => stack.call(method, path, { key: apiKey, body });

function expectProblem(response: { status: number; contentType: string; body: Json }, status: number): Json {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.contentType).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  return response.body;
}

async function schedule(connectionId: string, id = billingScheduleId) {
  try {
    return await temporal.schedule.getHandle(id(connectionId)).describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return undefined;
    throw error;
  }
}

async function connection() {
  const { connectionId, realmId } = await connectQbo(stack, key);
  const server = stack.sandbox!.server;
  const income = server.companies.objects(realmId, 'Account').find((a) => a.Name === 'Services')!;
  return {
    connectionId,
    base: `/v1/connections/${connectionId}`,
    item: (name: string) => server.companies.insert(realmId, 'Item', { Name: name, Type: 'Service', UnitPrice: 10, IncomeAccountRef: { value: income.Id } }) as Json,
    customer: (name: string) => server.companies.insert(realmId, 'Customer', { DisplayName: name }) as Json,
  };
}

describe('billing configuration', () => {
  it('refuses bad input with problem+json and saves nothing: no configuration, no schedule', async () => {
    const c = await connection();
    const bad: [Json, RegExp][] = [
      [{ mode: 'monthly', dayOfMonth: 1 }, /mode/],
      [{ mode: 'advance', dayOfMonth: 29 }, /dayOfMonth/],
      [{ mode: 'advance', dayOfMonth: 0 }, /dayOfMonth/],
      [{ mode: 'advance', dayOfMonth: 1, hour: '24:00' }, /hour/],
      [{ mode: 'advance', dayOfMonth: 1, hour: '5:00' }, /hour/],
      [{ mode: 'advance', dayOfMonth: 1, timeZone: 'Mars/Olympus' }, /time zone/],
      [{ mode: 'advance', dayOfMonth: 1, hour: '02:30' }, /02:30 does not exist .* America\/New_York/],
      [{ mode: 'advance', dayOfMonth: 1, prorate: { increases: true } }, /decreases/],
      [{ mode: 'advance', dayOfMonth: 1, extra: true }, /extra|additional/],
      [{ dayOfMonth: 1 }, /mode/],
    ];
    for (const [body, detail] of bad) expect(expectProblem(await call('PUT', `${c.base}/billing`, body), 400).detail).toMatch(detail);
    expectProblem(await call('GET', `${c.base}/billing`), 404);
    expect(await schedule(c.connectionId)).toBeUndefined();
    expect(await sql`select 1 from billing_configs where connection_id = ${c.connectionId}`).toHaveLength(0);
  });

  it('saves with the defaults (New York, 05:00, no proration) and creates both schedules; a new day, hour or zone updates them', async () => {
    const c = await connection();
    const saved = await call('PUT', `${c.base}/billing`, { mode: 'arrears', dayOfMonth: 3 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ mode: 'arrears', dayOfMonth: 3, timeZone: 'America/New_York', hour: '05:00', prorate: { increases: false, decreases: false } });
    expect(saved.body.schedule).toMatchObject({ scheduleId: `billing/${c.connectionId}`, syncScheduleId: `billing-sync/${c.connectionId}` });
    expect(saved.body.schedule.nextRuns[0]).toMatch(/-03T(09|10):00:00.000Z$/);

    const billing = (await schedule(c.connectionId))!;
    expect(billing.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 3, end: 3, step: 1 }], hour: [{ start: 5, end: 5, step: 1 }] });
    expect(billing.action).toMatchObject({ type: 'startWorkflow', workflowType: 'billingScheduled', args: [{ connectionId: c.connectionId }] });
    const sync = (await schedule(c.connectionId, billingSyncScheduleId))!;
    expect(sync.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 4, end: 4, step: 1 }], dayOfMonth: [{ start: 1, end: 31, step: 1 }] });
    expect(sync.action).toMatchObject({ workflowType: 'billingSync' });

    const moved = await call('PUT', `${c.base}/billing`, { mode: 'arrears', dayOfMonth: 15, hour: '06:30', timeZone: 'Europe/Paris', prorate: { increases: true, decreases: false } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = (await schedule(c.connectionId))!;
    expect(after.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 15, end: 15, step: 1 }], hour: [{ start: 6, end: 6, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });
    expect(after.spec.timezone).toBe('Europe/Paris');
    expect((await schedule(c.connectionId, billingSyncScheduleId))!.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 5, end: 5, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });
    expect(moved.body.schedule.nextRuns[0]).toMatch(/-15T0[45]:30:00.000Z$/);
  });

  it('the mode cannot change once saved (409, in words), and the refusal changes nothing', async () => {
    const c = await connection();
    expect((await call('PUT', `${c.base}/billing`, { mode: 'advance', dayOfMonth: 1 })).status).toBe(200);
    const refused = expectProblem(await call('PUT', `${c.base}/billing`, { mode: 'arrears', dayOfMonth: 20 }), 409);
    expect(refused.detail).toMatch(/"advance" and cannot change once saved/);
    expect((await call('GET', `${c.base}/billing`)).body).toMatchObject({ mode: 'advance', dayOfMonth: 1 });
    expect((await schedule(c.connectionId))!.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 1, end: 1, step: 1 }] });
  });

  it("never reaches another tenant's billing", async () => {
    const c = await connection();
    expectProblem(await call('PUT', `${c.base}/billing`, { mode: 'advance', dayOfMonth: 1 }, otherKey), 404);
    expectProblem(await call('PUT', `${c.base}/offers/O1`, { sync: false }, otherKey), 404);
    expectProblem(await call('PUT', `${c.base}/subscriptions/S1`, { organizationId: 'A', offerId: 'O', term: 'monthly', quantity: 1, unitCost: '1', effectiveDate: '2026-01-01' }, otherKey), 404);
    expectProblem(await call('GET', `${c.base}/billing/runs`, undefined, otherKey), 404);
    expectProblem(await call('PUT', `${c.base}/billing`, { mode: 'advance', dayOfMonth: 1 }, 'qbf_0000_nope'), 401);
    expect(await schedule(c.connectionId)).toBeUndefined();
  });
});

describe('mappings and subscriptions', () => {
  it('maps offers and organizations after checking QuickBooks; refuses what QuickBooks does not have, and one customer for two organizations', async () => {
    const c = await connection();
    const item = c.item('Exchange Online');
    const customer = c.customer('Wide World Importers');
    expect(expectProblem(await call('PUT', `${c.base}/offers/EXO`, { sync: true }), 422).detail).toMatch(/needs a QuickBooks item/);
    expectProblem(await call('PUT', `${c.base}/offers/EXO`, { itemId: '999999', sync: true }), 422);
    const offer = await call('PUT', `${c.base}/offers/EXO`, { name: 'Exchange Online (Plan 1)', itemId: item.Id, sync: true });
    expect(offer.body).toMatchObject({ offerId: 'EXO', name: 'Exchange Online (Plan 1)', itemId: item.Id, itemName: 'Exchange Online', sync: true });
    expect((await call('PUT', `${c.base}/offers/OFF`, { sync: false })).body).toMatchObject({ offerId: 'OFF', itemId: null, sync: false });
    expect((await call('GET', `${c.base}/offers`)).body.offers.map((o: Json) => o.offerId)).toEqual(['EXO', 'OFF']);

    expectProblem(await call('PUT', `${c.base}/organizations/ORG-1`, { sync: true }), 422);
    expectProblem(await call('PUT', `${c.base}/organizations/ORG-1`, { customerId: '999999', sync: true }), 422);
    expectProblem(await call('PUT', `${c.base}/organizations/ORG-1`, { customerId: customer.Id, sync: true, invoice: 'merge' }), 400);
    const org = await call('PUT', `${c.base}/organizations/ORG-1`, { customerId: customer.Id, invoice: 'update', sync: true });
    expect(org.body).toMatchObject({ organizationId: 'ORG-1', customerId: customer.Id, customerName: 'Wide World Importers', invoice: 'update', sync: true });
    expect(expectProblem(await call('PUT', `${c.base}/organizations/ORG-2`, { customerId: customer.Id, sync: true }), 409).detail).toMatch(/already mapped to organization ORG-1/);
    expect((await call('GET', `${c.base}/organizations`)).body.organizations).toHaveLength(1);
  });

  it('keeps each change in the history; the same change sent twice is recorded once; bad input changes nothing', async () => {
    const c = await connection();
    const path = `${c.base}/subscriptions/SUB-9`;
    const change = { organizationId: 'ORG-9', offerId: 'EXO', term: 'monthly', quantity: 10, unitCost: '4.00', effectiveDate: '2026-10-01' };
    const first = await call('PUT', path, change);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ subscriptionId: 'SUB-9', recorded: true, history: [{ effectiveDate: '2026-10-01', quantity: 10, unitCost: '4.00' }] });
    const twice = await Promise.all([call('PUT', path, change), call('PUT', path, change)]);
    expect(twice.map((r) => r.body.recorded)).toEqual([false, false]);
    await call('PUT', path, { ...change, quantity: 14, effectiveDate: '2026-11-16' });
    await call('PUT', path, { ...change, quantity: 10, effectiveDate: '2026-11-16' }); // a correction of the same date is a new change
    const history = (await call('GET', path)).body.history as Json[];
    expect(history.map((h) => [h.effectiveDate, h.quantity])).toEqual([['2026-10-01', 10], ['2026-11-16', 14], ['2026-11-16', 10]]);

    const bad: Json[] = [
      { ...change, effectiveDate: '2026-02-30' },
      { ...change, quantity: -1 },
      { ...change, quantity: 1.5 },
      { ...change, unitCost: '4.000001' },
      { ...change, unitCost: 4 },
      { ...change, term: 'weekly' },
    ];
    for (const body of bad) expectProblem(await call('PUT', path, body), 400);
    expect(expectProblem(await call('PUT', path, { ...change, offerId: 'OTHER' }), 409).detail).toMatch(/keeps its organization, offer and term/);
    expect((await call('GET', path)).body.history).toHaveLength(3);
    expectProblem(await call('GET', `${c.base}/subscriptions/NOPE`), 404);
  });
});

describe('runs and retries', () => {
  it('a run needs a configuration and a billing day; nothing starts otherwise', async () => {
    const c = await connection();
    expect(expectProblem(await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }), 409).detail).toMatch(/not configured/);
    await call('PUT', `${c.base}/billing`, { mode: 'advance', dayOfMonth: 5 });
    expect(expectProblem(await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }), 400).detail).toMatch(/start on day 5.*did you mean 2026-10-05/);
    expectProblem(await call('POST', `${c.base}/billing/runs`, { period: '2026-13-05' }), 400);
    expectProblem(await call('POST', `${c.base}/billing/runs`, {}), 400);
    expect((await call('GET', `${c.base}/billing/runs`)).body).toEqual({ runs: [] });
    expectProblem(await call('GET', `${c.base}/billing/runs/00000000-0000-4000-8000-000000000000`), 404);
  });

  it('retries only what it can: unknown errors 404, an order that was never sent 404, other kinds 409', async () => {
    const c = await connection();
    expectProblem(await call('POST', `${c.base}/sync-errors/00000000-0000-4000-8000-000000000000/retry`), 404);
    const [row] = await sql`insert into sync_errors (connection_id, document_kind, external_id, code, message) values (${c.connectionId}, 'invoice', 'ORD-1', '6000', 'refused') returning id`;
    const listed = (await call('GET', `/v1/connections/${c.connectionId}/sync-errors`)).body.errors as Json[];
    expect(listed).toEqual([expect.objectContaining({ id: row!.id, documentKind: 'invoice', retryUrl: `${c.base}/sync-errors/${row!.id}/retry` })]);
    expect(expectProblem(await call('POST', `${c.base}/sync-errors/${row!.id}/retry`), 404).detail).toMatch(/No order ORD-1 was sent/);
    const [other] = await sql`insert into sync_errors (connection_id, document_kind, external_id, code, message) values (${c.connectionId}, 'timesheet', 'T-1', 'x', 'refused') returning id`;
    expect((await call('GET', `/v1/connections/${c.connectionId}/sync-errors?documentKind=timesheet`)).body.errors[0].retryUrl).toBeUndefined();
    expect(expectProblem(await call('POST', `${c.base}/sync-errors/${other!.id}/retry`), 409).detail).toMatch(/cannot be retried by qbflow/);
  });

  it('lists the billing routes in the OpenAPI document', async () => {
    const doc = (await stack.call('GET', '/docs/json')).body as Json;
    for (const path of ['/v1/connections/{id}/billing', '/v1/connections/{id}/offers/{offerId}', '/v1/connections/{id}/organizations/{organizationId}', '/v1/connections/{id}/subscriptions/{subscriptionId}', '/v1/connections/{id}/billing/runs', '/v1/connections/{id}/sync-errors/{errorId}/retry']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

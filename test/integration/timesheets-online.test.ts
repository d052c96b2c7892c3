// Lists in, hours out on QuickBooks Online over the real stack: HTTP API → Temporal workflows → the paced
// Accounting API client → the sandbox company (customers, service items, employees, vendors, Preferences,
// TimeActivity with its rules), and back. Entries travel in batches of 30.
import postgres from 'postgres';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWebhookReceiver } from '../support/receivers.js';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let realmId: string;
let connectionId: string;
let base: string;
let sql: postgres.Sql;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const cursors: Record<string, string | null> = {};
const ids: Record<string, string> = {};

const sandbox = () => stack.sandbox!.server;
const objects = (entity: string): Json[] => sandbox().companies.objects(realmId, entity) as Json[];

async function call(method: string, path: string, body?: unknown, expected?: number): Promise<Json> {
  const response = await stack.call(method, path, { key, body });
  if (expected !== undefined) expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(expected);
  return response;
}

async function until(probe: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('not done in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function importLists(): Promise<Json> {
  const before = (await call('GET', `${base}/lists/import`, undefined, 200)).body.last?.importedAt ?? null;
  await call('POST', `${base}/lists/import`, {}, 202);
  let status: Json = {};
  await until(async () => {
    status = (await call('GET', `${base}/lists/import`, undefined, 200)).body;
    return !status.running && status.last !== null && status.last.importedAt !== before;
  });
  return status.last;
}

async function feed(list: string): Promise<Json[]> {
  const records: Json[] = [];
  for (;;) {
    const cursor = cursors[list];
    const page = (await call('GET', `${base}/lists/${list}${cursor ? `?cursor=${cursor}` : ''}`, undefined, 200)).body;
    records.push(...page.records);
    cursors[list] = page.cursor;
    if (!page.more) return records;
  }
}

const states = async (): Promise<Record<string, number>> => {
  const rows = await sql<{ state: string; n: number }[]>`select state, count(*)::int as n from timesheet_entries where connection_id = ${connectionId} group by state`;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
};

function entry(i: number, overrides: Json = {}): Json {
  return {
    revision: 1,
    userId: `u-${(i % 5) + 1}`,
    date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    minutes: 30 + (i % 8) * 15,
    customerId: ids[`Customer ${String((i % 100) + 1).padStart(3, '0')}`],
    itemId: ids['Service 02'],
    billable: i % 3 === 0 ? 'not_billable' : 'billable',
    hourlyRate: '95.00',
    notes: `Entry ${i}`,
    ...overrides,
  };
}

const withId = (i: number, overrides: Json = {}) => ({ entryId: `E-${String(i).padStart(4, '0')}`, ...entry(i, overrides) });

beforeAll(async () => {
  stack = await startTestStack();
  key = (await createTenant(stack)).apiKey;
  receiver = await startWebhookReceiver();
  await stack.call('POST', '/v1/webhooks', { key, body: { url: receiver.url, events: ['lists.changed', 'timesheet.exported', 'timesheet.failed'] } });
  ({ connectionId, realmId } = await connectQbo(stack, key));
  base = `/v1/connections/${connectionId}`;
  const income = objects('Account').find((a) => a.Name === 'Services')!;
  for (let i = 1; i <= 100; i++) sandbox().companies.insert(realmId, 'Customer', { DisplayName: `Customer ${String(i).padStart(3, '0')}` });
  for (let i = 1; i <= 20; i++) sandbox().companies.insert(realmId, 'Item', { Name: `Service ${String(i).padStart(2, '0')}`, Type: 'Service', UnitPrice: 90 + i, IncomeAccountRef: { value: income.Id } });
  for (let i = 1; i <= 5; i++) sandbox().companies.insert(realmId, 'Employee', { DisplayName: `Employee ${i}`, GivenName: 'Employee', FamilyName: String(i) });
  sandbox().companies.insert(realmId, 'Vendor', { DisplayName: 'Contractor 1' });
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await receiver?.close();
  await stack?.stop();
});

describe('lists in from QuickBooks Online', () => {
  it('imports customers, service items, employees and vendors by query, and says what to check', async () => {
    const last = await importLists();
    expect(last.summary.counts.customers).toBeGreaterThanOrEqual(100);
    expect(last.summary.counts).toMatchObject({ items: expect.any(Number), employees: 5 });
    expect(last.summary.counts.items).toBeGreaterThanOrEqual(20);
    expect((last.summary.unavailable as Json[]).map((u) => u.kind).sort()).toEqual(expect.arrayContaining(['otherNames', 'payrollItems']));
    const checks = Object.fromEntries((last.checks as Json[]).map((c) => [c.code, c]));
    expect(checks['time-tracking'].ok).toBe(true);
    expect(checks['first-day-of-week'].message).toContain('Monday');
    for (const list of ['customers', 'items', 'employees', 'vendors']) {
      for (const record of await feed(list)) ids[record.fullName] = record.quickbooksId;
    }
    expect(ids['Customer 100']).toBeDefined();
    expect(ids['Service 20']).toBeDefined();
    await until(async () => receiver.received.some((r) => r.body.includes('"lists.changed"')), 30_000);
  });

  it('imports on a schedule when asked, and stops', async () => {
    const on = await call('PUT', `${base}/lists/schedule`, { everyMinutes: 60 }, 200);
    expect(on.body.scheduleId).toBe(`import-lists/${connectionId}`);
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const schedule = await new Client({ connection }).schedule.getHandle(on.body.scheduleId).describe();
      expect(schedule.action).toMatchObject({ workflowType: 'importLists' });
    } finally {
      await connection.close();
    }
    expect((await call('PUT', `${base}/lists/schedule`, { everyMinutes: null }, 200)).body.scheduleId).toBeNull();
    await call('PUT', `${base}/lists/schedule`, { everyMinutes: 1 }, 400);
  });

  it('imports again incrementally: an added customer and a deactivated item, nothing else', async () => {
    sandbox().bookkeeper.save(realmId, 'Customer', { DisplayName: 'Customer 101' });
    sandbox().bookkeeper.save(realmId, 'Item', { Id: ids['Service 01'], Active: false });
    await importLists();
    expect((await feed('customers')).map((r) => [r.fullName, r.change])).toEqual([['Customer 101', 'created']]);
    // QuickBooks Online renames what it makes inactive ("… (deleted)"); the id stays, so the feed says deactivated
    expect((await feed('items')).map((r) => [r.quickbooksId, r.fullName, r.change, r.active])).toEqual([[ids['Service 01'], 'Service 01 (deleted)', 'deactivated', false]]);
    expect(await feed('employees')).toEqual([]);
  });
});

describe('hours out to QuickBooks Online', () => {
  it('exports 100 entries in batches of 30; billable time without an hourly rate fails in words', async () => {
    for (let u = 1; u <= 5; u++) await call('PUT', `${base}/timesheets/people/u-${u}`, { kind: 'employees', quickbooksId: ids[`Employee ${u}`] }, 200);
    const accepted = await call('POST', `${base}/timesheets/bulk`, { entries: Array.from({ length: 100 }, (_, i) => withId(i + 1)) }, 202);
    expect(accepted.body.results.every((r: Json) => r.outcome === 'queued')).toBe(true);
    const { hourlyRate: _h, ...noRate } = entry(7);
    await call('PUT', `${base}/timesheets/E-NORATE`, noRate, 202);
    await until(async () => (await states()).queued === undefined);
    expect(await states()).toEqual({ exported: 100, failed: 1 });
    expect(objects('TimeActivity')).toHaveLength(100);
    const noRateView = (await call('GET', `${base}/timesheets/E-NORATE`, undefined, 200)).body;
    expect(noRateView.error).toContain('Employee 3');
    expect(noRateView.error).toContain('hourly rate');
    const stats = (await fetch(`${stack.sandboxUrl}/_sandbox/companies/${realmId}`).then((r) => r.json())) as Json;
    expect(JSON.stringify(stats)).toContain('batch');
  });

  it('sends nothing for entries re-sent unchanged, updates an edited one, deletes a deleted one', async () => {
    const again = await call('POST', `${base}/timesheets/bulk`, { entries: Array.from({ length: 100 }, (_, i) => withId(i + 1)) }, 202);
    expect(again.body.results.every((r: Json) => r.outcome === 'unchanged')).toBe(true);
    await call('PUT', `${base}/timesheets/E-0001`, entry(1, { revision: 2, minutes: 200 }), 202);
    const doomed = (await call('GET', `${base}/timesheets/E-0002`, undefined, 200)).body;
    await call('DELETE', `${base}/timesheets/E-0002`, undefined, 202);
    await until(async () => (await states()).queued === undefined);
    const one = (await call('GET', `${base}/timesheets/E-0001`, undefined, 200)).body;
    expect(one).toMatchObject({ state: 'exported', revision: 2 });
    const times = objects('TimeActivity');
    expect(times).toHaveLength(99);
    expect(times.find((t) => t.Id === one.quickbooksId)).toMatchObject({ Hours: 3, Minutes: 20 });
    expect(times.find((t) => t.Id === doomed.quickbooksId)).toBeUndefined();
    expect((await call('GET', `${base}/timesheets/E-0002`, undefined, 200)).body.state).toBe('deleted');
  });

  it('adds entries once when the answer to an applied batch was lost', async () => {
    sandbox().faults.commitThenFail({ realmId, entity: 'batch', respond: 'drop' });
    await call('POST', `${base}/timesheets/bulk`, { entries: Array.from({ length: 10 }, (_, i) => withId(1000 + i)) }, 202);
    await until(async () => (await states()).queued === undefined);
    expect((await states()).exported).toBe(109);
    expect(objects('TimeActivity')).toHaveLength(109);
  });
});

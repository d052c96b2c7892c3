// Lists in, hours out on QuickBooks Desktop over the real stack: HTTP API → Temporal workflows → durable queue →
// our SOAP endpoint → the emulated Web Connector → the emulated company file (seeded like a time-tracking
// customer's), and back. Lists come through iterators in one Web Connector session; hours go many per message.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDesktop, createCompanyFile, QUICK_QBD_ENV, runUntil, seedTimeCompany, type CompanyFile, type DesktopConnection, type TimeSeed } from '../../sandbox/qbd/index.js';
import { startWebhookReceiver } from '../support/receivers.js';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let company: CompanyFile;
let seed: TimeSeed;
let desktop: DesktopConnection;
let base: string;
let sql: postgres.Sql;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const cursors: Record<string, string | null> = {};
const ids: Record<string, string> = {};

async function call(method: string, path: string, body?: unknown, expected?: number): Promise<Json> {
  const response = await stack.call(method, path, { key, body });
  if (expected !== undefined) expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(expected);
  return response;
}

/** Starts an import and runs the Web Connector until it has finished. */
async function importLists(body: Json = {}): Promise<Json> {
  const before = (await call('GET', `${base}/lists/import`, undefined, 200)).body.last?.importedAt ?? null;
  await call('POST', `${base}/lists/import`, body, 202);
  let status: Json = {};
  await runUntil(desktop.wc, async () => {
    status = (await call('GET', `${base}/lists/import`, undefined, 200)).body;
    return !status.running && status.last !== null && status.last.importedAt !== before;
  });
  return status.last;
}

/** Every page of a list's change feed after the cursor kept for it. */
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
  const rows = await sql<{ state: string; n: number }[]>`select state, count(*)::int as n from timesheet_entries where connection_id = ${desktop.connectionId} group by state`;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
};
const queueRows = async (kind: string) => (await sql<{ n: number }[]>`select count(*)::int as n from qbd_requests where connection_id = ${desktop.connectionId} and kind = ${kind}`)[0]!.n;

function entry(i: number, overrides: Json = {}): Json {
  return {
    entryId: `E-${String(i).padStart(4, '0')}`,
    revision: 1,
    userId: `u-${(i % 10) + 1}`,
    date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    minutes: 30 + (i % 8) * 15,
    customerId: ids[`Customer ${String((i % 150) + 1).padStart(4, '0')}:Job 01`],
    itemId: ids['Service 002'],
    payrollItemId: ids['Hourly Regular'],
    billable: i % 3 === 0 ? 'not_billable' : 'billable',
    notes: `Entry ${i}`,
    ...overrides,
  };
}

beforeAll(async () => {
  stack = await startTestStack({ env: { ...QUICK_QBD_ENV, QBD_LIST_PAGE_SIZE: '100' } });
  key = (await createTenant(stack)).apiKey;
  receiver = await startWebhookReceiver();
  await stack.call('POST', '/v1/webhooks', { key, body: { url: receiver.url, events: ['lists.changed', 'timesheet.exported', 'timesheet.failed'] } });
  company = createCompanyFile({ companyName: 'Time Tracking Co', features: { firstDayOfWeek: 'Sunday' } });
  seed = seedTimeCompany(company.bookkeeper, { customers: 150, jobsPerCustomer: 1, serviceItems: 50, employees: 10, salariedEmployees: 1, employeesNotSet: 1, vendors: 2, otherNames: 1, classes: 2 });
  desktop = await connectDesktop(stack.apiUrl, key, { company, name: 'Time Tracking Co' });
  base = `/v1/connections/${desktop.connectionId}`;
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await receiver?.close();
  await stack?.stop();
});

describe('lists in from QuickBooks Desktop', () => {
  it('imports 300 customers and jobs, 51 service items and 13 employees (one the seed file has) through iterators, and says what to check', async () => {
    const last = await importLists();
    expect(last.summary.unavailable).toEqual([]);
    expect(last.summary.counts).toMatchObject({ customers: 300, items: 51, employees: 13, payrollItems: 3, classes: 4 });
    expect(last.summary.counts.vendors).toBeGreaterThanOrEqual(2);
    // CustomerQuery in pages of 100: a Start and Continues of the same iterator
    const pages = await sql<{ request_xml: string }[]>`select request_xml from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'CustomerQuery' and owner is not null order by id`;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]!.request_xml).toContain('iterator="Start"');
    expect(pages.slice(1).every((p) => p.request_xml.includes('iterator="Continue"'))).toBe(true);

    const checks = Object.fromEntries((last.checks as Json[]).map((c) => [c.code, c]));
    expect(checks['time-tracking'].ok).toBe(true);
    expect(checks['first-day-of-week'].message).toContain('Sunday');
    expect(checks.payroll.ok).toBe(true);
    expect(checks['employees-time-data']).toMatchObject({ ok: false });
    expect(checks['employees-time-data'].message).toContain(seed.employeesNotSet[0]);

    for (const list of ['customers', 'items', 'employees', 'payrollItems', 'classes', 'vendors', 'otherNames']) {
      for (const record of await feed(list)) ids[record.fullName] = record.quickbooksId;
    }
    expect(Object.keys(ids)).toEqual(expect.arrayContaining(['Customer 0001', 'Customer 0001:Job 01', 'Service 050', 'Employee 010', 'Hourly Regular', 'Region 02:Field']));
    const job = (await call('GET', `${base}/lists/customers?limit=500`, undefined, 200)).body.records.find((r: Json) => r.fullName === 'Customer 0001:Job 01');
    expect(job).toMatchObject({ parentId: ids['Customer 0001'], active: true, change: 'created' });
    expect(job.fields).toMatchObject({ isJob: true, jobDesc: 'Work for Customer 0001' });
    expect(job.fields.shipAddressBlock.length).toBeGreaterThan(0);
    const employee = (await call('GET', `${base}/lists/employees`, undefined, 200)).body.records.find((r: Json) => r.name === seed.employeesNotSet[0]);
    expect(employee.fields.useTimeData).toBe('NotSet');
    await expect.poll(() => receiver.received.some((r) => r.body.includes('"lists.changed"')), { timeout: 30_000 }).toBe(true);
  });

  it('imports again incrementally: an added job, a deactivated item and a deleted class, nothing else', async () => {
    company.bookkeeper.addCustomer({ name: 'Job 02', parent: 'Customer 0001' });
    company.bookkeeper.setActive('ItemService', 'Service 001', false);
    company.bookkeeper.deleteListEntry('Class', 'Region 02:Field');
    const last = await importLists();
    expect(last.summary.full).toEqual([]);
    const customers = await feed('customers');
    expect(customers.map((r) => [r.fullName, r.change])).toEqual([['Customer 0001:Job 02', 'created']]);
    expect((await feed('items')).map((r) => [r.fullName, r.change, r.active])).toEqual([['Service 001', 'deactivated', false]]);
    expect((await feed('classes')).map((r) => [r.fullName, r.change, r.deleted])).toEqual([['Region 02:Field', 'deleted', true]]);
    expect(await feed('employees')).toEqual([]);
    const latest = async (kind: string) => (await sql<{ request_xml: string }[]>`select request_xml from qbd_requests where connection_id = ${desktop.connectionId} and kind = ${kind} and owner is not null order by id desc limit 1`)[0]!.request_xml;
    expect(await latest('CustomerQuery')).toContain('<FromModifiedDate>');
    expect(await latest('ListDeletedQuery')).toContain('<ListDelType>Class</ListDelType>');
  });
});

describe('hours out to QuickBooks Desktop', () => {
  it('maps people, refuses an unmapped user and an employee left unset in words, and exports 100 entries many per message', async () => {
    for (let u = 1; u <= 10; u++) {
      await call('PUT', `${base}/timesheets/people/u-${u}`, { kind: 'employees', quickbooksId: ids[`Employee ${String(u).padStart(3, '0')}`] }, 200);
    }
    await call('PUT', `${base}/timesheets/people/u-new`, { kind: 'employees', quickbooksId: ids[seed.employeesNotSet[0]!] }, 200);
    const refused = await call('PUT', `${base}/timesheets/people/u-x`, { kind: 'employees', quickbooksId: '80000999-1' }, 422);
    expect(refused.body.detail).toContain('import the lists again');

    const entries = Array.from({ length: 100 }, (_, i) => entry(i + 1));
    const accepted = await call('POST', `${base}/timesheets/bulk`, { entries }, 202);
    expect(accepted.body.results.every((r: Json) => r.outcome === 'queued')).toBe(true);
    await call('PUT', `${base}/timesheets/E-NEW`, { ...entry(1), entryId: undefined, userId: 'u-new' }, 202);
    await call('PUT', `${base}/timesheets/E-NOBODY`, { ...entry(2), entryId: undefined, userId: 'u-unknown' }, 202);
    const messagesBefore = company.stats.messages;
    await runUntil(desktop.wc, async () => (await states()).queued === undefined);
    expect(await states()).toEqual({ exported: 100, failed: 2 });
    const times = company.list('TimeTracking');
    expect(times).toHaveLength(100);
    expect(times.every((t) => t.externalGuid)).toBe(true);
    // 100 adds in messages of up to 50 requests (plus what the import and the session need)
    expect(company.stats.messages - messagesBefore).toBeLessThanOrEqual(10);

    const unset = (await call('GET', `${base}/timesheets/E-NEW`, undefined, 200)).body;
    expect(unset.state).toBe('failed');
    expect(unset.error).toContain(seed.employeesNotSet[0]);
    expect(unset.error).toContain('2026-11-02');
    expect(unset.error).toContain('Use time data to create paychecks');
    const nobody = (await call('GET', `${base}/timesheets/E-NOBODY`, undefined, 200)).body;
    expect(nobody.error).toContain('not mapped');
    const errors = (await call('GET', `${base}/sync-errors`, undefined, 200)).body;
    expect(JSON.stringify(errors)).toContain('E-NEW');
    await expect.poll(() => receiver.received.filter((r) => r.body.includes('"timesheet.exported"')).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => receiver.received.some((r) => r.body.includes('"timesheet.failed"')), { timeout: 60_000 }).toBe(true);
  });

  it('sends nothing for entries re-sent unchanged, updates an edited one, deletes a deleted one', async () => {
    const adds = await queueRows('TimeTrackingAdd');
    const again = await call('POST', `${base}/timesheets/bulk`, { entries: Array.from({ length: 100 }, (_, i) => entry(i + 1)) }, 202);
    expect(again.body.results.every((r: Json) => r.outcome === 'unchanged')).toBe(true);

    const edited = entry(1, { revision: 2, minutes: 200, notes: 'Edited' });
    const { entryId: _e, ...editedBody } = edited;
    await call('PUT', `${base}/timesheets/E-0001`, editedBody, 202);
    const before = (await call('GET', `${base}/timesheets/E-0002`, undefined, 200)).body;
    await call('DELETE', `${base}/timesheets/E-0002`, undefined, 202);
    await runUntil(desktop.wc, async () => (await states()).queued === undefined);
    const one = (await call('GET', `${base}/timesheets/E-0001`, undefined, 200)).body;
    expect(one).toMatchObject({ state: 'exported', revision: 2 });
    const times = company.list('TimeTracking');
    expect(times).toHaveLength(99);
    expect(times.find((t) => t.txnId === one.quickbooksId)).toMatchObject({ durationMinutes: 200, notes: 'Edited' });
    expect(times.find((t) => t.txnId === before.quickbooksId)).toBeUndefined();
    expect((await call('GET', `${base}/timesheets/E-0002`, undefined, 200)).body.state).toBe('deleted');
    expect(await queueRows('TimeTrackingAdd')).toBe(adds);
    expect(await queueRows('TimeTrackingMod')).toBe(1);
    expect(await queueRows('TxnDel')).toBe(1);
  });

  it('adds an entry once when the answer to its applied TimeTrackingAdd was lost', async () => {
    desktop.wc.faults.dropConnectionAfterSendRequest(1, (request) => request.includes('<TimeTrackingAddRq'));
    const lost = entry(500);
    const { entryId: _e, ...body } = lost;
    await call('PUT', `${base}/timesheets/E-LOST`, body, 202);
    const runs: string[] = [];
    await runUntil(desktop.wc, async () => (await states()).queued === undefined, { onRun: (run) => runs.push(run.outcome) });
    expect(runs).toContain('dropped');
    const row = (await call('GET', `${base}/timesheets/E-LOST`, undefined, 200)).body;
    expect(row.state).toBe('exported');
    const ours = company.list('TimeTracking').filter((t) => t.txnId === row.quickbooksId || (t.notes === 'Entry 500'));
    expect(ours).toHaveLength(1);
    const lostAdds = await sql<{ n: number }[]>`select count(*)::int as n from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'TimeTrackingAdd' and failure = 'lost'`;
    expect(lostAdds[0]!.n).toBeGreaterThanOrEqual(1);
  });
});

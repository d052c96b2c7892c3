// Timesheets benchmark (figures, never assertions): a time tracker's hours exported to one company.
//  (a) QuickBooks Desktop through the emulated Web Connector: round trips (qbXML messages), entries per round trip,
//      wall time, requests per second through our SOAP endpoint.
//  (b) QuickBooks Online under Intuit's limits: wall time against the least time those limits allow for the
//      entries (batches of 30, 40 batch calls a minute), requests, 429s, failed entries.
// Counts: TIMESHEETS_BENCH_QBD (default 10,000) and TIMESHEETS_BENCH_QBO (default 10,000) entries.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { connectDesktop, createCompanyFile, QUICK_QBD_ENV, seedTimeCompany, type RunResult } from '../../sandbox/qbd/index.js';
import { freePort, startStack, type Stack } from '../stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const QBD_ENTRIES = Number(process.env.TIMESHEETS_BENCH_QBD ?? 10_000);
const QBO_ENTRIES = Number(process.env.TIMESHEETS_BENCH_QBO ?? 10_000);
const PEOPLE = 20;
const CUSTOMERS = 100;
/** Intuit, per realm: 40 batch calls a minute of at most 30 items. */
const LIMITS = { batchPerMinute: 40, batchItems: 30 };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function api(stack: Stack, key: string, method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

async function setUp(label: string, env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), `qbflow-bench-${label}-`));
  const stack = await startStack({
    dataDir,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    ports: { api: 0, sandbox: 0, temporal: await freePort(), temporalUi: await freePort(), postgres: await freePort() },
  });
  const tenant = await fetch(`${stack.apiUrl}/v1/tenants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.operatorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `Timesheets bench (${label})` }),
  }).then((r) => r.json() as Promise<{ apiKey: string }>);
  const sql = postgres(stack.config.databaseUrl, { max: 2 });
  return {
    stack, key: tenant.apiKey, sql,
    async close() {
      await sql.end();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type Ctx = Awaited<ReturnType<typeof setUp>>;

/** Every record of a list, by full name → QuickBooks id. */
async function listIds(ctx: Ctx, connectionId: string, list: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let cursor: string | null = null;
  for (;;) {
    const page: Json = await api(ctx.stack, ctx.key, 'GET', `/v1/connections/${connectionId}/lists/${list}${cursor ? `?cursor=${cursor}` : ''}`);
    for (const r of page.records as Json[]) ids.set(r.fullName, r.quickbooksId);
    cursor = page.cursor;
    if (!page.more) return ids;
  }
}

async function imported(ctx: Ctx, connectionId: string): Promise<boolean> {
  const status = await api(ctx.stack, ctx.key, 'GET', `/v1/connections/${connectionId}/lists/import`);
  return !status.running && status.last !== null;
}

async function pending(ctx: Ctx, connectionId: string): Promise<Record<string, number>> {
  const rows = await ctx.sql<{ state: string; n: number }[]>`select state, count(*)::int as n from timesheet_entries where connection_id = ${connectionId} group by state`;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

function entries(count: number, people: string[], customers: string[], itemId: string, online: boolean): Json[] {
  return Array.from({ length: count }, (_, i) => ({
    entryId: `T-${i}`,
    revision: 1,
    userId: people[i % people.length],
    date: `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    minutes: 15 + (i % 32) * 15,
    customerId: customers[i % customers.length],
    itemId,
    billable: 'billable',
    ...(online ? { hourlyRate: '85.00' } : {}),
    notes: `Bench entry ${i}`,
  }));
}

async function submit(ctx: Ctx, connectionId: string, all: Json[]): Promise<void> {
  for (let i = 0; i < all.length; i += 1000) {
    await api(ctx.stack, ctx.key, 'POST', `/v1/connections/${connectionId}/timesheets/bulk`, { entries: all.slice(i, i + 1000) });
  }
}

/** Polls until nothing is queued; returns the wall time. */
async function exported(ctx: Ctx, connectionId: string, total: number, startedAt: number): Promise<{ wallMs: number; states: Record<string, number> }> {
  for (;;) {
    const states = await pending(ctx, connectionId);
    if ((states.exported ?? 0) + (states.failed ?? 0) >= total && !states.queued) return { wallMs: Date.now() - startedAt, states };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** (a) QuickBooks Desktop. */
async function desktopBench(): Promise<void> {
  const ctx = await setUp('timesheets-qbd', { ...QUICK_QBD_ENV });
  try {
    const company = createCompanyFile({ companyName: 'Timesheets bench' });
    seedTimeCompany(company.bookkeeper, { customers: CUSTOMERS, jobsPerCustomer: 1, serviceItems: 5, employees: PEOPLE, employeesNotSet: 0 });
    const desktop = await connectDesktop(ctx.stack.apiUrl, ctx.key, { company, name: 'Timesheets bench desktop' });
    let finished = false;
    const runs: RunResult[] = [];
    const drive = async () => {
      while (!finished) {
        const run = await desktop.wc.runOnce();
        runs.push(run);
        if (run.outcome !== 'completed') await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const driving = drive();
    try {
      await api(ctx.stack, ctx.key, 'POST', `/v1/connections/${desktop.connectionId}/lists/import`, {});
      while (!(await imported(ctx, desktop.connectionId))) await new Promise((resolve) => setTimeout(resolve, 200));
      const employees = await listIds(ctx, desktop.connectionId, 'employees');
      const customers = [...(await listIds(ctx, desktop.connectionId, 'customers')).entries()].filter(([name]) => name.includes(':')).map(([, id]) => id);
      const items = await listIds(ctx, desktop.connectionId, 'items');
      const people: string[] = [];
      for (let u = 1; u <= PEOPLE; u++) {
        await api(ctx.stack, ctx.key, 'PUT', `/v1/connections/${desktop.connectionId}/timesheets/people/u-${u}`, { kind: 'employees', quickbooksId: employees.get(`Employee ${String(u).padStart(3, '0')}`) });
        people.push(`u-${u}`);
      }
      const before = runs.length;
      const startedAt = Date.now();
      await submit(ctx, desktop.connectionId, entries(QBD_ENTRIES, people, customers, items.get('Service 001')!, false));
      const { wallMs, states } = await exported(ctx, desktop.connectionId, QBD_ENTRIES, startedAt);
      finished = true;
      await driving;
      const during = runs.slice(before);
      const messages = during.reduce((n, r) => n + r.messages, 0);
      const requests = during.reduce((n, r) => n + r.requests, 0);
      const soapMs = during.flatMap((r) => r.calls).reduce((n, c) => n + c.durationMs, 0);
      console.log(`(a) QuickBooks Desktop (emulated Web Connector): ${QBD_ENTRIES} entries to one company file → ${company.list('TimeTracking').length} time entries; ${JSON.stringify(states)}`);
      console.log(`    wall time ${seconds(wallMs)} (accept → all exported); round trips (qbXML messages) ${messages} carrying ${requests} requests → ${(QBD_ENTRIES / Math.max(1, messages)).toFixed(1)} entries per round trip (target ≥ 40)`);
      console.log(`    ${(requests / (wallMs / 1000)).toFixed(0)} requests/s end to end; ${(requests / Math.max(0.001, soapMs / 1000)).toFixed(0)} requests/s through the SOAP endpoint (${seconds(soapMs)} in it over ${during.length} Web Connector runs)`);
    } finally {
      finished = true;
      await driving;
    }
  } finally {
    await ctx.close();
  }
}

/** (b) QuickBooks Online. */
async function onlineBench(): Promise<void> {
  const ctx = await setUp('timesheets-qbo');
  try {
    const created = await api(ctx.stack, ctx.key, 'POST', '/v1/connections', { type: 'qbo' });
    const consent = await fetch(created.authorizeUrl, { redirect: 'manual' });
    await fetch(consent.headers.get('location')!);
    const connection = await api(ctx.stack, ctx.key, 'GET', `/v1/connections/${created.connection.id}`);
    const { id: connectionId, realmId } = connection as { id: string; realmId: string };
    const sandbox = ctx.stack.sandbox!.server;
    const income = sandbox.companies.objects(realmId, 'Account').find((a) => a.Name === 'Services')!;
    sandbox.companies.insert(realmId, 'Item', { Name: 'Consulting hours', Type: 'Service', UnitPrice: 85, IncomeAccountRef: { value: income.Id } });
    for (let i = 0; i < CUSTOMERS; i++) sandbox.companies.insert(realmId, 'Customer', { DisplayName: `Bench Customer ${i}` });
    for (let u = 1; u <= PEOPLE; u++) sandbox.companies.insert(realmId, 'Employee', { DisplayName: `Bench Employee ${u}`, GivenName: 'Bench', FamilyName: `Employee ${u}` });
    await api(ctx.stack, ctx.key, 'POST', `/v1/connections/${connectionId}/lists/import`, {});
    while (!(await imported(ctx, connectionId))) await new Promise((resolve) => setTimeout(resolve, 200));
    const employees = await listIds(ctx, connectionId, 'employees');
    const customers = [...(await listIds(ctx, connectionId, 'customers')).values()];
    const item = (await listIds(ctx, connectionId, 'items')).get('Consulting hours')!;
    const people: string[] = [];
    for (let u = 1; u <= PEOPLE; u++) {
      await api(ctx.stack, ctx.key, 'PUT', `/v1/connections/${connectionId}/timesheets/people/u-${u}`, { kind: 'employees', quickbooksId: employees.get(`Bench Employee ${u}`) });
      people.push(`u-${u}`);
    }
    const before = structuredClone(sandbox.companies.get(realmId)!.stats);
    const startedAt = Date.now();
    await submit(ctx, connectionId, entries(QBO_ENTRIES, people, customers, item, true));
    const { wallMs, states } = await exported(ctx, connectionId, QBO_ENTRIES, startedAt);
    const after = sandbox.companies.get(realmId)!.stats;
    const batches = Math.ceil(QBO_ENTRIES / LIMITS.batchItems);
    // the first batch goes at once, each next one a 40th of a minute later
    const floorMs = ((batches - 1) / LIMITS.batchPerMinute) * 60_000;
    console.log(`(b) QuickBooks Online: ${QBO_ENTRIES} entries to one company → ${sandbox.companies.objects(realmId, 'TimeActivity').length} TimeActivity; ${JSON.stringify(states)}`);
    console.log(`    wall time ${seconds(wallMs)}; least time Intuit's limits allow (${batches} batches of ${LIMITS.batchItems} at ${LIMITS.batchPerMinute} a minute) ${seconds(floorMs)} → ${(wallMs / Math.max(1, floorMs)).toFixed(2)}× (target ≤ 1.15×)`);
    console.log(`    requests ${after.requests - before.requests}; 429s ${after.throttled - before.throttled}; failed entries ${states.failed ?? 0}`);
  } finally {
    await ctx.close();
  }
}

export async function runTimesheetsBench(): Promise<void> {
  await desktopBench();
  await onlineBench();
}

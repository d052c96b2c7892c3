// Monthly billing benchmark (figures, never assertions): one billing run of 2,000 organizations × 3 subscriptions.
//  (a) QuickBooks Online under Intuit's limits: wall time against the least time those limits allow for the
//      writes the run needs, the requests and batch calls used, 429s, failed organizations; then a re-run.
//  (b) QuickBooks Desktop through the emulated Web Connector: round trips (qbXML messages), wall time.
// Customers and items are seeded straight into the sandboxes, organizations and subscriptions straight into the
// database (the API would check every customer in QuickBooks first, which is not what is measured here).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createDatabase, type Database } from '../../db/client.js';
import { billingOrganizations, billingSubscriptionChanges, billingSubscriptions } from '../../db/schema/index.js';
import { buildQbxmlMessage, buildRequest, parseQbxmlResponse, type ItemRecord, type QbxmlRequest } from '../../quickbooks/desktop/qbxml/index.js';
import { connectDesktop, createCompanyFile, QUICK_QBD_ENV, type RunResult } from '../../sandbox/qbd/index.js';
import { freePort, startStack, type Stack } from '../stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ORGANIZATIONS = 2000;
const OFFERS = [
  { offerId: 'M365-BP', name: 'Microsoft 365 Business Premium', price: '22.00' },
  { offerId: 'EXO-P1', name: 'Exchange Online (Plan 1)', price: '4.00' },
  { offerId: 'TEAMS-PH', name: 'Teams Phone Standard', price: '8.00' },
] as const;
const PERIOD = '2026-11-01';
/** Intuit, per realm: 500 requests a minute (a batch counts once), 40 batch calls a minute of at most 30 items. */
const LIMITS = { perMinute: 500, batchPerMinute: 40, batchItems: 30 };

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
    body: JSON.stringify({ name: `Billing bench (${label})` }),
  }).then((r) => r.json() as Promise<{ apiKey: string }>);
  const database = createDatabase(stack.config.databaseUrl, { max: 4 });
  const connection = await Connection.connect({ address: stack.config.temporal.address });
  return {
    stack, key: tenant.apiKey, db: database.db, temporal: new Client({ connection }),
    async close() {
      await connection.close();
      await database.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** 2,000 organizations with 3 subscriptions each; some changed seats last month (prorated lines). */
async function seedSubscriptions(db: Database, connectionId: string, customerIds: string[]): Promise<void> {
  const organizations = customerIds.map((customerId, i) => ({ connectionId, organizationId: `ORG-${i}`, name: `Organization ${i}`, customerId, customerName: null, invoice: 'create' as const, sync: true }));
  const subscriptions = organizations.flatMap((o) => OFFERS.map((offer) => ({ connectionId, subscriptionId: `${o.organizationId}/${offer.offerId}`, organizationId: o.organizationId, offerId: offer.offerId, term: 'monthly' as const })));
  const changes = organizations.flatMap((o, i) => [
    { subscriptionId: `${o.organizationId}/M365-BP`, effectiveDate: '2026-01-01', quantity: 10 + (i % 7), unitCost: '18.70' },
    ...(i % 3 === 0 ? [{ subscriptionId: `${o.organizationId}/M365-BP`, effectiveDate: '2026-10-16', quantity: 14 + (i % 7), unitCost: '18.70' }] : []),
    { subscriptionId: `${o.organizationId}/EXO-P1`, effectiveDate: '2026-06-01', quantity: 1 + (i % 4), unitCost: '3.40' },
    { subscriptionId: `${o.organizationId}/TEAMS-PH`, effectiveDate: '2026-03-01', quantity: 5, unitCost: '6.80' },
    ...(i % 5 === 0 ? [{ subscriptionId: `${o.organizationId}/TEAMS-PH`, effectiveDate: '2026-10-21', quantity: 3, unitCost: '6.80' }] : []),
  ]).map((c) => ({ connectionId, ...c }));
  for (let i = 0; i < organizations.length; i += 1000) await db.insert(billingOrganizations).values(organizations.slice(i, i + 1000));
  for (let i = 0; i < subscriptions.length; i += 1000) await db.insert(billingSubscriptions).values(subscriptions.slice(i, i + 1000));
  for (let i = 0; i < changes.length; i += 1000) await db.insert(billingSubscriptionChanges).values(changes.slice(i, i + 1000));
}

async function configure(stack: Stack, key: string, connectionId: string, itemIds: string[]): Promise<void> {
  await api(stack, key, 'PUT', `/v1/connections/${connectionId}/billing`, { mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
  for (const [i, offer] of OFFERS.entries()) {
    await api(stack, key, 'PUT', `/v1/connections/${connectionId}/offers/${offer.offerId}`, { name: offer.name, itemId: itemIds[i], sync: true });
  }
}

/** Starts a run by hand and waits for its workflow; returns the run's record and the wall time. */
async function billOnce(ctx: Awaited<ReturnType<typeof setUp>>, connectionId: string) {
  const started = performance.now();
  const accepted = await api(ctx.stack, ctx.key, 'POST', `/v1/connections/${connectionId}/billing/runs`, { period: PERIOD });
  const result = await ctx.temporal.workflow.getHandle(accepted.workflowId).result();
  const wallMs = performance.now() - started;
  return { wallMs, counts: (result as { counts: Record<string, number> }).counts };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** (a) QuickBooks Online. */
async function onlineBench(): Promise<void> {
  const ctx = await setUp('billing-qbo');
  try {
    const created = await api(ctx.stack, ctx.key, 'POST', '/v1/connections', { type: 'qbo', name: 'Billing bench' });
    const consent = await fetch(created.authorizeUrl, { redirect: 'manual' });
    await fetch(consent.headers.get('location')!);
    const connection = await api(ctx.stack, ctx.key, 'GET', `/v1/connections/${created.connection.id}`);
    const connectionId = connection.id as string;
    const realmId = connection.realmId as string;
    const sandbox = ctx.stack.sandbox!.server;
    const income = sandbox.companies.objects(realmId, 'Account').find((a) => a.Name === 'Services')!;
    const items = OFFERS.map((o) => sandbox.companies.insert(realmId, 'Item', { Name: o.name, Type: 'Service', UnitPrice: Number(o.price), IncomeAccountRef: { value: income.Id } }));
    const customers = Array.from({ length: ORGANIZATIONS }, (_, i) => String(sandbox.companies.insert(realmId, 'Customer', { DisplayName: `Bench Customer ${i}` }).Id));
    await configure(ctx.stack, ctx.key, connectionId, items.map((i) => String(i.Id)));
    await seedSubscriptions(ctx.db, connectionId, customers);
    // let the set-up's few requests leave Intuit's one-minute window, so the run starts with the whole budget
    await new Promise((resolve) => setTimeout(resolve, 61_000));

    const before = structuredClone(sandbox.companies.get(realmId)!.stats);
    const run = await billOnce(ctx, connectionId);
    const after = sandbox.companies.get(realmId)!.stats;
    const requests = after.requests - before.requests;
    const batches = (after.byEndpoint['POST batch'] ?? 0) - (before.byEndpoint['POST batch'] ?? 0);
    const invoices = sandbox.companies.objects(realmId, 'Invoice');
    const writes = invoices.length;
    const lines = invoices.reduce((n, i) => n + (i.Line as Json[]).filter((l) => l.DetailType === 'SalesItemLineDetail').length, 0);
    // the least time Intuit's limits allow for these writes plus the one price look-up: every minute, 40 batches
    // of 30 and 460 other requests (batches count against the 500); and with batches alone
    const perMinuteAll = LIMITS.batchPerMinute * LIMITS.batchItems + (LIMITS.perMinute - LIMITS.batchPerMinute);
    const floorMs = ((writes + 1) / perMinuteAll) * 60_000;
    const batchOnlyMs = (writes / (LIMITS.batchPerMinute * LIMITS.batchItems)) * 60_000;
    const failed = run.counts.failed ?? 0;
    console.log(`(a) QuickBooks Online: one billing run, ${ORGANIZATIONS} organizations × ${OFFERS.length} subscriptions → ${writes} invoices, ${lines} lines`);
    console.log(`    wall time ${seconds(run.wallMs)}; least time Intuit's limits allow for ${writes} writes + 1 read (40 batches × 30 + 460 requests a minute): ${seconds(floorMs)} → ${(run.wallMs / floorMs).toFixed(2)}× (batches alone: ${seconds(batchOnlyMs)} → ${(run.wallMs / batchOnlyMs).toFixed(2)}×)`);
    console.log(`    requests ${requests} (batch calls ${batches}, other ${requests - batches}); 429s ${after.throttled - before.throttled}; failed organizations ${failed}; outcomes ${JSON.stringify(run.counts)}`);

    const beforeRerun = structuredClone(sandbox.companies.get(realmId)!.stats);
    const rerun = await billOnce(ctx, connectionId);
    const afterRerun = sandbox.companies.get(realmId)!.stats;
    console.log(`    re-run of the same period: ${seconds(rerun.wallMs)}, ${afterRerun.requests - beforeRerun.requests} requests, ${afterRerun.writes - beforeRerun.writes} writes, invoices now ${sandbox.companies.objects(realmId, 'Invoice').length}; outcomes ${JSON.stringify(rerun.counts)}`);
  } finally {
    await ctx.close();
  }
}

/** (b) QuickBooks Desktop. */
async function desktopBench(): Promise<void> {
  const ctx = await setUp('billing-qbd', { ...QUICK_QBD_ENV });
  try {
    const company = createCompanyFile({ companyName: 'Billing bench reseller' });
    const send = (requests: QbxmlRequest[]) => parseQbxmlResponse(company.processRequest(buildQbxmlMessage(requests.map(buildRequest), { version: '13.0' }))).results;
    const items = send(OFFERS.map((o, i) => ({ kind: 'ItemServiceAdd', requestId: `i${i}`, input: { name: o.offerId, salesAndPurchase: { salesDesc: o.name, salesPrice: o.price, incomeAccount: { fullName: 'Service Income' }, expenseAccount: { fullName: 'Cost of Goods Sold' } } } })))
      .map((r) => (r.records[0] as ItemRecord).listId);
    const customers: string[] = [];
    for (let i = 0; i < ORGANIZATIONS; i += 500) {
      const batch = Array.from({ length: Math.min(500, ORGANIZATIONS - i) }, (_, k): QbxmlRequest => ({ kind: 'CustomerAdd', requestId: `c${i + k}`, input: { name: `Bench Customer ${i + k}` } }));
      customers.push(...send(batch).map((r) => (r.records[0] as { listId: string }).listId));
    }
    const desktop = await connectDesktop(ctx.stack.apiUrl, ctx.key, { company, name: 'Billing bench desktop' });
    await configure(ctx.stack, ctx.key, desktop.connectionId, items);
    await seedSubscriptions(ctx.db, desktop.connectionId, customers);

    const runs: RunResult[] = [];
    let finished = false;
    const drive = async () => {
      while (!finished) {
        const run = await desktop.wc.runOnce();
        runs.push(run);
        if (run.outcome !== 'completed') await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const billed = billOnce(ctx, desktop.connectionId).finally(() => {
      finished = true;
    });
    const [run] = await Promise.all([billed, drive()]);
    const invoices = desktop.company.list('Invoice');
    const messages = runs.reduce((n, r) => n + r.messages, 0);
    const requests = runs.reduce((n, r) => n + r.requests, 0);
    const soap = runs.flatMap((r) => r.calls);
    console.log(`(b) QuickBooks Desktop (emulated Web Connector): the same run → ${invoices.length} invoices`);
    console.log(`    wall time ${seconds(run.wallMs)}; round trips (qbXML messages) ${messages} carrying ${requests} requests (${(requests / Math.max(1, messages)).toFixed(1)} per message); Web Connector runs ${runs.length}, SOAP calls ${soap.length} (${seconds(soap.reduce((n, c) => n + c.durationMs, 0))} in our endpoint)`);
    console.log(`    failed organizations ${run.counts.failed ?? 0}; outcomes ${JSON.stringify(run.counts)}`);
  } finally {
    await ctx.close();
  }
}

export async function runBillingBench(): Promise<void> {
  await onlineBench();
  await desktopBench();
}

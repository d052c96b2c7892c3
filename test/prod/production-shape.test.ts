// The production shape end to end: a Temporal cluster on PostgreSQL (schemas by the schema tool, namespace and
// search attributes registered through its APIs), two API processes behind one address, two worker processes.
// The seed order and a billing run on both ledgers go through it; health endpoints and a worker's SIGTERM too.
// Skipped (with the reason) when the Temporal server is not cached and Go cannot build it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { billingInvoiceNumber } from '../../domain/billing/index.js';
import { buildQbxmlMessage, buildRequest, parseQbxmlResponse, type ItemRecord, type QbxmlRequest } from '../../quickbooks/desktop/qbxml/index.js';
import { connectDesktop, createCompanyFile, QUICK_QBD_ENV, runUntil } from '../../sandbox/qbd/index.js';
import { ServerUnavailable } from '../../scripts/prod-stack/binaries.js';
import { startProdStack, type ProdStack } from '../../scripts/prod-stack/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: ProdStack | undefined;
let unavailable: string | undefined;
let dataDir: string;
let key: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qbflow-prod-'));
  try {
    stack = await startProdStack({
      dataDir,
      scratch: true,
      env: { ...process.env, LOG_LEVEL: 'error', INTUIT_THROTTLE_BACKOFF_SECONDS: '1', ...QUICK_QBD_ENV },
    });
  } catch (error) {
    if (!(error instanceof ServerUnavailable)) throw error;
    unavailable = error.message;
    console.warn(`test:prod skipped: ${unavailable}`);
    return;
  }
  const tenant = await call('POST', '/v1/tenants', stack.operatorToken, { name: 'Production-shaped tenant' });
  key = tenant.apiKey;
});

afterAll(async () => {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The running stack, or the test is skipped with the reason it cannot run here. */
function need(context: TestContext): ProdStack {
  if (!stack) context.skip(unavailable);
  return stack!;
}

async function call(method: string, path: string, bearer: string, body?: unknown, expected = [200, 201, 202]): Promise<Json> {
  const response = await fetch(`${stack!.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (!expected.includes(response.status)) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const today = new Date().toISOString().slice(0, 10);
const seedOrder = {
  orderId: 'ESP-10045',
  number: '10045',
  date: today,
  sentBy: { userId: 'prod-test' },
  documents: ['invoice', 'bill'],
  customer: { externalId: 'ESP-C-ABC', name: 'ABC Company', email: 'ap@abc.example' },
  vendor: { externalId: 'ESP-V-ASI', name: 'ASI Supplier' },
  lines: [{ productNumber: 'A7102', productName: 'Almond - 11 oz/Stoneware', quantity: '100', unitPrice: '2.30', unitCost: '1.15' }],
  discount: '11.50',
  payments: [{ externalId: 'DEP-1', amount: '100.00', date: today, reference: 'CHK-2201' }],
};

/** A QuickBooks Online company connected through the real OAuth redirects (via the proxy's address). */
async function connectOnline(): Promise<{ connectionId: string; realmId: string }> {
  const created = await call('POST', '/v1/connections', key, { type: 'qbo', name: 'Online company' });
  const consent = await fetch(created.authorizeUrl, { redirect: 'manual' });
  const landed = await fetch(consent.headers.get('location')!);
  expect(landed.status).toBe(200);
  const connection = await call('GET', `/v1/connections/${created.connection.id}`, key);
  return { connectionId: connection.id, realmId: connection.realmId };
}

const billingRunDone = (base: string) => async () => {
  const runs = (await call('GET', `${base}/billing/runs`, key)).runs as Json[];
  return runs.find((r) => r.status !== 'running');
};

describe('the production shape', () => {
  it('answers liveness and readiness on both process kinds, with PostgreSQL and Temporal checked', async (context) => {
    const s = need(context);
    const ready = await fetch(`${s.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { postgres: 'ok', temporal: 'ok' } });
    for (const part of [...s.apis, ...s.workers]) {
      expect((await fetch(`${part.url}/health/live`)).status, part.name).toBe(200);
      expect(await fetch(`${part.url}/health/ready`).then((r) => r.json()), part.name).toMatchObject({ ready: true, checks: { postgres: 'ok', temporal: 'ok' } });
    }
  });

  it('posts the seed order once on QuickBooks Online', async (context) => {
    const s = need(context);
    const { connectionId, realmId } = await connectOnline();
    const accepted = await call('POST', `/v1/connections/${connectionId}/orders`, key, seedOrder);
    const status = await until(async () => {
      const body = await call('GET', accepted.statusUrl, key);
      return body.run === 'RUNNING' ? undefined : body;
    }, 'the Online order');
    expect(status.outcome).toBe('posted');
    const invoices = (s.sandbox!.server.companies.objects(realmId, 'Invoice') as Json[]).filter((i) => i.DocNumber === seedOrder.number);
    const bills = (s.sandbox!.server.companies.objects(realmId, 'Bill') as Json[]).filter((b) => b.DocNumber === seedOrder.number);
    expect(invoices).toHaveLength(1);
    expect(bills).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ TotalAmt: 218.5, Balance: 118.5 });
  });

  it('posts the seed order once on QuickBooks Desktop through the emulated Web Connector (its calls spread over both APIs)', async (context) => {
    const s = need(context);
    const desktop = await connectDesktop(s.url, key, { name: 'Desktop company', company: { companyName: 'Acme Promotional Products' } });
    const accepted = await call('POST', `/v1/connections/${desktop.connectionId}/orders`, key, seedOrder);
    let status: Json = {};
    await runUntil(desktop.wc, async () => {
      status = await call('GET', accepted.statusUrl, key);
      return status.run !== 'RUNNING';
    });
    expect(status.outcome).toBe('posted');
    expect(desktop.company.list('Invoice').filter((i) => i.refNumber === seedOrder.number)).toHaveLength(1);
    expect(desktop.company.list('Bill').filter((b) => b.refNumber === seedOrder.number)).toHaveLength(1);
  });

  it('runs a billing period on QuickBooks Online: one invoice at the item’s price', async (context) => {
    const s = need(context);
    const { connectionId, realmId } = await connectOnline();
    const companies = s.sandbox!.server.companies;
    const income = companies.objects(realmId, 'Account').find((a) => a.Name === 'Services')!;
    const item = companies.insert(realmId, 'Item', { Name: 'M365 Business Premium', Type: 'Service', UnitPrice: 12.5, IncomeAccountRef: { value: income.Id } }) as Json;
    const customer = companies.insert(realmId, 'Customer', { DisplayName: 'Contoso Ltd' }) as Json;
    const base = `/v1/connections/${connectionId}`;
    await call('PUT', `${base}/billing`, key, { mode: 'advance', dayOfMonth: 1 });
    await call('PUT', `${base}/offers/M365-BP`, key, { name: 'Microsoft 365 Business Premium', itemId: item.Id, sync: true });
    await call('PUT', `${base}/organizations/ORG-1`, key, { name: 'Contoso', customerId: customer.Id, invoice: 'create', sync: true });
    await call('PUT', `${base}/subscriptions/SUB-1`, key, { organizationId: 'ORG-1', offerId: 'M365-BP', term: 'monthly', quantity: 10, unitCost: '9.75', effectiveDate: '2026-08-01' });
    await call('POST', `${base}/billing/runs`, key, { period: '2026-10-01' });
    const run = await until(billingRunDone(base), 'the Online billing run');
    expect(run).toMatchObject({ status: 'completed', counts: { created: 1, failed: 0 } });
    const invoices = (companies.objects(realmId, 'Invoice') as Json[]).filter((i) => i.CustomerRef.value === customer.Id);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ DocNumber: billingInvoiceNumber('2026-10-01', 'ORG-1'), TotalAmt: 125 });
  });

  it('runs a billing period on QuickBooks Desktop through the Web Connector', async (context) => {
    const s = need(context);
    const company = createCompanyFile({ companyName: 'Reseller One' });
    const send = (requests: QbxmlRequest[]) => parseQbxmlResponse(company.processRequest(buildQbxmlMessage(requests.map(buildRequest), { version: '13.0' }))).results;
    const [seats, contoso] = send([
      { kind: 'ItemServiceAdd', requestId: 'seats', input: { name: 'M365 Business Premium', salesOrPurchase: { desc: 'Microsoft 365 Business Premium', price: '12.50', account: { fullName: 'Service Income' } } } },
      { kind: 'CustomerAdd', requestId: 'c', input: { name: 'Contoso Ltd' } },
    ]).map((r) => r.records[0] as ItemRecord);
    const desktop = await connectDesktop(s.url, key, { company, name: 'Reseller One' });
    const base = `/v1/connections/${desktop.connectionId}`;
    await call('PUT', `${base}/billing`, key, { mode: 'advance', dayOfMonth: 1 });
    await call('PUT', `${base}/offers/M365-BP`, key, { name: 'Microsoft 365 Business Premium', itemId: seats!.listId, sync: true });
    await call('PUT', `${base}/organizations/ORG-1`, key, { customerId: contoso!.listId, sync: true });
    await call('PUT', `${base}/subscriptions/SUB-1`, key, { organizationId: 'ORG-1', offerId: 'M365-BP', term: 'monthly', quantity: 10, unitCost: '9.75', effectiveDate: '2026-08-01' });
    await call('POST', `${base}/billing/runs`, key, { period: '2026-10-01' });
    let run: Json | undefined;
    await runUntil(desktop.wc, async () => (run = await billingRunDone(base)()) !== undefined);
    expect(run).toMatchObject({ status: 'completed' });
    expect(run!.results[0]).toMatchObject({ organizationId: 'ORG-1', outcome: 'created', billed: '125.00' });
    const invoices = company.list('Invoice').filter((i) => i.customerRef.listId === contoso!.listId);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ refNumber: billingInvoiceNumber('2026-10-01', 'ORG-1'), subtotalCents: 12500 });
  });

  it('a worker stops cleanly on SIGTERM (drains, exits 0) and is ready again after a restart', async (context) => {
    const s = need(context);
    const worker = s.workers[0]!;
    const exited = new Promise<number | null>((resolve) => worker.process!.once('exit', (code) => resolve(code)));
    await worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    await worker.start();
    expect((await fetch(`${worker.url}/health/ready`)).status).toBe(200);
  });
});

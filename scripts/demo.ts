// `npm run demo`: starts everything it needs, connects a sandbox QuickBooks Online company through the real
// OAuth flow, sends the seed order and prints what QuickBooks now holds. Then it stops everything.
// `npm run demo -- --desktop` does the same with an emulated QuickBooks Desktop company file and Web Connector.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCents, centsFromJsonNumber } from '../domain/money.js';
import { connectDesktop, QUICK_QBD_ENV, runUntil } from '../sandbox/qbd/index.js';
import { freePort, startStack, type Stack } from './stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const say = (line = '') => console.log(line);
const money = (value: number) => formatCents(centsFromJsonNumber(value)).padStart(10);

async function call(stack: Stack, method: string, path: string, key: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${json.detail ?? JSON.stringify(json)}`);
  return json;
}

/** Follows the authorisation like a browser would: Intuit's consent, then our callback. */
async function authorize(authorizeUrl: string): Promise<void> {
  const consent = await fetch(authorizeUrl, { redirect: 'manual' });
  const callback = consent.headers.get('location');
  if (!callback) throw new Error(`the authorisation page did not redirect (HTTP ${consent.status})`);
  const landed = await fetch(callback);
  if (!landed.ok) throw new Error(`the OAuth callback failed: HTTP ${landed.status} ${await landed.text()}`);
}

async function inspect(stack: Stack, realmId: string, entity: string): Promise<Json[]> {
  const response = await fetch(`${stack.sandbox!.url}/_sandbox/companies/${realmId}/${entity}`);
  return ((await response.json()) as { items: Json[] }).items;
}

const seedOrder = {
  orderId: 'ESP-10045',
  number: '10045',
  date: new Date().toISOString().slice(0, 10),
  sentBy: { userId: 'demo-user' },
  documents: ['invoice', 'bill'],
  customer: { externalId: 'ESP-C-ABC', name: 'ABC Company', email: 'ap@abc.example' },
  vendor: { externalId: 'ESP-V-ASI', name: 'ASI Supplier' },
  lines: [{ productNumber: 'A7102', productName: 'Almond - 11 oz/Stoneware', quantity: '100', unitPrice: '2.30', unitCost: '1.15' }],
  discount: '11.50',
  memo: 'Thank you for your business',
  payments: [{ externalId: 'DEP-1', amount: '100.00', date: new Date().toISOString().slice(0, 10), reference: 'CHK-2201' }],
};

/** The Desktop path: a company file joins through its Web Connector, which carries the order's qbXML there. */
async function desktopDemo(stack: Stack, key: string): Promise<void> {
  const desktop = await connectDesktop(stack.apiUrl, key, { name: 'Demo company file', company: { companyName: 'Acme Promotional Products' } });
  say(`QuickBooks Desktop company file ${desktop.company.filePath} connected: Web Connector user ${desktop.userName}, the company's lists imported.`);

  const accepted = await call(stack, 'POST', `/v1/connections/${desktop.connectionId}/orders`, key, seedOrder);
  say(`Order ${seedOrder.orderId} accepted: workflow ${accepted.workflowId}. It waits for the Web Connector…`);
  let status: Json = {};
  const runs = await runUntil(desktop.wc, async () => {
    status = await call(stack, 'GET', accepted.statusUrl, key);
    return status.run !== 'RUNNING';
  });
  const worked = runs.filter((r) => r.messages > 0);
  say(`The Web Connector ran ${runs.length} time(s); ${worked.reduce((n, r) => n + r.messages, 0)} qbXML message(s) carried ${worked.reduce((n, r) => n + r.requests, 0)} request(s).`);
  for (const step of status.steps as Json[]) {
    say(`  ${step.state === 'done' ? '✓' : '✗'} ${step.step.padEnd(14)} ${step.detail ?? ''}${step.error ? ` — ${step.error}` : ''}`);
  }
  if (status.outcome !== 'posted') throw new Error(`the order ended ${status.outcome}`);

  const invoice = desktop.company.list('Invoice').find((i) => i.refNumber === seedOrder.number)!;
  const bill = desktop.company.list('Bill').find((b) => b.refNumber === seedOrder.number)!;
  const cents = (value: number) => formatCents(value).padStart(10);
  say();
  say(`The company file now holds invoice #${invoice.refNumber} for ${invoice.customerRef.fullName ?? seedOrder.customer.name}:`);
  say('  ITEM        QUANTITY  DESCRIPTION                      RATE      AMOUNT');
  for (const line of invoice.lines) {
    const rate = line.quantity ? formatCents(centsFromJsonNumber(line.rate ?? '0')) : formatCents(line.amountCents ?? 0);
    say(`  ${String(line.itemRef?.fullName ?? '').padEnd(10)}  ${String(line.quantity ?? '').padStart(8)}  ${String(line.desc ?? '').padEnd(30)} ${rate.padStart(10)}  ${cents(line.amountCents ?? 0)}`);
  }
  say(`  TOTAL              ${cents(invoice.subtotalCents + invoice.salesTaxTotalCents)}`);
  say(`  PAYMENTS APPLIED   ${cents(-invoice.appliedAmountCents)}`);
  say(`  BALANCE DUE        ${cents(invoice.balanceRemainingCents)}`);
  say(`Bill #${bill.refNumber} to ${bill.vendorRef.fullName ?? seedOrder.vendor.name}: ${formatCents(bill.amountDueCents)} (cost of goods sold), open ${formatCents(bill.openAmountCents ?? bill.amountDueCents)}`);
  say(`Temporal UI for this run: ${accepted.temporalUiUrl ?? '(no UI)'}`);
  say('(The demo stops everything now; run `npm start` to keep it running.)');
}

const desktop = process.argv.includes('--desktop');
const dataDir = await mkdtemp(join(tmpdir(), 'qbflow-demo-'));
let stack: Stack | undefined;
let exitCode = 0;
try {
  say(`Starting qbflow (PostgreSQL, Temporal, sandbox QuickBooks ${desktop ? 'Desktop' : 'Online'}, worker, API)…`);
  stack = await startStack({
    dataDir,
    env: { ...process.env, LOG_LEVEL: 'error', ...(desktop ? QUICK_QBD_ENV : {}) },
    ports: { api: 0, sandbox: 0, temporal: await freePort(), temporalUi: await freePort(), postgres: await freePort() },
    persistTemporal: false,
    log: say,
  });

  const tenant = await fetch(`${stack.apiUrl}/v1/tenants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.operatorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'ESP demo distributor' }),
  }).then((r) => r.json() as Promise<Json>);
  const key = tenant.apiKey as string;
  say(`Tenant "${tenant.tenant.name}" created.`);
  if (desktop) await desktopDemo(stack, key);
  else await onlineDemo(stack, key);
} catch (error) {
  exitCode = 1;
  console.error(`Demo failed: ${(error as Error).message}`);
} finally {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);

/** The Online path: a sandbox company authorises qbflow through OAuth, and the order goes over the REST API. */
async function onlineDemo(stack: Stack, key: string): Promise<void> {

  const created = await call(stack, 'POST', '/v1/connections', key, { type: 'qbo', name: 'Demo company' });
  await authorize(created.authorizeUrl);
  const connection = await call(stack, 'GET', `/v1/connections/${created.connection.id}`, key);
  say(`QuickBooks Online company ${connection.realmId} connected through OAuth (status: ${connection.status}).`);

  const accepted = await call(stack, 'POST', `/v1/connections/${connection.id}/orders`, key, seedOrder);
  say(`Order ${seedOrder.orderId} accepted: workflow ${accepted.workflowId}`);
  let status: Json;
  for (;;) {
    status = await call(stack, 'GET', accepted.statusUrl, key);
    if (status.run !== 'RUNNING') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  for (const step of status.steps as Json[]) {
    say(`  ${step.state === 'done' ? '✓' : '✗'} ${step.step.padEnd(14)} ${step.detail ?? ''}${step.error ? ` — ${step.error}` : ''}`);
  }
  if (status.outcome !== 'posted') throw new Error(`the order ended ${status.outcome}`);

  const [invoice] = (await inspect(stack, connection.realmId, 'invoice')).filter((i) => i.DocNumber === seedOrder.number);
  const [bill] = (await inspect(stack, connection.realmId, 'bill')).filter((b) => b.DocNumber === seedOrder.number);
  const payments = (await inspect(stack, connection.realmId, 'payment')).filter((p) => p.CustomerRef.value === invoice!.CustomerRef.value);
  const applied = payments.reduce((sum, p) => sum + centsFromJsonNumber(p.TotalAmt), 0);

  say();
  say(`QuickBooks Online now holds invoice #${invoice!.DocNumber} for ${invoice!.CustomerRef.name ?? 'ABC Company'}:`);
  say('  ITEM        QUANTITY  DESCRIPTION                      RATE      AMOUNT');
  for (const line of invoice!.Line as Json[]) {
    if (line.DetailType === 'SalesItemLineDetail') {
      const d = line.SalesItemLineDetail;
      say(`  ${String(d.ItemRef.name ?? d.ItemRef.value).padEnd(10)}  ${String(d.Qty).padStart(8)}  ${String(line.Description).padEnd(30)} ${money(d.UnitPrice)}  ${money(line.Amount)}`);
    } else if (line.DetailType === 'DiscountLineDetail') {
      say(`  ${'Discount'.padEnd(52)} ${money(-line.Amount)}  ${money(-line.Amount)}`);
    }
  }
  say(`  TOTAL              ${money(invoice!.TotalAmt)}`);
  say(`  PAYMENTS APPLIED   ${formatCents(applied).padStart(10)}`);
  say(`  BALANCE DUE        ${money(invoice!.Balance)}`);
  say(`Bill #${bill!.DocNumber} to ${bill!.VendorRef.name ?? 'ASI Supplier'}: ${formatCents(centsFromJsonNumber(bill!.TotalAmt))} (cost of goods sold), balance ${formatCents(centsFromJsonNumber(bill!.Balance))}`);
  say(`Temporal UI for this run: ${accepted.temporalUiUrl ?? '(no UI)'}`);
  say('(The demo stops everything now; run `npm start` to keep it running.)');
}

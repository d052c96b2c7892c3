// Payments back benchmark (figures, never assertions): 5,000 payments recorded in QuickBooks Online across 50
// realms, Intuit's signed webhooks in batches to POST /v1/intuit/webhooks, processed into signed upstream events.
// Prints the time until the upstream app has been told of every payment, events lost and doubled, and the webhook
// answer latency (p50/p99/max, measured by the sandbox as Intuit would: from sending to the answer).
// Invoices are seeded straight into the sandbox companies (before they are connected, so no webhook tells of them)
// and the copies straight into the database: copying 5,000 invoices is not what is measured here.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createDatabase } from '../../db/client.js';
import { upstreamInvoices, webhookDeliveries } from '../../db/schema/index.js';
import { freePort, startStack } from '../stack.js';
import { spawnWorkerProcess } from '../worker-process.js';
import { paymentsSync } from '../../workflows/payments-sync.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** The upstream app: counts every signed event it is told. */
async function startUpstream() {
  const told: { id: string; type: string; connectionId: string; paymentId: string; invoiceId: string; at: number }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
      told.push({ id: event.id, type: event.type, connectionId: event.data.connectionId, paymentId: event.data.paymentId, invoiceId: event.data.invoiceId, at: Date.now() });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, told, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function runPaymentsBench(realms = 50, payments = 5000, perSecond = 100): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qbflow-bench-payments-'));
  const stack = await startStack({
    dataDir,
    env: { ...process.env, LOG_LEVEL: 'error' },
    ports: { api: 0, sandbox: 0, temporal: await freePort(), temporalUi: await freePort(), postgres: await freePort() },
    persistTemporal: false,
    worker: false,
  });
  const worker = spawnWorkerProcess(stack.env);
  const upstream = await startUpstream();
  const database = createDatabase(stack.config.databaseUrl, { max: 4 });
  try {
    const sandbox = stack.sandbox!.server;
    const call = async (method: string, path: string, key: string, body?: unknown): Promise<Json> => {
      const response = await fetch(`${stack.apiUrl}${path}`, {
        method, headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await response.json()) as Json;
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
      return json;
    };
    const tenant = await call('POST', '/v1/tenants', stack.operatorToken, { name: 'Payments bench' });
    await call('POST', '/v1/webhooks', tenant.apiKey, { url: upstream.url, events: ['invoice.paid', 'invoice.partially_paid', 'invoice.payment_reversed'] });

    // Companies with their invoices, seeded before they are connected (so no webhook tells of the seeding).
    const perRealm = Math.ceil(payments / realms);
    const invoices: { realmId: string; quickbooksId: string; cents: number; connectionId?: string }[][] = [];
    for (let r = 0; r < realms; r++) {
      const { realmId } = sandbox.companies.create({ name: `Help desk ${r}` });
      const item = sandbox.companies.objects(realmId, 'Item')[0]!;
      const customer = sandbox.companies.insert(realmId, 'Customer', { DisplayName: `Client ${r}` }) as Json;
      invoices.push(Array.from({ length: perRealm }, (_, i) => {
        const cents = 10_000 + i;
        const invoice = sandbox.companies.insert(realmId, 'Invoice', {
          CustomerRef: { value: customer.Id },
          Line: [{ DetailType: 'SalesItemLineDetail', Amount: cents / 100, SalesItemLineDetail: { ItemRef: { value: item.Id }, Qty: 1, UnitPrice: cents / 100 } }],
        }) as Json;
        return { realmId, quickbooksId: String(invoice.Id), cents };
      }));
    }
    for (const realm of invoices) {
      const created = await call('POST', '/v1/connections', tenant.apiKey, { type: 'qbo' });
      const authorize = new URL(created.authorizeUrl);
      authorize.searchParams.set('sandbox_realm', realm[0]!.realmId);
      const consent = await fetch(authorize, { redirect: 'manual' });
      const landed = await fetch(consent.headers.get('location')!);
      if (!landed.ok) throw new Error(`OAuth callback failed: ${landed.status}`);
      const connectionId = created.connection.id as string;
      for (const invoice of realm) invoice.connectionId = connectionId;
      await database.db.insert(upstreamInvoices).values(realm.map((invoice, i) => ({
        connectionId, invoiceId: `INV-${i}`, submittedRevision: 1, submitted: {}, state: 'copied' as const, revision: 1, contentHash: 'bench',
        quickbooksId: invoice.quickbooksId, totalCents: invoice.cents, balanceCents: invoice.cents, paymentStatus: 'open' as const,
      })));
    }

    // The worker is ready (its workflow bundle built, polling) before the clock starts.
    const temporal = await Connection.connect({ address: stack.config.temporal.address });
    await new Client({ connection: temporal }).workflow.execute(paymentsSync, {
      workflowId: `bench-warm-up-${randomUUID()}`, taskQueue: stack.config.temporal.taskQueue, args: [{ tenantId: randomUUID(), connectionId: randomUUID() }],
    });
    await temporal.close();

    // The payments, at a steady pace, round-robin over the realms; each pays its invoice in full.
    const recordedAt = new Map<string, number>();
    const started = Date.now();
    for (let n = 0; n < payments; n++) {
      const due = started + (n * 1000) / perSecond;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const invoice = invoices[n % realms]![Math.floor(n / realms)]!;
      const payment = sandbox.bookkeeper.recordPayment(invoice.realmId, { Line: [{ Amount: invoice.cents / 100, LinkedTxn: [{ TxnId: invoice.quickbooksId, TxnType: 'Invoice' }] }] }) as Json;
      recordedAt.set(`${invoice.realmId}/${String(payment.Id)}`, Date.now());
    }
    const recordedMs = Date.now() - started;

    const realmOf = new Map(invoices.flat().map((i) => [i.connectionId!, i.realmId]));
    const paidKeys = () => new Set(upstream.told.filter((e) => e.type === 'invoice.paid').map((e) => `${e.connectionId}/${e.paymentId}`));
    const deadline = Date.now() + 20 * 60_000;
    while (paidKeys().size < payments && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const allToldMs = Math.max(...upstream.told.map((e) => e.at)) - started;
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // anything doubled would arrive by now

    const told = upstream.told.filter((e) => e.type === 'invoice.paid');
    const distinct = new Set(told.map((e) => e.id));
    const perPayment = new Set(told.map((e) => `${e.connectionId}/${e.paymentId}`));
    const deliveries = sandbox.webhooks.deliveries();
    const answers = deliveries.flatMap((d) => d.attempts.filter((a) => a.status === 200).map((a) => a.durationMs));
    const failedAttempts = deliveries.flatMap((d) => d.attempts.filter((a) => a.status !== 200)).length;
    const events = deliveries.reduce((sum, d) => sum + d.events.length, 0);
    const latencies = told.map((e) => e.at - (recordedAt.get(`${realmOf.get(e.connectionId)}/${e.paymentId}`) ?? started));
    console.log(`payments back: ${payments} payments recorded in QuickBooks across ${realms} realms at ${perSecond}/s (${(recordedMs / 1000).toFixed(1)} s), Intuit's webhooks batched by the sandbox (2 s windows)`);
    console.log(`    upstream told of all ${perPayment.size} payments ${(allToldMs / 1000).toFixed(1)} s after the first was recorded (${((allToldMs - recordedMs) / 1000).toFixed(1)} s after the last)`);
    console.log(`    recorded → told: p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(2)} s, max ${(Math.max(0, ...latencies) / 1000).toFixed(2)} s`);
    // where the time goes: processing (payment recorded → upstream event stored) and delivery (stored → told)
    const stored = await database.db.select({ payload: webhookDeliveries.payload, createdAt: webhookDeliveries.createdAt, deliveredAt: webhookDeliveries.deliveredAt }).from(webhookDeliveries);
    const processing = stored.map((d) => {
      const data = (d.payload as Json).data as Json;
      return d.createdAt.getTime() - (recordedAt.get(`${realmOf.get(data.connectionId)}/${data.paymentId}`) ?? started);
    });
    const delivering = stored.filter((d) => d.deliveredAt).map((d) => d.deliveredAt!.getTime() - d.createdAt.getTime());
    console.log(`    of which recorded → event stored p50 ${(percentile(processing, 50) / 1000).toFixed(2)} s, p95 ${(percentile(processing, 95) / 1000).toFixed(2)} s; stored → delivered upstream p50 ${(percentile(delivering, 50) / 1000).toFixed(2)} s, p95 ${(percentile(delivering, 95) / 1000).toFixed(2)} s`);
    console.log(`    lost ${payments - perPayment.size}; doubled ${told.length - distinct.size} (same event twice) + ${distinct.size - perPayment.size} (same payment told under two ids)`);
    console.log(`    Intuit webhooks: ${deliveries.length} deliveries carrying ${events} events; answer latency p50 ${percentile(answers, 50)} ms, p99 ${percentile(answers, 99)} ms, max ${Math.max(0, ...answers)} ms; failed attempts ${failedAttempts}`);
  } finally {
    await database.close();
    await upstream.close();
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

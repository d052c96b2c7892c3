// QuickBooks Online benchmarks (figures, never assertions):
//  (a) 200 orders to one realm under Intuit's limits: wall time against the minimum the limits allow.
//  (b) 50 realms × 10 orders at a steady arrival rate: orders/second, accept → payment-applied latency, worker RSS.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort, startStack, type Stack } from '../stack.js';
import { spawnWorkerProcess } from '../worker-process.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface BenchContext {
  stack: Stack;
  key: string;
  worker: ChildProcess;
  temporal: Client;
  close(): Promise<void>;
}

async function api(stack: Stack, method: string, path: string, key: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

async function setUp(): Promise<BenchContext> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qbflow-bench-'));
  const stack = await startStack({
    dataDir,
    env: { ...process.env, LOG_LEVEL: 'error' },
    ports: { api: 0, sandbox: 0, temporal: await freePort(), temporalUi: await freePort(), postgres: await freePort() },
    persistTemporal: false,
    worker: false,
  });
  const worker = spawnWorkerProcess(stack.env);
  const tenant = await fetch(`${stack.apiUrl}/v1/tenants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.operatorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench tenant' }),
  }).then((r) => r.json() as Promise<Json>);
  const connection = await Connection.connect({ address: stack.config.temporal.address });
  return {
    stack, key: tenant.apiKey, worker, temporal: new Client({ connection }),
    async close() {
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
      await connection.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function connect(ctx: BenchContext): Promise<{ connectionId: string; realmId: string }> {
  const created = await api(ctx.stack, 'POST', '/v1/connections', ctx.key, { type: 'qbo' });
  const consent = await fetch(created.authorizeUrl, { redirect: 'manual' });
  const landed = await fetch(consent.headers.get('location')!);
  if (!landed.ok) throw new Error(`OAuth callback failed: ${landed.status}`);
  const connection = await api(ctx.stack, 'GET', `/v1/connections/${created.connection.id}`, ctx.key);
  return { connectionId: connection.id, realmId: connection.realmId };
}

/** A realistic order: one of a few repeat customers, two of ten products, one payment. */
function order(n: number, customers: number): Json {
  const c = n % customers;
  return {
    orderId: `B-${n}`,
    number: `B${n}`,
    date: '2026-11-20',
    sentBy: { userId: 'bench' },
    documents: ['invoice', 'bill'],
    customer: { externalId: `C-${c}`, name: `Bench Customer ${c}` },
    vendor: { externalId: `V-${n % 5}`, name: `Bench Vendor ${n % 5}` },
    lines: [0, 1].map((k) => ({
      productNumber: `P-${(n + k * 3) % 10}`, productName: `Product ${(n + k * 3) % 10}`,
      quantity: String(1 + ((n + k) % 9)), unitPrice: '12.50', unitCost: '7.25',
    })),
    discount: '1.00',
    payments: [{ externalId: 'P', amount: '5.00', date: '2026-11-20' }],
  };
}

interface Sent {
  workflowId: string;
  acceptedAt: number;
}

async function send(ctx: BenchContext, connectionId: string, body: Json): Promise<Sent> {
  const acceptedAt = Date.now();
  const accepted = await api(ctx.stack, 'POST', `/v1/connections/${connectionId}/orders`, ctx.key, body);
  return { workflowId: accepted.workflowId, acceptedAt };
}

interface Finished {
  latencyMs: number;
  closedAt: number;
  outcome: string;
}

async function finish(ctx: BenchContext, sent: Sent): Promise<Finished> {
  const handle = ctx.temporal.workflow.getHandle(sent.workflowId);
  const result = (await handle.result()) as { outcome: string };
  const closedAt = (await handle.describe()).closeTime!.getTime();
  return { latencyMs: closedAt - sent.acceptedAt, closedAt, outcome: result.outcome };
}

async function realmStats(ctx: BenchContext, realmId: string): Promise<{ requests: number; throttled: number }> {
  const summary = (await fetch(`${ctx.stack.sandbox!.url}/_sandbox/companies/${realmId}`).then((r) => r.json())) as Json;
  return { requests: summary.stats.requests, throttled: summary.stats.throttled };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function peakRss(pid: number | undefined): Promise<string> {
  if (!pid) return 'n/a';
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return peak ? `${Math.round(Number(peak) / 1024)} MiB` : 'n/a';
}

/** (a) 200 orders to one realm. */
export async function runOneRealmBench(orders = 200): Promise<void> {
  const ctx = await setUp();
  try {
    const { connectionId, realmId } = await connect(ctx);
    const before = await realmStats(ctx, realmId);
    const started = Date.now();
    const sent = await Promise.all(Array.from({ length: orders }, (_, n) => send(ctx, connectionId, order(n, 20))));
    const finished = await Promise.all(sent.map((s) => finish(ctx, s)));
    const wallMs = Math.max(...finished.map((f) => f.closedAt)) - started;
    const after = await realmStats(ctx, realmId);
    const requests = after.requests - before.requests;
    const minimumMs = (requests / 500) * 60_000;
    console.log(`(a) ${orders} orders → one realm (20 repeat customers, 10 products, invoice + bill + payment each)`);
    console.log(`    wall time ${(wallMs / 1000).toFixed(1)} s; minimum Intuit's 500 req/min allows for ${requests} requests: ${(minimumMs / 1000).toFixed(1)} s → ${(wallMs / minimumMs).toFixed(2)}× the minimum`);
    console.log(`    requests per order ${(requests / orders).toFixed(2)}; throttling errors (429) seen ${after.throttled - before.throttled}; failed orders ${finished.filter((f) => f.outcome !== 'posted').length}`);
  } finally {
    await ctx.close();
  }
}

/** (b) 50 realms × 10 orders, arriving at a steady rate. */
export async function runManyRealmsBench(realms: number, perRealm: number, arrivalsPerSecond: number): Promise<void> {
  const ctx = await setUp();
  try {
    const connections = [];
    for (let i = 0; i < realms; i++) connections.push(await connect(ctx));
    const total = realms * perRealm;
    const sends: Promise<Sent>[] = [];
    const started = Date.now();
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / arrivalsPerSecond;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      sends.push(send(ctx, connections[n % realms]!.connectionId, order(n, 3)));
    }
    const sent = await Promise.all(sends);
    const finished = await Promise.all(sent.map((s) => finish(ctx, s)));
    const wallMs = Math.max(...finished.map((f) => f.closedAt)) - started;
    const latencies = finished.map((f) => f.latencyMs);
    let throttled = 0;
    for (const c of connections) throttled += (await realmStats(ctx, c.realmId)).throttled;
    console.log(`(b) ${realms} realms × ${perRealm} orders, offered at ${arrivalsPerSecond} orders/s`);
    console.log(`    ${(total / (wallMs / 1000)).toFixed(1)} orders/s; latency accept → payment applied p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(2)} s, max ${(Math.max(...latencies) / 1000).toFixed(2)} s`);
    console.log(`    failed orders ${finished.filter((f) => f.outcome !== 'posted').length}; 429s ${throttled}; worker peak RSS ${await peakRss(ctx.worker.pid)}`);
  } finally {
    await ctx.close();
  }
}

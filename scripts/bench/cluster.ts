// Bench part "cluster" (figures, never assertions): the same load on the dev server (one worker, one API) and on
// the production shape (scripts/prod-stack: Temporal cluster on PostgreSQL, two APIs behind a proxy, two workers),
// where three faults strike while orders arrive: a worker SIGKILLed (restarted 5 s later), an API process
// SIGKILLed (restarted 10 s later), the Temporal server restarted. Every order must post exactly once: the bench
// counts the documents in the sandbox companies. BENCH_CLUSTER_ORDERS (1000), BENCH_CLUSTER_REALMS (50),
// BENCH_CLUSTER_RATE (orders offered per second, 2) scale it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { QboSandbox } from '../../sandbox/qbo/index.js';
import { startProdStack, type ProdStack } from '../prod-stack/stack.js';
import { connect, order, percentile, setUp, type Json } from './common.js';

interface Target {
  name: string;
  apiUrl: string;
  key: string;
  temporal: Client;
  sandbox: QboSandbox;
}

interface Done {
  orderId: string;
  realmId: string;
  acceptedAt: number;
  closedAt: number;
  outcome: string;
}

interface Fault {
  name: string;
  at: number;
  /** What the fault itself took (e.g. the server's stop and start), and what came back when. */
  note: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one order, retrying what a client would retry (no answer, 502/503/500 while a part is down). */
async function sendOrder(target: Target, connectionId: string, body: Json, retries: { count: number }): Promise<{ workflowId: string; acceptedAt: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${target.apiUrl}/v1/connections/${connectionId}/orders`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${target.key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const json = (await response.json()) as Json;
      if (response.ok) return { workflowId: json.workflowId, acceptedAt: Date.now() };
      if (response.status < 500 || attempt > 200) throw new Error(`order ${body.orderId} → ${response.status}: ${JSON.stringify(json)}`);
    } catch (error) {
      if (attempt > 200 || (error instanceof Error && error.message.startsWith('order '))) throw error;
    }
    retries.count++;
    await sleep(500);
  }
}

/** Waits for the order's workflow to close, riding out a restarting server. */
async function finishOrder(target: Target, workflowId: string): Promise<{ closedAt: number; outcome: string }> {
  const handle = target.temporal.workflow.getHandle(workflowId);
  for (let attempt = 0; ; attempt++) {
    try {
      const result = (await handle.result()) as { outcome: string };
      const closedAt = (await handle.describe()).closeTime!.getTime();
      return { closedAt, outcome: result.outcome };
    } catch (error) {
      if (attempt > 120) throw error;
      await sleep(1000);
    }
  }
}

interface Load {
  done: Done[];
  startedAt: number;
  retries: number;
  faults: Fault[];
}

async function offerLoad(target: Target, connections: { connectionId: string; realmId: string }[], total: number, rate: number, faults: { at: number; strike: () => Promise<Fault> }[]): Promise<Load> {
  const retries = { count: 0 };
  const startedAt = Date.now();
  const struck: Promise<Fault>[] = [];
  const orders: Promise<Done>[] = [];
  for (let n = 0; n < total; n++) {
    for (const fault of faults) if (fault.at === n) struck.push(fault.strike());
    const due = startedAt + (n * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    const { connectionId, realmId } = connections[n % connections.length]!;
    const body = order(n, 3, 'CL');
    orders.push(sendOrder(target, connectionId, body, retries).then(async (sent) => ({
      orderId: body.orderId, realmId, acceptedAt: sent.acceptedAt, ...(await finishOrder(target, sent.workflowId)),
    })));
  }
  const done = await Promise.all(orders);
  return { done, startedAt, retries: retries.count, faults: await Promise.all(struck) };
}

/** Documents per order in the sandbox companies: each order's invoice, bill and payment must be there once. */
function countDocuments(sandbox: QboSandbox, done: Done[]): { invoices: number; bills: number; missing: number; doubled: number; payments: number } {
  const byRealm = new Map<string, Done[]>();
  for (const d of done) byRealm.set(d.realmId, [...(byRealm.get(d.realmId) ?? []), d]);
  let invoices = 0, bills = 0, missing = 0, doubled = 0, payments = 0;
  for (const [realmId, orders] of byRealm) {
    const count = (entity: string) => {
      const numbers = new Map<string, number>();
      for (const doc of sandbox.companies.objects(realmId, entity) as Json[]) numbers.set(doc.DocNumber, (numbers.get(doc.DocNumber) ?? 0) + 1);
      return numbers;
    };
    const invoiceNumbers = count('Invoice');
    const billNumbers = count('Bill');
    for (const o of orders) {
      const number = o.orderId.replace('CL-', 'CL');
      for (const seen of [invoiceNumbers.get(number) ?? 0, billNumbers.get(number) ?? 0]) {
        if (seen === 0) missing++;
        if (seen > 1) doubled += seen - 1;
      }
      invoices += invoiceNumbers.get(number) ?? 0;
      bills += billNumbers.get(number) ?? 0;
    }
    payments += (sandbox.companies.objects(realmId, 'Payment') as Json[]).length;
  }
  return { invoices, bills, missing, doubled, payments };
}

/** After a fault: the longest stretch without a completed order, and when the orders in flight at it were done. */
function recovery(load: Load, fault: Fault): string {
  const closes = load.done.map((d) => d.closedAt).filter((t) => t >= fault.at).sort((a, b) => a - b);
  let gap = 0;
  let previous = fault.at;
  for (const t of closes.filter((c) => c <= fault.at + 120_000)) {
    gap = Math.max(gap, t - previous);
    previous = t;
  }
  const inFlight = load.done.filter((d) => d.acceptedAt < fault.at && d.closedAt >= fault.at);
  const drained = inFlight.length ? `the ${inFlight.length} orders in flight at it done ${((Math.max(...inFlight.map((d) => d.closedAt)) - fault.at) / 1000).toFixed(1)} s after it` : 'no order was in flight at it';
  return `${fault.name} at +${((fault.at - load.startedAt) / 1000).toFixed(0)} s: ${fault.note}; longest pause in completions after it ${(gap / 1000).toFixed(1)} s; ${drained}`;
}

function report(target: Target, load: Load, total: number): void {
  const wallMs = Math.max(...load.done.map((d) => d.closedAt)) - load.startedAt;
  const latencies = load.done.map((d) => d.closedAt - d.acceptedAt);
  const docs = countDocuments(target.sandbox, load.done);
  console.log(`  ${target.name}`);
  console.log(`    ${(total / (wallMs / 1000)).toFixed(2)} orders/s over ${(wallMs / 1000).toFixed(1)} s; accept → posted p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(2)} s, max ${(Math.max(...latencies) / 1000).toFixed(2)} s`);
  console.log(`    ${load.done.length}/${total} orders finished (${load.done.filter((d) => d.outcome === 'posted').length} posted); in the companies: ${docs.invoices} invoices, ${docs.bills} bills, ${docs.payments} payments; missing ${docs.missing}, doubled ${docs.doubled}; client retries ${load.retries}`);
  for (const fault of load.faults) console.log(`    ${recovery(load, fault)}`);
}

async function connectRealms(apiUrl: string, key: string, realms: number): Promise<{ connectionId: string; realmId: string }[]> {
  const connections = [];
  for (let i = 0; i < realms; i++) connections.push(await connect({ apiUrl, key } as Parameters<typeof connect>[0]));
  return connections;
}

async function devServerRun(total: number, realms: number, rate: number): Promise<void> {
  const ctx = await setUp();
  try {
    const target: Target = { name: 'dev server (temporal server start-dev, SQLite; 1 API, 1 worker), no faults', apiUrl: ctx.apiUrl, key: ctx.key, temporal: ctx.temporal, sandbox: ctx.stack.sandbox!.server };
    const connections = await connectRealms(ctx.apiUrl, ctx.key, realms);
    report(target, await offerLoad(target, connections, total, rate, []), total);
  } finally {
    await ctx.close();
  }
}

function faultsFor(stack: ProdStack, total: number): { at: number; strike: () => Promise<Fault> }[] {
  const worker = stack.workers[0]!;
  const api = stack.apis[0]!;
  return [
    {
      at: Math.floor(total * 0.25),
      strike: async () => {
        const at = Date.now();
        await worker.kill('SIGKILL');
        await sleep(5000);
        await worker.start();
        return { name: 'worker 1 SIGKILLed', at, note: `restarted after 5 s, ready again ${((Date.now() - at) / 1000).toFixed(1)} s after the kill` };
      },
    },
    {
      at: Math.floor(total * 0.5),
      strike: async () => {
        const at = Date.now();
        await api.kill('SIGKILL');
        await sleep(10_000);
        await api.start();
        return { name: 'API 1 SIGKILLed', at, note: `the proxy sent its traffic to API 2; restarted after 10 s, ready ${((Date.now() - at) / 1000).toFixed(1)} s after the kill` };
      },
    },
    {
      at: Math.floor(total * 0.75),
      strike: async () => {
        const at = Date.now();
        await stack.temporal.restart();
        return { name: 'Temporal server restarted', at, note: `stopped (SIGTERM) and answering again after ${((Date.now() - at) / 1000).toFixed(1)} s` };
      },
    },
  ];
}

async function productionRun(total: number, realms: number, rate: number): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qbflow-bench-cluster-'));
  const stack = await startProdStack({ dataDir, scratch: true, env: { ...process.env, LOG_LEVEL: 'error' } });
  const connection = await Connection.connect({ address: stack.temporal.address });
  try {
    const tenant = await fetch(`${stack.url}/v1/tenants`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.operatorToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Cluster bench tenant' }),
    }).then((r) => r.json() as Promise<Json>);
    const target: Target = {
      name: 'production shape (Temporal v1.29.1 on PostgreSQL; 2 APIs behind a proxy, 2 workers), with the three faults',
      apiUrl: stack.url, key: tenant.apiKey, temporal: new Client({ connection, namespace: stack.namespace }), sandbox: stack.sandbox!.server,
    };
    const connections = await connectRealms(stack.url, tenant.apiKey, realms);
    report(target, await offerLoad(target, connections, total, rate, faultsFor(stack, total)), total);
  } finally {
    await connection.close();
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runClusterBench(): Promise<void> {
  const total = Number(process.env.BENCH_CLUSTER_ORDERS || 1000);
  const realms = Number(process.env.BENCH_CLUSTER_REALMS || 50);
  const rate = Number(process.env.BENCH_CLUSTER_RATE || 2);
  console.log(`cluster: ${total} orders over ${realms} realms offered at ${rate}/s (invoice + bill + payment each)`);
  await devServerRun(total, realms, rate);
  await productionRun(total, realms, rate);
}

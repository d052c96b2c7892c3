// What the benchmarks share: a stack with a worker in its own process (so its memory can be read), a tenant,
// QuickBooks Online connections through the real OAuth flow, a realistic order, and the figures' arithmetic.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort, startStack, type Stack } from '../stack.js';
import { spawnApiProcess } from '../api-process.js';
import { spawnWorkerProcess } from '../worker-process.js';
import { writeWorkflowBundle } from '../bundle-workflows.js';
import { descendantsNamed, treeOf, type CpuGroups } from './cpu.js';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface BenchContext {
  stack: Stack;
  key: string;
  /** The first of `workers`. */
  worker: ChildProcess;
  /** Worker processes on the same Temporal and PostgreSQL. */
  workers: ChildProcess[];
  /** The API the bench talks to, in a process of its own (the bench's own process holds the sandbox). */
  apiProcess: ChildProcess;
  apiUrl: string;
  temporal: Client;
  close(): Promise<void>;
}

export async function api(ctx: Pick<BenchContext, 'apiUrl'>, method: string, path: string, key: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${ctx.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

export async function setUp(env: Record<string, string> = {}, workerCount = 1): Promise<BenchContext> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qbflow-bench-'));
  const stack = await startStack({
    dataDir,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    ports: { api: 0, sandbox: 0, temporal: await freePort(), temporalUi: await freePort(), postgres: await freePort() },
    persistTemporal: false,
    worker: false,
  });
  // prebuilt, as images ship it: a worker bundling for itself would charge webpack's child to the measured window
  const workflowBundle = join(dataDir, 'workflows.js');
  await writeWorkflowBundle(workflowBundle);
  const workers = Array.from({ length: workerCount }, () => spawnWorkerProcess({ ...stack.env, WORKFLOW_BUNDLE_PATH: workflowBundle }));
  const { process: apiProcess, url: apiUrl } = await spawnApiProcess(stack.env, await freePort());
  const tenant = await fetch(`${apiUrl}/v1/tenants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.operatorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench tenant' }),
  }).then((r) => r.json() as Promise<Json>);
  const connection = await Connection.connect({ address: stack.config.temporal.address });
  return {
    stack, key: tenant.apiKey, worker: workers[0]!, workers, apiProcess, apiUrl, temporal: new Client({ connection }),
    async close() {
      for (const child of [...workers, apiProcess]) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await connection.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function connect(ctx: BenchContext): Promise<{ connectionId: string; realmId: string }> {
  const created = await api(ctx, 'POST', '/v1/connections', ctx.key, { type: 'qbo' });
  const consent = await fetch(created.authorizeUrl, { redirect: 'manual' });
  const landed = await fetch(consent.headers.get('location')!);
  if (!landed.ok) throw new Error(`OAuth callback failed: ${landed.status}`);
  const connection = await api(ctx, 'GET', `/v1/connections/${created.connection.id}`, ctx.key);
  return { connectionId: connection.id, realmId: connection.realmId };
}

/** A realistic order: one of a few repeat customers, two of ten products, one payment. */
export function order(n: number, customers: number, prefix = 'B'): Json {
  const c = n % customers;
  return {
    orderId: `${prefix}-${n}`,
    number: `${prefix}${n}`,
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

export interface Sent {
  workflowId: string;
  acceptedAt: number;
}

export async function send(ctx: BenchContext, connectionId: string, body: Json): Promise<Sent> {
  const acceptedAt = Date.now();
  const accepted = await api(ctx, 'POST', `/v1/connections/${connectionId}/orders`, ctx.key, body);
  return { workflowId: accepted.workflowId, acceptedAt };
}

export interface Finished {
  latencyMs: number;
  closedAt: number;
  outcome: string;
}

export async function finish(ctx: BenchContext, sent: Sent): Promise<Finished> {
  const handle = ctx.temporal.workflow.getHandle(sent.workflowId);
  const result = (await handle.result()) as { outcome: string };
  const closedAt = (await handle.describe()).closeTime!.getTime();
  return { latencyMs: closedAt - sent.acceptedAt, closedAt, outcome: result.outcome };
}

/**
 * Waits until every order has closed, then reads close times and outcomes from visibility in bulk: the throughput
 * runs must not charge the Temporal server a long poll and a describe per order, which no upstream app makes.
 */
export async function finishAll(ctx: BenchContext, sent: Sent[]): Promise<Finished[]> {
  const query = `WorkflowType = 'sendOrder' AND ExecutionStatus != 'Running'`;
  while ((await ctx.temporal.workflow.count(query)).count < sent.length) await new Promise((resolve) => setTimeout(resolve, 250));
  const closed = new Map<string, { closeTime: Date; outcome: string }>();
  for await (const info of ctx.temporal.workflow.list({ query })) {
    const outcome = info.status.name === 'COMPLETED' ? String(info.searchAttributes.Outcome?.[0] ?? 'posted') : info.status.name.toLowerCase();
    closed.set(info.workflowId, { closeTime: info.closeTime!, outcome });
  }
  return sent.map((s) => {
    const found = closed.get(s.workflowId);
    if (!found) throw new Error(`order workflow ${s.workflowId} did not close`);
    return { latencyMs: found.closeTime.getTime() - s.acceptedAt, closedAt: found.closeTime.getTime(), outcome: found.outcome };
  });
}

export async function realmStats(ctx: BenchContext, realmId: string): Promise<{ requests: number; throttled: number }> {
  const summary = (await fetch(`${ctx.stack.sandbox!.url}/_sandbox/companies/${realmId}`).then((r) => r.json())) as Json;
  return { requests: summary.stats.requests, throttled: summary.stats.throttled };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export async function peakRss(pid: number | undefined): Promise<string> {
  if (!pid) return 'n/a';
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return peak ? `${Math.round(Number(peak) / 1024)} MiB` : 'n/a';
}


/** The stack's processes by group: ours (worker, API) and what they stand on (Temporal, PostgreSQL). */
export function cpuGroups(ctx: BenchContext): CpuGroups {
  return {
    worker: () => ctx.workers.flatMap((w) => treeOf(w.pid!)),
    ...Object.fromEntries(ctx.workers.map((w, i) => [`worker ${i + 1}`, () => treeOf(w.pid!)])),
    api: () => treeOf(ctx.apiProcess.pid!),
    temporal: () => descendantsNamed(/^temporal/),
    postgres: () => descendantsNamed(/^postgres/),
    // this process: the sandbox (Intuit's stand-in) and the bench's own client; not qbflow's cost, but it shares the cores
    standIns: () => [process.pid],
  };
}

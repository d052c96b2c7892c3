// The real stack for one integration test file: the run's Temporal server and database (from the global
// setup), plus this file's own sandbox QuickBooks, API and worker on a task queue of its own.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Order } from '../../domain/order.js';
import type { QboSandboxOptions } from '../../sandbox/qbo/options.js';
import { startStack, type Stack } from '../../scripts/stack.js';
import { spawnWorkerProcess as spawnWorker } from '../../scripts/worker-process.js';
import { apiClient, type Api } from './api-client.js';

export interface TestStack extends Stack {
  api: Stack['api'];
  call: Api;
  sandboxUrl: string;
}

export async function startTestStack(options: { sandbox?: QboSandboxOptions; env?: Record<string, string>; worker?: boolean } = {}): Promise<TestStack> {
  const stack = await startStack({
    dataDir: await mkdtemp(join(tmpdir(), 'qbflow-stack-')),
    env: {
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: `test-${randomBytes(6).toString('hex')}`,
      LOG_LEVEL: 'error',
      INTUIT_THROTTLE_BACKOFF_SECONDS: '1',
      // tests deliver webhooks to receivers on this machine; the files that test the refusal turn it off
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
      ...options.env,
    },
    ports: { api: 0, sandbox: 0 },
    sandbox: options.sandbox,
    worker: options.worker === false ? false : { workflowBundle: { codePath: inject('workflowBundlePath') } },
  });
  return { ...stack, call: apiClient(stack.apiUrl), sandboxUrl: stack.sandbox!.url };
}

export async function createTenant(stack: TestStack, name = `Tenant ${randomBytes(3).toString('hex')}`): Promise<{ id: string; apiKey: string }> {
  const response = await stack.call('POST', '/v1/tenants', { key: stack.operatorToken, body: { name, adminEmails: ['admin@example.com'] } });
  if (response.status !== 201) throw new Error(`tenant creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.tenant.id, apiKey: response.body.apiKey };
}

/** Connects a sandbox QuickBooks Online company through the real OAuth redirect flow. */
export async function connectQbo(stack: TestStack, apiKey: string, options: { realmId?: string; connectionId?: string } = {}): Promise<{ connectionId: string; realmId: string }> {
  const started = options.connectionId
    ? await stack.call('POST', `/v1/connections/${options.connectionId}/authorize`, { key: apiKey })
    : await stack.call('POST', '/v1/connections', { key: apiKey, body: { type: 'qbo', name: 'Test company' } });
  if (started.status !== 201 && started.status !== 200) throw new Error(`connection failed: ${JSON.stringify(started.body)}`);
  const authorizeUrl = new URL(started.body.authorizeUrl);
  if (options.realmId) authorizeUrl.searchParams.set('sandbox_realm', options.realmId);
  const consent = await fetch(authorizeUrl, { redirect: 'manual' });
  const callback = consent.headers.get('location');
  if (consent.status !== 302 || !callback) throw new Error(`authorize did not redirect: ${consent.status}`);
  const landed = await fetch(callback);
  if (landed.status !== 200) throw new Error(`callback failed: ${landed.status} ${await landed.text()}`);
  const connection = await stack.call('GET', `/v1/connections/${started.body.connection.id}`, { key: apiKey });
  return { connectionId: connection.body.id, realmId: connection.body.realmId };
}

export interface OrderStatusBody {
  outcome: string;
  run: string;
  revision: number;
  steps: { step: string; state: string; quickbooksId?: string; action?: string; error?: string; detail?: string }[];
  error?: string;
}

/** Polls the order status until its workflow has finished. */
export async function waitForOrder(stack: TestStack, apiKey: string, connectionId: string, orderId: string, timeoutMs = 60_000): Promise<OrderStatusBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await stack.call('GET', `/v1/connections/${connectionId}/orders/${encodeURIComponent(orderId)}`, { key: apiKey });
    if (response.status === 200 && response.body.run !== 'RUNNING') return response.body as OrderStatusBody;
    if (Date.now() > deadline) throw new Error(`order ${orderId} still running after ${timeoutMs} ms: ${JSON.stringify(response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The seed order of DESIGN.md §6: 100 × A7102 at 2.30, 11.50 discount, 100.00 paid. */
export function seedOrder(overrides: Partial<Order> = {}): Order {
  const id = randomBytes(4).toString('hex');
  return {
    orderId: `ORD-${id}`,
    number: `SO-${id}`,
    date: '2026-11-20',
    sentBy: { userId: 'u-1' },
    documents: ['invoice', 'bill'],
    customer: { externalId: `C-${id}`, name: `ABC Company ${id}` },
    vendor: { externalId: `V-${id}`, name: `ASI Supplier ${id}` },
    lines: [{ productNumber: 'A7102', productName: 'Almond - 11 oz/Stoneware', quantity: '100', unitPrice: '2.30', unitCost: '1.15' }],
    discount: '11.50',
    payments: [{ externalId: 'P1', amount: '100.00', date: '2026-11-20' }],
    ...overrides,
  };
}

/** Starts a worker in a separate OS process (so a test can kill it outright), on the run's workflow bundle. */
export function spawnWorkerProcess(stack: Stack): ChildProcess {
  return spawnWorker({ ...stack.env, WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath') });
}

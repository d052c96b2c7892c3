// Workers run their workflows without the SDK's per-promise stack capture (config/workflow-stack-traces.mjs) unless
// WORKFLOW_STACK_TRACES=true: orders still post, and the stack-trace query says which way the worker runs.
import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleWorkflowId } from '../../control/ids.js';
import { connectQbo, createTenant, seedOrder, spawnWorkerProcess, startTestStack, waitForOrder, type TestStack } from '../support/stack.js';

let stack: TestStack;
let key: string;
let connectionId: string;
let worker: ChildProcess | undefined;
let temporal: Connection;

async function restartWorker(env: Record<string, string> = {}) {
  if (worker) {
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));
  }
  worker = spawnWorkerProcess({ ...stack, env: { ...stack.env, ...env } });
}

/** The stack-trace query Temporal UI sends, on the connection's lifecycle workflow (it runs for as long as the connection). */
async function stackTrace(): Promise<string> {
  const handle = new Client({ connection: temporal }).workflow.getHandle(lifecycleWorkflowId(connectionId));
  return handle.query<string>('__stack_trace');
}

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  await restartWorker();
  key = (await createTenant(stack)).apiKey;
  ({ connectionId } = await connectQbo(stack, key));
  temporal = await Connection.connect({ address: stack.config.temporal.address });
});

afterAll(async () => {
  worker?.kill('SIGKILL');
  await temporal?.close();
  await stack?.stop();
});

describe('workflow stack traces', () => {
  it('are off by default: orders post, and the query says stack traces are not enabled', async () => {
    const order = seedOrder();
    const sent = await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order });
    expect(sent.status).toBe(202);
    expect((await waitForOrder(stack, key, connectionId, order.orderId)).outcome).toBe('posted');
    await expect(stackTrace()).rejects.toThrow(/stack traces are not enabled/);
  });

  it('WORKFLOW_STACK_TRACES=true brings them back for the stack-trace query', async () => {
    await restartWorker({ WORKFLOW_STACK_TRACES: 'true' });
    // the new worker replays the lifecycle workflow on the query, capturing where it waits
    expect(await stackTrace()).toMatch(/connection-lifecycle/);
  }, 60_000);
});

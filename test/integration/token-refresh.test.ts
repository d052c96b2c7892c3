// The lifecycle workflow as the only refresher: concurrent callers share one refresh, and a refresh cut short by
// a crash (worker and API restarted) loses no token and causes no invalid_grant.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHandle } from '../../api/server.js';
import { eventually } from '../support/receivers.js';
import {
  connectQbo, createTenant, seedOrder, spawnWorkerProcess, startTestStack, waitForOrder, type TestStack,
} from '../support/stack.js';

let stack: TestStack;
let worker: ChildProcess;
let key: string;
let restartedApi: ApiHandle | undefined;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  worker = spawnWorkerProcess(stack);
  key = (await createTenant(stack)).apiKey;
});

afterAll(async () => {
  worker?.kill('SIGKILL');
  await restartedApi?.close();
  await stack?.stop();
});

const stats = (realmId: string) => stack.sandbox!.server.tokens.stats(realmId);

describe('token refresh', () => {
  it('gives 50 activities that find the token expired at the same moment exactly one refresh', async () => {
    const { connectionId, realmId } = await connectQbo(stack, key);
    const before = stats(realmId);
    // Intuit expires the token; our stored copy still looks valid, so every caller learns it from a 401.
    expect(stack.sandbox!.server.tokens.expireAccessTokens(realmId)).toBe(1);
    const orders = Array.from({ length: 50 }, () => seedOrder({ documents: ['invoice'], vendor: undefined, payments: [] }));
    await Promise.all(orders.map((order) => stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order })));
    for (const order of orders) expect((await waitForOrder(stack, key, connectionId, order.orderId, 120_000)).outcome).toBe('posted');

    const after = stats(realmId);
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.invalidGrants).toBe(0);
  }, 180_000);

  it('loses no token when the worker and the API restart in the middle of a refresh', async () => {
    const { connectionId, realmId } = await connectQbo(stack, key);
    const before = stats(realmId);
    const sandbox = stack.sandbox!.server;
    sandbox.tokens.delayResponses(5_000); // Intuit rotates at once but answers late
    sandbox.tokens.expireAccessTokens(realmId);
    const order = seedOrder();
    expect((await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order })).status).toBe(202);

    // The refresh has happened at Intuit; its answer is still on the way when both processes go down.
    await eventually(() => stats(realmId).refreshes, (n) => n === before.refreshes + 1);
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    await stack.api.close();
    sandbox.tokens.delayResponses(0);

    restartedApi = await startApi(stack.config);
    worker = spawnWorkerProcess(stack);
    const status = await waitForOrder(stack, key, connectionId, order.orderId, 150_000);
    expect(status.outcome).toBe('posted');

    const after = stats(realmId);
    expect(after.invalidGrants).toBe(0);
    // The retried refresh presented the rotated-out token once, inside Intuit's grace period, and got the newest pair.
    expect(after.graceReplays - before.graceReplays).toBe(1);
    const connection = await stack.call('GET', `/v1/connections/${connectionId}`, { key });
    expect(connection.body.status).toBe('connected');
    const next = seedOrder();
    await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: next });
    expect((await waitForOrder(stack, key, connectionId, next.orderId)).outcome).toBe('posted');
  }, 200_000);
});

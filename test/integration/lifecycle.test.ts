// Connections that stay alive: short-lived tokens (4 s) refreshed by the lifecycle workflow while orders flow,
// revocation → needs_reauth → reconnection, disconnection; with signed webhooks and e-mail to admins.
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { verifySignature } from '../../outbound/signing.js';
import { createSecretBox } from '../../db/secrets.js';
import { lifecycleState } from '../../workflows/connection-lifecycle.js';
import { eventually, startSmtpCatcher, startWebhookReceiver } from '../support/receivers.js';
import { connectQbo, createTenant, seedOrder, startTestStack, waitForOrder, type TestStack } from '../support/stack.js';
import { lifecycleWorkflowId } from '../../control/ids.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let key: string;
let secret: string;
let sql: postgres.Sql;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  hooks = await startWebhookReceiver([500]); // the first delivery fails once, to prove retries
  stack = await startTestStack({
    sandbox: { accessTokenTtlSeconds: 4 },
    env: {
      INTUIT_REFRESH_MARGIN_SECONDS: '2',
      CONNECTION_HISTORY_LIMIT: '40',
      PAUSED_WORK_CHECK_SECONDS: '2',
      SMTP_URL: smtp.url,
    },
  });
  sql = postgres(stack.config.databaseUrl, { max: 1 });
  key = (await createTenant(stack)).apiKey;
  const registered = await stack.call('POST', '/v1/webhooks', {
    key, body: { url: hooks.url, events: ['connection.needs_reauth', 'connection.restored', 'document.posted'] },
  });
  expect(registered.status).toBe(201);
  secret = registered.body.secret;
  expect(secret).toMatch(/^whsec_/);
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
  await hooks?.close();
  await smtp?.close();
});

const tokenStats = (realmId: string) => stack.sandbox!.server.tokens.stats(realmId);
async function lifecycleHandle(connectionId: string) {
  const connection = await Connection.connect({ address: stack.config.temporal.address });
  const client = new Client({ connection });
  return { client, handle: client.workflow.getHandle(lifecycleWorkflowId(connectionId)), close: () => connection.close() };
}

describe('connection lifecycle', () => {
  it('lives through many access-token expiries and refresh-token rotations while orders flow', async () => {
    const { connectionId, realmId } = await connectQbo(stack, key);
    const orders = [];
    for (let i = 0; i < 12; i++) {
      const order = seedOrder();
      orders.push(order);
      expect((await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order })).status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    for (const order of orders) expect((await waitForOrder(stack, key, connectionId, order.orderId)).outcome).toBe('posted');

    const stats = tokenStats(realmId);
    expect(stats.refreshes).toBeGreaterThanOrEqual(6); // ~18 s of 4-second tokens
    expect(stats.invalidGrants).toBe(0);
    expect(stats.graceReplays).toBe(0); // a rotated-out refresh token was never presented again

    const temporal = await lifecycleHandle(connectionId);
    try {
      const state = await temporal.handle.query(lifecycleState);
      expect(state.status).toBe('connected');
      expect(state.tokenVersion).toBe(stats.refreshes + 1);
      const runs = [];
      for await (const run of temporal.client.workflow.list({ query: `WorkflowId = '${lifecycleWorkflowId(connectionId)}'` })) runs.push(run.status.name);
      expect(runs.filter((s) => s === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(1);
    } finally {
      await temporal.close();
    }

    // Tokens at rest are sealed: the raw row holds neither the access nor the refresh token in clear.
    const [row] = await sql`select access_token, refresh_token from connection_tokens where connection_id = ${connectionId}`;
    const box = createSecretBox(stack.config.encryptionKeys);
    const clear = { access: box.open(row!.access_token), refresh: box.open(row!.refresh_token) };
    expect(clear.refresh).toMatch(/^RT1-/);
    for (const column of [row!.access_token, row!.refresh_token]) {
      expect(column).not.toContain(clear.access);
      expect(column).not.toContain(clear.refresh);
      expect(column).toMatch(/^v1\./);
    }

    // document.posted events arrived signed; the first delivery failed with a 500 and was retried.
    const posted = await eventually(() => hooks.received.filter((r) => JSON.parse(r.body).type === 'document.posted'), (r) => r.length >= 24);
    for (const request of posted) {
      expect(verifySignature(secret, request.body, String(request.headers['qbflow-signature']), Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifySignature('wrong-secret', request.body, String(request.headers['qbflow-signature']), Math.floor(Date.now() / 1000))).toBe(false);
    }
    const deliveries = await stack.call('GET', '/v1/webhooks/deliveries?limit=500', { key });
    expect(deliveries.body.deliveries.some((d: Json) => d.status === 'delivered' && d.attempts === 2 && d.lastStatusCode === 200)).toBe(true);
  }, 120_000);

  it('moves to needs_reauth when the user revokes access, pauses orders, and resumes them after reconnecting', async () => {
    const { connectionId, realmId } = await connectQbo(stack, key);
    stack.sandbox!.server.tokens.revokeRealm(realmId);
    const orders = [seedOrder(), seedOrder()];
    for (const order of orders) expect((await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order })).status).toBe(202);

    const paused = await eventually(
      () => stack.call('GET', `/v1/connections/${connectionId}/orders/${orders[0]!.orderId}`, { key }).then((r) => r.body as Json),
      (body) => body.steps?.some((s: Json) => s.state === 'paused'),
    );
    expect(paused.steps.find((s: Json) => s.state === 'paused').error).toMatch(/reconnect/i);
    const connection = await stack.call('GET', `/v1/connections/${connectionId}`, { key });
    expect(connection.body.status).toBe('needs_reauth');
    expect(connection.body.statusDetail).toMatch(/reconnect/);

    const alert = await eventually(() => hooks.received.filter((r) => JSON.parse(r.body).type === 'connection.needs_reauth' && JSON.parse(r.body).data.connectionId === connectionId), (r) => r.length === 1);
    expect(verifySignature(secret, alert[0]!.body, String(alert[0]!.headers['qbflow-signature']), Math.floor(Date.now() / 1000))).toBe(true);
    const mail = await eventually(() => smtp.messages.filter((m) => m.text.includes(connectionId)), (m) => m.length === 1);
    expect(mail[0]!.to).toEqual(['admin@example.com']);
    expect(mail[0]!.subject).toMatch(/reconnected/);

    // Nothing was failed one by one while waiting, and nothing was posted.
    const invoices = () => (stack.sandbox!.server.companies.objects(realmId, 'Invoice') as Json[]);
    expect(invoices()).toHaveLength(0);

    await connectQbo(stack, key, { connectionId, realmId });
    for (const order of orders) {
      const status = await waitForOrder(stack, key, connectionId, order.orderId, 60_000);
      expect(status.outcome).toBe('posted');
      expect(invoices().filter((i) => i.DocNumber === order.number)).toHaveLength(1);
    }
    expect((await stack.call('GET', `/v1/connections/${connectionId}`, { key })).body.status).toBe('connected');
    await eventually(() => hooks.received.filter((r) => JSON.parse(r.body).type === 'connection.restored' && JSON.parse(r.body).data.connectionId === connectionId), (r) => r.length === 1);
    expect(tokenStats(realmId).invalidGrants).toBe(1);
  }, 120_000);

  it('ends paused orders with a clear failure when the connection is removed instead of reconnected', async () => {
    const { connectionId, realmId } = await connectQbo(stack, key);
    stack.sandbox!.server.tokens.revokeRealm(realmId);
    const order = seedOrder();
    expect((await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key, body: order })).status).toBe(202);
    await eventually(
      () => stack.call('GET', `/v1/connections/${connectionId}/orders/${order.orderId}`, { key }).then((r) => r.body as Json),
      (body) => body.steps?.some((s: Json) => s.state === 'paused'),
    );
    expect((await stack.call('DELETE', `/v1/connections/${connectionId}?force=true`, { key })).status).toBe(204);

    // The connection (and with it the order's status route) is gone; ask Temporal how the order ended.
    const temporal = await lifecycleHandle(connectionId);
    try {
      const tenantId = (await stack.call('GET', '/v1/tenant', { key })).body.id;
      const handle = temporal.client.workflow.getHandle(`send-order/${tenantId}/${connectionId}/${order.orderId}`);
      const ended = await handle.result().then((r: Json) => r.outcome as string, (error: Error) => `failed: ${error.message}`);
      expect(ended).toMatch(/^failed/);
    } finally {
      await temporal.close();
    }
    expect(stack.sandbox!.server.companies.objects(realmId, 'Invoice')).toHaveLength(0);
  });

  it('disconnects: revokes at Intuit, erases the tokens, ends the workflow and removes the billing schedules', async () => {
    const { connectionId, realmId } = await connectQbo(stack, key);
    expect(stack.sandbox!.server.companies.get(realmId)).toBeDefined();
    expect((await stack.call('PUT', `/v1/connections/${connectionId}/billing`, { key, body: { mode: 'advance', dayOfMonth: 1 } })).status).toBe(200);
    const removed = await stack.call('DELETE', `/v1/connections/${connectionId}`, { key });
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);
    const [{ n }] = await sql`select count(*)::int as n from connection_tokens where connection_id = ${connectionId}` as unknown as [{ n: number }];
    expect(n).toBe(0);
    expect((await stack.call('GET', `/v1/connections/${connectionId}`, { key })).status).toBe(404);
    const temporal = await lifecycleHandle(connectionId);
    try {
      expect((await temporal.handle.describe()).status.name).toBe('COMPLETED');
      for (const scheduleId of [`billing/${connectionId}`, `billing-sync/${connectionId}`]) {
        await expect(temporal.client.schedule.getHandle(scheduleId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
      }
    } finally {
      await temporal.close();
    }
    const summary = (await fetch(`${stack.sandboxUrl}/_sandbox/companies/${realmId}`).then((r) => r.json())) as Json;
    expect(summary.connections.activeGrants).toBe(0);
  });
});

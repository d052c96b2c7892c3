// Webhook URLs never reach the server's own network: private, loopback, link-local, unique-local, CGNAT,
// multicast, unspecified and metadata addresses are refused when registered (every address the host resolves to)
// and again on the address actually connected to when delivering (DNS rebinding); the deliveries list never tells
// an open port from a closed one. WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true (local development) lifts the refusal.
import { createWebhookControl } from '../../control/webhooks.js';
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationActivities, DeliveryError } from '../../activities/notifications.js';
import { buildApp } from '../../api/app.js';
import { startDelivery } from '../../control/webhooks.js';
import { webhookWorkflowId } from '../../control/ids.js';
import type { LookupAll } from '../../outbound/addresses.js';
import { freePort } from '../../scripts/stack.js';
import { eventually, startWebhookReceiver } from '../support/receivers.js';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

/** A resolver with fixed answers: what a hostile DNS server could say about a name at any moment. */
const fakeDns = (answers: Record<string, string[]>): LookupAll => async (hostname) => {
  const found = answers[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const dns = fakeDns({
  'private.example.com': ['10.1.2.3'],
  'mixed.example.com': ['93.184.215.14', '192.168.0.10'],
  'metadata.example.com': ['169.254.169.254'],
  'v6-loopback.example.com': ['::1'],
  'public.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
});

beforeAll(async () => {
  stack = await startTestStack({ env: { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'false' } });
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

describe('registering a webhook URL', () => {
  const refused = [
    `http://127.0.0.1:${4000}/hooks`,
    'https://127.0.0.1/hooks',
    'https://127.1/hooks',
    'https://2130706433/hooks', // 127.0.0.1 in decimal
    'https://0177.0.0.1/hooks', // octal
    'https://0x7f.0.0.1/hooks', // hex
    'https://0x7f000001/hooks',
    'https://localhost/hooks',
    'https://LOCALHOST./hooks',
    'https://api.localhost/hooks',
    'https://[::1]/hooks',
    'https://[::ffff:127.0.0.1]/hooks',
    'https://[::ffff:a9fe:a9fe]/hooks', // 169.254.169.254, IPv4-mapped
    'https://169.254.169.254/latest/meta-data/',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://168.63.129.16/metadata',
    'https://[fd00:ec2::254]/latest/meta-data/',
    'https://[fe80::1]/hooks',
    'https://10.0.0.1/hooks',
    'https://172.16.5.4/hooks',
    'https://192.168.1.1/hooks',
    'https://100.64.0.1/hooks', // carrier-grade NAT
    'https://224.0.0.1/hooks',
    'https://0.0.0.0/hooks',
    'https://[::]/hooks',
    'https://private.example.com/hooks',
    'https://mixed.example.com/hooks',
    'https://metadata.example.com/hooks',
    'https://v6-loopback.example.com/hooks',
    'https://unknown.example.com/hooks',
    'http://93.184.215.14/hooks', // public, but not https
  ];

  it('refuses every non-public address, however it is spelled or resolved, and stores nothing', async () => {
    const app = await buildApp({ ...stack.api.app.deps, lookup: dns });
    try {
      const tenant = await createTenant(stack);
      const headers = { authorization: `Bearer ${tenant.apiKey}` };
      const answers: Record<string, number> = {};
      for (const url of refused) {
        const response = await app.inject({ method: 'POST', url: '/v1/webhooks', headers, payload: { url, events: ['document.posted'] } });
        answers[url] = response.statusCode;
        if (response.statusCode === 400) {
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(response.json().errors).toEqual([{ field: 'body/url', message: expect.stringMatching(/public|https|resolved/) }]);
        }
      }
      expect(answers).toEqual(Object.fromEntries(refused.map((url) => [url, 400])));
      const listed = await app.inject({ method: 'GET', url: '/v1/webhooks', headers });
      expect(listed.json().endpoints).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('accepts public https endpoints, by address or by a name whose every address is public', async () => {
    const app = await buildApp({ ...stack.api.app.deps, lookup: dns });
    try {
      const tenant = await createTenant(stack);
      const headers = { authorization: `Bearer ${tenant.apiKey}` };
      for (const url of ['https://93.184.215.14/hooks', 'https://public.example.com/hooks', 'https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hooks']) {
        const response = await app.inject({ method: 'POST', url: '/v1/webhooks', headers, payload: { url, events: ['document.posted'] } });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
      }
    } finally {
      await app.close();
    }
  });

  it('accepts a local receiver when private networks are allowed (local development)', async () => {
    const deps = stack.api.app.deps;
    // the setting is read where webhooks are registered: the webhooks use case the API is built with
    const webhooks = createWebhookControl({ repos: deps.repos, allowPrivateNetworks: true });
    const app = await buildApp({ ...deps, config: { ...deps.config, webhooks: { allowPrivateNetworks: true } }, control: { ...deps.control, webhooks } });
    try {
      const tenant = await createTenant(stack);
      const response = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: { authorization: `Bearer ${tenant.apiKey}` }, payload: { url: receiver.url, events: ['document.posted'] } });
      expect(response.statusCode).toBe(201);
    } finally {
      await app.close();
    }
  });
});

describe('delivering', () => {
  /** An endpoint stored as if its host had been public when registered, and one event for it. */
  async function deliveryTo(url: string): Promise<{ tenantId: string; apiKey: string; deliveryId: string }> {
    const tenant = await createTenant(stack);
    const repos = stack.api.app.deps.repos;
    await repos.webhooks.addEndpoint(tenant.id, url, ['document.posted']);
    const [deliveryId] = await repos.webhooks.recordEvent(tenant.id, { id: `evt-${Date.now()}-${Math.random()}`, type: 'document.posted', payload: { hello: 'world' } });
    return { tenantId: tenant.id, apiKey: tenant.apiKey, deliveryId: deliveryId! };
  }

  const activities = (options: { allowPrivateNetworks: boolean; lookup?: LookupAll }) =>
    createNotificationActivities({ repos: stack.api.app.deps.repos, mailer: { send: async () => false }, taskQueue: stack.config.temporal.taskQueue, webhooks: { ...options, timeoutMs: 2000 } });

  async function deliveriesOf(apiKey: string) {
    const listed = await stack.call('GET', '/v1/webhooks/deliveries', { key: apiKey });
    expect(listed.status).toBe(200);
    return listed.body.deliveries as { status: string; attempts: number; lastStatusCode: number | null; lastError: string | null }[];
  }

  it('refuses a loopback endpoint at delivery, and the list cannot tell an open port from a closed one', async () => {
    const closedPort = await freePort();
    const open = await deliveryTo(receiver.url);
    const closed = await deliveryTo(`http://127.0.0.1:${closedPort}/hooks`);
    const before = receiver.received.length;
    const guarded = activities({ allowPrivateNetworks: false });
    await expect(guarded.attemptDelivery(open.deliveryId)).rejects.toBeInstanceOf(DeliveryError);
    await expect(guarded.attemptDelivery(closed.deliveryId)).rejects.toBeInstanceOf(DeliveryError);
    expect(receiver.received.length).toBe(before);
    const [openView] = await deliveriesOf(open.apiKey);
    const [closedView] = await deliveriesOf(closed.apiKey);
    expect(openView).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'the endpoint could not be reached' });
    expect(closedView).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'the endpoint could not be reached' });
  });

  it('refuses a name that re-resolves to 127.0.0.1 at delivery (DNS rebinding), on the address it would connect to', async () => {
    const port = new URL(receiver.url).port;
    const rebinding = fakeDns({ 'hooks.rebind.example.com': ['127.0.0.1'] });
    const target = await deliveryTo(`http://hooks.rebind.example.com:${port}/hooks`);
    const before = receiver.received.length;
    await expect(activities({ allowPrivateNetworks: false, lookup: rebinding }).attemptDelivery(target.deliveryId)).rejects.toThrow('the endpoint could not be reached');
    expect(receiver.received.length).toBe(before);

    // the same name, allowed for local development: the connection goes where the resolver said
    await activities({ allowPrivateNetworks: true, lookup: rebinding }).attemptDelivery(target.deliveryId);
    expect(receiver.received.length).toBe(before + 1);
    expect(receiver.received.at(-1)!.headers['qbflow-event-type']).toBe('document.posted');
    const [view] = await deliveriesOf(target.apiKey);
    expect(view).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
  });

  it('the worker refuses it too: the durable delivery records the generic error and never reaches the receiver', async () => {
    const target = await deliveryTo(receiver.url);
    const before = receiver.received.length;
    const client = stack.api.app.deps.control.client;
    await startDelivery(client, stack.config.temporal.taskQueue, target.deliveryId);
    try {
      const [view] = await eventually(() => deliveriesOf(target.apiKey), (list) => (list[0]?.attempts ?? 0) >= 1, 30_000);
      expect(view).toMatchObject({ status: 'pending', lastStatusCode: null, lastError: 'the endpoint could not be reached' });
      expect(receiver.received.length).toBe(before);
    } finally {
      await client.workflow.getHandle(webhookWorkflowId(target.deliveryId)).terminate('test over');
    }
  });
});

// Our own contract: GET /docs/json lints clean under Redocly's recommended rules (plus two stricter ones), the
// TypeScript types openapi-typescript generates from it are the ones committed in test/support/qbflow-api.d.ts
// (so `tsc` checks the client code below against the live document), and a client built from them with
// openapi-fetch creates a tenant, connects a company, sends the seed order and reads its status on the real stack.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import type { paths } from '../support/qbflow-api.js';
import { seedOrder, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
/** The document as this test stack serves it (its server is http://localhost:…). */
let document: string;
/** The same API configured as in production (PUBLIC_URL a public https address): what the lint judges. */
let productionDocument: string;

const TYPES_HEADER = '// Generated from GET /docs/json by openapi-typescript (test/api/openapi.test.ts); regenerate with `npx vitest run test/api/openapi.test.ts -u`.\n';

beforeAll(async () => {
  stack = await startTestStack();
  const response = await fetch(`${stack.apiUrl}/docs/json`);
  expect(response.status).toBe(200);
  document = await response.text();
  const deps = stack.api.app.deps;
  const production = await buildApp({ ...deps, config: { ...deps.config, publicUrl: 'https://qbflow.acme.test' } });
  productionDocument = (await production.inject({ method: 'GET', url: '/docs/json' })).body;
  await production.close();
});

afterAll(async () => {
  await stack?.stop();
});

const describeProblem = (p: NormalizedProblem) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`;

describe('the OpenAPI document', () => {
  it('lints with no error and no warning under Redocly\'s recommended rules', async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        // qbflow states no licence (package.json is private, the repository has none): inventing one would be false
        'info-license': 'off',
        // stricter than recommended: every 4xx is problem+json, and every tag an operation uses is described
        'operation-4xx-problem-details-rfc7807': 'error',
        'operation-tag-defined': 'error',
      },
    });
    const problems = await lintFromString({ source: productionDocument, absoluteRef: join(tmpdir(), 'qbflow-openapi.json'), config });
    expect(problems.map(describeProblem)).toEqual([]);
  });

  it('gives every operation a readable camelCase operationId, a tag, a 4xx answer and the server it is served from', () => {
    const served = JSON.parse(productionDocument) as { servers: unknown };
    expect(served.servers).toEqual([{ url: 'https://qbflow.acme.test', description: expect.any(String) }]);
    expect({ ...JSON.parse(document), servers: served.servers }).toEqual(served); // only the server differs
    const doc = JSON.parse(document) as { servers: { url: string }[]; paths: Record<string, Record<string, { operationId?: string; tags?: string[]; responses: Record<string, unknown> }>> };
    expect(doc.servers).toEqual([expect.objectContaining({ url: stack.apiUrl })]);
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThanOrEqual(39);
    for (const operation of operations) {
      expect(operation.operationId).toMatch(/^[a-z]+[A-Za-z]*$/);
      expect(operation.tags?.length).toBe(1);
      expect(Object.keys(operation.responses).some((status) => /^4\d\d$/.test(status))).toBe(true);
    }
    expect(doc.paths['/v1/connections/{id}/orders']!.post!.operationId).toBe('sendOrder');
    expect(doc.paths['/v1/connections/{id}/orders/{orderId}']!.get!.operationId).toBe('getOrderStatus');
    expect(doc.paths['/v1/connections']!.post!.operationId).toBe('createConnection');
  });

  it('generates the TypeScript types committed for clients (test/support/qbflow-api.d.ts)', async () => {
    const types = TYPES_HEADER + astToString(await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]));
    await expect(types).toMatchFileSnapshot('../support/qbflow-api.d.ts');
  });
});

describe('a client generated from the document', () => {
  it('creates a tenant, connects a company, sends the seed order and reads that it posted', async () => {
    const client = createClient<paths>({ baseUrl: stack.apiUrl });

    const tenant = await client.POST('/v1/tenants', { headers: { Authorization: `Bearer ${stack.operatorToken}` }, body: { name: 'Generated client', adminEmails: ['admin@example.com'] } });
    expect(tenant.response.status).toBe(201);
    const auth = { Authorization: `Bearer ${tenant.data!.apiKey}` };
    const me = await client.GET('/v1/tenant', { headers: auth });
    expect(me.data?.name).toBe('Generated client');

    const created = await client.POST('/v1/connections', { headers: auth, body: { type: 'qbo', name: 'Generated client company' } });
    expect(created.response.status).toBe(201);
    const connection = created.data!;
    if (!('authorizeUrl' in connection)) throw new Error('expected an authorisation URL');
    const consent = await fetch(connection.authorizeUrl, { redirect: 'manual' });
    expect((await fetch(consent.headers.get('location')!)).status).toBe(200);
    const id = connection.connection.id;

    const order = seedOrder();
    const refused = await client.POST('/v1/connections/{id}/orders', { headers: auth, params: { path: { id } }, body: { ...order, lines: [] } });
    expect(refused.response.status).toBe(400);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.error?.errors).toEqual([expect.objectContaining({ field: 'body/lines' })]);

    const sent = await client.POST('/v1/connections/{id}/orders', { headers: auth, params: { path: { id } }, body: order });
    expect(sent.response.status).toBe(202);
    expect(sent.data?.statusUrl).toBe(`/v1/connections/${id}/orders/${order.orderId}`);

    const deadline = Date.now() + 60_000;
    let status = await client.GET('/v1/connections/{id}/orders/{orderId}', { headers: auth, params: { path: { id, orderId: order.orderId } } });
    while (status.data?.run === 'RUNNING' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await client.GET('/v1/connections/{id}/orders/{orderId}', { headers: auth, params: { path: { id, orderId: order.orderId } } });
    }
    expect(status.response.status).toBe(200);
    expect(status.data).toMatchObject({ orderId: order.orderId, outcome: 'posted', revision: 1 });
    expect(status.data!.steps.map((s) => s.step)).toEqual(expect.arrayContaining(['invoice', 'bill']));

    const missing = await client.GET('/v1/connections/{id}/orders/{orderId}', { headers: auth, params: { path: { id, orderId: 'never-sent' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.status).toBe(404);
  });
});

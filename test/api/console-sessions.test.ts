// Console links and sessions over real sockets: single use, expiry, scope (tenant, connection, page), return URLs on
// allowed origins only, cookies, CSRF, read-only operators, framing (CSP), language, and the hashed assets.
import { createHash } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let sql: postgres.Sql;
let tenant: { id: string; apiKey: string };
let other: { id: string; apiKey: string };
let connectionId: string;
let otherConnectionId: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  sql = postgres(stack.config.databaseUrl, { max: 1 });
  tenant = await createTenant(stack);
  other = await createTenant(stack);
  ({ connectionId } = await connectQbo(stack, tenant.apiKey));
  ({ connectionId: otherConnectionId } = await connectQbo(stack, other.apiKey));
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

const link = async (body: object = {}, key = tenant.apiKey) => stack.call('POST', '/v1/console/sessions', { key, body });

/** Opens a link as a browser would: the redirect it answers and the cookie it sets. */
async function open(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { redirect: 'manual', headers });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return { response, setCookie, cookie, location: response.headers.get('location') };
}

async function session(body: object = {}, key = tenant.apiKey) {
  const created = await link(body, key);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return open(created.body.url);
}

const page = (path: string, cookie: string, init: RequestInit = {}) =>
  fetch(`${stack.apiUrl}${path}`, { redirect: 'manual', ...init, headers: { cookie, ...(init.headers as Record<string, string> ?? {}) } });

const csrfOf = (text: string) => /name="_csrf" value="([^"]+)"/.exec(text)?.[1];

describe('console links', () => {
  it('need an API key, are single use and short-lived, and open a session cookie', async () => {
    expect((await stack.call('POST', '/v1/console/sessions', { body: {} })).status).toBe(401);
    const created = await link();
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(new RegExp(`^${stack.apiUrl}/console/open/[A-Za-z0-9_-]{40,}$`));
    const ttl = Date.parse(created.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);

    const first = await open(created.body.url);
    expect(first.response.status).toBe(303);
    expect(first.location).toBe(`/console/t/${tenant.id}/connections`);
    expect(first.setCookie).toMatch(/^qbflow_console=[A-Za-z0-9_-]{40,};/);
    expect(first.setCookie).toMatch(/HttpOnly/i);
    expect(first.setCookie).toMatch(/SameSite=Lax/i);
    expect(first.setCookie).toMatch(/Path=\/console/);
    expect(first.setCookie).not.toMatch(/Secure/i); // http://localhost

    const landing = await page(first.location!, first.cookie);
    expect(landing.status).toBe(200);
    const text = await landing.text();
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('Test company');

    const second = await open(created.body.url);
    expect(second.response.status).toBe(410);
    expect(second.setCookie).toBe('');
    expect(await second.response.text()).toMatch(/already used or has expired/);
  });

  it('keep only hashes in the database: the link token and the cookie value are nowhere in it', async () => {
    const created = await link();
    const token = created.body.url.split('/').pop();
    const opened = await open(created.body.url);
    const secret = opened.cookie.split('=')[1]!;
    const [row] = await sql`select count(*)::int as n from console_links where token_hash = ${token} or token_hash = ${createHash('sha256').update(token).digest('hex')}`;
    expect(row!.n).toBe(1); // found by its hash only
    const sessions = await sql`select secret_hash from console_sessions where secret_hash = ${secret}`;
    expect(sessions).toHaveLength(0);
    const hashed = await sql`select id from console_sessions where secret_hash = ${createHash('sha256').update(secret).digest('hex')}`;
    expect(hashed).toHaveLength(1);
  });

  it('refuse an expired link', async () => {
    const created = await link();
    const token = created.body.url.split('/').pop();
    await sql`update console_links set expires_at = now() - interval '1 second' where token_hash = ${createHash('sha256').update(token).digest('hex')}`;
    expect((await open(created.body.url)).response.status).toBe(410);
  });

  it('end a session left idle past its limit', async () => {
    const opened = await session();
    await sql`update console_sessions set last_seen_at = now() - interval '31 minutes' where secret_hash = ${createHash('sha256').update(opened.cookie.split('=')[1]!).digest('hex')}`;
    const response = await page(`/console/t/${tenant.id}/connections`, opened.cookie);
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/session has ended/);
  });

  it('check what they are scoped to: the tenant\'s own connection, a page that needs one, a return URL on an allowed origin', async () => {
    expect((await link({ connectionId: otherConnectionId })).status).toBe(404);
    const noConnection = await link({ page: 'settings' });
    expect(noConnection.status).toBe(400);
    expect(noConnection.body.errors).toEqual([expect.objectContaining({ field: 'body/connectionId' })]);
    const foreign = await link({ returnUrl: 'https://evil.example.com/back' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'body/returnUrl' })]);
    expect((await link({ returnUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await link({ page: 'nowhere' })).status).toBe(400);
    expect((await link({ locale: 'de' })).status).toBe(400);
  });

  it('open only the page and connection they are scoped to', async () => {
    const opened = await session({ connectionId, page: 'settings' });
    expect(opened.location).toBe(`/console/t/${tenant.id}/c/${connectionId}/settings`);
    expect((await page(opened.location!, opened.cookie)).status).toBe(200);
    expect((await page(`/console/t/${tenant.id}/c/${connectionId}/mappings`, opened.cookie)).status).toBe(403);
    expect((await page(`/console/t/${tenant.id}/connections`, opened.cookie)).status).toBe(403);
    expect((await page(`/console/t/${other.id}/connections`, opened.cookie)).status).toBe(404);
    expect((await page(`/console/t/${tenant.id}/c/${otherConnectionId}/settings`, opened.cookie)).status).toBe(404);
  });
});

describe('tenant console settings', () => {
  it('are set through the API, validated, and decide framing and return URLs', async () => {
    const bad = await stack.call('PATCH', '/v1/tenant', { key: tenant.apiKey, body: { consoleFrameOrigins: ['https://app.example.com/path', 'http://example.com', 'nope'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body/consoleFrameOrigins/0', 'body/consoleFrameOrigins/1', 'body/consoleFrameOrigins/2']);
    expect((await stack.call('GET', '/v1/tenant', { key: tenant.apiKey })).body.consoleFrameOrigins).toEqual([]);

    const before = await session();
    const unframed = await page(before.location!, before.cookie);
    expect(unframed.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(unframed.headers.get('x-frame-options')).toBe('DENY');

    const set = await stack.call('PATCH', '/v1/tenant', { key: tenant.apiKey, body: { consoleFrameOrigins: ['https://app.example.com', 'http://localhost:5173'] } });
    expect(set.status).toBe(200);
    expect(set.body.consoleFrameOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);

    const framed = await page(before.location!, before.cookie);
    const csp = framed.headers.get('content-security-policy')!;
    expect(csp).toContain('frame-ancestors https://app.example.com http://localhost:5173');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(framed.headers.get('x-frame-options')).toBeNull();

    const withReturn = await session({ returnUrl: 'https://app.example.com/settings?tab=qb' });
    const text = await (await page(withReturn.location!, withReturn.cookie)).text();
    expect(text).toContain('href="https://app.example.com/settings?tab=qb"');

    const embedded = await session({ embedded: true });
    expect(embedded.setCookie).toMatch(/SameSite=None/i);
    expect(embedded.setCookie).toMatch(/Secure/i);
    expect(embedded.setCookie).toMatch(/Partitioned/i);
    await stack.call('PATCH', '/v1/tenant', { key: tenant.apiKey, body: { consoleFrameOrigins: [] } });
  });
});

describe('changes through the console', () => {
  it('need the session\'s CSRF token; without it nothing changes', async () => {
    const opened = await session();
    const html = await (await page(opened.location!, opened.cookie)).text();
    const token = csrfOf(html)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const rename = (body: string, headers: Record<string, string> = {}) => page(`/console/t/${tenant.id}/c/${connectionId}/rename`, opened.cookie, {
      method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    expect((await rename('name=Hacked')).status).toBe(403);
    expect((await rename(`name=Hacked&_csrf=${'x'.repeat(token.length)}`)).status).toBe(403);
    expect((await stack.call('GET', `/v1/connections/${connectionId}`, { key: tenant.apiKey })).body.name).toBe('Test company');

    const empty = await rename(`name=%20&_csrf=${token}`);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toMatch(/aria-invalid="true"/);

    const ok = await rename('name=Main%20company', { 'x-csrf-token': token });
    expect(ok.status).toBe(303);
    expect((await stack.call('GET', `/v1/connections/${connectionId}`, { key: tenant.apiKey })).body.name).toBe('Main company');
    expect((await stack.call('PATCH', `/v1/connections/${connectionId}`, { key: tenant.apiKey, body: { name: 'Test company' } })).body.name).toBe('Test company');
    expect((await stack.call('GET', '/v1/connections', { key: tenant.apiKey })).body.connections.map((c: { id: string }) => c.id)).toEqual([connectionId]);
  });

  it('are refused in an operator\'s read-only console, allowed when the operator asked for write', async () => {
    expect((await stack.call('POST', '/v1/operator/console/sessions', { body: {} })).status).toBe(401);
    expect((await stack.call('POST', '/v1/operator/console/sessions', { key: tenant.apiKey, body: {} })).status).toBe(403);
    const created = await stack.call('POST', '/v1/operator/console/sessions', { key: stack.operatorToken, body: {} });
    expect(created.status).toBe(201);
    const opened = await open(created.body.url);
    expect(opened.location).toBe('/console/operator');
    const list = await (await page('/console/operator', opened.cookie)).text();
    expect(list).toContain(`/console/t/${tenant.id}/connections`);
    expect(list).toContain(`/console/t/${other.id}/connections`);
    const tenantPage = await (await page(`/console/t/${other.id}/connections`, opened.cookie)).text();
    expect(tenantPage).toMatch(/Read-only/);
    const token = csrfOf(tenantPage)!;
    const refused = await page(`/console/t/${other.id}/c/${otherConnectionId}/rename`, opened.cookie, {
      method: 'POST', body: `name=Changed&_csrf=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/read-only/);

    const writer = await open((await stack.call('POST', '/v1/operator/console/sessions', { key: stack.operatorToken, body: { write: true } })).body.url);
    const writerToken = csrfOf(await (await page(`/console/t/${other.id}/connections`, writer.cookie)).text())!;
    const allowed = await page(`/console/t/${other.id}/c/${otherConnectionId}/rename`, writer.cookie, {
      method: 'POST', body: `name=Renamed%20by%20support&_csrf=${writerToken}`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(allowed.status).toBe(303);
    expect((await stack.call('GET', `/v1/connections/${otherConnectionId}`, { key: other.apiKey })).body.name).toBe('Renamed by support');
    // a tenant's session never reaches the operator's list
    const tenantSession = await session();
    expect((await page('/console/operator', tenantSession.cookie)).status).toBe(403);
  });
});

describe('language and assets', () => {
  it('speak the link\'s language, else the browser\'s', async () => {
    const fr = await session({ locale: 'fr' });
    const text = await (await page(fr.location!, fr.cookie)).text();
    expect(text).toContain('<html lang="fr">');
    expect(text).toContain('Connexions QuickBooks');
    const negotiated = await session();
    const byHeader = await (await page(negotiated.location!, negotiated.cookie, { headers: { 'accept-language': 'de-CH, fr;q=0.8, en;q=0.5' } })).text();
    expect(byHeader).toContain('<html lang="fr">');
  });

  it('serve htmx and the console\'s own files under hashed URLs, cached for a year, matching their integrity', async () => {
    const opened = await session();
    const text = await (await page(opened.location!, opened.cookie)).text();
    const scripts = [...text.matchAll(/<(?:script src|link rel="stylesheet" href)="(\/console\/assets\/[^"]+)" integrity="(sha384-[^"]+)"/g)];
    expect(scripts.map((m) => m[1]!.split('/').pop())).toEqual(['console.css', 'htmx.min.js', 'console.js']);
    for (const [, url, integrity] of scripts) {
      const response = await fetch(`${stack.apiUrl}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = Buffer.from(await response.arrayBuffer());
      expect(`sha384-${createHash('sha384').update(body).digest('base64')}`).toBe(integrity);
    }
    expect((await fetch(`${stack.apiUrl}/console/assets/0000000000000000/htmx.min.js`)).status).toBe(404);
    expect(text).not.toMatch(/<script>(?!<)/); // no inline script
    expect(text).not.toMatch(/ style="/);
  });
});

// Answers that carry a secret are never kept by a cache: `Cache-Control: no-store` on tenant creation (the API key),
// connection creation (the Web Connector password, or the single-use authorisation link) and re-authorisation, a new
// Web Connector password, webhook registration (the signing secret) and its rotation, and the Web Connector's
// authenticate (a session ticket).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let key: string;

async function send(method: 'POST' | 'GET', path: string, options: { key?: string; body?: unknown } = {}) {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: {
      ...(options.key ? { Authorization: `Bearer ${options.key}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, cacheControl: response.headers.get('cache-control'), body: text ? JSON.parse(text) as Record<string, any> : {} }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  key = (await createTenant(stack)).apiKey;
});

afterAll(async () => {
  await stack?.stop();
});

describe('answers that carry a secret send Cache-Control: no-store', () => {
  it('tenant creation (the API key)', async () => {
    const created = await send('POST', '/v1/tenants', { key: stack.operatorToken, body: { name: 'Cache test' } });
    expect(created.status).toBe(201);
    expect(created.body.apiKey).toEqual(expect.any(String));
    expect(created.cacheControl).toBe('no-store');
  });

  it('Desktop connection creation (the Web Connector password) and a new password', async () => {
    const created = await send('POST', '/v1/connections', { key, body: { type: 'qbd', name: 'Cache books' } });
    expect(created.status).toBe(201);
    expect(created.body.webConnector.password).toEqual(expect.any(String));
    expect(created.cacheControl).toBe('no-store');
    const renewed = await send('POST', `/v1/connections/${created.body.connection.id}/password`, { key });
    expect(renewed.status).toBe(200);
    expect(renewed.cacheControl).toBe('no-store');
  });

  it('Online connection creation and re-authorisation (single-use authorisation links)', async () => {
    const created = await send('POST', '/v1/connections', { key, body: { type: 'qbo' } });
    expect(created.status).toBe(201);
    expect(created.body.authorizeUrl).toContain('state=');
    expect(created.cacheControl).toBe('no-store');
    const again = await send('POST', `/v1/connections/${created.body.connection.id}/authorize`, { key });
    expect(again.status).toBe(200);
    expect(again.cacheControl).toBe('no-store');
  });

  it('webhook registration (the signing secret) and secret rotation', async () => {
    const tenant = await createTenant(stack);
    const registered = await send('POST', '/v1/webhooks', { key: tenant.apiKey, body: { url: 'https://93.184.215.14/hooks', events: ['document.posted'] } });
    expect(registered.status).toBe(201);
    expect(registered.body.secret).toEqual(expect.any(String));
    expect(registered.cacheControl).toBe('no-store');
    const rotated = await send('POST', '/v1/webhooks/secret', { key: tenant.apiKey });
    expect(rotated.status).toBe(200);
    expect(rotated.cacheControl).toBe('no-store');
  });

  it('the Web Connector\'s authenticate (a session ticket)', async () => {
    const created = await send('POST', '/v1/connections', { key, body: { type: 'qbd' } });
    const { userName, password } = created.body.webConnector;
    const response = await fetch(`${stack.apiUrl}/qbwc`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://developer.intuit.com/authenticate"' },
      body: `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><authenticate xmlns="http://developer.intuit.com/"><strUserName>${userName}</strUserName><strPassword>${password}</strPassword></authenticate></soap:Body></soap:Envelope>`,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<authenticateResult><string>[^<]{20,}<\/string>/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

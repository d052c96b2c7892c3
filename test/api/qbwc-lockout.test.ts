// Web Connector brute-force protection that a stranger cannot turn against the owner: the user name is in the .QWC
// file, so failures are counted per source (throttled with a growing wait) and per user name (the sources that failed
// are locked out of it), and the right password from a source that never failed always signs in.
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { parseXmlTree } from '../../quickbooks/desktop/qbxml/tree.js';
import { QUICK_QBD_ENV } from '../../sandbox/qbd/index.js';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';

const NS = 'http://developer.intuit.com/';

let stack: TestStack;
let key: string;
let sql: postgres.Sql;

/** authenticate as the Web Connector sends it, from a given client address (through a proxy when `forwardedFor`). */
async function authenticate(from: string, userName: string, password: string, via: { app?: FastifyInstance; forwardedFor?: string } = {}): Promise<string[]> {
  const response = await (via.app ?? stack.api.app).inject({
    method: 'POST',
    url: '/qbwc',
    remoteAddress: from,
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${NS}authenticate"`, ...(via.forwardedFor ? { 'x-forwarded-for': via.forwardedFor } : {}) },
    payload: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><authenticate xmlns="${NS}"><strUserName>${userName}</strUserName><strPassword>${password}</strPassword></authenticate></soap:Body></soap:Envelope>`,
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = parseXmlTree(response.body).root.children.find((c) => c.name.endsWith(':Body'))!;
  return body.children[0]!.children[0]!.children.map((c) => c.text);
}

const signedIn = (answer: string[]) => answer[0] !== '' && answer[1] !== 'nvu';

async function newConnection(): Promise<{ id: string; userName: string; password: string }> {
  const created = await stack.call('POST', '/v1/connections', { key, body: { type: 'qbd', name: 'Owner books' } });
  expect(created.status).toBe(201);
  return { id: created.body.connection.id, ...created.body.webConnector };
}

const failuresFrom = async (source: string) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from qbd_auth_failures where source = ${source}`)[0]!.n;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  stack = await startTestStack({ env: { ...QUICK_QBD_ENV, QBD_LOCKOUT_FAILURES: '5', QBD_LOCKOUT_MINUTES: '15', QBD_THROTTLE_FREE_FAILURES: '5' } });
  key = (await createTenant(stack)).apiKey;
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

describe('Web Connector log-ins under attack', () => {
  it('a stranger hammering wrong passwords from one address does not stop the owner from another', async () => {
    const owner = await newConnection();
    const stranger = '203.0.113.7';
    for (let i = 0; i < 20; i++) expect(await authenticate(stranger, owner.userName, `guess-${i}`)).toEqual(['', 'nvu']);
    // the user name is under attack, yet the owner's own Web Connector signs in, again and again
    expect(signedIn(await authenticate('198.51.100.20', owner.userName, owner.password))).toBe(true);
    expect(signedIn(await authenticate('198.51.100.20', owner.userName, owner.password))).toBe(true);
    // and so does a fresh address (the office's new line)
    expect(signedIn(await authenticate('198.51.100.21', owner.userName, owner.password))).toBe(true);
    // the stranger is locked out of that user even if it finds the password (past its throttling wait too)
    await sleep(1100);
    expect(await authenticate(stranger, owner.userName, owner.password)).toEqual(['', 'nvu']);
  });

  it('slows a source that keeps failing: each try past the free ones waits 1 s, then 2 s, … and early tries are not even checked', async () => {
    const source = '203.0.113.8';
    for (let i = 0; i < 5; i++) expect(await authenticate(source, 'qbflow-nobody', `guess-${i}`)).toEqual(['', 'nvu']);
    expect(await failuresFrom(source)).toBe(5);
    // too early: refused unchecked (no new failure is recorded, no password hashing is spent on it)
    expect(await authenticate(source, 'qbflow-nobody', 'guess-5')).toEqual(['', 'nvu']);
    expect(await failuresFrom(source)).toBe(5);
    await sleep(1100);
    expect(await authenticate(source, 'qbflow-nobody', 'guess-6')).toEqual(['', 'nvu']);
    expect(await failuresFrom(source)).toBe(6); // checked (and failed) after 1 s
    await sleep(1100);
    expect(await authenticate(source, 'qbflow-nobody', 'guess-7')).toEqual(['', 'nvu']);
    expect(await failuresFrom(source)).toBe(6); // now it must wait 2 s
    await sleep(1000);
    expect(await authenticate(source, 'qbflow-nobody', 'guess-8')).toEqual(['', 'nvu']);
    expect(await failuresFrom(source)).toBe(7);
  });

  it('a throttled source is refused even with the right password, while other sources are not', async () => {
    const owner = await newConnection();
    const noisy = '203.0.113.9';
    for (let i = 0; i < 5; i++) await authenticate(noisy, 'qbflow-somebody-else', `guess-${i}`);
    expect(await authenticate(noisy, owner.userName, owner.password)).toEqual(['', 'nvu']);
    expect(signedIn(await authenticate('198.51.100.30', owner.userName, owner.password))).toBe(true);
  });

  it('the owner who mistyped a few times is not remembered once the right password works, and a new password clears everything', async () => {
    const owner = await newConnection();
    const office = '198.51.100.40';
    for (let i = 0; i < 3; i++) expect(await authenticate(office, owner.userName, `typo-${i}`)).toEqual(['', 'nvu']);
    expect(signedIn(await authenticate(office, owner.userName, owner.password))).toBe(true);
    expect(await failuresFrom(office)).toBe(0);

    // after a stranger's attack, its address is locked out of the user until a new password is issued
    const stranger = '203.0.113.10';
    for (let i = 0; i < 5; i++) await authenticate(stranger, owner.userName, `guess-${i}`);
    await sleep(1100);
    expect(await authenticate(stranger, owner.userName, owner.password)).toEqual(['', 'nvu']);
    const renewed = await stack.call('POST', `/v1/connections/${owner.id}/password`, { key });
    expect(renewed.status).toBe(200);
    expect(await failuresFrom(stranger)).toBe(0);
    expect(signedIn(await authenticate(stranger, owner.userName, renewed.body.password))).toBe(true);
  });

  it('counts an IPv6 client by its /64, so rotating addresses inside it does not reset the count', async () => {
    for (let i = 1; i <= 5; i++) expect(await authenticate(`2001:db8:1:2::${i.toString(16)}`, 'qbflow-nobody', 'guess')).toEqual(['', 'nvu']);
    expect(await failuresFrom('2001:db8:1:2::/64')).toBe(5);
    const owner = await newConnection();
    expect(await authenticate('2001:db8:1:2::ff', owner.userName, owner.password)).toEqual(['', 'nvu']); // throttled
    expect(signedIn(await authenticate('2001:db8:1:3::1', owner.userName, owner.password))).toBe(true);
  });

  it('believes X-Forwarded-For only from a proxy named in TRUST_PROXY', async () => {
    const owner = await newConnection();
    // no trusted proxy: a stranger inventing a new X-Forwarded-For each time is still one source
    const stranger = '203.0.113.11';
    for (let i = 0; i < 6; i++) await authenticate(stranger, 'qbflow-nobody', 'guess', { forwardedFor: `192.0.2.${i + 1}` });
    expect(await failuresFrom(stranger)).toBe(5);
    expect(await authenticate(stranger, owner.userName, owner.password, { forwardedFor: '192.0.2.99' })).toEqual(['', 'nvu']);

    // behind a trusted proxy every client is told apart by the address the proxy saw
    const deps = stack.api.app.deps;
    const proxied = await buildApp({ ...deps, config: { ...deps.config, trustProxy: ['10.0.0.5'] } });
    try {
      for (let i = 0; i < 6; i++) await authenticate('10.0.0.5', owner.userName, `guess-${i}`, { app: proxied, forwardedFor: '203.0.113.12' });
      expect(await failuresFrom('203.0.113.12')).toBe(5);
      expect(await failuresFrom('10.0.0.5')).toBe(0);
      expect(signedIn(await authenticate('10.0.0.5', owner.userName, owner.password, { app: proxied, forwardedFor: '198.51.100.50' }))).toBe(true);
    } finally {
      await proxied.close();
    }
  });
});

// The Web Connector's side of the API over real sockets: connecting a company file (credentials, QWC, password),
// the SOAP endpoint's conventions (nvu, none, busy, percent done, client versions, company file
// binding, old QuickBooks), the WSDL, and SOAP Faults for malformed calls that leave the queue untouched.
import { randomUUID } from 'node:crypto';
import { XMLValidator } from 'fast-xml-parser';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { buildRequest, QBFLOW_OWNER_ID, type QbxmlRequestSpec } from '../../quickbooks/desktop/qbxml/index.js';
import { withRequestId } from '../../quickbooks/desktop/qbxml/message.js';
import { parseXmlTree, type XNode } from '../../quickbooks/desktop/qbxml/tree.js';
import { connectDesktop, createCompanyFile, createWebConnector, QUICK_QBD_ENV } from '../../sandbox/qbd/index.js';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let sql: postgres.Sql;

const NS = 'http://developer.intuit.com/';

/** A raw SOAP 1.1 call, as the Web Connector makes it. */
async function soap(method: string, params: Record<string, string | number>, options: { body?: string; contentType?: string } = {}) {
  const inner = Object.entries(params).map(([name, value]) => `<${name}>${String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${name}>`).join('');
  const body = options.body ?? `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${method} xmlns="${NS}">${inner}</${method}></soap:Body></soap:Envelope>`;
  const response = await fetch(`${stack.apiUrl}/qbwc`, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'text/xml; charset=utf-8', soapaction: `"${NS}${method}"` },
    body,
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** The strings (or the single string) inside {method}Result. */
function resultOf(text: string): string[] {
  const body = parseXmlTree(text).root.children.find((c) => c.name.endsWith(':Body'))!;
  const result = body.children[0]!.children[0];
  if (!result) return [];
  return result.children.length ? result.children.map((c) => c.text) : [result.text];
}

function expectFault(response: { status: number; contentType: string; text: string }, pattern?: RegExp) {
  expect(response.status).toBe(500);
  expect(response.contentType).toMatch(/text\/xml/);
  expect(response.text).toContain('<soap:Fault>');
  if (pattern) expect(response.text).toMatch(pattern);
}

async function newConnection(body: Json = {}): Promise<Json> {
  const created = await stack.call('POST', '/v1/connections', { key, body: { type: 'qbd', name: 'Acme books', ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function enqueue(connectionId: string, specs: QbxmlRequestSpec[]) {
  await stack.api.app.deps.repos.qbdQueue.enqueue(specs.map((spec) => {
    const requestId = randomUUID();
    return { connectionId, requestId, kind: spec.kind, requestXml: buildRequest(withRequestId(spec, requestId)) };
  }));
}

const customerAdds = (prefix: string, count: number): QbxmlRequestSpec[] =>
  Array.from({ length: count }, (_, i) => ({ kind: 'CustomerAdd', input: { name: `${prefix} ${String(i).padStart(3, '0')}` } }));

const queueSnapshot = (connectionId: string) =>
  sql`select id, state, session_id, attempts from qbd_requests where connection_id = ${connectionId} order by id`;

beforeAll(async () => {
  stack = await startTestStack({ env: { ...QUICK_QBD_ENV, QBD_MAX_SOAP_BYTES: '262144' } });
  key = (await createTenant(stack)).apiKey;
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

describe('connecting a company file', () => {
  it('creates the connection with a Web Connector user and a strong password that is stored only as a hash', async () => {
    const created = await newConnection({ runEveryMinutes: 15 });
    expect(created.connection).toMatchObject({ type: 'qbd', name: 'Acme books', status: 'pending' });
    const { userName, password, qwcUrl, runEveryMinutes } = created.webConnector;
    expect(userName).toMatch(/^qbflow-[0-9a-f]{10}$/);
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(qwcUrl).toBe(`/v1/connections/${created.connection.id}/qwc`);
    expect(runEveryMinutes).toBe(15);
    const [row] = await sql<{ password_hash: string }[]>`select password_hash from qbd_connections where connection_id = ${created.connection.id}`;
    expect(row!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row!.password_hash).not.toContain(password);
  });

  it('serves a valid .QWC file: required elements in order, one OwnerID for the product, a FileID per connection, no password', async () => {
    const first = await newConnection({ runEveryMinutes: 15 });
    const second = await newConnection();
    const download = async (id: string) => {
      const response = await fetch(`${stack.apiUrl}/v1/connections/${id}/qwc`, { headers: { Authorization: `Bearer ${key}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/xml/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="qbflow-.*\.qwc"$/);
      return response.text();
    };
    const qwc = await download(first.connection.id);
    expect(XMLValidator.validate(qwc)).toBe(true);
    const root = parseXmlTree(qwc).root;
    expect(root.name).toBe('QBWCXML');
    expect(root.children.map((c: XNode) => c.name)).toEqual(['AppName', 'AppID', 'AppURL', 'AppDescription', 'AppSupport', 'UserName', 'OwnerID', 'FileID', 'QBType', 'Scheduler', 'IsReadOnly']);
    const text = (name: string) => root.children.find((c: XNode) => c.name === name)!.text;
    expect(text('AppURL')).toBe(`${stack.apiUrl}/qbwc`);
    expect(new URL(text('AppSupport')).host).toBe(new URL(text('AppURL')).host);
    expect(text('UserName')).toBe(first.webConnector.userName);
    expect(text('OwnerID')).toBe(QBFLOW_OWNER_ID);
    expect(text('FileID')).toMatch(/^\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$/);
    expect(text('QBType')).toBe('QBFS');
    expect(text('IsReadOnly')).toBe('false');
    expect(root.children.find((c: XNode) => c.name === 'Scheduler')!.children.map((c: XNode) => [c.name, c.text])).toEqual([['RunEveryNMinutes', '15']]);
    expect(qwc).not.toContain(first.webConnector.password);

    const other = parseXmlTree(await download(second.connection.id)).root;
    expect(other.children.find((c: XNode) => c.name === 'OwnerID')!.text).toBe(QBFLOW_OWNER_ID);
    expect(other.children.find((c: XNode) => c.name === 'FileID')!.text).not.toBe(text('FileID'));

    const support = await fetch(text('AppSupport'));
    expect(support.status).toBe(200);
  });

  it('refuses a .QWC with a plain http address other than localhost, and uses https when qbflow is public', async () => {
    const created = await newConnection();
    const deps = stack.api.app.deps;
    const url = `/v1/connections/${created.connection.id}/qwc`;
    const plain = await buildApp({ ...deps, config: { ...deps.config, publicUrl: 'http://qbflow.example.com' } });
    const secure = await buildApp({ ...deps, config: { ...deps.config, publicUrl: 'https://qbflow.example.com' } });
    try {
      const refused = await plain.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().detail).toMatch(/only accepts https/);
      const served = await secure.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      expect(served.statusCode).toBe(200);
      expect(served.body).toContain('<AppURL>https://qbflow.example.com/qbwc</AppURL>');
      expect(served.body).toContain('<AppSupport>https://qbflow.example.com/qbwc/support</AppSupport>');
    } finally {
      await plain.close();
      await secure.close();
    }
  });

  it('issues a new password that replaces the old one at once', async () => {
    const created = await newConnection();
    const { userName, password: old } = created.webConnector;
    const renewed = await stack.call('POST', `/v1/connections/${created.connection.id}/password`, { key });
    expect(renewed.status).toBe(200);
    expect(renewed.body.userName).toBe(userName);
    expect(renewed.body.password).not.toBe(old);
    expect(resultOf((await soap('authenticate', { strUserName: userName, strPassword: old })).text)).toEqual(['', 'nvu']);
    const ok = resultOf((await soap('authenticate', { strUserName: userName, strPassword: renewed.body.password })).text);
    expect(ok[0]).not.toBe('');
    expect(ok[1]).toBe(''); // first run: use the company file QuickBooks has open
  });

  it('keeps Desktop routes to Desktop connections and to their tenant', async () => {
    const created = await newConnection();
    const stranger = await createTenant(stack);
    expect((await stack.call('GET', `/v1/connections/${created.connection.id}/qwc`, { key: stranger.apiKey })).status).toBe(404);
    expect((await stack.call('POST', `/v1/connections/${created.connection.id}/password`, { key: stranger.apiKey })).status).toBe(404);
    const invalid = await stack.call('POST', '/v1/connections', { key, body: { type: 'qbd', runEveryMinutes: 0 } });
    expect(invalid.status).toBe(400);
  });
});

describe('the Web Connector endpoint', () => {
  it('answers nvu to an unknown user and to a wrong password (throttling and lockout: qbwc-lockout.test.ts)', async () => {
    const created = await newConnection();
    const { userName, password } = created.webConnector;
    expect(resultOf((await soap('authenticate', { strUserName: 'nobody', strPassword: password })).text)).toEqual(['', 'nvu']);
    expect(resultOf((await soap('authenticate', { strUserName: userName, strPassword: 'wrong' })).text)).toEqual(['', 'nvu']);
    const wc = createWebConnector({ url: `${stack.apiUrl}/qbwc`, userName, password: 'wrong again', company: createCompanyFile() });
    expect((await wc.runOnce()).outcome).toBe('nvu');
    expect(resultOf((await soap('authenticate', { strUserName: userName, strPassword: password })).text)[1]).toBe('');
  });

  it('warns Web Connectors older than 2.1 and refuses those older than 2.0', async () => {
    expect(resultOf((await soap('clientVersion', { strVersion: '2.3.0.36' })).text)).toEqual(['']);
    expect(resultOf((await soap('clientVersion', { strVersion: '2.0.1.6' })).text)[0]).toMatch(/^W:.*older than 2\.1/);
    expect(resultOf((await soap('clientVersion', { strVersion: '1.9.0.0' })).text)[0]).toMatch(/^E:.*too old/);
    expect(resultOf((await soap('serverVersion', {})).text)[0]).toMatch(/^qbflow /);

    const created = await newConnection();
    const wc = createWebConnector({ url: `${stack.apiUrl}/qbwc`, userName: created.webConnector.userName, password: created.webConnector.password, company: createCompanyFile(), clientVersion: '1.5.0.0' });
    const run = await wc.runOnce();
    expect(run.outcome).toBe('clientVersionRefused');
    expect(run.calls.map((c) => c.method)).not.toContain('authenticate');
  });

  it('answers none when there is nothing to do, and a true percent done while draining', async () => {
    const desktop = await connectDesktop(stack.apiUrl, key);
    expect((await desktop.wc.runOnce()).outcome).toBe('none');
    await enqueue(desktop.connectionId, customerAdds('Percent', 120));
    const run = await desktop.wc.runOnce();
    expect(run.outcome).toBe('completed');
    expect(run.messages).toBe(3); // 50 + 50 + 20
    expect(run.percentDone).toEqual([41, 83, 100]);
    expect(run.closeMessage).toBe('OK: qbflow exchanged 120 request(s) with QuickBooks in 3 message(s).');
    expect(desktop.company.list('Customer').filter((c) => c.name.startsWith('Percent '))).toHaveLength(120);
  });

  it('answers busy (with a postpone) while another session of the connection is being answered', async () => {
    const desktop = await connectDesktop(stack.apiUrl, key);
    await enqueue(desktop.connectionId, customerAdds('Busy', 3));
    const [ticket] = resultOf((await soap('authenticate', { strUserName: desktop.userName, strPassword: desktop.password })).text);
    const message = resultOf((await soap('sendRequestXML', { ticket: ticket!, strHCPResponse: desktop.company.hcpResponse(), strCompanyFileName: desktop.company.filePath, qbXMLCountry: 'US', qbXMLMajorVers: 16, qbXMLMinorVers: 0 })).text)[0]!;
    expect(message).toContain('<CustomerAddRq');
    const busy = await desktop.wc.runOnce();
    expect(busy.outcome).toBe('busy');
    expect(busy.postponeSeconds).toBeGreaterThanOrEqual(1);

    // that session never answers: once it has been quiet long enough it is over, and its requests come back
    // (as lost: QuickBooks may have applied them, so the ledger looks before sending anything again)
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const next = await desktop.wc.runOnce();
    expect(next.outcome).toBe('none');
    const states = await sql<{ state: string; failure: string }[]>`select state, failure from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'CustomerAdd'`;
    expect(states.map((s) => `${s.state}/${s.failure}`)).toEqual(['failed/lost', 'failed/lost', 'failed/lost']);
    expect(resultOf((await soap('receiveResponseXML', { ticket: ticket!, response: '', hresult: '', message: '' })).text)).toEqual(['-1']);
  });

  it('binds the first company file it sees and refuses another one that presents the same credentials', async () => {
    const desktop = await connectDesktop(stack.apiUrl, key, { company: { companyName: 'Bound Company' } });
    await enqueue(desktop.connectionId, customerAdds('Bound', 1));

    // another file open in QuickBooks: the Web Connector is told to open the bound file, cannot, and gives up
    const stranger = createCompanyFile({ companyName: 'Other Company' });
    const strangerWc = createWebConnector({ url: `${stack.apiUrl}/qbwc`, userName: desktop.userName, password: desktop.password, company: stranger });
    const refused = await strangerWc.runOnce();
    expect(refused.outcome).toBe('connectionError');
    expect(refused.requestedCompanyFile).toBe(desktop.company.filePath);
    expect(refused.closeMessage).toMatch(/could not open the company file.*belongs to .*Bound Company/);
    expect(stranger.stats.requests).toBe(0);

    // a different company behind the same path: refused before anything is sent
    const impostor = createCompanyFile({ companyName: 'Impostor Company', filePath: desktop.company.filePath });
    const impostorWc = createWebConnector({ url: `${stack.apiUrl}/qbwc`, userName: desktop.userName, password: desktop.password, company: impostor });
    const run = await impostorWc.runOnce();
    expect(run.messages).toBe(0);
    expect(run.lastError).toMatch(/belongs to the company file .*Bound Company.*Impostor Company.*did not change anything/);
    expect(impostor.stats.requests).toBe(0);

    // the right file still gets its request
    expect((await desktop.wc.runOnce()).outcome).toBe('completed');
    expect(desktop.company.list('Customer').map((c) => c.name)).toContain('Bound 000');
    const state = await stack.call('GET', `/v1/connections/${desktop.connectionId}/web-connector`, { key });
    expect(state.body).toMatchObject({ companyFile: desktop.company.filePath, companyName: 'Bound Company' });
    const connection = await stack.call('GET', `/v1/connections/${desktop.connectionId}`, { key });
    expect(connection.body.status).toBe('connected');
  });

  it('tells the person at QuickBooks what to do when the company file is locked in another mode', async () => {
    const desktop = await connectDesktop(stack.apiUrl, key);
    await enqueue(desktop.connectionId, customerAdds('Locked', 1));
    desktop.wc.faults.fileLocked(true);
    const run = await desktop.wc.runOnce();
    desktop.wc.faults.fileLocked(false);
    expect(run.outcome).toBe('connectionError');
    expect(run.connectionErrors.map((e) => e.hresult)).toEqual(['0x80040410', '0x80040410']);
    expect(run.closeMessage).toMatch(/single-user mode/);
    const [row] = await sql<{ state: string }[]>`select state from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'CustomerAdd'`;
    expect(row!.state).toBe('queued');
    expect((await desktop.wc.runOnce()).outcome).toBe('completed');
    expect(desktop.company.list('Customer').filter((c) => c.name === 'Locked 000')).toHaveLength(1);
  });

  it('refuses QuickBooks older than 2015 (qbXML 13.0) with a clear message', async () => {
    const old = createCompanyFile({ productName: 'QuickBooks Pro 2013', supportedVersions: ['1.0', '2.0', '7.0', '12.0'] });
    const created = await newConnection();
    const wc = createWebConnector({ url: `${stack.apiUrl}/qbwc`, userName: created.webConnector.userName, password: created.webConnector.password, company: old });
    const run = await wc.runOnce();
    expect(run.messages).toBe(0);
    expect(run.lastError).toMatch(/QuickBooks Pro 2013 supports qbXML up to 12\.0; qbflow needs QuickBooks Desktop 2015 or later/);
    const connection = await stack.call('GET', `/v1/connections/${created.connection.id}`, { key });
    expect(connection.body.status).toBe('pending'); // not bound
  });

  it('documents the Web Connector and Desktop routes in the OpenAPI document', async () => {
    const doc = await stack.call('GET', '/docs/json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/qbwc', '/v1/connections/{id}/qwc', '/v1/connections/{id}/password', '/v1/connections/{id}/web-connector', '/v1/connections/{id}/quickbooks/import',
    ]));
  });

  it('serves the WSDL with our address', async () => {
    const response = await fetch(`${stack.apiUrl}/qbwc?wsdl`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/xml/);
    const wsdl = await response.text();
    expect(XMLValidator.validate(wsdl)).toBe(true);
    expect(wsdl).toContain(`<soap:address location="${stack.apiUrl}/qbwc" />`);
    for (const method of ['serverVersion', 'clientVersion', 'authenticate', 'sendRequestXML', 'receiveResponseXML', 'connectionError', 'getLastError', 'closeConnection']) {
      expect(wsdl).toContain(`soapAction="http://developer.intuit.com/${method}"`);
    }
  });

  it('answers malformed calls with a SOAP Fault and leaves the queue as it was', async () => {
    const desktop = await connectDesktop(stack.apiUrl, key);
    await enqueue(desktop.connectionId, customerAdds('Intact', 4));
    const before = await queueSnapshot(desktop.connectionId);
    const [ticket] = resultOf((await soap('authenticate', { strUserName: desktop.userName, strPassword: desktop.password })).text);

    expectFault(await soap('x', {}, { body: 'this is not XML' }), /malformed XML/);
    expectFault(await soap('x', {}, { body: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&lol;</soap:Body></soap:Envelope>' }), /DTD/);
    expectFault(await soap('x', {}, { body: '<Envelope xmlns="http://www.w3.org/2003/05/soap-envelope"><Body/></Envelope>' }), /VersionMismatch/);
    expectFault(await soap('deleteEverything', { ticket: ticket! }), /Unknown operation/);
    expectFault(await soap('sendRequestXML', { ticket: ticket!, bogus: 'x' }), /no parameter bogus/);
    expectFault(await soap('authenticate', {}, { body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><authenticate xmlns="urn:other"/></soap:Body></soap:Envelope>` }), /Unknown operation/);
    expectFault(await soap('authenticate', { strUserName: 'a' }, { contentType: 'application/json' }), /text\/xml/);
    expectFault(await soap('x', {}, { body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><getLastError xmlns="${NS}"><ticket>${'x'.repeat(300_000)}</ticket></getLastError></soap:Body></soap:Envelope>` }), /larger than/);
    expectFault(await soap('receiveResponseXML', { ticket: ticket!, response: '<QBXML' }, { body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><receiveResponseXML xmlns="${NS}"><ticket>${ticket}</ticket><response><QBXML/></response></receiveResponseXML></soap:Body></soap:Envelope>` }), /must be text/);

    expect(await queueSnapshot(desktop.connectionId)).toEqual(before);
    await soap('closeConnection', { ticket: ticket! });
    const run = await desktop.wc.runOnce();
    expect(run.outcome).toBe('completed');
    expect(desktop.company.list('Customer').filter((c) => c.name.startsWith('Intact '))).toHaveLength(4);
  });

  it('never hands one tenant\'s requests to another tenant\'s Web Connector, even when both poll at once', async () => {
    const other = await createTenant(stack);
    const [a, b] = await Promise.all([connectDesktop(stack.apiUrl, key), connectDesktop(stack.apiUrl, other.apiKey)]);
    await enqueue(a.connectionId, customerAdds('Tenant A', 130));
    await enqueue(b.connectionId, customerAdds('Tenant B', 130));
    const [runA, runB] = await Promise.all([a.wc.runOnce(), b.wc.runOnce()]);
    expect([runA.outcome, runB.outcome]).toEqual(['completed', 'completed']);
    expect(a.company.list('Customer').filter((c) => c.name.startsWith('Tenant ')).every((c) => c.name.startsWith('Tenant A'))).toBe(true);
    expect(b.company.list('Customer').filter((c) => c.name.startsWith('Tenant ')).every((c) => c.name.startsWith('Tenant B'))).toBe(true);
    expect(a.company.list('Customer').filter((c) => c.name.startsWith('Tenant A'))).toHaveLength(130);
    expect(b.company.list('Customer').filter((c) => c.name.startsWith('Tenant B'))).toHaveLength(130);
    const crossed = await sql`
      select r.id from qbd_requests r join qbd_sessions s on s.id = r.session_id
       where r.connection_id in (${a.connectionId}, ${b.connectionId}) and s.connection_id <> r.connection_id`;
    expect(crossed).toHaveLength(0);
  });

  it('sends the requests of a message QuickBooks could not parse again one at a time, in the same run', async () => {
    const desktop = await connectDesktop(stack.apiUrl, key);
    await enqueue(desktop.connectionId, customerAdds('Isolated', 3));
    desktop.wc.faults.returnHresult({ hresult: '0x80040400', message: 'QuickBooks found an error when parsing the provided XML text stream.' });
    const run = await desktop.wc.runOnce();
    expect(run.outcome).toBe('completed');
    expect(run.hresultsReported.map((h) => h.hresult)).toEqual(['0x80040400']);
    expect(run.messages).toBe(4); // the refused message, then each request alone
    expect(desktop.company.list('Customer').filter((c) => c.name.startsWith('Isolated '))).toHaveLength(3);
    const rows = await sql<{ solo: boolean; attempts: number; state: string }[]>`select solo, attempts, state from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'CustomerAdd'`;
    expect(rows.map((r) => [r.solo, r.attempts, r.state])).toEqual([[true, 2, 'answered'], [true, 2, 'answered'], [true, 2, 'answered']]);
  });
});

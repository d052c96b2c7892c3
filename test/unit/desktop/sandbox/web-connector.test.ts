import { afterEach, describe, expect, it } from 'vitest';
import { buildRequest, type QbxmlRequest } from '../../../../quickbooks/desktop/qbxml/index.js';
import { createCompanyFile, type CompanyFile } from '../../../../sandbox/qbd/company-file.js';
import { createWebConnector, type WebConnector, type WebConnectorOptions } from '../../../../sandbox/qbd/web-connector.js';
import { startFakeEndpoint, type FakeEndpoint, type FakeEndpointOptions } from './fake-endpoint.js';

const open: { endpoint?: FakeEndpoint; wc?: WebConnector }[] = [];
afterEach(async () => {
  for (const { endpoint, wc } of open.splice(0)) {
    await wc?.stop();
    await endpoint?.close();
  }
});

function customers(n: number, prefix = 'Customer'): QbxmlRequest[] {
  return Array.from({ length: n }, (_, i) => ({ kind: 'CustomerAdd', requestId: `add-${prefix}-${i}`, input: { name: `${prefix} ${i}` } }));
}

async function setup(queue: QbxmlRequest[], endpointOptions: FakeEndpointOptions = {}, wcOptions: Partial<WebConnectorOptions> = {}, company: CompanyFile = createCompanyFile()) {
  const endpoint = await startFakeEndpoint(queue, endpointOptions);
  const wc = createWebConnector({ url: endpoint.url, userName: 'qbwc-user', password: 'secret', company, noOpDelayMs: 5, ...wcOptions });
  open.push({ endpoint, wc });
  return { endpoint, wc, company };
}

describe('a Web Connector run', () => {
  it('calls the methods in the Web Connector order, with the right SOAP headers and parameters', async () => {
    const { endpoint, wc, company } = await setup(customers(5), { batchSize: 2 });
    const run = await wc.runOnce();
    expect(run.outcome).toBe('completed');
    expect(endpoint.calls.map((c) => c.method)).toEqual([
      'serverVersion',
      'clientVersion',
      'authenticate',
      'sendRequestXML',
      'receiveResponseXML',
      'sendRequestXML',
      'receiveResponseXML',
      'sendRequestXML',
      'receiveResponseXML',
      'closeConnection',
    ]);
    expect(run.percentDone).toEqual([40, 80, 100]);
    expect(run.messages).toBe(3);
    expect(run.requests).toBe(5);
    for (const call of endpoint.calls) {
      expect(call.soapAction).toBe(`"http://developer.intuit.com/${call.method}"`);
      expect(call.contentType).toBe('text/xml; charset=utf-8');
    }
    const [clientVersion, auth, firstSend, , secondSend] = endpoint.calls.slice(1);
    expect(clientVersion?.params).toEqual({ strVersion: '2.3.0.36' });
    expect(auth?.params).toEqual({ strUserName: 'qbwc-user', strPassword: 'secret' });
    expect(firstSend?.params.strHCPResponse).toContain('<HostQueryRs');
    expect(firstSend?.params).toMatchObject({ ticket: 'ticket-1', strCompanyFileName: company.filePath, qbXMLCountry: 'US', qbXMLMajorVers: '16', qbXMLMinorVers: '0' });
    expect(secondSend?.params.strHCPResponse).toBe('');
    expect(endpoint.version).toBe('16.0');
    expect(endpoint.results.map((r) => r.statusCode)).toEqual([0, 0, 0, 0, 0]);
    expect(company.list('Customer')).toHaveLength(5);
    expect(run.closeMessage).toBe('OK');
    expect(wc.calls).toHaveLength(10);
    expect(wc.calls.every((c) => c.ok && c.durationMs >= 0)).toBe(true);
  });

  it('stops at nvu without closeConnection', async () => {
    const { endpoint, wc } = await setup(customers(1), {}, { password: 'wrong' });
    const run = await wc.runOnce();
    expect(run.outcome).toBe('nvu');
    expect(endpoint.calls.map((c) => c.method)).toEqual(['serverVersion', 'clientVersion', 'authenticate']);
  });

  it('stops at none and keeps the postpone and minimum run-every seconds', async () => {
    const { endpoint, wc } = await setup([], { authExtras: ['30', '300'] });
    const run = await wc.runOnce();
    expect(run).toMatchObject({ outcome: 'none', postponeSeconds: 30, minimumRunEverySeconds: 300 });
    expect(endpoint.calls.map((c) => c.method)).not.toContain('sendRequestXML');
  });

  it('asks getLastError when sendRequestXML has nothing yet, waits on NoOp, then goes on', async () => {
    const { endpoint, wc } = await setup(customers(1), { noOps: 2 });
    const run = await wc.runOnce();
    expect(endpoint.calls.map((c) => c.method).slice(3)).toEqual([
      'sendRequestXML',
      'getLastError',
      'sendRequestXML',
      'getLastError',
      'sendRequestXML',
      'receiveResponseXML',
      'closeConnection',
    ]);
    expect(run.outcome).toBe('completed');
  });

  it('an empty sendRequestXML ends the session: getLastError gives the last word, then closeConnection', async () => {
    const { endpoint, wc } = await setup([], { alwaysWork: true });
    const run = await wc.runOnce();
    expect(endpoint.calls.map((c) => c.method).slice(3)).toEqual(['sendRequestXML', 'getLastError', 'closeConnection']);
    expect(run).toMatchObject({ outcome: 'completed', messages: 0, lastError: 'Nothing more to send.' });
  });

  it('ends with getLastError and closeConnection when the service answers a negative percent', async () => {
    const { endpoint, wc, company } = await setup(customers(2));
    wc.faults.returnHresult({ hresult: '0x80010105', message: 'The server threw an exception.' });
    const run = await wc.runOnce();
    expect(endpoint.calls.map((c) => c.method).slice(-4)).toEqual(['sendRequestXML', 'receiveResponseXML', 'getLastError', 'closeConnection']);
    expect(endpoint.calls.find((c) => c.method === 'receiveResponseXML')?.params).toMatchObject({ response: '', hresult: '0x80010105', message: 'The server threw an exception.' });
    expect(run).toMatchObject({ outcome: 'serverError', percentDone: [-1] });
    expect(run.lastError).toMatch(/could not read the request/);
    expect(company.list('Customer')).toHaveLength(0);
    expect((await wc.runOnce()).outcome).toBe('completed');
    expect(company.list('Customer')).toHaveLength(2);
  });

  it('passes QuickBooks’ parse error for a misordered request back as hresult 0x80040400', async () => {
    const misordered = buildRequest({ kind: 'CustomerAdd', requestId: 'bad', input: { name: 'Bad', isActive: true } }).replace('<Name>Bad</Name><IsActive>true</IsActive>', '<IsActive>true</IsActive><Name>Bad</Name>');
    const { endpoint, wc } = await setup([], { rawNext: misordered });
    const run = await wc.runOnce();
    expect(endpoint.hresults).toEqual([{ hresult: '0x80040400', message: 'QuickBooks found an error when parsing the provided XML text stream.' }]);
    expect(run.hresultsReported).toHaveLength(1);
  });
});

describe('company file trouble', () => {
  it('QuickBooks not running: connectionError, then closeConnection when the service says done', async () => {
    const { endpoint, wc, company } = await setup(customers(1));
    wc.faults.quickBooksNotRunning(true);
    const run = await wc.runOnce();
    expect(run.outcome).toBe('connectionError');
    expect(endpoint.calls.map((c) => c.method).slice(3)).toEqual(['connectionError', 'closeConnection']);
    expect(endpoint.calls.find((c) => c.method === 'connectionError')?.params).toEqual({ ticket: 'ticket-1', hresult: '0x80040408', message: 'Could not start QuickBooks.' });
    expect(company.list('Customer')).toHaveLength(0);
  });

  it('file locked: retries the path the service names, and carries on once it opens', async () => {
    const company = createCompanyFile();
    const { endpoint, wc } = await setup(customers(1), { connectionErrorReplies: [company.filePath] }, {}, company);
    company.faults.setFileInUse(true);
    let attempts = 0;
    const begin = company.beginSession.bind(company);
    company.beginSession = () => {
      attempts += 1;
      if (attempts === 2) company.faults.setFileInUse(false); // the other user closed the file
      begin();
    };
    const run = await wc.runOnce();
    expect(run.connectionErrors).toEqual([{ hresult: '0x80040410', message: expect.stringContaining('currently open in a mode'), reply: company.filePath }]);
    expect(run.outcome).toBe('completed');
    expect(endpoint.calls.map((c) => c.method).slice(3, 5)).toEqual(['connectionError', 'sendRequestXML']);
  });

  it('a different company file than the one open is refused through connectionError', async () => {
    const { endpoint, wc } = await setup(customers(1), { companyFile: 'C:\\Other\\Books.qbw' });
    const run = await wc.runOnce();
    expect(run.outcome).toBe('connectionError');
    expect(endpoint.calls.find((c) => c.method === 'connectionError')?.params.hresult).toBe('0x80040403');
  });
});

describe('dropped connection', () => {
  it('QuickBooks applies the request but the response never reaches the service', async () => {
    const { endpoint, wc, company } = await setup(customers(3), { batchSize: 3 });
    wc.faults.dropConnectionAfterSendRequest();
    const run = await wc.runOnce();
    expect(run.outcome).toBe('dropped');
    expect(company.list('Customer')).toHaveLength(3);
    expect(endpoint.results).toHaveLength(0);
    expect(endpoint.calls.map((c) => c.method)).toEqual(['serverVersion', 'clientVersion', 'authenticate', 'sendRequestXML']);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(endpoint.aborted).toBe(1);
    expect(run.calls.at(-1)).toMatchObject({ method: 'receiveResponseXML', ok: false });
  });
});

describe('strict SOAP replies', () => {
  it.each([
    ['authenticate', 'notXml', 'protocolError'],
    ['authenticate', 'wrongNamespace', 'protocolError'],
    ['sendRequestXML', 'wrongElement', 'protocolError'],
    ['receiveResponseXML', 'notInt', 'protocolError'],
    ['receiveResponseXML', 'missingResult', 'protocolError'],
    ['sendRequestXML', 'fault', 'soapFault'],
    ['clientVersion', 'html', 'protocolError'],
    ['authenticate', 'http404', 'transportError'],
  ] as const)('%s reply broken as %s → %s', async (method, how, outcome) => {
    const { wc } = await setup(customers(1), { breakMethod: { method, how } });
    const run = await wc.runOnce();
    expect(run.outcome).toBe(outcome);
    expect(run.error).toContain(method);
    expect(run.calls.map((c) => c.method)).not.toContain('closeConnection');
  });

  it('a SOAP fault says what the service said', async () => {
    const { wc } = await setup(customers(1), { breakMethod: { method: 'sendRequestXML', how: 'fault' } });
    expect((await wc.runOnce()).error).toBe('sendRequestXML: SOAP fault soap:Server: Database unavailable');
  });
});

describe('client version and scheduling', () => {
  it('stops on E: and on O:, continues after W:', async () => {
    for (const [reply, outcome] of [
      ['E:This Web Connector is too old.', 'clientVersionRefused'],
      ['O:2.3.0.36', 'updateRequired'],
      ['W:Please upgrade the Web Connector soon.', 'completed'],
    ] as const) {
      const { wc } = await setup(customers(1), { clientVersionReply: reply });
      const run = await wc.runOnce();
      expect(run.outcome).toBe(outcome);
      expect(run.clientVersionMessage).toBe(reply);
    }
  });

  it('runs every N minutes until stopped', async () => {
    const { endpoint, wc } = await setup([]);
    wc.start(0.0005); // 30 ms
    await new Promise((resolve) => setTimeout(resolve, 200));
    await wc.stop();
    const runs = wc.runs.length;
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(wc.runs.every((r) => r.outcome === 'none')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(wc.runs.length).toBe(runs);
    expect(endpoint.calls.filter((c) => c.method === 'authenticate')).toHaveLength(runs);
  });
});

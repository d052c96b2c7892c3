// The SOAP endpoint bounds the work a stranger can cause before any credential is checked: every call must fit in
// QBD_MAX_SOAP_BYTES_WITHOUT_TICKET (64 KB) except receiveResponseXML carrying an open session's ticket, so one
// 16 MB body is refused at once and other requests are answered meanwhile; and deeply nested XML is the sender's
// fault (soap:Client), not a server fault that asks for a retry.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequest, type QbxmlRequestSpec } from '../../quickbooks/desktop/qbxml/index.js';
import { withRequestId } from '../../quickbooks/desktop/qbxml/message.js';
import { parseXmlTree } from '../../quickbooks/desktop/qbxml/tree.js';
import { connectDesktop, QUICK_QBD_ENV } from '../../sandbox/qbd/index.js';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';

const NS = 'http://developer.intuit.com/';
const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const SMALL = 65_536;

let stack: TestStack;
let key: string;
let sql: postgres.Sql;

const envelope = (inner: string) => `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP}"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
const call = (method: string, params: Record<string, string>) =>
  envelope(`<${method} xmlns="${NS}">${Object.entries(params).map(([name, value]) => `<${name}>${value}</${name}>`).join('')}</${method}>`);

async function post(body: string, method: string) {
  const started = Date.now();
  const response = await fetch(`${stack.apiUrl}/qbwc`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${NS}${method}"` }, body });
  const text = await response.text();
  return { status: response.status, text, ms: Date.now() - started };
}

function faultOf(text: string): { code: string; message: string } | undefined {
  const fault = /<faultcode>([^<]*)<\/faultcode><faultstring>([^<]*)<\/faultstring>/.exec(text);
  return fault ? { code: fault[1]!, message: fault[2]! } : undefined;
}

function resultOf(text: string): string[] {
  const body = parseXmlTree(text).root.children.find((c) => c.name.endsWith(':Body'))!;
  const result = body.children[0]!.children[0]!;
  return result.children.length ? result.children.map((c) => c.text) : [result.text];
}

/** The slowest /health answer while `work` runs (polled every 20 ms). */
async function healthLatencyDuring<T>(work: Promise<T>): Promise<{ result: T; worstMs: number; probes: number }> {
  let done = false;
  let worstMs = 0;
  let probes = 0;
  const probing = (async () => {
    while (!done) {
      const started = Date.now();
      const response = await fetch(`${stack.apiUrl}/health`);
      await response.text();
      worstMs = Math.max(worstMs, Date.now() - started);
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const result = await work.finally(() => { done = true; });
  await probing;
  return { result, worstMs, probes };
}

/** A qbXML response of about `bytes`, escaped as it travels inside <response>. */
const bigResponse = (bytes: number) => {
  const rs = '&lt;CustomerQueryRs requestID="unknown" statusCode="1" statusSeverity="Info" statusMessage="nothing"/&gt;';
  return `&lt;?xml version="1.0"?&gt;&lt;QBXML&gt;&lt;QBXMLMsgsRs&gt;${rs.repeat(Math.ceil(bytes / rs.length))}&lt;/QBXMLMsgsRs&gt;&lt;/QBXML&gt;`;
};

beforeAll(async () => {
  stack = await startTestStack({ env: { ...QUICK_QBD_ENV, QBD_MAX_REQUESTS_PER_MESSAGE: '200', QBD_MAX_MESSAGE_BYTES: '2000000' } });
  key = (await createTenant(stack)).apiKey;
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

describe('SOAP bodies before authentication', () => {
  it('refuses a 16 MB unauthenticated body at once, and keeps answering other requests meanwhile', async () => {
    const huge = call('receiveResponseXML', { ticket: 'not-a-session', response: bigResponse(16 * 1024 * 1024), hresult: '', message: '' });
    expect(huge.length).toBeGreaterThan(16 * 1024 * 1024);
    const { result, worstMs, probes } = await healthLatencyDuring(post(huge, 'receiveResponseXML'));
    expect(faultOf(result.text)).toEqual({ code: 'soap:Client', message: expect.stringMatching(/larger than 65536 bytes; only receiveResponseXML from an open Web Connector session/) });
    expect(result.ms).toBeLessThan(3000);
    expect(probes).toBeGreaterThan(0);
    expect(worstMs).toBeLessThan(1000);
  });

  it('refuses every other call past 64 KB, whatever it carries', async () => {
    const password = 'x'.repeat(16 * 1024 * 1024);
    const { result, worstMs } = await healthLatencyDuring(post(call('authenticate', { strUserName: 'someone', strPassword: password }), 'authenticate'));
    expect(faultOf(result.text)?.code).toBe('soap:Client');
    expect(faultOf(result.text)?.message).toMatch(/larger than 65536 bytes/);
    expect(result.ms).toBeLessThan(3000);
    expect(worstMs).toBeLessThan(1000);
    const justOver = await post(call('serverVersion', { strVersion: 'y'.repeat(SMALL) }), 'serverVersion');
    expect(faultOf(justOver.text)?.message).toMatch(/larger than 65536 bytes/);
  });

  it('reads a large receiveResponseXML from an open session, and only that session\'s', async () => {
    const desktop = await connectDesktop(stack.apiUrl, key);
    const pending = await connectDesktop(stack.apiUrl, key, { firstRun: false });
    const [ticket] = resultOf((await post(call('authenticate', { strUserName: pending.userName, strPassword: pending.password }), 'authenticate')).text);
    expect(ticket).toMatch(/\S{20,}/);

    const large = await post(call('receiveResponseXML', { ticket: ticket!, response: bigResponse(2 * 1024 * 1024), hresult: '', message: '' }), 'receiveResponseXML');
    expect(large.status, large.text.slice(0, 300)).toBe(200);
    expect(Number(resultOf(large.text)[0])).not.toBeNaN();

    // a valid ticket in a comment does not open the gate for another call
    const smuggled = envelope(`<!-- <receiveResponseXML><ticket>${ticket}</ticket> --><authenticate xmlns="${NS}"><strUserName>a</strUserName><strPassword>${'z'.repeat(200_000)}</strPassword></authenticate>`);
    expect(faultOf((await post(smuggled, 'authenticate')).text)?.message).toMatch(/only receiveResponseXML from an open Web Connector session/);

    // the real Web Connector still brings a whole large answer back: 200 requests in one message
    const specs: QbxmlRequestSpec[] = Array.from({ length: 200 }, (_, i) => ({ kind: 'CustomerAdd', input: { name: `Large answer ${String(i).padStart(3, '0')}` } }));
    await stack.api.app.deps.repos.qbdQueue.enqueue(specs.map((spec, i) => {
      const requestId = `large-${desktop.connectionId.slice(0, 8)}-${i}`;
      return { connectionId: desktop.connectionId, requestId, kind: spec.kind, requestXml: buildRequest(withRequestId(spec, requestId)) };
    }));
    const run = await desktop.wc.runOnce();
    expect(run.outcome).toBe('completed');
    expect(run.messages).toBe(1);
    const [size] = await sql<{ bytes: number }[]>`select sum(length(response))::int as bytes from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'CustomerAdd'`;
    expect(size!.bytes).toBeGreaterThan(SMALL);
    expect(desktop.company.list('Customer').filter((c) => c.name.startsWith('Large answer '))).toHaveLength(200);
  });
});

describe('deeply nested XML', () => {
  it('is the sender\'s fault: soap:Client, says the request is malformed, and does not ask for a retry', async () => {
    const deep = envelope(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`);
    const answer = await post(deep, 'authenticate');
    expect(answer.status).toBe(500);
    const fault = faultOf(answer.text)!;
    expect(fault.code).toBe('soap:Client');
    expect(fault.message).toMatch(/malformed/);
    expect(fault.message).toMatch(/nested/);
    expect(fault.message).not.toMatch(/run the update again|try again|retry/i);
  });
});

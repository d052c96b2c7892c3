// A tiny Web Connector SOAP service for the client tests (the real endpoint lives in api/). It speaks SOAP 1.1
// over real HTTP, hands out queued qbXML in batches, and records everything it was sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildQbxmlMessage, buildRequest, parseHcpResponse, parseQbxmlResponse, pickQbxmlVersion, type QbxmlRequest, type QbxmlResult, type QbxmlVersion } from '../../../../quickbooks/desktop/qbxml/index.js';
import { parseXmlTree } from '../../../../quickbooks/desktop/qbxml/tree.js';
import { escapeXml } from '../../../../quickbooks/desktop/qbxml/xml.js';

export interface ReceivedCall {
  method: string;
  soapAction: string;
  contentType: string | undefined;
  params: Record<string, string>;
}

export type Breakage = 'notXml' | 'wrongNamespace' | 'wrongElement' | 'fault' | 'html' | 'notInt' | 'http404' | 'missingResult';

export interface FakeEndpointOptions {
  userName?: string;
  password?: string;
  batchSize?: number;
  /** What clientVersion answers ("" by default). */
  clientVersionReply?: string;
  /** Replaces the company-file slot of authenticate when there is work ("" = the open file). */
  companyFile?: string;
  /** Extra strings after the first two (postpone seconds, minimum run-every seconds). */
  authExtras?: string[];
  /** connectionError's replies in turn ("done" after the list runs out). */
  connectionErrorReplies?: string[];
  /** getLastError answers "NoOp" this many times when there is nothing to send yet. */
  noOps?: number;
  /** Break one method's reply. */
  breakMethod?: { method: string; how: Breakage };
  /** Send this raw fragment instead of the next batch (e.g. a misordered request). */
  rawNext?: string;
  /** authenticate says there is work even with an empty queue (sendRequestXML will then answer ""). */
  alwaysWork?: boolean;
}

export interface FakeEndpoint {
  url: string;
  calls: ReceivedCall[];
  results: QbxmlResult[];
  queue: QbxmlRequest[];
  hresults: { hresult: string; message: string }[];
  aborted: number;
  version: QbxmlVersion | null;
  options: FakeEndpointOptions;
  close(): Promise<void>;
}

const NS = 'http://developer.intuit.com/';

function envelope(inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
}

function result(method: string, value: string | string[] | number): string {
  const inner = Array.isArray(value) ? value.map((v) => `<string>${escapeXml(v)}</string>`).join('') : escapeXml(String(value));
  return envelope(`<${method}Response xmlns="${NS}"><${method}Result>${inner}</${method}Result></${method}Response>`);
}

export async function startFakeEndpoint(queue: QbxmlRequest[], options: FakeEndpointOptions = {}): Promise<FakeEndpoint> {
  const state: FakeEndpoint = { url: '', calls: [], results: [], queue: [...queue], hresults: [], aborted: 0, version: null, options, close: async () => undefined };
  const total = queue.length;
  let inFlight: QbxmlRequest[] = [];
  let lastError = '';
  let noOpsLeft = options.noOps ?? 0;
  const connectionReplies = [...(options.connectionErrorReplies ?? [])];

  const handle = (method: string, params: Record<string, string>): string | number | string[] => {
    switch (method) {
      case 'serverVersion':
        return 'qbflow-fake 1.0';
      case 'clientVersion':
        return options.clientVersionReply ?? '';
      case 'authenticate': {
        if (params.strUserName !== (options.userName ?? 'qbwc-user') || params.strPassword !== (options.password ?? 'secret')) return ['', 'nvu'];
        if (!state.queue.length && !options.rawNext && !noOpsLeft && !options.alwaysWork) return ['ticket-1', 'none', ...(options.authExtras ?? [])];
        return ['ticket-1', options.companyFile ?? '', ...(options.authExtras ?? [])];
      }
      case 'sendRequestXML': {
        if (params.strHCPResponse) {
          const hcp = parseHcpResponse(params.strHCPResponse);
          state.version = pickQbxmlVersion(hcp.host?.supportedQbxmlVersions ?? []);
        }
        const version = state.version ?? '13.0';
        if (options.rawNext) {
          const raw = options.rawNext;
          delete options.rawNext;
          return `<?xml version="1.0" encoding="utf-8"?><?qbxml version="${version}"?><QBXML><QBXMLMsgsRq onError="continueOnError">${raw}</QBXMLMsgsRq></QBXML>`;
        }
        if (noOpsLeft > 0) {
          noOpsLeft -= 1;
          lastError = 'NoOp';
          return '';
        }
        inFlight = state.queue.splice(0, options.batchSize ?? 50);
        if (!inFlight.length) {
          lastError = 'Nothing more to send.';
          return '';
        }
        return buildQbxmlMessage(inFlight.map(buildRequest), { version });
      }
      case 'receiveResponseXML': {
        if (params.hresult) {
          state.hresults.push({ hresult: params.hresult, message: params.message ?? '' });
          state.queue.unshift(...inFlight);
          inFlight = [];
          lastError = `QuickBooks could not read the request (${params.hresult}: ${params.message}).`;
          return -1;
        }
        state.results.push(...parseQbxmlResponse(params.response ?? '').results);
        inFlight = [];
        const done = total - state.queue.length;
        return state.queue.length ? Math.max(1, Math.min(99, Math.floor((done / Math.max(total, 1)) * 100))) : 100;
      }
      case 'getLastError':
        return lastError;
      case 'connectionError':
        return connectionReplies.shift() ?? 'done';
      case 'closeConnection':
        return 'OK';
      default:
        throw new Error(`unknown method ${method}`);
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('close', () => {
      if (!req.complete) state.aborted += 1;
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const root = parseXmlTree(body).root;
      const call = root.children.find((c) => c.name.endsWith('Body'))?.children[0];
      if (!call) {
        res.writeHead(400).end();
        return;
      }
      const method = call.name.replace(/^.*:/, '');
      const params: Record<string, string> = {};
      for (const p of call.children) params[p.name] = p.text;
      state.calls.push({ method, soapAction: String(req.headers.soapaction ?? ''), contentType: req.headers['content-type'], params });
      const value = handle(method, params);
      let xml = result(method, value);
      let status = 200;
      let contentType = 'text/xml; charset=utf-8';
      if (options.breakMethod?.method === method) {
        switch (options.breakMethod.how) {
          case 'notXml': xml = xml.replace('</soap:Body>', ''); break;
          case 'wrongNamespace': xml = xml.replace(`xmlns="${NS}"`, 'xmlns="http://example.com/"'); break;
          case 'wrongElement': xml = xml.replace(new RegExp(`${method}Response`, 'g'), `${method}Reply`); break;
          case 'missingResult': xml = envelope(`<${method}Response xmlns="${NS}" />`); break;
          case 'notInt': xml = result(method, '42%'); break;
          case 'fault': status = 500; xml = envelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Database unavailable</faultstring></soap:Fault>'); break;
          case 'html': contentType = 'text/html'; xml = '<html><body>Proxy error</body></html>'; break;
          case 'http404': status = 404; break;
        }
      }
      res.writeHead(status, { 'content-type': contentType }).end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/qbwc`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

// SOAP 1.1 document/literal as QBWebConnectorSvc.wsdl defines it: reads a Web Connector call (entity expansion
// off, DTDs refused, size capped) and writes replies and faults. Namespaces are resolved, not guessed from prefixes.
import { escapeXml, parseXmlTree, XmlSyntaxError, type XNode } from '../../quickbooks/desktop/index.js';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12_ENV_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const QBWC_NS = 'http://developer.intuit.com/';

export const QBWC_METHODS = [
  'serverVersion', 'clientVersion', 'authenticate', 'sendRequestXML', 'receiveResponseXML', 'connectionError', 'getLastError', 'closeConnection',
] as const;
export type QbwcMethod = (typeof QBWC_METHODS)[number];

/** Parameters each method takes, in WSDL order. */
export const QBWC_PARAMS: Record<QbwcMethod, readonly string[]> = {
  serverVersion: ['strVersion'],
  clientVersion: ['strVersion'],
  authenticate: ['strUserName', 'strPassword'],
  sendRequestXML: ['ticket', 'strHCPResponse', 'strCompanyFileName', 'qbXMLCountry', 'qbXMLMajorVers', 'qbXMLMinorVers'],
  receiveResponseXML: ['ticket', 'response', 'hresult', 'message'],
  connectionError: ['ticket', 'hresult', 'message'],
  getLastError: ['ticket'],
  closeConnection: ['ticket'],
};

export type FaultCode = 'soap:Client' | 'soap:Server' | 'soap:VersionMismatch';

export class SoapFault extends Error {
  constructor(
    readonly code: FaultCode,
    message: string,
  ) {
    super(message);
    this.name = 'SoapFault';
  }
}

export interface SoapCall {
  method: QbwcMethod;
  params: Record<string, string>;
}

interface Scoped {
  node: XNode;
  ns: string | undefined;
  local: string;
  scope: Map<string, string>;
}

function scoped(node: XNode, parent: Map<string, string>): Scoped {
  let scope = parent;
  for (const [attr, value] of Object.entries(node.attrs)) {
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
      if (scope === parent) scope = new Map(parent);
      scope.set(attr === 'xmlns' ? '' : attr.slice(6), value);
    }
  }
  const colon = node.name.indexOf(':');
  const prefix = colon < 0 ? '' : node.name.slice(0, colon);
  return { node, ns: scope.get(prefix), local: colon < 0 ? node.name : node.name.slice(colon + 1), scope };
}

/** Reads one Web Connector call; anything that is not a well-formed SOAP 1.1 call of the WSDL is a SoapFault. */
export function parseSoapCall(xml: string, maxChars: number): SoapCall {
  let root: XNode;
  try {
    root = parseXmlTree(xml, maxChars).root;
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new SoapFault('soap:Client', `The request is malformed XML: ${error.message}. Sending it again will not help.`);
    throw error;
  }
  const envelope = scoped(root, new Map());
  if (envelope.local === 'Envelope' && envelope.ns === SOAP12_ENV_NS) throw new SoapFault('soap:VersionMismatch', 'This service speaks SOAP 1.1 only');
  if (envelope.local !== 'Envelope' || envelope.ns !== SOAP_ENV_NS) throw new SoapFault('soap:Client', 'The request is not a SOAP 1.1 Envelope');
  const parts = root.children.map((c) => scoped(c, envelope.scope));
  const body = parts.find((p) => p.local === 'Body' && p.ns === SOAP_ENV_NS);
  if (!body) throw new SoapFault('soap:Client', 'The SOAP Envelope has no Body');
  const calls = body.node.children.map((c) => scoped(c, body.scope));
  if (calls.length !== 1) throw new SoapFault('soap:Client', `The SOAP Body must hold exactly one call (it holds ${calls.length})`);
  const call = calls[0] as Scoped;
  if (call.ns !== QBWC_NS || !(QBWC_METHODS as readonly string[]).includes(call.local)) {
    throw new SoapFault('soap:Client', `Unknown operation {${call.ns ?? ''}}${call.local}`);
  }
  const method = call.local as QbwcMethod;
  const allowed = QBWC_PARAMS[method];
  const params: Record<string, string> = {};
  for (const child of call.node.children) {
    const param = scoped(child, call.scope);
    if (param.ns !== QBWC_NS && param.ns !== undefined) throw new SoapFault('soap:Client', `${method}: <${child.name}> is not in the ${QBWC_NS} namespace`);
    if (!allowed.includes(param.local)) throw new SoapFault('soap:Client', `${method} has no parameter ${param.local}`);
    if (param.node.children.length) throw new SoapFault('soap:Client', `${method}: ${param.local} must be text`);
    params[param.local] = param.node.text;
  }
  return { method, params };
}

function envelope(inner: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Body>${inner}</soap:Body></soap:Envelope>`
  );
}

/** `{method}Response/{method}Result`: a string, an ArrayOfString, or an int. */
export function soapResult(method: QbwcMethod, value: string | readonly string[] | number): string {
  const inner = Array.isArray(value)
    ? value.map((v) => `<string>${escapeXml(v)}</string>`).join('')
    : escapeXml(String(value));
  return envelope(`<${method}Response xmlns="${QBWC_NS}"><${method}Result>${inner}</${method}Result></${method}Response>`);
}

export function soapFault(code: FaultCode, message: string): string {
  return envelope(`<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeXml(message)}</faultstring></soap:Fault>`);
}

// SOAP 1.1 document/literal as QBWebConnectorSvc.wsdl defines it: request envelopes the way the Web Connector
// writes them, and a strict reader for the server's replies (namespaces, element names, types), so a malformed
// reply from our endpoint fails loudly instead of being half-understood.
import { parseXmlTree, XmlSyntaxError, type XNode } from '../../quickbooks/desktop/qbxml/tree.js';
import { escapeXml } from '../../quickbooks/desktop/qbxml/xml.js';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const QBWC_NS = 'http://developer.intuit.com/';

export type QbwcMethod =
  | 'serverVersion'
  | 'clientVersion'
  | 'authenticate'
  | 'sendRequestXML'
  | 'receiveResponseXML'
  | 'connectionError'
  | 'getLastError'
  | 'closeConnection';

/** The server answered with a SOAP Fault. */
export class SoapFaultError extends Error {
  constructor(
    readonly method: QbwcMethod,
    readonly faultCode: string,
    readonly faultString: string,
  ) {
    super(`${method}: SOAP fault ${faultCode}: ${faultString}`);
    this.name = 'SoapFaultError';
  }
}

/** The reply is not what the WSDL promises (bad XML, wrong element, wrong namespace, wrong type). */
export class SoapProtocolError extends Error {
  constructor(
    readonly method: QbwcMethod,
    message: string,
  ) {
    super(`${method}: ${message}`);
    this.name = 'SoapProtocolError';
  }
}

/** Parameters in WSDL order; a value of undefined leaves the element out (all are minOccurs=0 but the ints). */
export function soapRequest(method: QbwcMethod, params: readonly [string, string | number | undefined][]): string {
  const body = params
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join('');
  const call = body ? `<${method} xmlns="${QBWC_NS}">${body}</${method}>` : `<${method} xmlns="${QBWC_NS}" />`;
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Body>${call}</soap:Body></soap:Envelope>`
  );
}

export function soapAction(method: QbwcMethod): string {
  return `"${QBWC_NS}${method}"`;
}

interface Scoped {
  node: XNode;
  ns: string | undefined;
  local: string;
  scope: Map<string, string>;
}

function scoped(node: XNode, parentScope: Map<string, string>): Scoped {
  let scope = parentScope;
  for (const [attr, value] of Object.entries(node.attrs)) {
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(attr === 'xmlns' ? '' : attr.slice(6), value);
    }
  }
  const colon = node.name.indexOf(':');
  const prefix = colon < 0 ? '' : node.name.slice(0, colon);
  const local = colon < 0 ? node.name : node.name.slice(colon + 1);
  return { node, ns: scope.get(prefix), local, scope };
}

/** Reads a SOAP reply and returns the `{method}Result` element (undefined when absent, as minOccurs=0 allows). */
function readSoapResult(method: QbwcMethod, xml: string): Scoped | undefined {
  let root: XNode;
  try {
    root = parseXmlTree(xml, 20 * 1024 * 1024).root;
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new SoapProtocolError(method, `reply is not well-formed XML: ${error.message}`);
    throw error;
  }
  const envelope = scoped(root, new Map());
  if (envelope.local !== 'Envelope' || envelope.ns !== SOAP_ENV_NS) {
    throw new SoapProtocolError(method, `reply root is <${root.name}> (namespace ${envelope.ns ?? 'none'}), not a SOAP 1.1 Envelope`);
  }
  const parts = root.children.map((c) => scoped(c, envelope.scope));
  const body = parts.find((p) => p.local === 'Body' && p.ns === SOAP_ENV_NS);
  if (!body) throw new SoapProtocolError(method, 'reply has no soap:Body');
  if (parts.some((p) => p !== body && !(p.local === 'Header' && p.ns === SOAP_ENV_NS))) throw new SoapProtocolError(method, 'unexpected element in the Envelope');
  const inBody = body.node.children.map((c) => scoped(c, body.scope));
  if (inBody.length !== 1) throw new SoapProtocolError(method, `soap:Body holds ${inBody.length} elements, expected 1`);
  const payload = inBody[0] as Scoped;
  if (payload.local === 'Fault' && payload.ns === SOAP_ENV_NS) {
    const field = (name: string): string => payload.node.children.find((c) => scoped(c, payload.scope).local === name)?.text ?? '';
    throw new SoapFaultError(method, field('faultcode'), field('faultstring'));
  }
  if (payload.local !== `${method}Response` || payload.ns !== QBWC_NS) {
    throw new SoapProtocolError(method, `expected <${method}Response xmlns="${QBWC_NS}">, got <${payload.node.name}> in namespace ${payload.ns ?? 'none'}`);
  }
  const children = payload.node.children.map((c) => scoped(c, payload.scope));
  if (children.length > 1) throw new SoapProtocolError(method, `${method}Response has ${children.length} children, expected at most 1`);
  const result = children[0];
  if (!result) return undefined;
  if (result.local !== `${method}Result` || result.ns !== QBWC_NS) {
    throw new SoapProtocolError(method, `expected <${method}Result> in ${QBWC_NS}, got <${result.node.name}> in ${result.ns ?? 'none'}`);
  }
  return result;
}

/** A string result; an absent one reads as "" (the WSDL allows minOccurs=0). */
export function readString(method: QbwcMethod, xml: string): string {
  const result = readSoapResult(method, xml);
  if (result?.node.children.length) throw new SoapProtocolError(method, `${method}Result must be text`);
  return result?.node.text ?? '';
}

/** An ArrayOfString result: only <string> elements in the Intuit namespace. */
export function readStringArray(method: QbwcMethod, xml: string): string[] {
  const result = readSoapResult(method, xml);
  if (!result) return [];
  if (result.node.text.trim()) throw new SoapProtocolError(method, `${method}Result must hold <string> elements`);
  return result.node.children.map((c) => {
    const item = scoped(c, result.scope);
    if (item.local !== 'string' || item.ns !== QBWC_NS) throw new SoapProtocolError(method, `unexpected <${c.name}> in ${method}Result`);
    if (item.node.children.length) throw new SoapProtocolError(method, '<string> must be text');
    return item.node.text;
  });
}

/** An xsd:int result (receiveResponseXML's percent done): required and a 32-bit integer. */
export function readInt(method: QbwcMethod, xml: string): number {
  const result = readSoapResult(method, xml);
  if (!result) throw new SoapProtocolError(method, `${method}Result is required (minOccurs=1)`);
  const text = result.node.text.trim();
  if (result.node.children.length || !/^[+-]?\d+$/.test(text)) throw new SoapProtocolError(method, `${method}Result "${text}" is not an int`);
  const value = Number(text);
  if (value < -2147483648 || value > 2147483647) throw new SoapProtocolError(method, `${method}Result ${text} is out of the int range`);
  return value;
}

// Reads a qbXML response message (QBXMLMsgsRs) into one typed result per request, in message order, and the
// host/company/preferences answer the Web Connector hands over on the first sendRequestXML of a session.
import type { QbxmlVersion } from './message.js';
import { recordFromRet } from './read-records.js';
import { txnDeletedRecord } from './read-time.js';
import type { CompanyRecord, HostRecord, PreferencesRecord, QbRecord } from './records.js';
import { child, parseXmlTree, XmlSyntaxError, type XNode } from './tree.js';

export class QbxmlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbxmlParseError';
  }
}

export interface QbxmlResult<R extends QbRecord = QbRecord> {
  requestId: string;
  /** The request kind: "CustomerQuery" for a CustomerQueryRs. */
  kind: string;
  statusCode: number;
  statusSeverity: string;
  statusMessage: string;
  iteratorId?: string;
  iteratorRemainingCount?: number;
  retCount?: number;
  records: R[];
}

export interface QbxmlResponse {
  results: QbxmlResult[];
  byRequestId: Map<string, QbxmlResult>;
}

/** Default size limit: a full message of 50 invoices with lines stays far below it. */
export const DEFAULT_MAX_RESPONSE_CHARS = 10 * 1024 * 1024;

function parseDocument(xml: string, maxChars: number): XNode {
  try {
    return parseXmlTree(xml, maxChars).root;
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new QbxmlParseError(`QuickBooks response is not valid XML: ${error.message}`);
    throw error;
  }
}

/** Parses a QBXML response document. Entity expansion is off and the size is capped. */
export function parseQbxmlResponse(xml: string, options: { maxChars?: number } = {}): QbxmlResponse {
  return readQbxmlResponse(parseDocument(xml, options.maxChars ?? DEFAULT_MAX_RESPONSE_CHARS));
}

/** Reads an already parsed QBXML document (for callers that also need the tree, e.g. to keep raw answers). */
export function readQbxmlResponse(root: XNode): QbxmlResponse {
  if (root.name !== 'QBXML') throw new QbxmlParseError(`Expected a QBXML document, got <${root.name}>`);
  const msgs = child(root, 'QBXMLMsgsRs');
  if (!msgs) throw new QbxmlParseError('The QBXML document has no QBXMLMsgsRs');
  const results = msgs.children.filter((rs) => rs.name.endsWith('Rs')).map(resultFromRs);
  const byRequestId = new Map<string, QbxmlResult>();
  for (const result of results) byRequestId.set(result.requestId, result);
  return { results, byRequestId };
}

function resultFromRs(rs: XNode): QbxmlResult {
  const statusCode = Number.parseInt(rs.attrs.statusCode ?? '', 10);
  if (!Number.isFinite(statusCode)) throw new QbxmlParseError(`<${rs.name}> has no statusCode`);
  const records: QbRecord[] = [];
  try {
    // TxnDelRs carries its fields directly, without a *Ret wrapper
    if (rs.name === 'TxnDelRs') {
      if (rs.children.some((c) => c.name === 'TxnID')) records.push(txnDeletedRecord(rs));
    } else {
      for (const ret of rs.children) if (ret.name !== 'ErrorRecovery') records.push(recordFromRet(ret));
    }
  } catch (error) {
    throw new QbxmlParseError(`${rs.name} requestID="${rs.attrs.requestID ?? ''}": ${(error as Error).message}`);
  }
  const result: QbxmlResult = {
    requestId: rs.attrs.requestID ?? '',
    kind: rs.name.slice(0, -2),
    statusCode,
    statusSeverity: rs.attrs.statusSeverity ?? '',
    statusMessage: rs.attrs.statusMessage ?? '',
    records,
  };
  if (rs.attrs.iteratorID !== undefined) result.iteratorId = rs.attrs.iteratorID;
  if (rs.attrs.iteratorRemainingCount !== undefined) result.iteratorRemainingCount = Number.parseInt(rs.attrs.iteratorRemainingCount, 10);
  if (rs.attrs.retCount !== undefined) result.retCount = Number.parseInt(rs.attrs.retCount, 10);
  return result;
}

export interface HcpResponse {
  host?: HostRecord;
  company?: CompanyRecord;
  preferences?: PreferencesRecord;
  results: QbxmlResult[];
}

/** Parses strHCPResponse (HostQueryRs, CompanyQueryRs, PreferencesQueryRs). The file path travels separately. */
export function parseHcpResponse(xml: string): HcpResponse {
  const { results } = parseQbxmlResponse(xml);
  const hcp: HcpResponse = { results };
  for (const result of results) {
    for (const record of result.records) {
      if (record.type === 'Host') hcp.host = record;
      else if (record.type === 'Company') hcp.company = record;
      else if (record.type === 'Preferences') hcp.preferences = record;
    }
  }
  return hcp;
}

const OURS: readonly { version: QbxmlVersion; value: number }[] = [
  { version: '16.0', value: 16 },
  { version: '15.0', value: 15 },
  { version: '14.0', value: 14 },
  { version: '13.0', value: 13 },
];

/**
 * The qbXML version to speak to a company: the highest of ours that QuickBooks supports (it supports every
 * version up to its newest), or null when it is older than 13.0 (QuickBooks 2015).
 */
export function pickQbxmlVersion(supported: readonly string[]): QbxmlVersion | null {
  const newest = Math.max(-1, ...supported.map((v) => (/^\d+(\.\d+)?$/.test(v.trim()) ? Number.parseFloat(v) : -1)));
  return OURS.find((ours) => ours.value <= newest)?.version ?? null;
}

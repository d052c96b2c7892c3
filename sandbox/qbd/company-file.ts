// An emulated QuickBooks Desktop company file: answers a whole qbXML request message like QuickBooks does
// (through the Web Connector or the SDK's ProcessRequest), with fault injection and inspection for tests.
import type { XNode } from '../../quickbooks/desktop/qbxml/tree.js';
import { parseXmlTree, XmlSyntaxError } from '../../quickbooks/desktop/qbxml/tree.js';
import { createBookkeeper, type Bookkeeper } from './company/bookkeeper.js';
import { createPaymentDesk, type PaymentDesk } from './company/payment-desk.js';
import { describeCharacter, firstLiteralUnstorable, storeAsQuickBooksWould } from './company/charset.js';
import { braceGuid, IdFactory, type Clock } from './company/clock.js';
import { DEFAULT_FEATURES, type CompanyFeatures, type HandlerContext, type IteratorState } from './company/context.js';
import { conversionError, HRESULT, invalidTimeInterval, QbHresultError, QbStatusError, statusMessages, stringTooLong } from './company/errors.js';
import { createHandlers } from './company/handlers.js';
import { companyRet, hostRet, preferencesRet, type CompanyInfo, type HostInfo } from './company/host.js';
import { listRecords, type ListTypes } from './company/inspect.js';
import { seedCompany } from './company/seed.js';
import { Store } from './company/store.js';
import { el, serialize } from './company/xml.js';
import { validateTree, type SchemaIssue } from './schema/validate.js';
import { loadQbxmlSchema, schemaVersionFor } from './schema/load.js';

export { QbHresultError } from './company/errors.js';
export type { ListTypes } from './company/inspect.js';

export interface CompanyFileOptions {
  companyName?: string;
  /** The .qbw path the Web Connector reports as strCompanyFileName. */
  filePath?: string;
  productName?: string;
  /** QuickBooks' own version (33 for the 2023 products). */
  majorVersion?: string;
  minorVersion?: string;
  country?: string;
  /** qbXML versions the product supports, oldest first (defaults: 1.0 … 16.0). */
  supportedVersions?: readonly string[];
  fileMode?: 'SingleUser' | 'MultiUser';
  features?: Partial<CompanyFeatures>;
  clock?: Clock;
  /** The company's fixed UTC offset for TimeCreated/TimeModified and default dates (default −300, US Eastern). */
  utcOffsetMinutes?: number;
  /** Random source for iterator ids (deterministic tests pass their own). */
  random?: () => number;
  /** Check every message against Intuit's schema like QuickBooks' parser (default true). */
  validate?: boolean;
  /** Folder holding the 13.0/ and 16.0/ schema folders (default ../shared/spec/qbxml). */
  specDir?: string;
  /** Company data extensions to report in CompanyRet (e.g. a FileID written by an application). */
  dataExt?: Record<string, string>;
}

/** Make one request (or every request matching) answer with a status instead of QuickBooks' own result. */
export interface RequestFaultRule {
  /** Request kind without "Rq", e.g. "InvoiceAdd". */
  kind?: string;
  requestId?: string;
  statusCode: number;
  statusMessage?: string;
  /** Apply the request first, then report the failure (QuickBooks committed, the caller hears an error). */
  applyFirst?: boolean;
  /** How many matching requests fail (default 1). */
  times?: number;
}

/** A whole-message HRESULT failure, as when QuickBooks crashes or the SDK loses the session. */
export interface MessageFaultRule {
  hresult: string;
  message: string;
  /** Process the message first (changes are kept), then fail: the response is lost. */
  applyFirst?: boolean;
  times?: number;
  /** Which messages fail (by their qbXML); by default the next ones. */
  when?: (request: string) => boolean;
}

export interface CompanyFaults {
  failRequest(rule: RequestFaultRule): void;
  failMessage(rule: MessageFaultRule): void;
  /** QuickBooks is not running and cannot be started: sessions fail with 0x80040408. */
  setNotRunning(on: boolean): void;
  /** The file is open by another user in a mode we cannot share: sessions fail with 0x80040410. */
  setFileInUse(on: boolean): void;
  /** Extra latency per message for processRequestAsync. */
  setLatency(ms: number): void;
  clear(): void;
}

export interface CompanyFileStats {
  messages: number;
  requests: number;
  parseErrors: number;
}

export interface CompanyFile {
  readonly companyName: string;
  readonly filePath: string;
  readonly host: HostInfo;
  /** Processes a qbXML request message; throws QbHresultError when QuickBooks would reject the whole message. */
  processRequest(xml: string): string;
  /** Same, with the injected latency. */
  processRequestAsync(xml: string): Promise<string>;
  /** Opens a session like the Web Connector does before its first sendRequestXML (may throw QbHresultError). */
  beginSession(): void;
  /** Ends the session: iterators die with it. */
  endSession(): void;
  /** The host, company and preferences answer the Web Connector passes as strHCPResponse. */
  hcpResponse(): string;
  readonly faults: CompanyFaults;
  /** Every record of a type, as a client would parse it (lines included). */
  list<T extends keyof ListTypes>(type: T): ListTypes[T][];
  /** What a bookkeeper does in QuickBooks' own windows: add, deactivate and delete list entries, set preferences, receive, void and delete payments. */
  readonly bookkeeper: Bookkeeper & PaymentDesk;
  readonly stats: CompanyFileStats;
  /** Why the last message was refused as a parse error (QuickBooks itself gives no detail). */
  readonly lastParseError: string | undefined;
}

const DEFAULT_VERSIONS = ['1.0', '1.1', '2.0', '2.1', '3.0', '4.0', '4.1', '5.0', '6.0', '7.0', '8.0', '9.0', '10.0', '11.0', '12.0', '13.0', '14.0', '15.0', '16.0'];

const WRITES = /(Add|Mod|Del|Void)$/;

export function createCompanyFile(options: CompanyFileOptions = {}): CompanyFile {
  const clock = options.clock ?? { now: () => new Date() };
  const random = options.random ?? Math.random;
  const offsetMinutes = options.utcOffsetMinutes ?? -300;
  const companyName = options.companyName ?? 'Acme Promotional Products';
  const filePath = options.filePath ?? `C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\${companyName.replace(/[^A-Za-z0-9]+/g, ' ').trim()}.qbw`;
  const host: HostInfo = {
    productName: options.productName ?? 'QuickBooks Enterprise Solutions 23.0',
    majorVersion: options.majorVersion ?? '33',
    minorVersion: options.minorVersion ?? '0',
    country: options.country ?? 'US',
    supportedVersions: options.supportedVersions ?? DEFAULT_VERSIONS,
    fileMode: options.fileMode ?? 'SingleUser',
  };
  const company: CompanyInfo = {
    companyName,
    legalCompanyName: `${companyName} LLC`,
    address: { addr1: '100 Commerce Way', city: 'Springfield', state: 'MA', postalCode: '01103', country: 'US' },
    phone: '413-555-0100',
    email: 'books@example.com',
    ein: '12-3456789',
    dataExt: { ...(options.dataExt ?? {}) },
  };
  const features: CompanyFeatures = { ...DEFAULT_FEATURES, ...definedOnly(options.features ?? {}) };
  const validate = options.validate ?? true;

  const store = new Store();
  const ids = new IdFactory(clock);
  const defaults = seedCompany(store, ids, clock.now());
  const iterators = new Map<string, IteratorState>();

  const requestFaults: (RequestFaultRule & { left: number })[] = [];
  const messageFaults: (MessageFaultRule & { left: number })[] = [];
  let notRunning = false;
  let fileInUse = false;
  let latencyMs = 0;
  let lastParseError: string | undefined;
  const stats: CompanyFileStats = { messages: 0, requests: 0, parseErrors: 0 };

  const context = (): HandlerContext => ({
    store,
    offsetMinutes,
    ids,
    now: clock.now(),
    iterators,
    newIteratorId: () => braceGuid(random),
    defaults,
    features,
  });

  const handlers = createHandlers(host, company);
  const bookkeeper = { ...createBookkeeper({ store, ids, clock, features }), ...createPaymentDesk({ store, ids, clock, defaults, offsetMinutes }) };

  function refuse(detail: string): never {
    lastParseError = detail;
    stats.parseErrors += 1;
    throw new QbHresultError(HRESULT.parseError.hresult, HRESULT.parseError.message, detail);
  }

  function checkAvailable(): void {
    if (notRunning) throw new QbHresultError(HRESULT.notRunning.hresult, HRESULT.notRunning.message);
    if (fileInUse) throw new QbHresultError(HRESULT.fileInUse.hresult, HRESULT.fileInUse.message);
  }

  function takeMessageFault(xml: string): (MessageFaultRule & { left: number }) | undefined {
    const fault = messageFaults.find((f) => f.left > 0 && (!f.when || f.when(xml)));
    if (fault) fault.left -= 1;
    return fault;
  }

  function takeRequestFault(kind: string, requestId: string | undefined): (RequestFaultRule & { left: number }) | undefined {
    const fault = requestFaults.find((f) => f.left > 0 && (!f.kind || f.kind === kind) && (!f.requestId || f.requestId === requestId));
    if (fault) fault.left -= 1;
    return fault;
  }

  function valueStatus(issue: SchemaIssue): QbStatusError {
    const value = issue.value ?? '';
    switch (issue.problem?.kind) {
      case 'length':
        return stringTooLong(value, issue.field);
      case 'boolean':
        return conversionError('boolean', value, issue.field);
      case 'date':
        return conversionError('date', value, issue.field);
      case 'pattern':
        if (issue.typeName === 'TIMEINTERVALTYPE') return invalidTimeInterval(value, issue.field);
        return conversionError('amount', value, issue.field);
      default:
        return conversionError('amount', value, issue.field);
    }
  }

  function processRequest(xml: string): string {
    checkAvailable();
    stats.messages += 1;
    const fault = takeMessageFault(xml);
    if (fault && !fault.applyFirst) throw new QbHresultError(fault.hresult, fault.message);

    const literal = firstLiteralUnstorable(xml);
    if (literal) refuse(`The character ${describeCharacter(literal)} is outside Windows-1252, the code page QuickBooks stores text in`);
    let root: XNode;
    let version: string | undefined;
    try {
      const doc = parseXmlTree(xml);
      root = doc.root;
      version = doc.instructions.qbxml?.version;
    } catch (error) {
      if (error instanceof XmlSyntaxError) refuse(`Not well-formed XML: ${error.message}`);
      throw error;
    }
    if (!version) refuse('The <?qbxml version="…"?> processing instruction is missing');
    const schemaVersion = schemaVersionFor(version);
    if (!schemaVersion || !host.supportedVersions.includes(version)) {
      lastParseError = `qbXML ${version} is not supported by ${host.productName}`;
      throw new QbHresultError(HRESULT.unsupportedVersion.hresult, HRESULT.unsupportedVersion.message, lastParseError);
    }
    if (root.name !== 'QBXML') refuse(`The root element is <${root.name}>, not <QBXML>`);
    const msgs = root.children.find((c) => c.name === 'QBXMLMsgsRq');
    if (!msgs) refuse('No <QBXMLMsgsRq> in the message');

    const valueIssues = new Map<number, QbStatusError>();
    if (validate) {
      const issues = validateTree(loadQbxmlSchema(schemaVersion, options.specDir), root);
      const structural = issues.find((i) => i.severity === 'structure');
      if (structural) refuse(`${structural.path.join('/')}: ${structural.message}`);
      for (const issue of issues) {
        const index = issue.indexes[2];
        if (index !== undefined && !valueIssues.has(index)) valueIssues.set(index, valueStatus(issue));
      }
    }
    // characters that arrived as references are kept as "?", as QuickBooks does
    storeAsQuickBooksWould(msgs);
    const onError = msgs.attrs.onError ?? 'stopOnError';
    if (onError === 'rollbackOnError') refuse('onError="rollbackOnError" is not supported by QuickBooks Desktop');

    const out: XNode[] = [];
    for (const [index, rq] of msgs.children.entries()) {
      stats.requests += 1;
      const kind = rq.name.replace(/Rq$/, '');
      const requestId = rq.attrs.requestID;
      const result = processOne(kind, requestId, rq, valueIssues.get(index));
      out.push(result.node);
      if (result.failed && onError === 'stopOnError') break;
    }
    const response = `<?xml version="1.0" ?>\n<QBXML>\n${serialize(el('QBXMLMsgsRs', out))}\n</QBXML>\n`;
    if (fault?.applyFirst) throw new QbHresultError(fault.hresult, fault.message);
    return response;
  }

  function processOne(kind: string, requestId: string | undefined, rq: XNode, valueIssue: QbStatusError | undefined): { node: XNode; failed: boolean } {
    const rs = (statusCode: number, severity: string, message: string, records: XNode[] = [], attrs: Record<string, string> = {}): XNode => ({
      name: `${kind}Rs`,
      attrs: { ...(requestId !== undefined ? { requestID: requestId } : {}), statusCode: String(statusCode), statusSeverity: severity, statusMessage: message, ...attrs },
      children: records,
      text: '',
    });
    try {
      if (requestId !== undefined && Array.from(requestId).length > 50) {
        throw new QbStatusError(1060, `The request ID "${requestId}" is invalid, possibly too long. (The maximum is 50 characters.)`);
      }
      if (valueIssue) throw valueIssue;
      const handler = handlers[kind];
      if (!handler) throw new QbStatusError(1030, `This request is not supported by this implementation (${kind}).`);
      if (features.readOnly && WRITES.test(kind)) throw new QbStatusError(3260, 'Insufficient permission level to perform this action.');
      const fault = takeRequestFault(kind, requestId);
      if (fault && !fault.applyFirst) throw new QbStatusError(fault.statusCode, fault.statusMessage ?? defaultFaultMessage(fault.statusCode, kind));
      const result = handler(context(), rq);
      if (fault) throw new QbStatusError(fault.statusCode, fault.statusMessage ?? defaultFaultMessage(fault.statusCode, kind));
      const code = result.statusCode ?? 0;
      const severity = result.statusSeverity ?? 'Info';
      return { node: rs(code, severity, result.statusMessage ?? statusMessages.ok, result.records, result.attrs), failed: severity === 'Error' };
    } catch (error) {
      if (error instanceof QbStatusError) return { node: rs(error.statusCode, error.severity, error.message), failed: error.severity === 'Error' };
      return { node: rs(1000, 'Error', 'There has been an internal error when processing the request.'), failed: true };
    }
  }

  function defaultFaultMessage(code: number, kind: string): string {
    const object = kind.replace(/(Add|Mod|Query)$/, '');
    switch (code) {
      case 3175:
        return `There was an error when modifying a ${object}.  QuickBooks error message: This record is being used by another user.`;
      case 3176:
        return `There was an error when saving a ${object}.  QuickBooks error message: Cannot lock the record because it is in use by another user.`;
      case 3180:
        return `There was an error when saving a ${object}.  QuickBooks error message: The transaction could not be saved.`;
      case 3200:
        return 'The provided edit sequence is out-of-date.';
      default:
        return `QuickBooks returned status ${code}.`;
    }
  }

  const faults: CompanyFaults = {
    failRequest: (rule) => void requestFaults.push({ ...rule, left: rule.times ?? 1 }),
    failMessage: (rule) => void messageFaults.push({ ...rule, left: rule.times ?? 1 }),
    setNotRunning: (on) => void (notRunning = on),
    setFileInUse: (on) => void (fileInUse = on),
    setLatency: (ms) => void (latencyMs = ms),
    clear: () => {
      requestFaults.length = 0;
      messageFaults.length = 0;
      notRunning = false;
      fileInUse = false;
      latencyMs = 0;
    },
  };

  function list<T extends keyof ListTypes>(type: T): ListTypes[T][] {
    return listRecords(context(), type);
  }


  return {
    companyName,
    filePath,
    host,
    processRequest,
    async processRequestAsync(xml) {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      return processRequest(xml);
    },
    beginSession() {
      checkAvailable();
    },
    endSession() {
      iterators.clear();
    },
    hcpResponse() {
      const ok = { statusCode: '0', statusSeverity: 'Info', statusMessage: statusMessages.ok };
      const rs = (name: string, requestID: string, ret: XNode): XNode => ({ name, attrs: { requestID, ...ok }, children: [ret], text: '' });
      const msgs = el('QBXMLMsgsRs', rs('HostQueryRs', '0', hostRet(host)), rs('CompanyQueryRs', '1', companyRet(company)), rs('PreferencesQueryRs', '2', preferencesRet(context(), features)));
      return `<?xml version="1.0" ?>\n<QBXML>\n${serialize(msgs)}\n</QBXML>\n`;
    },
    faults,
    list,
    bookkeeper,
    stats,
    get lastParseError() {
      return lastParseError;
    },
  };
}

/** Drops keys set to undefined, so that options cannot unset a default. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

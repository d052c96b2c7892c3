// An emulated QuickBooks Web Connector 2.3: drives a qbflow SOAP endpoint over real HTTP exactly in the order
// the real one does, hands each qbXML message to an emulated company file, and reports back.
//
//   serverVersion → clientVersion → authenticate → [open the company file, or connectionError]
//   → ( sendRequestXML → QuickBooks → receiveResponseXML )* → closeConnection
//
// sendRequestXML answering "" makes the Web Connector ask getLastError ("NoOp" = wait and ask again; anything
// else is the final message), a negative percent from receiveResponseXML makes it ask getLastError and end,
// 100 ends the run. nvu/none/busy end it right after authenticate (no closeConnection). Every SOAP call is
// recorded with its duration so a benchmark can count round trips.
import http from 'node:http';
import https from 'node:https';
import type { CompanyFile } from './company-file.js';
import { QbHresultError } from './company/errors.js';
import { readInt, readString, readStringArray, soapAction, soapRequest, SoapFaultError, SoapProtocolError, type QbwcMethod } from './soap.js';

export interface WebConnectorOptions {
  /** The AppURL from the .QWC file (http://localhost… or https://…). */
  url: string;
  userName: string;
  password: string;
  company: CompanyFile;
  /** What clientVersion reports (default 2.3.0.36, the current Web Connector). */
  clientVersion?: string;
  /** The real one asks the user after a "W:" warning; the emulator continues unless told to stop. */
  onClientVersionWarning?: 'continue' | 'stop';
  /** Wait after getLastError answers "NoOp" before asking again (the real Web Connector waits 5 s). */
  noOpDelayMs?: number;
  maxNoOps?: number;
  /** How often connectionError may answer with a file path to try again before the run gives up. */
  maxConnectionRetries?: number;
  requestTimeoutMs?: number;
  maxResponseBytes?: number;
}

export interface SoapCallRecord {
  method: QbwcMethod;
  startedAt: number;
  durationMs: number;
  ok: boolean;
  httpStatus?: number;
  error?: string;
}

export type RunOutcome =
  | 'completed'
  | 'none'
  | 'nvu'
  | 'busy'
  | 'clientVersionRefused'
  | 'updateRequired'
  | 'connectionError'
  | 'serverError'
  | 'soapFault'
  | 'protocolError'
  | 'transportError'
  | 'dropped';

export interface RunResult {
  outcome: RunOutcome;
  ticket?: string;
  clientVersionMessage?: string;
  /** authenticate's optional third and fourth strings. */
  postponeSeconds?: number;
  minimumRunEverySeconds?: number;
  /** The company file path authenticate asked for ("" = whichever file is open). */
  requestedCompanyFile?: string;
  /** qbXML messages handed to QuickBooks in this run. */
  messages: number;
  /** Requests inside those messages. */
  requests: number;
  percentDone: number[];
  hresultsReported: { hresult: string; message: string }[];
  connectionErrors: { hresult: string; message: string; reply: string }[];
  lastError?: string;
  closeMessage?: string;
  /** What went wrong with the endpoint itself (fault text, protocol or transport error). */
  error?: string;
  calls: SoapCallRecord[];
}

export interface WebConnectorFaults {
  /** After the next sendRequestXML answer(s): QuickBooks applies the request, then the HTTP connection that
   *  carries receiveResponseXML is cut mid-request. The response is lost; the session just stops.
   *  `when` picks the messages to drop (by their qbXML); by default the next ones. */
  dropConnectionAfterSendRequest(times?: number, when?: (request: string) => boolean): void;
  /** QuickBooks fails the next message(s) with an HRESULT; receiveResponseXML carries hresult and message. */
  returnHresult(rule: { hresult: string; message: string; applyFirst?: boolean; when?: (request: string) => boolean }, times?: number): void;
  quickBooksNotRunning(on: boolean): void;
  fileLocked(on: boolean): void;
  clear(): void;
}

export interface WebConnector {
  runOnce(): Promise<RunResult>;
  /** Runs now, then every N minutes (honouring postpone and minimum run-every seconds from authenticate). */
  start(everyMinutes: number): void;
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
  readonly running: boolean;
  /** Every SOAP call made so far. */
  readonly calls: readonly SoapCallRecord[];
  readonly runs: readonly RunResult[];
  resetCalls(): void;
  readonly faults: WebConnectorFaults;
}

class TransportError extends Error {
  constructor(
    readonly method: QbwcMethod,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(`${method}: ${message}`);
    this.name = 'TransportError';
  }
}

interface HttpReply {
  status: number;
  contentType: string;
  body: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The highest qbXML version the product supports, as the Web Connector reports it (major, minor). */
function highestVersion(versions: readonly string[]): [number, number] {
  let best: [number, number] = [0, 0];
  for (const v of versions) {
    const m = /^(\d+)\.(\d+)$/.exec(v.trim());
    if (!m) continue;
    const candidate: [number, number] = [Number(m[1]), Number(m[2])];
    if (candidate[0] > best[0] || (candidate[0] === best[0] && candidate[1] > best[1])) best = candidate;
  }
  return best;
}

function parseSeconds(method: QbwcMethod, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d+$/.test(value.trim())) throw new SoapProtocolError(method, `"${value}" is not a number of seconds`);
  return Number(value.trim());
}

export function createWebConnector(options: WebConnectorOptions): WebConnector {
  const url = new URL(options.url);
  const client = url.protocol === 'https:' ? https : http;
  let agent = new client.Agent({ keepAlive: true, maxSockets: 1 });
  const company = options.company;
  const allCalls: SoapCallRecord[] = [];
  const runs: RunResult[] = [];
  let dropsLeft = 0;
  let dropWhen: ((request: string) => boolean) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<RunResult> | undefined;
  let scheduled = false;

  function post(method: QbwcMethod, body: string): Promise<HttpReply> {
    return new Promise((resolve, reject) => {
      const req = client.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'text/xml; charset=utf-8',
            soapaction: soapAction(method),
            'content-length': Buffer.byteLength(body),
            'user-agent': `QBWebConnector/${options.clientVersion ?? '2.3.0.36'} (sandbox)`,
          },
          timeout: options.requestTimeoutMs ?? 120_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const limit = options.maxResponseBytes ?? 50 * 1024 * 1024;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
              req.destroy(new TransportError(method, `reply larger than ${limit} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (error) => reject(new TransportError(method, error.message)));
        },
      );
      req.on('timeout', () => req.destroy(new TransportError(method, 'timed out')));
      req.on('error', (error) => reject(error instanceof TransportError ? error : new TransportError(method, error.message)));
      req.end(body);
    });
  }

  /** Starts a receiveResponseXML and cuts the connection half-way through the body. */
  function dropMidRequest(body: string): Promise<void> {
    return new Promise((resolve) => {
      const req = client.request(url, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapAction('receiveResponseXML'), 'content-length': Buffer.byteLength(body) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.flushHeaders();
      req.write(body.slice(0, Math.floor(body.length / 2)), () => setTimeout(() => req.destroy(), 5));
    });
  }

  async function call<T>(run: RunResult, method: QbwcMethod, params: readonly [string, string | number | undefined][], read: (method: QbwcMethod, xml: string) => T): Promise<T> {
    const startedAt = Date.now();
    const started = performance.now();
    const record: SoapCallRecord = { method, startedAt, durationMs: 0, ok: false };
    try {
      const reply = await post(method, soapRequest(method, params));
      record.httpStatus = reply.status;
      if (reply.status !== 200 && reply.status !== 500) throw new TransportError(method, `HTTP ${reply.status}`, reply.status);
      if (!/xml/i.test(reply.contentType)) throw new SoapProtocolError(method, `reply Content-Type is "${reply.contentType}", not XML`);
      const value = read(method, reply.body); // a 500 carries a Fault, which read() throws as SoapFaultError
      if (reply.status === 500) throw new SoapProtocolError(method, 'HTTP 500 without a SOAP Fault');
      record.ok = true;
      return value;
    } catch (error) {
      record.error = (error as Error).message;
      throw error;
    } finally {
      record.durationMs = performance.now() - started;
      run.calls.push(record);
      allCalls.push(record);
    }
  }

  async function runOnce(): Promise<RunResult> {
    const run: RunResult = { outcome: 'completed', messages: 0, requests: 0, percentDone: [], hresultsReported: [], connectionErrors: [], calls: [] };
    runs.push(run);
    let sessionOpen = false;
    try {
      try {
        await call(run, 'serverVersion', [], readString);
      } catch (error) {
        // serverVersion is optional for a service: the Web Connector carries on without it
        if (error instanceof TransportError) throw error;
      }
      const clientVersionReply = await call(run, 'clientVersion', [['strVersion', options.clientVersion ?? '2.3.0.36']], readString);
      if (clientVersionReply) {
        run.clientVersionMessage = clientVersionReply;
        const kind = clientVersionReply.slice(0, 2).toUpperCase();
        if (kind === 'E:') return finish(run, 'clientVersionRefused');
        if (kind === 'O:') return finish(run, 'updateRequired');
        if (kind === 'W:' && options.onClientVersionWarning === 'stop') return finish(run, 'clientVersionRefused');
      }

      const auth = await call(run, 'authenticate', [['strUserName', options.userName], ['strPassword', options.password]], readStringArray);
      if (auth.length < 2) throw new SoapProtocolError('authenticate', `authenticateResult has ${auth.length} strings, at least 2 expected`);
      const [ticket = '', second = ''] = auth;
      run.ticket = ticket;
      const postpone = parseSeconds('authenticate', auth[2]);
      const minimum = parseSeconds('authenticate', auth[3]);
      if (postpone !== undefined) run.postponeSeconds = postpone;
      if (minimum !== undefined) run.minimumRunEverySeconds = minimum;
      const code = second.toLowerCase();
      if (code === 'nvu') return finish(run, 'nvu');
      if (code === 'none') return finish(run, 'none');
      if (code === 'busy') return finish(run, 'busy');
      run.requestedCompanyFile = second;

      // open the company file: the one QuickBooks has open (""), or the path the service asked for
      let wanted = second;
      for (let attempt = 0; ; attempt += 1) {
        try {
          if (wanted && wanted.toLowerCase() !== company.filePath.toLowerCase()) {
            throw new QbHresultError('0x80040403', 'Could not open the specified QuickBooks company data file.');
          }
          company.beginSession();
          sessionOpen = true;
          break;
        } catch (error) {
          if (!(error instanceof QbHresultError)) throw error;
          const reply = await call(run, 'connectionError', [['ticket', ticket], ['hresult', error.hresult], ['message', error.message]], readString);
          run.connectionErrors.push({ hresult: error.hresult, message: error.message, reply });
          if (reply.toLowerCase() === 'done' || attempt >= (options.maxConnectionRetries ?? 3)) {
            run.closeMessage = await call(run, 'closeConnection', [['ticket', ticket]], readString);
            return finish(run, 'connectionError');
          }
          wanted = reply;
        }
      }

      const [major, minor] = highestVersion(company.host.supportedVersions);
      let first = true;
      let noOps = 0;
      for (;;) {
        const request = await call(
          run,
          'sendRequestXML',
          [
            ['ticket', ticket],
            ['strHCPResponse', first ? company.hcpResponse() : ''],
            ['strCompanyFileName', company.filePath],
            ['qbXMLCountry', company.host.country],
            ['qbXMLMajorVers', major],
            ['qbXMLMinorVers', minor],
          ],
          readString,
        );
        first = false;
        if (request === '') {
          const lastError = await call(run, 'getLastError', [['ticket', ticket]], readString);
          if (lastError === 'NoOp' && noOps < (options.maxNoOps ?? 10)) {
            noOps += 1;
            await sleep(options.noOpDelayMs ?? 5000);
            continue;
          }
          run.lastError = lastError;
          break;
        }
        run.messages += 1;
        run.requests += (request.match(/<(?!QBXMLMsgsRq)[A-Za-z]+Rq[\s>/]/g) ?? []).length;
        let response = '';
        let hresult = '';
        let message = '';
        try {
          response = await company.processRequestAsync(request);
        } catch (error) {
          if (!(error instanceof QbHresultError)) throw error;
          hresult = error.hresult;
          message = error.message;
          run.hresultsReported.push({ hresult, message });
        }
        if (dropsLeft > 0 && (!dropWhen || dropWhen(request))) {
          dropsLeft -= 1;
          const body = soapRequest('receiveResponseXML', [['ticket', ticket], ['response', response], ['hresult', hresult], ['message', message]]);
          const started = performance.now();
          await dropMidRequest(body);
          const record: SoapCallRecord = { method: 'receiveResponseXML', startedAt: Date.now(), durationMs: performance.now() - started, ok: false, error: 'connection dropped by the Web Connector (fault injection)' };
          run.calls.push(record);
          allCalls.push(record);
          return finish(run, 'dropped');
        }
        const percent = await call(run, 'receiveResponseXML', [['ticket', ticket], ['response', response], ['hresult', hresult], ['message', message]], readInt);
        run.percentDone.push(percent);
        if (percent < 0) {
          run.lastError = await call(run, 'getLastError', [['ticket', ticket]], readString);
          break;
        }
        if (percent >= 100) break;
      }
      run.closeMessage = await call(run, 'closeConnection', [['ticket', ticket]], readString);
      return finish(run, run.percentDone.some((p) => p < 0) ? 'serverError' : 'completed');
    } catch (error) {
      run.error = (error as Error).message;
      if (error instanceof SoapFaultError) return finish(run, 'soapFault');
      if (error instanceof SoapProtocolError) return finish(run, 'protocolError');
      if (error instanceof TransportError) return finish(run, 'transportError');
      throw error;
    } finally {
      if (sessionOpen) company.endSession();
    }
  }

  function finish(run: RunResult, outcome: RunOutcome): RunResult {
    run.outcome = outcome;
    return run;
  }

  function schedule(delayMs: number, everyMs: number): void {
    timer = setTimeout(() => {
      inFlight = runOnce();
      void inFlight
        .catch(() => undefined)
        .then((run) => {
          inFlight = undefined;
          if (!scheduled) return;
          let next = everyMs;
          if (run?.minimumRunEverySeconds) next = Math.max(next, run.minimumRunEverySeconds * 1000);
          if (run?.postponeSeconds) next = run.postponeSeconds * 1000;
          schedule(next, everyMs);
        });
    }, delayMs);
  }

  return {
    runOnce,
    start(everyMinutes) {
      if (scheduled) return;
      scheduled = true;
      schedule(0, Math.max(1, everyMinutes * 60_000));
    },
    async stop() {
      scheduled = false;
      if (timer) clearTimeout(timer);
      if (inFlight) await inFlight.catch(() => undefined);
      // release kept-alive sockets; a later runOnce opens new ones
      agent.destroy();
      agent = new client.Agent({ keepAlive: true, maxSockets: 1 });
    },
    get running() {
      return scheduled;
    },
    get calls() {
      return allCalls;
    },
    get runs() {
      return runs;
    },
    resetCalls() {
      allCalls.length = 0;
    },
    faults: {
      dropConnectionAfterSendRequest(times = 1, when) {
        dropsLeft += times;
        dropWhen = when;
      },
      returnHresult(rule, times = 1) {
        company.faults.failMessage({ ...rule, times });
      },
      quickBooksNotRunning(on) {
        company.faults.setNotRunning(on);
      },
      fileLocked(on) {
        company.faults.setFileInUse(on);
      },
      clear() {
        dropsLeft = 0;
        dropWhen = undefined;
        company.faults.clear();
      },
    },
  };
}

// HTTP client for the QuickBooks Online Accounting API v3: auth, pacing, minorversion, requestid, faults.
import { createHash } from 'node:crypto';
import { Agent, request as httpRequest, type Dispatcher } from 'undici';
import { reportProgress } from '../progress.js';
import type { Pacer } from './pacing.js';
import type { TokenSource } from './tokens.js';
import { QuickBooksFault, QuickBooksUnavailable } from '../errors.js';

export interface FaultError {
  Message?: string;
  Detail?: string;
  code?: string;
  element?: string;
}

export interface QboRequest {
  method: 'GET' | 'POST';
  /** Path under the company, e.g. `/invoice`, `/invoice/42`, `/query`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Intuit's idempotency key for writes (≤ 50 characters). */
  requestId?: string;
  /** For a POST without a JSON body (invoice send: application/octet-stream). */
  contentType?: string;
}

export interface QboClientOptions {
  baseUrl: string;
  minorVersion: number;
  tokens: TokenSource;
  pacer: Pacer;
  timeoutMs?: number;
}

export interface CompanyClient {
  readonly realmId: string;
  request<T>(request: QboRequest): Promise<T>;
}

export function createQboClient(options: QboClientOptions) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // undici's request rather than fetch: the same pooled keep-alive connections at a quarter of the CPU per call
  // (no WHATWG streams, Headers or Response objects), and QuickBooks calls are most of an order's HTTP
  const agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs });

  async function send(realmId: string, token: string, request: QboRequest): Promise<Dispatcher.ResponseData> {
    const url = new URL(`${options.baseUrl}/v3/company/${encodeURIComponent(realmId)}${request.path}`);
    url.searchParams.set('minorversion', String(options.minorVersion));
    if (request.requestId) url.searchParams.set('requestid', requestIdFor(request.requestId));
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    await options.pacer.acquire(realmId);
    reportProgress(); // each call is progress; a dead worker is noticed quickly
    try {
      return await httpRequest(url, {
        dispatcher: agent,
        method: request.method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(request.body === undefined ? (request.contentType ? { 'Content-Type': request.contentType } : {}) : { 'Content-Type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
    } catch (error) {
      throw new QuickBooksUnavailable(`QuickBooks could not be reached: ${(error as Error).message}`);
    }
  }

  return {
    forCompany(connectionId: string, realmId: string): CompanyClient {
      return {
        realmId,
        async request<T>(request: QboRequest): Promise<T> {
          let token = await options.tokens.accessToken(connectionId);
          let response = await send(realmId, token, request);
          if (response.statusCode === 401) {
            // Expired or rotated under us: get a newer token once, then let QuickBooks' answer stand.
            await response.body.dump();
            token = await options.tokens.accessToken(connectionId, token);
            response = await send(realmId, token, request);
          }
          return readBody<T>(response);
        },
      };
    },
  };
}

async function readBody<T>(response: Dispatcher.ResponseData): Promise<T> {
  const status = response.statusCode;
  const text = await response.body.text().catch((error: Error) => {
    throw new QuickBooksUnavailable(`QuickBooks' answer was cut off: ${error.message}`, status);
  });
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new QuickBooksUnavailable(`QuickBooks answered HTTP ${status} with a body that is not JSON`, status);
  }
  const fault = faultOf(json);
  if (fault) {
    const first = fault.Error?.[0] ?? {};
    const fault_ = new QuickBooksFault(
      status,
      String(first.code ?? status),
      first.Detail || first.Message || 'no detail given',
      fault.type ?? 'Unknown',
      first.element,
    );
    if (status >= 500) throw new QuickBooksUnavailable(fault_.message, status);
    throw fault_;
  }
  if (status < 200 || status > 299) throw new QuickBooksUnavailable(`QuickBooks answered HTTP ${status}`, status);
  return json as T;
}

/**
 * The Fault of an answer, in either of Intuit's shapes: the accounting service's `Fault.Error[]` (Message,
 * Detail, code) or the gateway's `fault.error[]` (message, detail, code) used for 401 and 403.
 */
function faultOf(json: unknown): { Error?: FaultError[]; type?: string } | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  const fault = (record.Fault ?? record.fault) as { Error?: FaultError[]; error?: Record<string, unknown>[]; type?: string } | undefined;
  if (!fault || typeof fault !== 'object') return undefined;
  const errors = fault.Error ?? fault.error?.map((e) => ({
    Message: e.message as string | undefined,
    Detail: e.detail as string | undefined,
    code: e.code as string | undefined,
    element: e.element as string | undefined,
  }));
  return { Error: errors, type: fault.type };
}

export type QboClient = ReturnType<typeof createQboClient>;

/** Quotes a value for Intuit's query language (single quotes, `\'` inside). */
export function queryString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Intuit takes request ids of at most 50 characters: longer keys travel as their hash. */
function requestIdFor(key: string): string {
  return key.length <= 50 ? key : createHash('sha256').update(key).digest('base64url').slice(0, 43);
}

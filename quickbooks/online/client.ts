// HTTP client for the QuickBooks Online Accounting API v3: auth, pacing, minorversion, requestid, faults.
import { createHash } from 'node:crypto';
import { reportProgress } from './progress.js';
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
  fetch?: typeof fetch;
}

export interface CompanyClient {
  readonly realmId: string;
  request<T>(request: QboRequest): Promise<T>;
}

export function createQboClient(options: QboClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function send(realmId: string, token: string, request: QboRequest): Promise<Response> {
    const url = new URL(`${options.baseUrl}/v3/company/${encodeURIComponent(realmId)}${request.path}`);
    url.searchParams.set('minorversion', String(options.minorVersion));
    if (request.requestId) url.searchParams.set('requestid', requestIdFor(request.requestId));
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    await options.pacer.acquire(realmId);
    reportProgress(); // each call is progress; a dead worker is noticed quickly
    try {
      return await doFetch(url, {
        method: request.method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(request.body === undefined ? (request.contentType ? { 'Content-Type': request.contentType } : {}) : { 'Content-Type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
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
          if (response.status === 401) {
            // Expired or rotated under us: get a newer token once, then let QuickBooks' answer stand.
            await response.body?.cancel();
            token = await options.tokens.accessToken(connectionId, token);
            response = await send(realmId, token, request);
          }
          return readBody<T>(response);
        },
      };
    },
  };
}

async function readBody<T>(response: Response): Promise<T> {
  const text = await response.text().catch((error: Error) => {
    throw new QuickBooksUnavailable(`QuickBooks' answer was cut off: ${error.message}`, response.status);
  });
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new QuickBooksUnavailable(`QuickBooks answered HTTP ${response.status} with a body that is not JSON`, response.status);
  }
  const fault = faultOf(json);
  if (fault) {
    const first = fault.Error?.[0] ?? {};
    const fault_ = new QuickBooksFault(
      response.status,
      String(first.code ?? response.status),
      first.Detail || first.Message || 'no detail given',
      fault.type ?? 'Unknown',
      first.element,
    );
    if (response.status >= 500) throw new QuickBooksUnavailable(fault_.message, response.status);
    throw fault_;
  }
  if (!response.ok) throw new QuickBooksUnavailable(`QuickBooks answered HTTP ${response.status}`, response.status);
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

// Starts a sandbox on an ephemeral port and talks to it over real HTTP, as the product does.
import { createQboSandbox, type QboSandbox, type QboSandboxOptions, type TokenSet } from '../../sandbox/qbo/index.js';

export interface Harness {
  sandbox: QboSandbox;
  url: string;
  close(): Promise<void>;
}

/** Generous throttles unless a test asks for Intuit's, so ordinary tests never trip them. */
export async function startSandbox(options: QboSandboxOptions = {}): Promise<Harness> {
  const sandbox = createQboSandbox({
    autoApprove: true,
    ...options,
    limits: { perSecond: 100_000, perMinute: 1_000_000, batchPerMinute: 100_000, ...options.limits },
  });
  const url = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  return { sandbox, url, close: () => sandbox.close() };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2026-03-02T17:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface Reply {
  status: number;
  // Response bodies are checked field by field in the tests.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface Api {
  realmId: string;
  token: TokenSet;
  call(method: string, path: string, body?: unknown, options?: { contentType?: string; token?: string }): Promise<Reply>;
  query(text: string): Promise<Reply>;
}

export async function request(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON (an HTML page)
  }
  return { status: response.status, body, headers: response.headers };
}

/** A realm with a token issued directly (the OAuth flow has its own tests). */
export function apiFor(harness: Harness, realmId: string, token: TokenSet = harness.sandbox.tokens.issue(realmId)): Api {
  const call: Api['call'] = (method, path, body, options = {}) => {
    const separator = path.includes('?') ? '&' : '?';
    const url = `${harness.url}/v3/company/${realmId}${path}${path.includes('minorversion') ? '' : `${separator}minorversion=75`}`;
    const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? token.access_token}`, accept: 'application/json' };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    return request(url, { method, headers, body: payload });
  };
  return {
    realmId,
    token,
    call,
    query: (text) => call('GET', `/query?query=${encodeURIComponent(text)}`),
  };
}

export async function newCompany(harness: Harness, options: Parameters<QboSandbox['companies']['create']>[0] = {}): Promise<Api> {
  return apiFor(harness, harness.sandbox.companies.create(options).realmId);
}

/** The Intuit fault inside a 4xx/5xx body. */
export function faultOf(reply: Reply): { code: string; Message: string; Detail: string; element: string; type: string } {
  const fault = reply.body?.Fault;
  if (!fault) throw new Error(`no Fault in ${reply.status} ${JSON.stringify(reply.body)}`);
  return { ...fault.Error[0], type: fault.type };
}

export function accountId(api: Api, harness: Harness, name: string): string {
  const account = harness.sandbox.companies.objects(api.realmId, 'Account').find((a) => a.Name === name);
  if (!account) throw new Error(`no account ${name}`);
  return String(account.Id);
}

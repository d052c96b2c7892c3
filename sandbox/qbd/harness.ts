// Connecting an emulated company file to a running qbflow, the way a bookkeeper would: create a qbd connection
// through the API, add its Web Connector entry (user name and the password shown once), run the Web Connector.
// Used by the demo, the benchmark and the tests.
import { createCompanyFile, type CompanyFile, type CompanyFileOptions } from './company-file.js';
import { createWebConnector, type RunResult, type WebConnector, type WebConnectorOptions } from './web-connector.js';

/**
 * QBD_* settings for quick runs (tests, demo, bench): short long-polls and holds, frequent heartbeats. Production
 * defaults are sized for a Web Connector that runs every few minutes against a real QuickBooks.
 */
export const QUICK_QBD_ENV = {
  QBD_LONG_POLL_MS: '1500',
  QBD_FOLLOW_UP_GRACE_MS: '1500',
  QBD_HOLD_SECONDS: '10',
  QBD_RECHECK_SECONDS: '30',
  QBD_BUSY_SECONDS: '2',
} as const;

export interface DesktopConnection {
  connectionId: string;
  userName: string;
  password: string;
  company: CompanyFile;
  wc: WebConnector;
}

export interface ConnectDesktopOptions {
  name?: string;
  runEveryMinutes?: number;
  company?: CompanyFile | CompanyFileOptions;
  webConnector?: Partial<Omit<WebConnectorOptions, 'url' | 'userName' | 'password' | 'company'>>;
  /** Run the Web Connector once right away (binds the company file and imports its lists). Default true. */
  firstRun?: boolean;
}

async function call(apiUrl: string, apiKey: string, method: string, path: string, body?: unknown): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${json.detail ?? JSON.stringify(json)}`);
  return json;
}

const isCompanyFile = (value: unknown): value is CompanyFile => typeof (value as CompanyFile | undefined)?.processRequest === 'function';

export async function connectDesktop(apiUrl: string, apiKey: string, options: ConnectDesktopOptions = {}): Promise<DesktopConnection> {
  const created = await call(apiUrl, apiKey, 'POST', '/v1/connections', {
    type: 'qbd', name: options.name ?? 'Desktop company', ...(options.runEveryMinutes ? { runEveryMinutes: options.runEveryMinutes } : {}),
  });
  const company = isCompanyFile(options.company) ? options.company : createCompanyFile(options.company);
  const { userName, password } = created.webConnector as { userName: string; password: string };
  const wc = createWebConnector({ noOpDelayMs: 100, maxNoOps: 600, ...options.webConnector, url: `${apiUrl}/qbwc`, userName, password, company });
  const connection: DesktopConnection = { connectionId: created.connection.id, userName, password, company, wc };
  if (options.firstRun !== false) {
    const run = await wc.runOnce();
    if (run.outcome !== 'completed') throw new Error(`the first Web Connector run ended "${run.outcome}": ${run.error ?? run.lastError ?? run.closeMessage ?? ''}`);
  }
  return connection;
}

/**
 * Runs the Web Connector until `done()` holds, as a person clicking "Update Selected" would: runs that find nothing
 * to do ("none") or a busy service are followed by a short pause.
 */
export async function runUntil(wc: WebConnector, done: () => boolean | Promise<boolean>, options: { timeoutMs?: number; pauseMs?: number; onRun?: (run: RunResult) => void } = {}): Promise<RunResult[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const runs: RunResult[] = [];
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done after ${runs.length} Web Connector run(s): ${runs.map((r) => r.outcome).join(', ')}`);
    const run = await wc.runOnce();
    runs.push(run);
    options.onRun?.(run);
    if (run.outcome !== 'completed') await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 200));
  }
  return runs;
}

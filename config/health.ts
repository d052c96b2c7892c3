// Liveness and readiness, for the API (as routes) and the worker (a tiny listener of its own). Live: the process
// answers. Ready: what it stands on answers too (PostgreSQL, the Temporal frontend), so a load balancer or an
// orchestrator sends it work only then, and restarts it only when it is not live.
import { createServer, type Server } from 'node:http';

/** Named checks; each resolves when its dependency answers. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

export interface Readiness {
  ready: boolean;
  /** Each check: "ok" or why not. */
  checks: Record<string, string>;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: () => Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

export async function readiness(checks: ReadinessChecks): Promise<Readiness> {
  const entries = await Promise.all(Object.entries(checks).map(async ([name, check]) => {
    try {
      await withTimeout(check);
      return [name, 'ok'] as const;
    } catch (error) {
      return [name, error instanceof Error ? error.message : String(error)] as const;
    }
  }));
  return { ready: entries.every(([, state]) => state === 'ok'), checks: Object.fromEntries(entries) };
}

export interface ProcessState {
  /** Still doing its job (a worker draining its activities is live: restarting it would cut them short). */
  live: boolean;
  /** Takes new work. */
  accepting: boolean;
}

/**
 * The worker's listener: GET /health/live (200 while live) and GET /health/ready (200 when accepting work and every
 * check passes, else 503 with the reasons). Anything else is 404.
 */
export function serveHealth(port: number, state: () => ProcessState, checks: ReadinessChecks): Promise<Server> {
  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET') return answer(405, { error: 'GET only' });
    const now = state();
    if (request.url === '/health/live') return answer(now.live ? 200 : 503, { live: now.live });
    if (request.url === '/health/ready') {
      if (!now.accepting) return answer(503, { ready: false, checks: { worker: 'stopping' } });
      void readiness(checks).then((result) => answer(result.ready ? 200 : 503, result));
      return;
    }
    answer(404, { error: 'not found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}

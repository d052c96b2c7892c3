// A webhook receiver for tests: a real node:http listener on port 0 that keeps every request's raw body and
// headers and answers with a scripted sequence of statuses (or waits, to make the sender time out).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The parsed body (tests read it field by field). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  status: number;
}

/** What to do with the n-th request (0-based): answer a status, or hold the answer this long first. */
export type Answer = number | { status: number; delayMs: number };

export interface Receiver {
  url: string;
  received: Received[];
  /** Scripted answers, used in order; 200 once they run out. */
  answers: Answer[];
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(answers: Answer[] = []): Promise<Receiver> {
  const received: Received[] = [];
  const state = { answers: [...answers] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const answer = state.answers.shift() ?? 200;
      const { status, delayMs } = typeof answer === 'number' ? { status: answer, delayMs: 0 } : answer;
      received.push({ at: Date.now(), headers: request.headers, raw, json: JSON.parse(raw), status });
      setTimeout(() => {
        if (!response.destroyed) response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'nope');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/intuit/webhooks`,
    received,
    get answers() {
      return state.answers;
    },
    set answers(next: Answer[]) {
      state.answers = [...next];
    },
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${received.length} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a receiver computes to check `intuit-signature` (Intuit's sample code, in TypeScript). */
export function expectedSignature(raw: string, verifierToken: string): string {
  return createHmac('sha256', verifierToken).update(raw, 'utf8').digest('base64');
}

/** Events of one delivery as `realmId entity id operation`, whatever the format. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function eventsOf(json: any): string[] {
  if (Array.isArray(json)) {
    return json.map((e: { intuitaccountid: string; type: string; intuitentityid: string }) => `${e.intuitaccountid} ${e.type} ${e.intuitentityid}`);
  }
  const out: string[] = [];
  for (const n of json.eventNotifications) for (const e of n.dataChangeEvent.entities) out.push(`${n.realmId} ${e.name} ${e.id} ${e.operation}`);
  return out;
}

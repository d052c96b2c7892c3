// What the parts of the QuickBooks Desktop request queue share: the row types, the channel new work is announced on,
// and who is woken when requests end (see queue.ts for the whole).
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import type { qbdSessions } from '../../schema/index.js';
import { qbdRequests } from '../../schema/index.js';

export type QbdRequestRow = typeof qbdRequests.$inferSelect;
export type QbdSession = typeof qbdSessions.$inferSelect;

export const QBD_CHANNELS = {
  /** A request was queued or a hold was let go: payload is the connection id. */
  enqueued: 'qbd_enqueued',
} as const;
export type QbdChannel = (typeof QBD_CHANNELS)[keyof typeof QBD_CHANNELS];

export interface NewQbdRequest {
  connectionId: string;
  requestId: string;
  kind: string;
  requestXml: string;
  /** The ledger operation (`{key}:{generation}`), which of its sends, and the workflow to wake. */
  owner?: string;
  journalKey?: string;
  workflowId?: string;
  job?: unknown;
}

/** Whom to wake when requests were answered, failed or given back: a workflow and the operation it waits on. */
export interface Waiter {
  workflowId: string;
  owner: string;
}

export interface QbdAnswer {
  id: number;
  statusCode: number;
  statusMessage: string;
  result: unknown;
  response: string;
}

/** What an operator needs to see of a Desktop connection's Web Connector side. */
export interface WebConnectorHealth {
  /** Requests waiting for the Web Connector (queued, or sent in a session that has not answered). */
  queued: number;
  /** The oldest of those, when there are any. */
  oldestQueuedAt: Date | null;
  /** When a Web Connector last called, and the last run that ended in an error (with the words it was given). */
  lastContactAt: Date | null;
  lastError: { message: string; at: Date } | null;
}

export interface QueueCounts {
  queued: number;
  sent: number;
  holds: number;
}

/** The slice of a qbXML message one sendRequestXML hands out. */
export interface BatchLimits {
  maxRequests: number;
  maxBytes: number;
}

export type SessionUpdate = Partial<Pick<QbdSession, 'companyFilePath' | 'qbxmlVersion' | 'lastError' | 'connectionErrors'>>;

export async function notifyChannel(executor: Database | Executor, channel: QbdChannel, connectionId: string): Promise<void> {
  await executor.execute(sql`select pg_notify(${channel}, ${connectionId})`);
}

/** Gives back what a session was sent and never answered: reads go back in the queue, writes are lost. */
export async function releaseSent(executor: Executor, sessionId: string, lostError: string, maxReadAttempts: number): Promise<Waiter[]> {
  await executor.update(qbdRequests).set({ state: 'queued', sessionId: null })
    .where(and(eq(qbdRequests.sessionId, sessionId), eq(qbdRequests.state, 'sent'), sql`${qbdRequests.kind} like '%Query'`, lt(qbdRequests.attempts, maxReadAttempts)));
  const lost = await executor.update(qbdRequests).set({ state: 'failed', failure: 'lost', error: lostError, answeredAt: new Date() })
    .where(and(eq(qbdRequests.sessionId, sessionId), eq(qbdRequests.state, 'sent')))
    .returning({ workflowId: qbdRequests.workflowId, owner: qbdRequests.owner });
  return waitersOf(lost);
}

/** Distinct (workflow, operation) pairs of the rows touched; rows no workflow waits on (list imports) are left out. */
export function waitersOf(rows: { workflowId: string | null; owner: string | null }[]): Waiter[] {
  const seen = new Map<string, Waiter>();
  for (const row of rows) {
    if (row.workflowId && row.owner) seen.set(`${row.workflowId}\u0000${row.owner}`, { workflowId: row.workflowId, owner: row.owner });
  }
  return [...seen.values()];
}

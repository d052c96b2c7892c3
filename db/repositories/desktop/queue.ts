// The QuickBooks Desktop request queue, the Web Connector sessions that drain it, and the holds that keep a
// session open for follow-up work, as one repository made of its parts (queue-requests, queue-sessions,
// queue-holds). New work is announced with NOTIFY so the endpoint's long polls wake up without polling hard;
// workflows are woken by the endpoint (signals).
import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { qbdHolds, qbdRequests, qbdSessions } from '../../schema/index.js';
import { createQbdHoldRepository } from './queue-holds.js';
import type { QueueCounts, WebConnectorHealth } from './queue-model.js';
import { createQbdRequestQueue } from './queue-requests.js';
import { createQbdSessionRepository } from './queue-sessions.js';

export * from './queue-model.js';

export function createQbdQueueRepository(db: Database) {
  return {
    ...createQbdRequestQueue(db),
    ...createQbdSessionRepository(db),
    ...createQbdHoldRepository(db),
    ...createQueueHealth(db),
  };
}

export type QbdQueueRepository = ReturnType<typeof createQbdQueueRepository>;

/** What the queue and the sessions say about a connection, for operators and the connection's status. */
function createQueueHealth(db: Database) {
  return {
    async counts(connectionId: string, executor: Executor = db): Promise<QueueCounts> {
      const rows = await executor.select({ state: qbdRequests.state, n: count() }).from(qbdRequests)
        .where(and(eq(qbdRequests.connectionId, connectionId), inArray(qbdRequests.state, ['queued', 'sent'])))
        .groupBy(qbdRequests.state);
      const [holds] = await executor.select({ n: count() }).from(qbdHolds)
        .where(and(eq(qbdHolds.connectionId, connectionId), gt(qbdHolds.expiresAt, sql`now()`)));
      const of = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
      return { queued: of('queued'), sent: of('sent'), holds: holds?.n ?? 0 };
    },

    async health(connectionId: string, executor: Executor = db): Promise<WebConnectorHealth> {
      const [queue] = await executor.select({ n: count(), oldest: sql<Date | null>`min(${qbdRequests.createdAt})` }).from(qbdRequests)
        .where(and(eq(qbdRequests.connectionId, connectionId), inArray(qbdRequests.state, ['queued', 'sent'])));
      const [contact] = await executor.select({ at: sql<Date | null>`max(${qbdSessions.lastSeenAt})` }).from(qbdSessions)
        .where(eq(qbdSessions.connectionId, connectionId));
      const [failed] = await executor.select({ message: qbdSessions.lastError, at: qbdSessions.lastSeenAt }).from(qbdSessions)
        .where(and(eq(qbdSessions.connectionId, connectionId), inArray(qbdSessions.endReason, ['refused', 'error', 'connectionError']), sql`${qbdSessions.lastError} is not null`))
        .orderBy(sql`${qbdSessions.lastSeenAt} desc`).limit(1);
      const date = (value: Date | string | null | undefined) => (value ? new Date(value) : null);
      return {
        queued: queue?.n ?? 0,
        oldestQueuedAt: date(queue?.oldest),
        lastContactAt: date(contact?.at),
        lastError: failed?.message ? { message: failed.message, at: failed.at } : null,
      };
    },
  };
}

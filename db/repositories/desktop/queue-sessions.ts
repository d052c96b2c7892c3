// Web Connector sessions: one per authenticated run of a company file's Web Connector; ending one gives back what
// it was sent and never answered.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { qbdSessions } from '../../schema/index.js';
import { releaseSent, type QbdSession, type SessionUpdate, type Waiter } from './queue-model.js';

export function createQbdSessionRepository(db: Database) {
  return {
    async openSession(connectionId: string, ticketHash: string, executor: Executor = db): Promise<QbdSession> {
      const [row] = await executor.insert(qbdSessions).values({ connectionId, ticketHash }).returning();
      return row!;
    },

    async findSession(ticketHash: string, executor: Executor = db): Promise<QbdSession | undefined> {
      const [row] = await executor.select().from(qbdSessions).where(eq(qbdSessions.ticketHash, ticketHash));
      return row;
    },

    async findSessionById(id: string, executor: Executor = db): Promise<QbdSession | undefined> {
      const [row] = await executor.select().from(qbdSessions).where(eq(qbdSessions.id, id));
      return row;
    },

    async openSessions(connectionId: string, executor: Executor = db): Promise<(QbdSession & { sent: number; idleSeconds: number })[]> {
      const rows = await executor.select({
        session: qbdSessions,
        sent: sql<number>`(select count(*)::int from qbd_requests r where r.session_id = qbd_sessions.id and r.state = 'sent')`,
        idleSeconds: sql<number>`extract(epoch from now() - ${qbdSessions.lastSeenAt})::float8`,
      }).from(qbdSessions).where(and(eq(qbdSessions.connectionId, connectionId), eq(qbdSessions.state, 'open')));
      return rows.map((r) => ({ ...r.session, sent: Number(r.sent), idleSeconds: Number(r.idleSeconds) }));
    },

    async updateSession(id: string, fields: SessionUpdate, executor: Executor = db): Promise<void> {
      await executor.update(qbdSessions).set({ ...fields, lastSeenAt: new Date() }).where(eq(qbdSessions.id, id));
    },

    /** Seconds since the session last had something to send. */
    async idleSeconds(id: string, executor: Executor = db): Promise<number> {
      const [row] = await executor.select({ s: sql<number>`extract(epoch from now() - ${qbdSessions.lastWorkAt})::float8` })
        .from(qbdSessions).where(eq(qbdSessions.id, id));
      return Number(row?.s ?? 0);
    },

    /**
     * Ends a session once; what it was sent and never answered is given back (writes as lost). Returns whom to wake,
     * or undefined when it had ended already.
     */
    async endSession(id: string, reason: string, lastError: string | null, options: { lostError: string; maxReadAttempts: number }): Promise<Waiter[] | undefined> {
      return db.transaction(async (tx) => {
        const ended = await tx.update(qbdSessions)
          .set({ state: 'ended', endReason: reason, endedAt: new Date(), ...(lastError !== null ? { lastError } : {}) })
          .where(and(eq(qbdSessions.id, id), eq(qbdSessions.state, 'open')))
          .returning({ connectionId: qbdSessions.connectionId });
        if (!ended[0]) return undefined;
        const waiters = await releaseSent(tx, id, options.lostError, options.maxReadAttempts);
        return waiters;
      });
    },

    /** Sessions of the connection holding sent requests that nobody has heard from for `seconds`. */
    async staleSessions(connectionId: string, seconds: number, executor: Executor = db): Promise<string[]> {
      const rows = await executor.select({ id: qbdSessions.id }).from(qbdSessions).where(and(
        eq(qbdSessions.connectionId, connectionId),
        eq(qbdSessions.state, 'open'),
        lt(qbdSessions.lastSeenAt, sql`now() - make_interval(secs => ${seconds})`),
      ));
      return rows.map((r) => r.id);
    },
  };
}

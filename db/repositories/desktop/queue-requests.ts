// The Desktop request queue itself: requests queued by ledger operations, handed to Web Connector sessions in
// batches (FOR UPDATE SKIP LOCKED, so a request is in one session at a time), answered, failed or given back.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Database, Executor } from '../../client.js';
import { qbdRequests, qbdSessions, type QbdRequestFailure } from '../../schema/index.js';
import { QBD_CHANNELS, notifyChannel, releaseSent, waitersOf, type BatchLimits, type NewQbdRequest, type QbdAnswer, type QbdChannel, type QbdRequestRow, type Waiter } from './queue-model.js';

export function createQbdRequestQueue(db: Database) {
  const notify = (channel: QbdChannel, connectionId: string, executor: Executor = db) => notifyChannel(executor, channel, connectionId);

  return {
    notify,

    /** Subscribes to a channel on a connection of its own; resolves to the unsubscribe function. */
    async listen(channel: QbdChannel, onPayload: (connectionId: string) => void): Promise<() => Promise<void>> {
      // drizzle keeps the postgres.js client it wraps; LISTEN needs that client's dedicated connection
      const client = (db as Database & { $client?: Sql }).$client;
      if (!client) throw new Error('LISTEN needs the postgres.js client behind the database handle');
      const meta = await client.listen(channel, (payload: string) => onPayload(payload));
      return () => meta.unlisten();
    },

    async enqueue(requests: NewQbdRequest[], executor: Executor = db): Promise<QbdRequestRow[]> {
      if (requests.length === 0) return [];
      const rows = await executor.insert(qbdRequests).values(requests).returning();
      for (const connectionId of new Set(requests.map((r) => r.connectionId))) await notify(QBD_CHANNELS.enqueued, connectionId, executor);
      return rows;
    },

    /** The requests one send of an operation queued (none when it has not been sent yet), in order. */
    async journalEntry(owner: string, journalKey: string, executor: Executor = db): Promise<QbdRequestRow[]> {
      return executor.select().from(qbdRequests)
        .where(and(eq(qbdRequests.owner, owner), eq(qbdRequests.journalKey, journalKey)))
        .orderBy(asc(qbdRequests.id));
    },

    /** Requests of the connection waiting to be handed to a session. */
    async queuedCount(connectionId: string, executor: Executor = db): Promise<number> {
      const [row] = await executor.select({ n: count() }).from(qbdRequests)
        .where(and(eq(qbdRequests.connectionId, connectionId), eq(qbdRequests.state, 'queued')));
      return row?.n ?? 0;
    },

    /**
     * Queues the requests of one send if the connection has fewer than `cap` queued (undefined when it has not);
     * one connection's checks and inserts take turns (a transaction lock on the connection), so the cap holds when
     * many operations start at once.
     */
    async enqueueWithin(connectionId: string, requests: NewQbdRequest[], cap: number): Promise<QbdRequestRow[] | undefined> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`qbd-queue:${connectionId}`}, 0))`);
        const [row] = await tx.select({ n: count() }).from(qbdRequests)
          .where(and(eq(qbdRequests.connectionId, connectionId), eq(qbdRequests.state, 'queued')));
        if ((row?.n ?? 0) >= cap) return undefined;
        const rows = await tx.insert(qbdRequests).values(requests).returning();
        await notify(QBD_CHANNELS.enqueued, connectionId, tx);
        return rows;
      });
    },

    async findRequests(ids: number[], executor: Executor = db): Promise<QbdRequestRow[]> {
      if (ids.length === 0) return [];
      return executor.select().from(qbdRequests).where(inArray(qbdRequests.id, ids)).orderBy(asc(qbdRequests.id));
    },

    async requestsOf(connectionId: string, executor: Executor = db): Promise<QbdRequestRow[]> {
      return executor.select().from(qbdRequests).where(eq(qbdRequests.connectionId, connectionId)).orderBy(asc(qbdRequests.id));
    },

    /**
     * Hands the oldest queued requests of a connection to a session: up to the limits, never two sessions the same
     * row. A request marked solo (after QuickBooks refused a message it was in) travels alone.
     */
    async takeBatch(connectionId: string, sessionId: string, limits: BatchLimits): Promise<QbdRequestRow[]> {
      return db.transaction(async (tx) => {
        const candidates = await tx.select({ id: qbdRequests.id, solo: qbdRequests.solo, size: sql<number>`octet_length(${qbdRequests.requestXml})` })
          .from(qbdRequests)
          .where(and(eq(qbdRequests.connectionId, connectionId), eq(qbdRequests.state, 'queued')))
          .orderBy(asc(qbdRequests.id))
          .limit(limits.maxRequests)
          .for('update', { skipLocked: true });
        const taken: number[] = [];
        let bytes = 0;
        for (const candidate of candidates) {
          if (taken.length > 0 && (candidate.solo || bytes + Number(candidate.size) > limits.maxBytes)) break;
          taken.push(candidate.id);
          bytes += Number(candidate.size);
          if (candidate.solo) break;
        }
        if (taken.length === 0) return [];
        const rows = await tx.update(qbdRequests)
          .set({ state: 'sent', sessionId, attempts: sql`${qbdRequests.attempts} + 1`, sentAt: new Date() })
          .where(inArray(qbdRequests.id, taken))
          .returning();
        await tx.update(qbdSessions).set({ messages: sql`${qbdSessions.messages} + 1`, lastError: null, lastSeenAt: new Date(), lastWorkAt: new Date() })
          .where(eq(qbdSessions.id, sessionId));
        return rows.sort((a, b) => a.id - b.id);
      });
    },

    async sentIn(sessionId: string, executor: Executor = db): Promise<QbdRequestRow[]> {
      return executor.select().from(qbdRequests)
        .where(and(eq(qbdRequests.sessionId, sessionId), eq(qbdRequests.state, 'sent')))
        .orderBy(asc(qbdRequests.id));
    },

    /** Stores answers (only for requests this session still holds) and counts them on the session; returns whom to wake. */
    async answer(sessionId: string, answers: QbdAnswer[], executor: Executor = db): Promise<Waiter[]> {
      if (answers.length === 0) return [];
      const payload = JSON.stringify(answers.map((a) => ({
        id: a.id, status_code: a.statusCode, status_message: a.statusMessage, result: a.result, response: a.response,
      })));
      const updated = await executor.execute(sql`
        update qbd_requests as r
           set state = 'answered', status_code = x.status_code, status_message = x.status_message,
               result = x.result, response = x.response, answered_at = now()
          from jsonb_to_recordset(${payload}::jsonb) as x(id bigint, status_code int, status_message text, result jsonb, response text)
         where r.id = x.id and r.session_id = ${sessionId} and r.state = 'sent'
        returning r.id, r.workflow_id as "workflowId", r.owner`);
      await executor.update(qbdSessions).set({ answered: sql`${qbdSessions.answered} + ${updated.length}`, lastSeenAt: new Date() })
        .where(eq(qbdSessions.id, sessionId));
      return waitersOf(updated as unknown as { workflowId: string | null; owner: string | null }[]);
    },

    /** QuickBooks refused a whole message without applying it: send its requests again, one per message. */
    async isolate(connectionId: string, sessionId: string, executor: Executor = db): Promise<void> {
      await executor.update(qbdRequests).set({ state: 'queued', sessionId: null, solo: true })
        .where(and(eq(qbdRequests.sessionId, sessionId), eq(qbdRequests.state, 'sent')));
      await notify(QBD_CHANNELS.enqueued, connectionId, executor);
    },

    /** Fails what a session holds, for a reason that will not go away by itself; returns whom to wake. */
    async fail(sessionId: string, failure: QbdRequestFailure, error: string, executor: Executor = db): Promise<Waiter[]> {
      const failed = await executor.update(qbdRequests).set({ state: 'failed', failure, error, answeredAt: new Date() })
        .where(and(eq(qbdRequests.sessionId, sessionId), eq(qbdRequests.state, 'sent')))
        .returning({ workflowId: qbdRequests.workflowId, owner: qbdRequests.owner });
      return waitersOf(failed);
    },

    /** Gives back what a session holds without ending it (an answer that never came for some requests). */
    release(sessionId: string, lostError: string, maxReadAttempts: number, executor: Executor = db): Promise<Waiter[]> {
      return releaseSent(executor, sessionId, lostError, maxReadAttempts);
    },
  };
}

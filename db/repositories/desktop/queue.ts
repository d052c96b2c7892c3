// The QuickBooks Desktop request queue, the Web Connector sessions that drain it, and the holds that keep a
// session open for follow-up work. Every hand-out locks rows (FOR UPDATE SKIP LOCKED) so a request is in one
// session at a time; a session that ends without answering gives its requests back. New work is announced with
// NOTIFY so the endpoint's long polls wake up without polling hard; workflows are woken by the endpoint (signals).
import { and, asc, count, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Database, Executor } from '../../client.js';
import { qbdHolds, qbdRequests, qbdSessions, type QbdRequestFailure } from '../../schema/index.js';

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

export function createQbdQueueRepository(db: Database) {
  const notify = async (channel: QbdChannel, connectionId: string, executor: Executor = db) => {
    await executor.execute(sql`select pg_notify(${channel}, ${connectionId})`);
  };

  /** Gives back what a session was sent and never answered: reads go back in the queue, writes are lost. */
  const releaseSent = async (executor: Executor, sessionId: string, lostError: string, maxReadAttempts: number): Promise<Waiter[]> => {
    await executor.update(qbdRequests).set({ state: 'queued', sessionId: null })
      .where(and(eq(qbdRequests.sessionId, sessionId), eq(qbdRequests.state, 'sent'), sql`${qbdRequests.kind} like '%Query'`, lt(qbdRequests.attempts, maxReadAttempts)));
    const lost = await executor.update(qbdRequests).set({ state: 'failed', failure: 'lost', error: lostError, answeredAt: new Date() })
      .where(and(eq(qbdRequests.sessionId, sessionId), eq(qbdRequests.state, 'sent')))
      .returning({ workflowId: qbdRequests.workflowId, owner: qbdRequests.owner });
    return waitersOf(lost);
  };

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

    // ── sessions ──────────────────────────────────────────────────────────────────────────────────────────

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

    // ── holds ─────────────────────────────────────────────────────────────────────────────────────────────

    /** Keeps the connection's session open for `ms` on behalf of `holder` (one hold per holder, renewed). */
    async hold(connectionId: string, holder: string, ms: number, executor: Executor = db): Promise<string> {
      const expiresAt = sql`now() + make_interval(secs => ${ms / 1000})`;
      const [row] = await executor.insert(qbdHolds)
        .values({ connectionId, holder, expiresAt })
        .onConflictDoUpdate({ target: qbdHolds.holder, set: { expiresAt } })
        .returning({ id: qbdHolds.id });
      return row!.id;
    },

    async renewHold(id: string, ms: number, executor: Executor = db): Promise<void> {
      await executor.update(qbdHolds).set({ expiresAt: sql`now() + make_interval(secs => ${ms / 1000})` }).where(eq(qbdHolds.id, id));
    },

    /** Lets a holder's hold go after `graceMs` (0: at once), and wakes long polls so they look again. */
    async releaseHold(holder: string, connectionId: string, graceMs: number, executor: Executor = db): Promise<void> {
      if (graceMs > 0) await executor.update(qbdHolds).set({ expiresAt: sql`now() + make_interval(secs => ${graceMs / 1000})` }).where(eq(qbdHolds.holder, holder));
      else await executor.delete(qbdHolds).where(eq(qbdHolds.holder, holder));
      await notify(QBD_CHANNELS.enqueued, connectionId, executor);
    },

    /** Housekeeping: expired holds, and answered requests older than `days`. */
    async purge(connectionId: string, days: number, executor: Executor = db): Promise<void> {
      await executor.delete(qbdHolds).where(and(eq(qbdHolds.connectionId, connectionId), lt(qbdHolds.expiresAt, sql`now() - interval '1 hour'`)));
      await executor.delete(qbdRequests).where(and(
        eq(qbdRequests.connectionId, connectionId),
        inArray(qbdRequests.state, ['answered', 'failed']),
        lt(qbdRequests.answeredAt, sql`now() - make_interval(days => ${days})`),
      ));
    },
  };
}

export type QbdQueueRepository = ReturnType<typeof createQbdQueueRepository>;

/** Distinct (workflow, operation) pairs of the rows touched; rows no workflow waits on (list imports) are left out. */
function waitersOf(rows: { workflowId: string | null; owner: string | null }[]): Waiter[] {
  const seen = new Map<string, Waiter>();
  for (const row of rows) {
    if (row.workflowId && row.owner) seen.set(`${row.workflowId}\u0000${row.owner}`, { workflowId: row.workflowId, owner: row.owner });
  }
  return [...seen.values()];
}

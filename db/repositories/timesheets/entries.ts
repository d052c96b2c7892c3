// Timesheet entries per connection: the newest revision accepted, whether the app wants it removed, and what
// QuickBooks holds (id, EditSequence/SyncToken, the content it holds). Entries whose content differs from what
// QuickBooks holds are `queued` for the connection's export; results are recorded only against the content that was
// sent, so a newer revision arriving meanwhile stays queued.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { timePeople, timesheetEntries, type TimesheetState } from '../../schema/index.js';

export type TimesheetRow = typeof timesheetEntries.$inferSelect;

export interface SubmittedEntry {
  entryId: string;
  revision: number;
  entry: Record<string, unknown>;
  contentHash: string;
}

/** queued: QuickBooks will get it; unchanged: QuickBooks already holds it; stale: a newer revision is stored; conflict: same revision, other content. */
export type SubmitOutcome = 'queued' | 'unchanged' | 'stale' | 'conflict';

function decide(row: TimesheetRow | undefined, next: SubmittedEntry): { outcome: SubmitOutcome; state?: TimesheetState } {
  if (!row) return { outcome: 'queued', state: 'queued' };
  if (next.revision < row.revision) return { outcome: 'stale' };
  if (next.revision === row.revision && next.contentHash !== row.contentHash) return { outcome: 'conflict' };
  const held = !row.removed && row.quickbooksId !== null && row.exportedHash === next.contentHash && row.pendingAttempt === null;
  if (held) return { outcome: 'unchanged', state: 'exported' };
  return { outcome: 'queued', state: 'queued' };
}

export function createTimesheetsRepository(db: Database) {
  const where = (connectionId: string, entryId: string) => and(eq(timesheetEntries.connectionId, connectionId), eq(timesheetEntries.entryId, entryId));

  return {
    /** Stores each entry's newest revision and queues what QuickBooks does not hold yet. */
    async submit(connectionId: string, entries: SubmittedEntry[], executor: Executor = db): Promise<Map<string, SubmitOutcome>> {
      const outcomes = new Map<string, SubmitOutcome>();
      if (entries.length === 0) return outcomes;
      const work = async (tx: Executor) => {
        const rows = await tx.select().from(timesheetEntries)
          .where(and(eq(timesheetEntries.connectionId, connectionId), inArray(timesheetEntries.entryId, entries.map((e) => e.entryId))))
          .for('update');
        const byId = new Map(rows.map((r) => [r.entryId, r]));
        for (const next of entries) {
          const { outcome, state } = decide(byId.get(next.entryId), next);
          outcomes.set(next.entryId, outcome);
          if (!state) continue;
          const values = { revision: next.revision, entry: next.entry, contentHash: next.contentHash, removed: false, state, updatedAt: new Date() };
          await tx.insert(timesheetEntries).values({ connectionId, entryId: next.entryId, ...values })
            .onConflictDoUpdate({ target: [timesheetEntries.connectionId, timesheetEntries.entryId], set: values });
        }
      };
      if (executor === db) await db.transaction(work);
      else await work(executor);
      return outcomes;
    },

    /** The app removes the entry: QuickBooks' copy is deleted by the export (nothing to do when it has none). */
    async remove(connectionId: string, entryId: string, executor: Executor = db): Promise<TimesheetRow | undefined> {
      const [row] = await executor.update(timesheetEntries).set({
        removed: true,
        state: sql`case when ${timesheetEntries.quickbooksId} is null and ${timesheetEntries.pendingAttempt} is null then 'deleted' else 'queued' end`,
        updatedAt: new Date(),
      }).where(where(connectionId, entryId)).returning();
      return row;
    },

    async get(connectionId: string, entryId: string, executor: Executor = db): Promise<TimesheetRow | undefined> {
      const [row] = await executor.select().from(timesheetEntries).where(where(connectionId, entryId));
      return row;
    },

    /** What the export should carry next, in the order of the days worked. */
    async queued(connectionId: string, limit: number, executor: Executor = db): Promise<TimesheetRow[]> {
      return executor.select().from(timesheetEntries)
        .where(and(eq(timesheetEntries.connectionId, connectionId), eq(timesheetEntries.state, 'queued')))
        .orderBy(sql`${timesheetEntries.entry}->>'date'`, asc(timesheetEntries.entryId)).limit(limit);
    },

    async byIds(connectionId: string, entryIds: string[], executor: Executor = db): Promise<TimesheetRow[]> {
      if (entryIds.length === 0) return [];
      return executor.select().from(timesheetEntries)
        .where(and(eq(timesheetEntries.connectionId, connectionId), inArray(timesheetEntries.entryId, entryIds)));
    },

    /** The newest entries first (the console's Activity page), by state and by the day worked. */
    async list(connectionId: string, filter: { state?: TimesheetState; fromDay?: string; toDay?: string; limit: number }, executor: Executor = db): Promise<TimesheetRow[]> {
      const day = sql<string>`${timesheetEntries.entry}->>'date'`;
      return executor.select().from(timesheetEntries).where(and(
        eq(timesheetEntries.connectionId, connectionId),
        filter.state ? eq(timesheetEntries.state, filter.state) : undefined,
        filter.fromDay ? gte(day, filter.fromDay) : undefined,
        filter.toDay ? lt(day, filter.toDay) : undefined,
      )).orderBy(desc(timesheetEntries.updatedAt), asc(timesheetEntries.entryId)).limit(filter.limit);
    },

    /** Users named by the connection's entries who are mapped to no QuickBooks person. */
    async unmappedUsers(connectionId: string, limit = 100, executor: Executor = db): Promise<string[]> {
      const userId = sql<string>`${timesheetEntries.entry}->>'userId'`;
      const rows = await executor.select({ userId }).from(timesheetEntries)
        .leftJoin(timePeople, and(eq(timePeople.connectionId, timesheetEntries.connectionId), eq(timePeople.userId, userId)))
        .where(and(eq(timesheetEntries.connectionId, connectionId), isNull(timePeople.userId)))
        .groupBy(userId).orderBy(userId).limit(limit);
      return rows.map((r) => r.userId);
    },

    async countByState(connectionId: string, executor: Executor = db): Promise<Record<string, number>> {
      const rows = await executor.select({ state: timesheetEntries.state, n: sql<number>`count(*)::int` }).from(timesheetEntries)
        .where(eq(timesheetEntries.connectionId, connectionId)).groupBy(timesheetEntries.state);
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
    },

    /** Every QuickBooks id the connection's entries hold. */
    async heldIds(connectionId: string, executor: Executor = db): Promise<string[]> {
      const rows = await executor.select({ id: timesheetEntries.quickbooksId }).from(timesheetEntries)
        .where(and(eq(timesheetEntries.connectionId, connectionId), isNotNull(timesheetEntries.quickbooksId)));
      return rows.map((r) => r.id!);
    },

    async usesPayrollItems(connectionId: string, executor: Executor = db): Promise<boolean> {
      const [row] = await executor.select({ id: timesheetEntries.entryId }).from(timesheetEntries)
        .where(and(eq(timesheetEntries.connectionId, connectionId), sql`${timesheetEntries.entry} ? 'payrollItemId'`)).limit(1);
      return row !== undefined;
    },

    /** Before an Add is sent: which attempt sent it (kept when an earlier attempt already marked it). */
    async markPending(connectionId: string, entryIds: string[], attempt: string, executor: Executor = db): Promise<void> {
      if (entryIds.length === 0) return;
      await executor.update(timesheetEntries).set({ pendingAttempt: attempt })
        .where(and(eq(timesheetEntries.connectionId, connectionId), inArray(timesheetEntries.entryId, entryIds), isNull(timesheetEntries.pendingAttempt)));
    },

    /** QuickBooks holds `sentHash` under this id: exported, unless a newer revision or a removal came meanwhile. */
    async recordExported(connectionId: string, entryId: string, sentHash: string, held: { quickbooksId: string; editSequence: string }, executor: Executor = db): Promise<void> {
      await executor.update(timesheetEntries).set({
        ...held,
        exportedHash: sentHash,
        pendingAttempt: null,
        lastError: null,
        exportedAt: new Date(),
        state: sql`case when ${timesheetEntries.contentHash} = ${sentHash} and not ${timesheetEntries.removed} then 'exported' else 'queued' end`,
      }).where(where(connectionId, entryId));
    },

    /** QuickBooks no longer holds the entry. */
    async recordDeleted(connectionId: string, entryId: string, executor: Executor = db): Promise<void> {
      await executor.update(timesheetEntries).set({
        quickbooksId: null, editSequence: null, exportedHash: null, pendingAttempt: null, lastError: null,
        state: sql`case when ${timesheetEntries.removed} then 'deleted' else 'queued' end`,
      }).where(where(connectionId, entryId));
    },

    /** The content sent cannot go: failed with the words, until the app sends it again (or it is retried). */
    async recordFailed(connectionId: string, entryId: string, sentHash: string, message: string, executor: Executor = db): Promise<void> {
      await executor.update(timesheetEntries).set({ state: 'failed', lastError: message, pendingAttempt: null })
        .where(and(where(connectionId, entryId), eq(timesheetEntries.contentHash, sentHash)));
    },

    /** Failed entries go back in the queue (their cause is said to be fixed). */
    async requeueFailed(connectionId: string, entryIds?: string[], executor: Executor = db): Promise<number> {
      const rows = await executor.update(timesheetEntries).set({ state: 'queued' }).where(and(
        eq(timesheetEntries.connectionId, connectionId), eq(timesheetEntries.state, 'failed'),
        entryIds ? inArray(timesheetEntries.entryId, entryIds) : undefined,
      )).returning({ id: timesheetEntries.entryId });
      return rows.length;
    },
  };
}

export type TimesheetsRepository = ReturnType<typeof createTimesheetsRepository>;

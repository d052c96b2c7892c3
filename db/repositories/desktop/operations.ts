// Desktop ledger operations (see the schema comment on qbd_operations): opened on the first send of an activity,
// moved to a new generation when they end or lose an answer, and marked while they wait for room in the queue.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { qbdOperations } from '../../schema/index.js';

export type QbdOperationRow = typeof qbdOperations.$inferSelect;

export function createQbdOperationsRepository(db: Database) {
  return {
    /** The operation's row, created on first use; its generation says which sends are this run's. */
    async open(key: string, connectionId: string, workflowId: string, executor: Executor = db): Promise<QbdOperationRow> {
      const [row] = await executor.insert(qbdOperations).values({ key, connectionId, workflowId })
        .onConflictDoUpdate({ target: qbdOperations.key, set: { updatedAt: sql`now()` } })
        .returning();
      return row!;
    },

    async find(key: string, executor: Executor = db): Promise<QbdOperationRow | undefined> {
      const [row] = await executor.select().from(qbdOperations).where(eq(qbdOperations.key, key));
      return row;
    },

    /** Starts the next generation (once, even if two runs ask): what was sent under the old one is history. */
    async advance(key: string, generation: number, executor: Executor = db): Promise<void> {
      await executor.update(qbdOperations).set({ generation: generation + 1, blockedSince: null, updatedAt: sql`now()` })
        .where(and(eq(qbdOperations.key, key), eq(qbdOperations.generation, generation)));
    },

    /** Marks it waiting for room in the queue (keeping the first time it did). */
    async block(key: string, executor: Executor = db): Promise<Date> {
      const [row] = await executor.update(qbdOperations)
        .set({ blockedSince: sql`coalesce(${qbdOperations.blockedSince}, now())`, updatedAt: sql`now()` })
        .where(eq(qbdOperations.key, key))
        .returning({ blockedSince: qbdOperations.blockedSince });
      return row?.blockedSince ?? new Date();
    },

    async unblock(key: string, executor: Executor = db): Promise<void> {
      await executor.update(qbdOperations).set({ blockedSince: null }).where(and(eq(qbdOperations.key, key), isNotNull(qbdOperations.blockedSince)));
    },

    /** The operations that have waited longest for room in the connection's queue. */
    async oldestBlocked(connectionId: string, limit: number, executor: Executor = db): Promise<QbdOperationRow[]> {
      if (limit <= 0) return [];
      return executor.select().from(qbdOperations)
        .where(and(eq(qbdOperations.connectionId, connectionId), isNotNull(qbdOperations.blockedSince)))
        .orderBy(asc(qbdOperations.blockedSince))
        .limit(limit);
    },

    async countBlocked(connectionId: string, executor: Executor = db): Promise<number> {
      const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(qbdOperations)
        .where(and(eq(qbdOperations.connectionId, connectionId), isNotNull(qbdOperations.blockedSince)));
      return row?.n ?? 0;
    },

    /** Housekeeping: operations nobody has touched for `days`. */
    async purge(connectionId: string, days: number, executor: Executor = db): Promise<void> {
      await executor.delete(qbdOperations).where(and(
        eq(qbdOperations.connectionId, connectionId),
        sql`${qbdOperations.updatedAt} < now() - make_interval(days => ${days})`,
      ));
    },
  };
}

export type QbdOperationsRepository = ReturnType<typeof createQbdOperationsRepository>;

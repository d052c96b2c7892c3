// QuickBooks Desktop connections: Web Connector credentials (hashed), failed log-ins (per source and connection), and the
// company file a connection is bound to by its first session.
import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { qbdAuthFailures, qbdConnections } from '../../schema/index.js';

export type QbdConnection = typeof qbdConnections.$inferSelect;

export interface CompanyBinding {
  companyFilePath: string;
  companyName: string | null;
  companyFingerprint: string | null;
  productName: string | null;
  qbxmlVersion: string;
}

export function createQbdConnectionsRepository(db: Database) {
  return {
    async create(input: { connectionId: string; userName: string; passwordHash: string; runEveryMinutes: number }, executor: Executor = db): Promise<QbdConnection> {
      const [row] = await executor.insert(qbdConnections).values(input).returning();
      return row!;
    },

    async find(connectionId: string, executor: Executor = db): Promise<QbdConnection | undefined> {
      const [row] = await executor.select().from(qbdConnections).where(eq(qbdConnections.connectionId, connectionId));
      return row;
    },

    async findByUserName(userName: string, executor: Executor = db): Promise<QbdConnection | undefined> {
      const [row] = await executor.select().from(qbdConnections).where(eq(qbdConnections.userName, userName));
      return row;
    },

    /** A new password replaces the old one at once, and lifts a lockout. */
    async setPassword(connectionId: string, passwordHash: string, executor: Executor = db): Promise<void> {
      await executor.update(qbdConnections).set({ passwordHash, passwordSetAt: new Date(), updatedAt: new Date() })
        .where(eq(qbdConnections.connectionId, connectionId));
      await executor.delete(qbdAuthFailures).where(eq(qbdAuthFailures.connectionId, connectionId));
    },

    /** A failed log-in from a source, for a connection (null when the user name is unknown); older ones are let go. */
    async recordFailure(attempt: { connectionId: string | null; source: string; keepMinutes: number }, executor: Executor = db): Promise<void> {
      await executor.insert(qbdAuthFailures).values({ connectionId: attempt.connectionId, source: attempt.source });
      await executor.delete(qbdAuthFailures).where(and(
        eq(qbdAuthFailures.source, attempt.source),
        lt(qbdAuthFailures.failedAt, sql`now() - make_interval(mins => ${attempt.keepMinutes})`),
      ));
    },

    /** Failures for a connection within the last minutes, from any source or from one. */
    async recentFailures(connectionId: string, minutes: number, source?: string, executor: Executor = db): Promise<number> {
      const [row] = await executor.select({ n: count() }).from(qbdAuthFailures).where(and(
        eq(qbdAuthFailures.connectionId, connectionId),
        ...(source === undefined ? [] : [eq(qbdAuthFailures.source, source)]),
        gt(qbdAuthFailures.failedAt, sql`now() - make_interval(mins => ${minutes})`),
      ));
      return row?.n ?? 0;
    },

    /** A source's failures within the last minutes (any user name), and how long ago its last one was (database clock). */
    async sourceFailures(source: string, minutes: number, executor: Executor = db): Promise<{ count: number; secondsSinceLast: number }> {
      const [row] = await executor.select({
        n: count(),
        since: sql<string | null>`extract(epoch from now() - max(${qbdAuthFailures.failedAt}))`,
      }).from(qbdAuthFailures).where(and(
        eq(qbdAuthFailures.source, source),
        gt(qbdAuthFailures.failedAt, sql`now() - make_interval(mins => ${minutes})`),
      ));
      return { count: row?.n ?? 0, secondsSinceLast: row?.since === null || row?.since === undefined ? Infinity : Number(row.since) };
    },

    /** A success forgets that source's failures for the connection (others' stay counted). */
    async clearFailures(connectionId: string, source: string, executor: Executor = db): Promise<void> {
      await executor.delete(qbdAuthFailures).where(and(eq(qbdAuthFailures.connectionId, connectionId), eq(qbdAuthFailures.source, source)));
    },

    /** Binds the connection to a company file, unless it is bound already (the first session wins). */
    async bind(connectionId: string, binding: CompanyBinding, executor: Executor = db): Promise<boolean> {
      const rows = await executor.update(qbdConnections)
        .set({ ...binding, boundAt: new Date(), lastSessionAt: new Date(), updatedAt: new Date() })
        .where(and(eq(qbdConnections.connectionId, connectionId), isNull(qbdConnections.companyFilePath)))
        .returning({ id: qbdConnections.connectionId });
      return rows.length > 0;
    },

    async noteSession(connectionId: string, fields: { qbxmlVersion?: string; productName?: string | null }, executor: Executor = db): Promise<void> {
      await executor.update(qbdConnections).set({ ...fields, lastSessionAt: new Date(), updatedAt: new Date() })
        .where(eq(qbdConnections.connectionId, connectionId));
    },
  };
}

export type QbdConnectionsRepository = ReturnType<typeof createQbdConnectionsRepository>;

// QuickBooks Desktop connections: Web Connector credentials (hashed), failed log-ins for the lockout, and the
// company file a connection is bound to by its first session.
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
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

    async recordFailure(connectionId: string, executor: Executor = db): Promise<void> {
      await executor.insert(qbdAuthFailures).values({ connectionId });
    },

    async recentFailures(connectionId: string, minutes: number, executor: Executor = db): Promise<number> {
      const [row] = await executor.select({ n: count() }).from(qbdAuthFailures).where(and(
        eq(qbdAuthFailures.connectionId, connectionId),
        gt(qbdAuthFailures.failedAt, sql`now() - make_interval(mins => ${minutes})`),
      ));
      return row?.n ?? 0;
    },

    async clearFailures(connectionId: string, executor: Executor = db): Promise<void> {
      await executor.delete(qbdAuthFailures).where(eq(qbdAuthFailures.connectionId, connectionId));
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

// Problems that stop a document and need a person. Resolved when the document later posts.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { syncErrors } from '../../schema/index.js';

export type SyncError = typeof syncErrors.$inferSelect;

export function createSyncErrorsRepository(db: Database) {
  return {
    async record(input: { connectionId: string; documentKind: string; externalId: string; code: string; message: string }, executor: Executor = db): Promise<void> {
      await executor.insert(syncErrors).values(input);
    },

    async resolveFor(connectionId: string, documentKind: string, externalId: string, executor: Executor = db): Promise<void> {
      await executor.update(syncErrors).set({ resolved: true, resolvedAt: new Date() }).where(and(
        eq(syncErrors.connectionId, connectionId), eq(syncErrors.documentKind, documentKind),
        eq(syncErrors.externalId, externalId), eq(syncErrors.resolved, false),
      ));
    },

    /** Records a problem unless the same document already has one open: then that one says the latest. */
    async recordOpen(input: { connectionId: string; documentKind: string; externalId: string; code: string; message: string }, executor: Executor = db): Promise<void> {
      const updated = await executor.update(syncErrors).set({ code: input.code, message: input.message }).where(and(
        eq(syncErrors.connectionId, input.connectionId), eq(syncErrors.documentKind, input.documentKind),
        eq(syncErrors.externalId, input.externalId), eq(syncErrors.resolved, false),
      )).returning({ id: syncErrors.id });
      if (updated.length === 0) await executor.insert(syncErrors).values(input);
    },

    /** Resolves one document's open errors of several kinds at once (an order's steps that a posted document proves done). */
    async resolveKinds(connectionId: string, documentKinds: string[], externalId: string, executor: Executor = db): Promise<void> {
      if (documentKinds.length === 0) return;
      await executor.update(syncErrors).set({ resolved: true, resolvedAt: new Date() }).where(and(
        eq(syncErrors.connectionId, connectionId), inArray(syncErrors.documentKind, documentKinds),
        eq(syncErrors.externalId, externalId), eq(syncErrors.resolved, false),
      ));
    },

    /** Resolves the open errors of many documents of one kind at once. */
    async resolveMany(connectionId: string, documentKind: string, externalIds: string[], executor: Executor = db): Promise<void> {
      if (externalIds.length === 0) return;
      await executor.update(syncErrors).set({ resolved: true, resolvedAt: new Date() }).where(and(
        eq(syncErrors.connectionId, connectionId), eq(syncErrors.documentKind, documentKind),
        inArray(syncErrors.externalId, externalIds), eq(syncErrors.resolved, false),
      ));
    },

    async find(connectionId: string, id: string, executor: Executor = db): Promise<SyncError | undefined> {
      const [row] = await executor.select().from(syncErrors).where(and(eq(syncErrors.connectionId, connectionId), eq(syncErrors.id, id)));
      return row;
    },

    async listOpenOfKind(connectionId: string, documentKind: string, executor: Executor = db): Promise<SyncError[]> {
      return executor.select().from(syncErrors)
        .where(and(eq(syncErrors.connectionId, connectionId), eq(syncErrors.documentKind, documentKind), eq(syncErrors.resolved, false)))
        .orderBy(desc(syncErrors.createdAt));
    },

    async listOpen(connectionId: string, executor: Executor = db): Promise<SyncError[]> {
      return executor.select().from(syncErrors)
        .where(and(eq(syncErrors.connectionId, connectionId), eq(syncErrors.resolved, false)))
        .orderBy(desc(syncErrors.createdAt));
    },
  };
}

export type SyncErrorsRepository = ReturnType<typeof createSyncErrorsRepository>;

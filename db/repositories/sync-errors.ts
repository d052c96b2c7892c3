// Problems that stop a document and need a person. Resolved when the document later posts.
import { and, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../client.js';
import { syncErrors } from '../schema.js';

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

    async listOpen(connectionId: string, executor: Executor = db): Promise<SyncError[]> {
      return executor.select().from(syncErrors)
        .where(and(eq(syncErrors.connectionId, connectionId), eq(syncErrors.resolved, false)))
        .orderBy(desc(syncErrors.createdAt));
    },
  };
}

export type SyncErrorsRepository = ReturnType<typeof createSyncErrorsRepository>;

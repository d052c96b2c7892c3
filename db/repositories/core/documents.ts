// The documents we posted, and the ones whose create is in flight (see the schema comment on `documents`).
import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { documents, type DocumentKind } from '../../schema/index.js';

export type DocumentRow = typeof documents.$inferSelect;

export interface DocumentKey {
  connectionId: string;
  kind: DocumentKind;
  externalId: string;
}

export function createDocumentsRepository(db: Database) {
  const where = (key: DocumentKey) => and(
    eq(documents.connectionId, key.connectionId), eq(documents.kind, key.kind), eq(documents.externalId, key.externalId),
  );

  return {
    async find(key: DocumentKey, executor: Executor = db): Promise<DocumentRow | undefined> {
      const [row] = await executor.select().from(documents).where(where(key));
      return row;
    },

    /**
     * Notes a create about to be sent for a document never seen before, in the statement that finds it is new (the
     * usual case, one round trip instead of two); false when the document has a row already, which is left as it is.
     */
    async markPendingIfNew(key: DocumentKey, revision: number, contentHash: string, attempt?: string, executor: Executor = db): Promise<boolean> {
      const inserted = await executor.insert(documents)
        .values({ ...key, state: 'pending', revision, contentHash, pendingAttempt: attempt ?? null })
        .onConflictDoNothing({ target: [documents.connectionId, documents.kind, documents.externalId] })
        .returning({ kind: documents.kind });
      return inserted.length > 0;
    },

    /** Notes that a create is about to be sent (by `attempt`, when the ledger journals), unless one is posted already. */
    async markPending(key: DocumentKey, revision: number, contentHash: string, attempt?: string, executor: Executor = db): Promise<void> {
      await executor.insert(documents)
        .values({ ...key, state: 'pending', revision, contentHash, pendingAttempt: attempt ?? null })
        .onConflictDoUpdate({
          target: [documents.connectionId, documents.kind, documents.externalId],
          set: { pendingAttempt: attempt ?? null, updatedAt: new Date() },
          setWhere: eq(documents.state, 'pending'),
        });
    },

    async markPosted(key: DocumentKey, posted: { revision: number; contentHash: string; quickbooksId: string; quickbooksNumber: string | null; totalCents: number }, executor: Executor = db): Promise<void> {
      const values = { state: 'posted' as const, ...posted, updatedAt: new Date() };
      await executor.insert(documents).values({ ...key, ...values })
        .onConflictDoUpdate({ target: [documents.connectionId, documents.kind, documents.externalId], set: values });
    },
  };
}

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;

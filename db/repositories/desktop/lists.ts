// Lists imported from a QuickBooks Desktop company file (customers, vendors, items, accounts), for pickers and
// for the ledger's default accounts. Refreshed by iterator imports and by every answer that carries a list record.
import { and, asc, eq, ilike, inArray, ne, or, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { qbdListEntries, qbdListImports, type QbdListKind } from '../../schema/index.js';

export type QbdListEntry = typeof qbdListEntries.$inferSelect;
export type QbdListImport = typeof qbdListImports.$inferSelect;

export interface NewListEntry {
  listId: string;
  name: string;
  type: string | null;
  active: boolean;
  editSequence: string | null;
  record: unknown;
}

const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createQbdListsRepository(db: Database) {
  return {
    async upsert(connectionId: string, kind: QbdListKind, entries: NewListEntry[], importRun: string | null, executor: Executor = db): Promise<void> {
      if (entries.length === 0) return;
      const unique = [...new Map(entries.map((e) => [e.listId, e])).values()];
      await executor.insert(qbdListEntries)
        .values(unique.map((e) => ({ connectionId, kind, ...e, importRun })))
        .onConflictDoUpdate({
          target: [qbdListEntries.connectionId, qbdListEntries.kind, qbdListEntries.listId],
          set: {
            name: sql`excluded.name`, type: sql`excluded.type`, active: sql`excluded.active`, editSequence: sql`excluded.edit_sequence`,
            record: sql`excluded.record`, updatedAt: new Date(),
            // an answer outside an import keeps the entry's import stamp, so the import's sweep does not drop it
            importRun: importRun === null ? sql`${qbdListEntries.importRun}` : sql`excluded.import_run`,
          },
        });
    },

    /** First `limit` entries by name, optionally containing `search` (case-insensitive). */
    async search(connectionId: string, kind: QbdListKind, search: string | undefined, limit = 100, executor: Executor = db): Promise<QbdListEntry[]> {
      return executor.select().from(qbdListEntries).where(and(
        eq(qbdListEntries.connectionId, connectionId),
        eq(qbdListEntries.kind, kind),
        search ? ilike(qbdListEntries.name, likePattern(search)) : undefined,
      )).orderBy(asc(qbdListEntries.name)).limit(limit);
    },

    async all(connectionId: string, kind: QbdListKind, executor: Executor = db): Promise<QbdListEntry[]> {
      return executor.select().from(qbdListEntries)
        .where(and(eq(qbdListEntries.connectionId, connectionId), eq(qbdListEntries.kind, kind)))
        .orderBy(asc(qbdListEntries.name));
    },

    async byType(connectionId: string, kind: QbdListKind, types: string[], executor: Executor = db): Promise<QbdListEntry[]> {
      if (types.length === 0) return [];
      return executor.select().from(qbdListEntries).where(and(
        eq(qbdListEntries.connectionId, connectionId), eq(qbdListEntries.kind, kind), inArray(qbdListEntries.type, types),
      )).orderBy(asc(qbdListEntries.name));
    },

    async get(connectionId: string, kind: QbdListKind, listId: string, executor: Executor = db): Promise<QbdListEntry | undefined> {
      const [row] = await executor.select().from(qbdListEntries).where(and(
        eq(qbdListEntries.connectionId, connectionId), eq(qbdListEntries.kind, kind), eq(qbdListEntries.listId, listId),
      ));
      return row;
    },

    async byNames(connectionId: string, kind: QbdListKind, names: string[], executor: Executor = db): Promise<QbdListEntry[]> {
      if (names.length === 0) return [];
      return executor.select().from(qbdListEntries).where(and(
        eq(qbdListEntries.connectionId, connectionId), eq(qbdListEntries.kind, kind), inArray(qbdListEntries.name, names),
      ));
    },

    async count(connectionId: string, kind: QbdListKind, executor: Executor = db): Promise<number> {
      const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(qbdListEntries)
        .where(and(eq(qbdListEntries.connectionId, connectionId), eq(qbdListEntries.kind, kind)));
      return Number(row?.n ?? 0);
    },

    // ── imports ───────────────────────────────────────────────────────────────────────────────────────────

    async startImport(connectionId: string, kind: QbdListKind, runId: string, executor: Executor = db): Promise<void> {
      const values = { runId, state: 'running' as const, pages: 0, count: 0, restarts: 0, error: null, startedAt: new Date(), finishedAt: null };
      await executor.insert(qbdListImports).values({ connectionId, kind, ...values })
        .onConflictDoUpdate({ target: [qbdListImports.connectionId, qbdListImports.kind], set: values });
    },

    async findImport(connectionId: string, kind: QbdListKind, executor: Executor = db): Promise<QbdListImport | undefined> {
      const [row] = await executor.select().from(qbdListImports)
        .where(and(eq(qbdListImports.connectionId, connectionId), eq(qbdListImports.kind, kind)));
      return row;
    },

    async imports(connectionId: string, executor: Executor = db): Promise<QbdListImport[]> {
      return executor.select().from(qbdListImports).where(eq(qbdListImports.connectionId, connectionId));
    },

    async notePage(connectionId: string, kind: QbdListKind, runId: string, records: number, executor: Executor = db): Promise<void> {
      await executor.update(qbdListImports)
        .set({ pages: sql`${qbdListImports.pages} + 1`, count: sql`${qbdListImports.count} + ${records}` })
        .where(and(eq(qbdListImports.connectionId, connectionId), eq(qbdListImports.kind, kind), eq(qbdListImports.runId, runId)));
    },

    async noteRestart(connectionId: string, kind: QbdListKind, runId: string, executor: Executor = db): Promise<number> {
      const [row] = await executor.update(qbdListImports)
        .set({ restarts: sql`${qbdListImports.restarts} + 1`, pages: 0, count: 0 })
        .where(and(eq(qbdListImports.connectionId, connectionId), eq(qbdListImports.kind, kind), eq(qbdListImports.runId, runId)))
        .returning({ restarts: qbdListImports.restarts });
      return row?.restarts ?? 0;
    },

    /** Ends an import: entries the run did not see are gone from the company file. */
    async finishImport(connectionId: string, kind: QbdListKind, runId: string, error: string | null, executor: Executor = db): Promise<void> {
      await executor.update(qbdListImports).set({ state: error ? 'failed' : 'done', error, finishedAt: new Date() })
        .where(and(eq(qbdListImports.connectionId, connectionId), eq(qbdListImports.kind, kind), eq(qbdListImports.runId, runId)));
      if (error) return;
      await executor.delete(qbdListEntries).where(and(
        eq(qbdListEntries.connectionId, connectionId),
        eq(qbdListEntries.kind, kind),
        or(isNull(qbdListEntries.importRun), ne(qbdListEntries.importRun, runId)),
        sql`${qbdListEntries.updatedAt} < (select started_at from qbd_list_imports i where i.connection_id = ${connectionId} and i.kind = ${kind})`,
      ));
    },
  };
}

export type QbdListsRepository = ReturnType<typeof createQbdListsRepository>;

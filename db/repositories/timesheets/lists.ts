// The lists a time tracker imports, per connection: each record as last imported, a change feed over them (a
// sequence number moves with every change), the high-water marks of incremental imports, the last import's
// checks in words, and the upstream users mapped to QuickBooks people.
import { and, asc, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import {
  timeImports, timeListMarks, timeListRecords, timePeople,
  type TimeCheck, type TimeListChange, type TimeListKind, type TimePersonKind,
} from '../../schema/index.js';

export type TimeListRecordRow = typeof timeListRecords.$inferSelect;
export type TimeListMark = typeof timeListMarks.$inferSelect;
export type TimeImportRow = typeof timeImports.$inferSelect;
export type TimePersonRow = typeof timePeople.$inferSelect;

export interface IncomingListRecord {
  quickbooksId: string;
  name: string;
  fullName: string;
  parentId: string | null;
  active: boolean;
  fields: Record<string, unknown>;
  contentHash: string;
  modifiedAt: string | null;
}

export type ChangeCounts = Record<TimeListChange, number>;

const CHUNK = 500;
const emptyCounts = (): ChangeCounts => ({ created: 0, updated: 0, deactivated: 0, reactivated: 0, deleted: 0 });

function changeOf(previous: Pick<TimeListRecordRow, 'active' | 'deleted' | 'contentHash'> | undefined, next: IncomingListRecord): TimeListChange | undefined {
  if (!previous || previous.deleted) return 'created';
  if (previous.active && !next.active) return 'deactivated';
  if (!previous.active && next.active) return 'reactivated';
  return previous.contentHash === next.contentHash ? undefined : 'updated';
}

export function createTimeListsRepository(db: Database) {
  const existing = async (connectionId: string, kind: TimeListKind, executor: Executor) => {
    const rows = await executor.select({ id: timeListRecords.quickbooksId, active: timeListRecords.active, deleted: timeListRecords.deleted, contentHash: timeListRecords.contentHash })
      .from(timeListRecords).where(and(eq(timeListRecords.connectionId, connectionId), eq(timeListRecords.kind, kind)));
    return new Map(rows.map((r) => [r.id, r]));
  };

  return {
    /**
     * Applies what an import read: records created or changed get a new sequence number; `deletedIds` (and, for a
     * full import, every record it did not see) become deleted. Returns how many of each change.
     */
    async apply(connectionId: string, kind: TimeListKind, read: { records: IncomingListRecord[]; deletedIds: string[]; full: boolean }, executor: Executor = db): Promise<ChangeCounts> {
      const counts = emptyCounts();
      const known = await existing(connectionId, kind, executor);
      const changed: (IncomingListRecord & { change: TimeListChange })[] = [];
      const seen = new Set<string>();
      for (const record of read.records) {
        seen.add(record.quickbooksId);
        const change = changeOf(known.get(record.quickbooksId), record);
        if (change) changed.push({ ...record, change });
      }
      for (let i = 0; i < changed.length; i += CHUNK) {
        const chunk = changed.slice(i, i + CHUNK);
        await executor.insert(timeListRecords).values(chunk.map((r) => ({
          connectionId, kind, quickbooksId: r.quickbooksId, name: r.name, fullName: r.fullName, parentId: r.parentId, active: r.active,
          deleted: false, fields: r.fields, contentHash: r.contentHash, modifiedAt: r.modifiedAt, lastChange: r.change,
          seq: sql`nextval('time_list_change_seq')`,
        }))).onConflictDoUpdate({
          target: [timeListRecords.connectionId, timeListRecords.kind, timeListRecords.quickbooksId],
          set: {
            name: sql`excluded.name`, fullName: sql`excluded.full_name`, parentId: sql`excluded.parent_id`, active: sql`excluded.active`,
            deleted: false, fields: sql`excluded.fields`, contentHash: sql`excluded.content_hash`, modifiedAt: sql`excluded.modified_at`,
            lastChange: sql`excluded.last_change`, seq: sql`excluded.seq`, updatedAt: new Date(),
          },
        });
        for (const r of chunk) counts[r.change] += 1;
      }
      const gone = new Set(read.deletedIds.filter((id) => known.has(id) && !known.get(id)!.deleted && !seen.has(id)));
      if (read.full) for (const [id, row] of known) if (!row.deleted && !seen.has(id)) gone.add(id);
      const goneIds = [...gone];
      for (let i = 0; i < goneIds.length; i += CHUNK) {
        await executor.update(timeListRecords)
          .set({ deleted: true, lastChange: 'deleted', seq: sql`nextval('time_list_change_seq')`, updatedAt: new Date() })
          .where(and(eq(timeListRecords.connectionId, connectionId), eq(timeListRecords.kind, kind), inArray(timeListRecords.quickbooksId, goneIds.slice(i, i + CHUNK))));
      }
      counts.deleted += goneIds.length;
      return counts;
    },

    /** The change feed: records changed after `cursor` (a sequence number), optionally since a time, in order. */
    async feed(connectionId: string, kind: TimeListKind, options: { cursor?: number; changedSince?: Date; limit: number }, executor: Executor = db): Promise<TimeListRecordRow[]> {
      return executor.select().from(timeListRecords).where(and(
        eq(timeListRecords.connectionId, connectionId),
        eq(timeListRecords.kind, kind),
        options.cursor !== undefined ? gt(timeListRecords.seq, options.cursor) : undefined,
        options.changedSince ? gte(timeListRecords.updatedAt, options.changedSince) : undefined,
      )).orderBy(asc(timeListRecords.seq)).limit(options.limit);
    },

    async byIds(connectionId: string, kind: TimeListKind, ids: string[], executor: Executor = db): Promise<Map<string, TimeListRecordRow>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await executor.select().from(timeListRecords).where(and(
        eq(timeListRecords.connectionId, connectionId), eq(timeListRecords.kind, kind), inArray(timeListRecords.quickbooksId, unique),
      ));
      return new Map(rows.map((r) => [r.quickbooksId, r]));
    },

    async all(connectionId: string, kind: TimeListKind, executor: Executor = db): Promise<TimeListRecordRow[]> {
      return executor.select().from(timeListRecords)
        .where(and(eq(timeListRecords.connectionId, connectionId), eq(timeListRecords.kind, kind), eq(timeListRecords.deleted, false)))
        .orderBy(asc(timeListRecords.fullName));
    },

    async count(connectionId: string, kind: TimeListKind, executor: Executor = db): Promise<number> {
      const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(timeListRecords).where(and(
        eq(timeListRecords.connectionId, connectionId), eq(timeListRecords.kind, kind), eq(timeListRecords.deleted, false),
      ));
      return Number(row?.n ?? 0);
    },

    // ── marks and the last import ────────────────────────────────────────────────────────────────────────

    async marks(connectionId: string, executor: Executor = db): Promise<TimeListMark[]> {
      return executor.select().from(timeListMarks).where(eq(timeListMarks.connectionId, connectionId));
    },

    async setMark(connectionId: string, kind: TimeListKind, mark: { highWater: string | null; deletionsFrom: string | null }, executor: Executor = db): Promise<void> {
      const values = { ...mark, importedAt: new Date() };
      await executor.insert(timeListMarks).values({ connectionId, kind, ...values })
        .onConflictDoUpdate({ target: [timeListMarks.connectionId, timeListMarks.kind], set: values });
    },

    async saveImport(connectionId: string, result: { checks: TimeCheck[]; preferences: Record<string, unknown>; summary: Record<string, unknown> }, executor: Executor = db): Promise<void> {
      const values = { ...result, importedAt: new Date() };
      await executor.insert(timeImports).values({ connectionId, ...values }).onConflictDoUpdate({ target: timeImports.connectionId, set: values });
    },

    async lastImport(connectionId: string, executor: Executor = db): Promise<TimeImportRow | undefined> {
      const [row] = await executor.select().from(timeImports).where(eq(timeImports.connectionId, connectionId));
      return row;
    },

    // ── people ────────────────────────────────────────────────────────────────────────────────────────────

    async setPerson(connectionId: string, userId: string, person: { kind: TimePersonKind; quickbooksId: string; name: string }, executor: Executor = db): Promise<TimePersonRow> {
      const values = { ...person, updatedAt: new Date() };
      const [row] = await executor.insert(timePeople).values({ connectionId, userId, ...values })
        .onConflictDoUpdate({ target: [timePeople.connectionId, timePeople.userId], set: values }).returning();
      return row!;
    },

    async people(connectionId: string, userIds?: string[], executor: Executor = db): Promise<TimePersonRow[]> {
      if (userIds && userIds.length === 0) return [];
      return executor.select().from(timePeople).where(and(
        eq(timePeople.connectionId, connectionId), userIds ? inArray(timePeople.userId, [...new Set(userIds)]) : undefined,
      )).orderBy(asc(timePeople.userId));
    },
  };
}

export type TimeListsRepository = ReturnType<typeof createTimeListsRepository>;

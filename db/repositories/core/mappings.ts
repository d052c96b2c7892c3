// Upstream id → QuickBooks id. Manual mappings (set by people) always win over ones the workflow learnt.
import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { mappings, type MappingKind } from '../../schema/index.js';

export type Mapping = typeof mappings.$inferSelect;

export function createMappingsRepository(db: Database) {
  return {
    async find(connectionId: string, kind: MappingKind, externalId: string, executor: Executor = db): Promise<Mapping | undefined> {
      const [row] = await executor.select().from(mappings).where(and(
        eq(mappings.connectionId, connectionId), eq(mappings.kind, kind), eq(mappings.externalId, externalId),
      ));
      return row;
    },

    async findMany(connectionId: string, kind: MappingKind, externalIds: string[], executor: Executor = db): Promise<Mapping[]> {
      if (externalIds.length === 0) return [];
      return executor.select().from(mappings).where(and(
        eq(mappings.connectionId, connectionId), eq(mappings.kind, kind), inArray(mappings.externalId, externalIds),
      ));
    },

    /** The mappings of several kinds at once (an order's customer, vendor and items), in one round trip. */
    async findEach(connectionId: string, wanted: Partial<Record<MappingKind, string[]>>, executor: Executor = db): Promise<Mapping[]> {
      const kinds = (Object.entries(wanted) as [MappingKind, string[]][]).filter(([, ids]) => ids.length > 0);
      if (kinds.length === 0) return [];
      return executor.select().from(mappings).where(and(
        eq(mappings.connectionId, connectionId),
        or(...kinds.map(([kind, ids]) => and(eq(mappings.kind, kind), inArray(mappings.externalId, ids)))),
      ));
    },

    /** A connection's mappings of one kind by upstream id, optionally those whose upstream id or QuickBooks name contains `search`. */
    async list(connectionId: string, kind: MappingKind, options: { search?: string; limit: number }, executor: Executor = db): Promise<Mapping[]> {
      const pattern = options.search ? `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
      return executor.select().from(mappings).where(and(
        eq(mappings.connectionId, connectionId), eq(mappings.kind, kind),
        ...(pattern ? [or(ilike(mappings.externalId, pattern), ilike(mappings.quickbooksName, pattern))] : []),
      )).orderBy(asc(mappings.externalId)).limit(options.limit);
    },

    /** Sets a mapping a person chose; replaces whatever was there. */
    async setManual(connectionId: string, kind: MappingKind, externalId: string, target: { id: string; name: string | null }, executor: Executor = db): Promise<Mapping> {
      const values = { quickbooksId: target.id, quickbooksName: target.name, source: 'manual' as const, updatedAt: new Date() };
      const [row] = await executor.insert(mappings).values({ connectionId, kind, externalId, ...values })
        .onConflictDoUpdate({ target: [mappings.connectionId, mappings.kind, mappings.externalId], set: values })
        .returning();
      return row!;
    },

    /** Records what the workflow found or created, unless a person has mapped it meanwhile. */
    async learn(connectionId: string, kind: MappingKind, externalId: string, target: { id: string; name: string }, executor: Executor = db): Promise<void> {
      await executor.insert(mappings)
        .values({ connectionId, kind, externalId, quickbooksId: target.id, quickbooksName: target.name, source: 'auto' })
        .onConflictDoNothing();
    },
  };
}

export type MappingsRepository = ReturnType<typeof createMappingsRepository>;

// The changes Intuit told us of (webhooks) or we read (change data capture, re-sync), stored once per event key and
// processed later by the payments sync; the change feed's high-water mark per connection; and which connections
// hear a realm's notifications.
import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { changeFeedMarks, connections, intuitEvents, webhookDeliveries } from '../../schema/index.js';

export type IntuitEventRow = typeof intuitEvents.$inferSelect;
export type IntuitEventInput = Omit<typeof intuitEvents.$inferInsert, 'id' | 'receivedAt' | 'processedAt'>;
export type ChangeFeedMark = typeof changeFeedMarks.$inferSelect;

export function createIntuitEventsRepository(db: Database) {
  return {
    /**
     * QuickBooks Online connections of these realms (a realm connected by two tenants has two), and whether each has
     * a change feed (it copies invoices, so payments matter to it).
     */
    async connectionsOfRealms(realmIds: string[], executor: Executor = db): Promise<{ id: string; tenantId: string; realmId: string; feed: boolean }[]> {
      if (realmIds.length === 0) return [];
      const rows = await executor.select({ id: connections.id, tenantId: connections.tenantId, realmId: connections.realmId, mark: changeFeedMarks.connectionId })
        .from(connections).leftJoin(changeFeedMarks, eq(changeFeedMarks.connectionId, connections.id))
        .where(and(eq(connections.type, 'qbo'), inArray(connections.realmId, realmIds)));
      return rows.flatMap((r) => (r.realmId === null ? [] : [{ id: r.id, tenantId: r.tenantId, realmId: r.realmId, feed: r.mark !== null }]));
    },

    /** Stores events; one already stored under its key is left as it is. Returns how many were new. */
    async record(events: IntuitEventInput[], executor: Executor = db): Promise<number> {
      let added = 0;
      for (let i = 0; i < events.length; i += 1000) {
        const inserted = await executor.insert(intuitEvents).values(events.slice(i, i + 1000)).onConflictDoNothing().returning({ id: intuitEvents.id });
        added += inserted.length;
      }
      return added;
    },

    async pending(connectionId: string, limit: number, executor: Executor = db): Promise<IntuitEventRow[]> {
      return executor.select().from(intuitEvents)
        .where(and(eq(intuitEvents.connectionId, connectionId), isNull(intuitEvents.processedAt)))
        .orderBy(asc(intuitEvents.id)).limit(limit);
    },

    async markProcessed(ids: number[], executor: Executor = db): Promise<void> {
      if (ids.length === 0) return;
      await executor.update(intuitEvents).set({ processedAt: new Date() }).where(inArray(intuitEvents.id, ids));
    },

    /** Forgets processed events older than `before` (their keys only guard against Intuit's retries). */
    async purgeProcessed(connectionId: string, before: Date, executor: Executor = db): Promise<void> {
      await executor.delete(intuitEvents).where(and(
        eq(intuitEvents.connectionId, connectionId), isNotNull(intuitEvents.processedAt), lt(intuitEvents.receivedAt, before),
      ));
    },

    async mark(connectionId: string, executor: Executor = db): Promise<ChangeFeedMark | undefined> {
      const [row] = await executor.select().from(changeFeedMarks).where(eq(changeFeedMarks.connectionId, connectionId));
      return row;
    },

    /** Starts the feed at `highWater` unless it has a mark already; true when this created it. */
    async startMark(connectionId: string, highWater: string, executor: Executor = db): Promise<boolean> {
      const inserted = await executor.insert(changeFeedMarks).values({ connectionId, highWater }).onConflictDoNothing()
        .returning({ id: changeFeedMarks.connectionId });
      return inserted.length > 0;
    },

    async advanceMark(connectionId: string, highWater: string, outcome: string, executor: Executor = db): Promise<void> {
      await executor.update(changeFeedMarks).set({ highWater, lastRunAt: new Date(), lastOutcome: outcome, updatedAt: new Date() })
        .where(eq(changeFeedMarks.connectionId, connectionId));
    },

    async noteRun(connectionId: string, outcome: string, executor: Executor = db): Promise<void> {
      await executor.update(changeFeedMarks).set({ lastRunAt: new Date(), lastOutcome: outcome }).where(eq(changeFeedMarks.connectionId, connectionId));
    },

    /** Deliveries of these upstream events that are still to be made (to start them again after a crash). */
    async pendingDeliveries(tenantId: string, eventIds: string[], executor: Executor = db): Promise<string[]> {
      if (eventIds.length === 0) return [];
      const rows = await executor.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(and(
        eq(webhookDeliveries.tenantId, tenantId), inArray(webhookDeliveries.eventId, eventIds), eq(webhookDeliveries.status, 'pending'),
      ));
      return rows.map((r) => r.id);
    },

    async pendingCount(connectionId: string, executor: Executor = db): Promise<number> {
      const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(intuitEvents)
        .where(and(eq(intuitEvents.connectionId, connectionId), isNull(intuitEvents.processedAt)));
      return row?.n ?? 0;
    },
  };
}

export type IntuitEventsRepository = ReturnType<typeof createIntuitEventsRepository>;

// Holds keep a connection's Web Connector session open for follow-up work (a multi-step operation about to send
// its next request); housekeeping of old holds and answered requests lives here too.
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { qbdHolds, qbdRequests } from '../../schema/index.js';
import { QBD_CHANNELS, notifyChannel } from './queue-model.js';

export function createQbdHoldRepository(db: Database) {
  return {
    /** Keeps the connection's session open for `ms` on behalf of `holder` (one hold per holder, renewed). */
    async hold(connectionId: string, holder: string, ms: number, executor: Executor = db): Promise<string> {
      const expiresAt = sql`now() + make_interval(secs => ${ms / 1000})`;
      const [row] = await executor.insert(qbdHolds)
        .values({ connectionId, holder, expiresAt })
        .onConflictDoUpdate({ target: qbdHolds.holder, set: { expiresAt } })
        .returning({ id: qbdHolds.id });
      return row!.id;
    },

    async renewHold(id: string, ms: number, executor: Executor = db): Promise<void> {
      await executor.update(qbdHolds).set({ expiresAt: sql`now() + make_interval(secs => ${ms / 1000})` }).where(eq(qbdHolds.id, id));
    },

    /** Lets a holder's hold go after `graceMs` (0: at once), and wakes long polls so they look again. */
    async releaseHold(holder: string, connectionId: string, graceMs: number, executor: Executor = db): Promise<void> {
      if (graceMs > 0) await executor.update(qbdHolds).set({ expiresAt: sql`now() + make_interval(secs => ${graceMs / 1000})` }).where(eq(qbdHolds.holder, holder));
      else await executor.delete(qbdHolds).where(eq(qbdHolds.holder, holder));
      await notifyChannel(executor, QBD_CHANNELS.enqueued, connectionId);
    },

    /** Housekeeping: expired holds, and answered requests older than `days`. */
    async purge(connectionId: string, days: number, executor: Executor = db): Promise<void> {
      await executor.delete(qbdHolds).where(and(eq(qbdHolds.connectionId, connectionId), lt(qbdHolds.expiresAt, sql`now() - interval '1 hour'`)));
      await executor.delete(qbdRequests).where(and(
        eq(qbdRequests.connectionId, connectionId),
        inArray(qbdRequests.state, ['answered', 'failed']),
        lt(qbdRequests.answeredAt, sql`now() - make_interval(days => ${days})`),
      ));
    },
  };
}

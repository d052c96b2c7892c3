// Paces QuickBooks Online requests per realm below Intuit's limits, across every process, with one row per
// realm in PostgreSQL (GCRA: each caller books the next free slot, then waits for it).
import { reportProgress } from '../progress.js';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

export interface Pacer {
  /** Waits until this realm may send one more request. */
  acquire(realmId: string): Promise<void>;
}

/** A caller that wakes this many slots late books again rather than send in a burst with the callers after it. */
const MAX_LATE_SLOTS = 1;
const MAX_REBOOKINGS = 5;

export function createPacer(db: Database, requestsPerMinute: number): Pacer {
  const intervalMs = 60_000 / requestsPerMinute;

  const book = async (realmId: string): Promise<number> => {
    const rows = await db.execute<{ wait_ms: number }>(sql`
      INSERT INTO rate_limits (key, next_at)
      VALUES (${`qbo:${realmId}`}, clock_timestamp() + make_interval(secs => ${intervalMs / 1000}))
      ON CONFLICT (key) DO UPDATE
        SET next_at = greatest(rate_limits.next_at, clock_timestamp()) + make_interval(secs => ${intervalMs / 1000})
      RETURNING (extract(epoch from (next_at - clock_timestamp())) * 1000)::float8 - ${intervalMs} AS wait_ms`);
    return Math.max(0, Number(rows[0]?.wait_ms ?? 0));
  };

  return {
    async acquire(realmId) {
      for (let booking = 0; ; booking++) {
        const slotAt = Date.now() + (await book(realmId));
        for (let waitMs = slotAt - Date.now(); waitMs > 0; waitMs = slotAt - Date.now()) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 10_000)));
          // A long wait for our turn is progress, not a hang: tell Temporal (when called from an activity).
          reportProgress();
        }
        // A busy process can wake late; sending now would bunch with the next callers' slots and break Intuit's
        // per-second limit, so a caller that missed its slot takes a new one.
        if (Date.now() - slotAt <= MAX_LATE_SLOTS * intervalMs || booking >= MAX_REBOOKINGS) return;
      }
    },
  };
}

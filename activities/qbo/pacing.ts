// Paces QuickBooks Online requests per realm below Intuit's limits, across every process, with one row per
// realm in PostgreSQL (GCRA: each caller books the next free slot, then waits for it).
import { asyncLocalStorage } from '@temporalio/activity';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

export interface Pacer {
  /** Waits until this realm may send one more request. */
  acquire(realmId: string): Promise<void>;
}

export function createPacer(db: Database, requestsPerMinute: number): Pacer {
  const intervalSeconds = 60 / requestsPerMinute;
  return {
    async acquire(realmId) {
      const rows = await db.execute<{ wait_ms: number }>(sql`
        INSERT INTO rate_limits (key, next_at)
        VALUES (${`qbo:${realmId}`}, clock_timestamp() + make_interval(secs => ${intervalSeconds}))
        ON CONFLICT (key) DO UPDATE
          SET next_at = greatest(rate_limits.next_at, clock_timestamp()) + make_interval(secs => ${intervalSeconds})
        RETURNING (extract(epoch from (next_at - clock_timestamp())) * 1000)::float8 - ${intervalSeconds * 1000} AS wait_ms`);
      let waitMs = Number(rows[0]?.wait_ms ?? 0);
      while (waitMs > 0) {
        const step = Math.min(waitMs, 10_000);
        await new Promise((resolve) => setTimeout(resolve, step));
        waitMs -= step;
        // A long wait for our turn is progress, not a hang: tell Temporal (when called from an activity).
        asyncLocalStorage.getStore()?.heartbeat();
      }
    },
  };
}

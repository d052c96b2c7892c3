// Figures the console's Activity page draws, read from what the product already records: documents posted and
// sync errors per day, and a QuickBooks Desktop connection's queue depth over time (from each request's created,
// sent and answered times, so nothing extra is written while the queue works; answered requests are purged after
// the retention the Desktop settings give, which bounds how far back it reaches).
import { sql } from 'drizzle-orm';
import type { Database } from '../../client.js';

export interface DailyCount {
  /** YYYY-MM-DD (UTC). */
  day: string;
  posted: number;
  failed: number;
}

export interface DepthSample {
  at: Date;
  waiting: number;
}

export function createConsoleActivityRepository(db: Database) {
  return {
    /** Documents posted (by their last write) and documents that failed (distinct per day), over the last `days` days. */
    async dailyCounts(connectionId: string, days: number): Promise<DailyCount[]> {
      const rows = await db.execute<{ day: string; posted: number; failed: number }>(sql`
        with days as (
          select to_char(d, 'YYYY-MM-DD') as day
          from generate_series((now() at time zone 'UTC')::date - (${days}::int - 1), (now() at time zone 'UTC')::date, interval '1 day') d
        ),
        posted as (
          select to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n
          from documents where connection_id = ${connectionId} and state = 'posted' and kind <> 'payment'
            and updated_at >= now() - make_interval(days => ${days})
          group by 1
        ),
        failed as (
          select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(distinct (document_kind, external_id))::int as n
          from sync_errors where connection_id = ${connectionId} and created_at >= now() - make_interval(days => ${days})
          group by 1
        )
        select days.day, coalesce(posted.n, 0) as posted, coalesce(failed.n, 0) as failed
        from days left join posted using (day) left join failed using (day)
        order by days.day`);
      return [...rows].map((r) => ({ day: r.day, posted: Number(r.posted), failed: Number(r.failed) }));
    },

    /** How many requests were waiting for the Web Connector at each hour of the last `hours` hours (the last sample is now). */
    async queueDepth(connectionId: string, hours: number): Promise<DepthSample[]> {
      const rows = await db.execute<{ at: Date | string; waiting: number }>(sql`
        select t as at, (
          select count(*)::int from qbd_requests r
          where r.connection_id = ${connectionId} and r.created_at <= t
            and coalesce(r.sent_at, r.answered_at, 'infinity'::timestamptz) > t
        ) as waiting
        from generate_series(now() - make_interval(hours => ${hours}::int - 1), now(), interval '1 hour') t
        order by t`);
      return [...rows].map((r) => ({ at: new Date(r.at), waiting: Number(r.waiting) }));
    },
  };
}

export type ConsoleActivityRepository = ReturnType<typeof createConsoleActivityRepository>;

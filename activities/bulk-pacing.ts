// Pacing of bulk round trips (Intuit's batch limit per realm), shared by billing and the timesheet export through
// one PostgreSQL slot table, so every process and both flows count against the same budget.
import type { Repositories } from '../db/repositories/index.js';
import type { Ledger } from '../quickbooks/ledger/index.js';
import { reportProgress } from '../quickbooks/progress.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the ledger's next paced round trip, or undefined when its bulk calls are not paced. */
export function bulkPacer(repos: Pick<Repositories, 'billingRuns'>, ledger: Ledger): (() => Promise<void>) | undefined {
  const pacing = ledger.bulkLimits.pacing;
  if (!pacing) return undefined;
  return async () => {
    let wait = await repos.billingRuns.reserveSlot(pacing.key, pacing.perMinute);
    while (wait > 0) {
      const step = Math.min(wait, 5_000);
      await sleep(step);
      wait -= step;
      reportProgress({ waitingFor: 'QuickBooks batch pacing' });
    }
  };
}

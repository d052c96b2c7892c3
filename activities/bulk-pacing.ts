// Pacing of bulk round trips (Intuit's batch limit per realm), shared by billing and the timesheet export through
// one PostgreSQL slot table, so every process and both flows count against the same budget.
import { asyncLocalStorage } from '@temporalio/activity';
import type { Repositories } from '../db/repositories/index.js';
import type { Ledger } from '../quickbooks/ledger/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Heartbeats while waiting, in a regular activity (a local one cannot; tests and scripts call outside any). */
export function heartbeatIfActive(details?: unknown): void {
  const context = asyncLocalStorage.getStore();
  if (context && !context.info.isLocal) context.heartbeat(details);
}

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
      heartbeatIfActive({ waitingFor: 'QuickBooks batch pacing' });
    }
  };
}

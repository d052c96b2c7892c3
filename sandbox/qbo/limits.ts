// Intuit's throttles per realm as sliding windows: requests per second and per minute, and batch calls
// per minute. A batch counts once against the request windows and once against the batch window.
import type { SandboxClock } from './clock.js';
import type { LimitOptions } from './options.js';

const SECOND = 1000;
const MINUTE = 60_000;

interface Windows {
  requests: number[];
  batches: number[];
}

function drop(times: number[], before: number): void {
  let stale = 0;
  while (stale < times.length && (times[stale] as number) <= before) stale += 1;
  if (stale > 0) times.splice(0, stale);
}

function countSince(times: number[], after: number): number {
  let count = 0;
  for (let i = times.length - 1; i >= 0 && (times[i] as number) > after; i -= 1) count += 1;
  return count;
}

export class RateLimiter {
  private readonly realms = new Map<string, Windows>();

  constructor(
    private readonly limits: LimitOptions,
    private readonly clock: SandboxClock,
  ) {}

  /** Records the call and returns true, or returns false (throttled) without recording it. */
  admit(realmId: string, batch: boolean): boolean {
    const now = this.clock.now();
    let windows = this.realms.get(realmId);
    if (!windows) {
      windows = { requests: [], batches: [] };
      this.realms.set(realmId, windows);
    }
    drop(windows.requests, now - MINUTE);
    drop(windows.batches, now - MINUTE);
    if (windows.requests.length >= this.limits.perMinute) return false;
    if (countSince(windows.requests, now - SECOND) >= this.limits.perSecond) return false;
    if (batch && windows.batches.length >= this.limits.batchPerMinute) return false;
    windows.requests.push(now);
    if (batch) windows.batches.push(now);
    return true;
  }

  reset(realmId?: string): void {
    if (realmId === undefined) this.realms.clear();
    else this.realms.delete(realmId);
  }
}

// Intuit's retry intervals after a failed delivery (webhooks best practices, 2025): 10 s, 20 s, 30 s, 5 min,
// 20 min, 2 h, 4 h, 6 h, then every 6 h. A scale factor shrinks them for tests (0.001 → 10 ms, 20 ms, …).
const INTUIT_RETRY_SECONDS = [10, 20, 30, 300, 1200, 7200, 14_400, 21_600] as const;
const EVERY_SIX_HOURS = 21_600;

/** Wait before retry number `retry` (1 = the first retry after the first failed attempt). */
export function retryDelayMs(retry: number, scale: number): number {
  const seconds = INTUIT_RETRY_SECONDS[retry - 1] ?? EVERY_SIX_HOURS;
  return Math.max(0, Math.round(seconds * 1000 * scale));
}

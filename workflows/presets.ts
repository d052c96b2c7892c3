// Timeouts and retries, named by the kind of work (STYLE.md §4).
import type { ActivityOptions } from '@temporalio/workflow';

const nonRetryableErrorTypes = ['QuickBooksRejected', 'NeedsReauthorization', 'NotConnected'];

/** A database step: quick, retried briefly. */
export const databaseStep = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
} as const satisfies ActivityOptions;

/**
 * A QuickBooks call. The long timeout covers waiting for the realm's request pacing (which heartbeats), the
 * heartbeat timeout notices a worker that died mid-call. Outages and throttling are retried for hours (an
 * order waits for QuickBooks rather than failing); rejections are not retried.
 */
export const quickBooksCall = {
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '45 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 100,
    nonRetryableErrorTypes,
  },
} as const satisfies ActivityOptions;

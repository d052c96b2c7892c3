// Timeouts and retries, named by the kind of work (STYLE.md §4).
import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

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

/**
 * A step on QuickBooks Desktop: the activity replays what the Web Connector has already answered and queues what
 * comes next, then ends, done or waiting; it never waits for the Web Connector itself (the workflow does, holding
 * nothing: workflows/ledger-steps.ts), so it is short whatever a weekend brings. A lost answer or a record in use is
 * retried: the next run looks in QuickBooks before sending a write again.
 */
export const desktopStep = {
  // short, so a step whose worker died is run again soon (it only reads and writes PostgreSQL)
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 100,
    nonRetryableErrorTypes,
  },
} as const satisfies ActivityOptions;

/** A token refresh at Intuit: retried through outages; a refused grant is final (someone must reconnect). */
export const tokenRefresh = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute', // no maximumAttempts: access must come back on its own once Intuit answers
    nonRetryableErrorTypes,
  },
} as const satisfies ActivityOptions;

/** Recording an event or sending an e-mail. */
export const notificationStep = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
} as const satisfies ActivityOptions;

/** One webhook delivery attempt; the retries are the backoff schedule (about a day in all). */
export const webhookDelivery = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 3, maximumInterval: '2 hours', maximumAttempts: 12 },
} as const satisfies ActivityOptions;

/** Revoking at Intuit when disconnecting: a few tries, then the person decides (retry, or force). */
export const revokeAtIntuit = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 3 },
} as const satisfies ActivityOptions;

// ── Local: an order's steps run as local activities, in the worker that runs the workflow, with no round trip
// through the Temporal server per step (each leaves one marker in the history). A worker that dies mid-step is
// noticed by the workflow task's timeout and the step runs again elsewhere: every step is idempotent.

/** A database step of an order. */
export const localDatabaseStep = databaseStep satisfies LocalActivityOptions;

/** A QuickBooks Online step of an order: retried as a QuickBooks call is (pacing waits are in-process). */
export const localQuickBooksCall = {
  startToCloseTimeout: '5 minutes',
  retry: quickBooksCall.retry,
} as const satisfies LocalActivityOptions;

/** A QuickBooks Desktop step of an order (short: it never waits for the Web Connector itself). */
export const localDesktopStep = desktopStep satisfies LocalActivityOptions;

/** Recording an order's events (each delivery is then its own workflow). */
export const localNotificationStep = notificationStep satisfies LocalActivityOptions;

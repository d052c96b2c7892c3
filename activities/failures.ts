// Turns what went wrong outside into Temporal failures: what a person must fix is non-retryable and says
// so in plain words; throttling and outages are retried (after the wait QuickBooks asks for).
import { ApplicationFailure } from '@temporalio/common';
import { InvalidGrantError, LedgerRejection, NotConnectedError, QuickBooksFault, QuickBooksUnavailable, explainFault } from '../quickbooks/errors.js';

export const FailureTypes = {
  throttled: 'QuickBooksThrottled',
  unavailable: 'QuickBooksUnavailable',
  rejected: 'QuickBooksRejected',
  authorization: 'NeedsReauthorization',
  notConnected: 'NotConnected',
} as const;

export interface FailurePolicy {
  /** How long to wait after QuickBooks throttles us (Intuit asks for 60 seconds). */
  throttleBackoffSeconds: number;
}

export function toActivityFailure(error: unknown, policy: FailurePolicy): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof InvalidGrantError) return nonRetryable(error.message, FailureTypes.authorization);
  if (error instanceof NotConnectedError) return nonRetryable(error.message, FailureTypes.notConnected);
  if (error instanceof LedgerRejection) return nonRetryable(error.message, FailureTypes.rejected, error.code);
  if (error instanceof QuickBooksUnavailable) {
    return ApplicationFailure.create({ message: error.message, type: FailureTypes.unavailable });
  }
  if (error instanceof QuickBooksFault) {
    if (error.status === 429 || error.code === '3001') {
      return ApplicationFailure.create({
        message: 'QuickBooks asked us to slow down; the request will be retried',
        type: FailureTypes.throttled,
        nextRetryDelay: `${policy.throttleBackoffSeconds}s`,
      });
    }
    if (error.status === 401 || error.status === 403) {
      return nonRetryable(`QuickBooks refused this connection's authorisation (${error.detail}); reconnect it`, FailureTypes.authorization, error.code);
    }
    return nonRetryable(explainFault(error), FailureTypes.rejected, error.code);
  }
  return error;
}

function nonRetryable(message: string, type: string, code?: string): ApplicationFailure {
  return ApplicationFailure.create({ message, type, nonRetryable: true, details: code ? [{ code }] : [] });
}

/** Wraps every function of an activities object so its failures are translated as above. */
export function withFailureTranslation<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T, policy: FailurePolicy): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (error) {
        throw toActivityFailure(error, policy);
      }
    };
  }
  return wrapped as T;
}

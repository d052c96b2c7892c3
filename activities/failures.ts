// Turns what went wrong outside into Temporal failures: what a person must fix is non-retryable and says
// so in plain words; throttling and outages are retried (after the wait QuickBooks asks for).
import { ApplicationFailure } from '@temporalio/common';
import { QuickBooksFault, QuickBooksUnavailable } from '../quickbooks/online/client.js';
import { InvalidGrantError } from '../quickbooks/online/oauth.js';
import { NotConnectedError } from '../quickbooks/online/tokens.js';
import { LedgerRejection } from '../quickbooks/ledger/index.js';

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

/** QuickBooks' reason, said so that a bookkeeper knows what to change. */
export function explainFault(fault: QuickBooksFault): string {
  const said = `QuickBooks said: "${fault.detail}" (error ${fault.code})`;
  switch (fault.code) {
    case '5020':
      return `This QuickBooks Online subscription does not include the feature this document needs. ${said}`;
    case '6070':
      return `A line amount does not equal quantity × rate. ${said}`;
    case '610':
    case '2500':
      return `This document refers to something that no longer exists in QuickBooks (a customer, vendor, item or account); check the mappings. ${said}`;
    case '6240':
      return `That name is already used by another customer, vendor or employee in QuickBooks. ${said}`;
    case '5010':
      return `Someone kept changing this document in QuickBooks while we updated it; try again. ${said}`;
    default:
      return `QuickBooks refused the document. ${said}`;
  }
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

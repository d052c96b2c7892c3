// Turns what went wrong outside into Temporal failures: what a person must fix is non-retryable and says
// so in plain words; throttling and outages are retried (after the wait QuickBooks asks for). Data that can never
// be processed (an amount too large to count, text the database refuses) ends the step at once with the reason.
import { ApplicationFailure } from '@temporalio/common';
import { MoneyFormatError } from '../domain/money.js';
import { InvalidGrantError, LedgerRejection, NotConnectedError, QuickBooksFault, QuickBooksUnavailable, explainFault } from '../quickbooks/errors.js';

export const FailureTypes = {
  throttled: 'QuickBooksThrottled',
  unavailable: 'QuickBooksUnavailable',
  rejected: 'QuickBooksRejected',
  authorization: 'NeedsReauthorization',
  notConnected: 'NotConnected',
  /** The document's own data cannot be processed; the same input fails the same way on every attempt. */
  invalidData: 'InvalidData',
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
  const problem = dataProblem(error);
  if (problem) return nonRetryable(problem.message, FailureTypes.invalidData, problem.code);
  return error;
}

/**
 * Errors that say the input itself is wrong, so no retry can cure them: amounts beyond exact cents, values out of
 * range (RangeError, URIError: e.g. half an emoji in a URL), input the Desktop codec cannot write, PostgreSQL data
 * exceptions (class 22: a NUL or an invalid byte sequence, a value out of range; class 54: a value too large to
 * index), and TypeErrors from malformed data (but not a failed network call, which fetch also reports as one).
 */
function dataProblem(error: unknown): { message: string; code: string } | undefined {
  if (error instanceof MoneyFormatError) return { message: `An amount of this document cannot be sent to QuickBooks: ${error.message}`, code: 'amount' };
  if (error instanceof Error && error.name === 'QbxmlInputError') {
    return { message: `qbflow cannot write this for QuickBooks Desktop: ${error.message}`, code: 'QbxmlInput' };
  }
  const database = postgresDataError(error);
  if (database) {
    return { message: `The database cannot store this document's data (${database.message}); correct it where it comes from and send it again`, code: `postgres:${database.code}` };
  }
  if (error instanceof RangeError || error instanceof URIError) {
    return { message: `This document holds a value qbflow cannot process (${error.name}: ${error.message}); correct it and send it again`, code: error.name };
  }
  if (error instanceof TypeError && !isNetworkError(error)) {
    return { message: `This document holds data qbflow cannot process (TypeError: ${error.message})`, code: 'TypeError' };
  }
  return undefined;
}

/** A PostgreSQL data exception (postgres.js' PostgresError, possibly wrapped by drizzle's DrizzleQueryError). */
function postgresDataError(error: unknown): { message: string; code: string } | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (cause.name === 'PostgresError' && typeof code === 'string' && /^(22|54)/.test(code)) return { message: cause.message, code };
  }
  return undefined;
}

/** fetch reports a failed connection as `TypeError: fetch failed` with the system error as its cause. */
function isNetworkError(error: TypeError): boolean {
  return error.message === 'fetch failed' || error.cause !== undefined;
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

// Which failures an activity retries: outages and throttling yes; data that fails the same way every time, never.
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { FailureTypes, toActivityFailure } from '../../activities/failures.js';
import { MoneyFormatError } from '../../domain/money.js';
import { QbxmlInputError } from '../../quickbooks/desktop/qbxml/fields.js';
import { QuickBooksUnavailable } from '../../quickbooks/errors.js';

const policy = { throttleBackoffSeconds: 60 };
const translate = (error: unknown) => toActivityFailure(error, policy);

/** postgres.js' error as drizzle wraps it (DrizzleQueryError with the PostgresError as its cause). */
function postgresError(code: string, message: string): Error {
  const cause = Object.assign(new Error(message), { name: 'PostgresError', code, severity: 'ERROR' });
  return Object.assign(new Error('Failed query: insert into "mappings" … params: …'), { name: 'DrizzleQueryError', cause });
}

function expectFinal(failure: unknown, message: RegExp, code: string) {
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toMatchObject({ nonRetryable: true, type: FailureTypes.invalidData });
  expect((failure as Error).message).toMatch(message);
  expect((failure as ApplicationFailure).details).toEqual([{ code }]);
}

describe('failures no retry can cure end the step at once', () => {
  it('an amount beyond exact cents', () => {
    expectFinal(translate(new MoneyFormatError('9999999999 × 9999999999 is 99999999980000000001.00, too large to count in cents exactly')),
      /^An amount of this document cannot be sent to QuickBooks: 9999999999 × 9999999999/, 'amount');
  });

  it('a NUL or a bad byte sequence PostgreSQL refuses, found under drizzle\'s wrapper, without the query', () => {
    const failure = translate(postgresError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'));
    expectFinal(failure, /^The database cannot store this document's data \(invalid byte sequence for encoding "UTF8": 0x00\)/, 'postgres:22021');
    expect((failure as Error).message).not.toMatch(/Failed query/);
    expectFinal(translate(postgresError('22003', 'numeric field overflow')), /numeric field overflow/, 'postgres:22003');
    expectFinal(translate(postgresError('54000', 'index row size exceeds maximum')), /index row size/, 'postgres:54000');
  });

  it('RangeError, URIError and TypeError from malformed data', () => {
    let uriError: unknown;
    try {
      encodeURIComponent('\uD83D');
    } catch (error) {
      uriError = error;
    }
    expectFinal(translate(uriError), /^This document holds a value qbflow cannot process \(URIError: URI malformed\)/, 'URIError');
    expectFinal(translate(new RangeError('Invalid time value')), /RangeError: Invalid time value/, 'RangeError');
    expectFinal(translate(new TypeError("Cannot read properties of undefined (reading 'trim')")), /TypeError: Cannot read properties/, 'TypeError');
  });

  it('input the QuickBooks Desktop codec cannot write', () => {
    expectFinal(translate(new QbxmlInputError('Name contains "Ł" (U+0141) at character 1', 'Name')),
      /^qbflow cannot write this for QuickBooks Desktop: Name contains "Ł"/, 'QbxmlInput');
  });
});

describe('failures time can cure are still retried', () => {
  it('a failed network call (fetch reports it as a TypeError with a cause)', () => {
    const offline = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    expect(translate(offline)).toBe(offline);
  });

  it('PostgreSQL going away, a unique race, a plain error, an outage', () => {
    for (const error of [postgresError('57P01', 'terminating connection due to administrator command'), postgresError('23505', 'duplicate key'), new Error('boom')]) {
      expect(translate(error)).toBe(error);
    }
    const outage = translate(new QuickBooksUnavailable('QuickBooks answered HTTP 503', 503));
    expect(outage).toMatchObject({ type: FailureTypes.unavailable, nonRetryable: false });
  });
});

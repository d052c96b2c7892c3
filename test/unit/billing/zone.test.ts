// Time zones: the billing day and hour read in the billing time zone, correct across daylight-saving changes.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  billingInvoiceNumber,
  daysInclusive,
  instantAt,
  instantsAt,
  isCalendarDate,
  isTimeZone,
  localDate,
  monthDay,
  parseBillingErrorId,
  periodsForScheduledTime,
  wallClock,
  wallTimeProblem,
} from '../../../domain/billing/index.js';

const NY = 'America/New_York';

describe('calendar dates', () => {
  it('knows real dates, leap days and month ends', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-4-01')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysInclusive('2026-11-16', '2026-11-30')).toBe(15);
    expect(monthDay('2026-12-15', 1, 15)).toBe('2027-01-15');
    expect(monthDay('2026-01-15', -1, 15)).toBe('2025-12-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
});

describe('time zones', () => {
  it('reads the billing date in the billing zone, not in UTC', () => {
    // 1 December 2026, 03:30 UTC is still 30 November in New York
    expect(localDate(Date.UTC(2026, 11, 1, 3, 30), NY)).toBe('2026-11-30');
    expect(localDate(Date.UTC(2026, 11, 1, 10, 0), NY)).toBe('2026-12-01');
    expect(localDate(Date.UTC(2026, 10, 30, 23, 30), 'Asia/Tokyo')).toBe('2026-12-01');
  });

  it('05:00 in New York is 10:00 UTC in winter and 09:00 UTC in summer', () => {
    expect(new Date(instantAt('2026-12-01', 5, 0, NY)).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(new Date(instantAt('2026-07-01', 5, 0, NY)).toISOString()).toBe('2026-07-01T09:00:00.000Z');
    // on the days the clocks change
    expect(new Date(instantAt('2026-03-08', 5, 0, NY)).toISOString()).toBe('2026-03-08T09:00:00.000Z');
    expect(new Date(instantAt('2026-11-01', 5, 0, NY)).toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(wallClock(instantAt('2026-11-01', 5, 0, NY), NY)).toEqual({ date: '2026-11-01', hour: 5, minute: 0, second: 0 });
  });

  it('knows skipped and repeated wall times', () => {
    expect(instantsAt('2026-03-08', 2, 30, NY)).toEqual([]); // spring forward: 02:00 → 03:00
    expect(instantsAt('2026-11-01', 1, 30, NY).map((t) => new Date(t).toISOString())).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect(new Date(instantAt('2026-03-08', 2, 30, NY)).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(wallTimeProblem(NY, 2, 30, '2026-01-01')).toEqual({ date: '2026-03-08', kind: 'skipped' });
    expect(wallTimeProblem(NY, 1, 30, '2026-04-01')).toEqual({ date: '2026-11-01', kind: 'repeated' });
    expect(wallTimeProblem(NY, 5, 0, '2026-01-01')).toBeUndefined();
    expect(wallTimeProblem('UTC', 2, 30, '2026-01-01')).toBeUndefined();
    expect(wallTimeProblem('Europe/Paris', 2, 30, '2026-01-01')).toEqual({ date: '2026-03-29', kind: 'skipped' });
  });

  it('validates zone names', () => {
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('a scheduled time bills the period it was due for, whenever the workflow runs', () => {
    const settings = { mode: 'advance' as const, dayOfMonth: 1, timeZone: NY };
    const due = instantAt('2026-12-01', 5, 0, NY);
    expect(periodsForScheduledTime(due, settings).billed.start).toBe('2026-12-01');
    expect(periodsForScheduledTime(due, { ...settings, mode: 'arrears' }).billed).toEqual({ start: '2026-11-01', end: '2026-11-30', days: 30 });
    // a billing day of 1 at 00:30 New York time is still the previous day in UTC… and the right period here
    expect(periodsForScheduledTime(instantAt('2026-12-01', 0, 30, NY), settings).billed.start).toBe('2026-12-01');
  });
});

describe('stable identities', () => {
  it('numbers an invoice by period and organization, within QuickBooks Desktop’s 11 characters', () => {
    const a = billingInvoiceNumber('2026-12-01', 'org-1');
    expect(a).toMatch(/^261201-[0-9A-Z]{4}$/);
    expect(billingInvoiceNumber('2026-12-01', 'org-1')).toBe(a);
    expect(billingInvoiceNumber('2026-12-01', 'org-2')).not.toBe(a);
    expect(billingInvoiceNumber('2027-01-01', 'org-1').slice(0, 6)).toBe('270101');
  });

  it('reads a billing error id back', () => {
    expect(parseBillingErrorId('org@with-at@2026-12-01')).toEqual({ organizationId: 'org@with-at', periodStart: '2026-12-01' });
    expect(parseBillingErrorId('ORD-1')).toBeUndefined();
  });
});

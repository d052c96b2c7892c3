// Billing periods: from the billing day to the day before the next billing day, in the billing time zone. A run
// on a billing day bills the coming period (advance) or the one that just ended (arrears); the changes it bills
// are those of the period before the billed one (advance) or of the billed one itself (arrears).
import { addDays, daysInclusive, monthDay, parseDate } from './dates.js';
import { localDate } from './zone.js';

export type BillingMode = 'advance' | 'arrears';

export interface Period {
  /** First day, "YYYY-MM-DD". */
  start: string;
  /** Last day, included. */
  end: string;
  days: number;
}

export const MIN_BILLING_DAY = 1;
export const MAX_BILLING_DAY = 28;

function checkDay(dayOfMonth: number): void {
  if (!Number.isInteger(dayOfMonth) || dayOfMonth < MIN_BILLING_DAY || dayOfMonth > MAX_BILLING_DAY) {
    throw new RangeError(`the billing day must be a whole number from ${MIN_BILLING_DAY} to ${MAX_BILLING_DAY}`);
  }
}

export function periodStartingOn(start: string, dayOfMonth: number): Period {
  checkDay(dayOfMonth);
  if (parseDate(start).day !== dayOfMonth) throw new RangeError(`${start} is not a billing day (day ${dayOfMonth} of the month)`);
  const end = monthDay(start, 1, dayOfMonth);
  const last = addDays(end, -1);
  return { start, end: last, days: daysInclusive(start, last) };
}

/** The period a calendar date falls in. */
export function periodContaining(date: string, dayOfMonth: number): Period {
  checkDay(dayOfMonth);
  const { day } = parseDate(date);
  return periodStartingOn(monthDay(date, day >= dayOfMonth ? 0 : -1, dayOfMonth), dayOfMonth);
}

export function nextPeriod(period: Period, dayOfMonth: number): Period {
  return periodStartingOn(monthDay(period.start, 1, dayOfMonth), dayOfMonth);
}

export function previousPeriod(period: Period, dayOfMonth: number): Period {
  return periodStartingOn(monthDay(period.start, -1, dayOfMonth), dayOfMonth);
}

export function isPeriodStart(date: string, dayOfMonth: number): boolean {
  return parseDate(date).day === dayOfMonth;
}

export interface RunPeriods {
  /** The period whose base lines the invoice carries (its date range decides which invoices "update" may touch). */
  billed: Period;
  /** The period whose quantity changes are billed as prorated adjustments. */
  changes: Period;
}

/** The periods a run bills, given the billed period (e.g. a run or re-run asked for by hand). */
export function periodsForBilled(billed: Period, mode: BillingMode, dayOfMonth: number): RunPeriods {
  return { billed, changes: mode === 'advance' ? previousPeriod(billed, dayOfMonth) : billed };
}

/** The periods a run that happens on `runDate` (the billing time zone's date) bills. */
export function periodsForRunDate(runDate: string, mode: BillingMode, dayOfMonth: number): RunPeriods {
  const current = periodContaining(runDate, dayOfMonth);
  const billed = mode === 'advance' ? current : previousPeriod(current, dayOfMonth);
  return periodsForBilled(billed, mode, dayOfMonth);
}

/**
 * The periods a scheduled run bills: its scheduled time (never the clock when it happens to run) read in the
 * billing time zone. A catch-up or backfill days later therefore bills the period it was due for.
 */
export function periodsForScheduledTime(scheduledTime: Date | number, settings: { mode: BillingMode; dayOfMonth: number; timeZone: string }): RunPeriods {
  return periodsForRunDate(localDate(scheduledTime, settings.timeZone), settings.mode, settings.dayOfMonth);
}

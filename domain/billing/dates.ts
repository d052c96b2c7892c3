// Calendar dates as "YYYY-MM-DD" strings (no time, no zone): what billing periods are made of. Arithmetic runs
// on UTC midnights, where every day has 24 hours, so no daylight-saving change can shift a date.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseDate(text: string): CalendarDate {
  if (!isCalendarDate(text)) throw new RangeError(`"${text}" is not a calendar date (YYYY-MM-DD)`);
  const match = DATE.exec(text)!;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function toUtc(text: string): number {
  const { year, month, day } = parseDate(text);
  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Days from `from` through `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

/** The given day of the month `months` after the date's month (the day must exist in every month: 1–28). */
export function monthDay(date: string, months: number, day: number): string {
  const d = parseDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/** The same date `years` later; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const d = parseDate(date);
  const year = d.year + years;
  return formatDate({ year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) });
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Intuit stamps times in the company's zone (Pacific for the sandbox); we use a fixed -07:00 offset.
const OFFSET_MINUTES = -7 * 60;
const OFFSET_TEXT = '-07:00';
const DAY_MS = 86_400_000;

function shifted(ms: number): string {
  return new Date(ms + OFFSET_MINUTES * 60_000).toISOString().slice(0, 23);
}

/** The `time` field of every response: `2024-05-01T10:11:12.345-07:00`. */
export function intuitTime(ms: number): string {
  return `${shifted(ms)}${OFFSET_TEXT}`;
}

/** MetaData times carry whole seconds: `2024-05-01T10:11:12-07:00`. */
export function metaTime(ms: number): string {
  return `${shifted(ms).slice(0, 19)}${OFFSET_TEXT}`;
}

/** The company's calendar date for an instant. */
export function companyDate(ms: number): string {
  return shifted(ms).slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const parsed = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(parsed) && new Date(parsed).toISOString().slice(0, 10) === text;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Parses a date or date-time literal from a query; a bare date means midnight in the company's zone. */
export function parseInstant(text: string): number {
  if (DATE.test(text)) return Date.parse(`${text}T00:00:00${OFFSET_TEXT}`);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return Date.parse(text);
  return Number.NaN;
}

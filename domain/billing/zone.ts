// Wall-clock time in an IANA time zone, with Intl only (no dependency, no Node builtin). Offsets are read from
// Intl for each instant, so daylight-saving changes are handled the way the zone's rules say.
import { addDays, formatDate, parseDate } from './dates.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  date: string;
  hour: number;
  minute: number;
  second: number;
}

/** What a clock in `timeZone` shows at `instant`. */
export function wallClock(instant: Date | number, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    date: formatDate({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) }),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The calendar date in `timeZone` at `instant`. */
export function localDate(instant: Date | number, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/** The wall clock read as if it were UTC, in ms: comparing it with the instant gives the zone's offset. */
function wallAsUtc(clock: WallClock): number {
  const { year, month, day } = parseDate(clock.date);
  return Date.UTC(year, month - 1, day, clock.hour, clock.minute, clock.second);
}

/** The zone's offset from UTC at `instant`, in ms (New York in winter: −5 h). */
export function offsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallClock(whole, timeZone)) - whole;
}

/**
 * Every instant at which the clock in `timeZone` shows `date hour:minute`: one normally, none when the time is
 * skipped (clocks go forward), two when it is repeated (clocks go back), earliest first.
 */
export function instantsAt(date: string, hour: number, minute: number, timeZone: string): number[] {
  const { year, month, day } = parseDate(date);
  const target = Date.UTC(year, month - 1, day, hour, minute);
  // the offsets in force a day either side cover any change that can affect this wall time
  const offsets = new Set([offsetMs(target - 86_400_000, timeZone), offsetMs(target, timeZone), offsetMs(target + 86_400_000, timeZone)]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = target - offset;
    if (wallAsUtc(wallClock(candidate, timeZone)) === target) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

/** The instant the clock in `timeZone` first shows `date hour:minute`; for a skipped time, the moment just after the jump. */
export function instantAt(date: string, hour: number, minute: number, timeZone: string): number {
  const found = instantsAt(date, hour, minute, timeZone);
  if (found.length > 0) return found[0]!;
  // skipped: the clock jumped over it; the earliest instant after the gap shows a later time the same day
  const { year, month, day } = parseDate(date);
  const target = Date.UTC(year, month - 1, day, hour, minute);
  return target - offsetMs(target - 86_400_000, timeZone);
}

export interface WallTimeProblem {
  date: string;
  kind: 'skipped' | 'repeated';
}

/**
 * The first day within `days` from `from` on which `hour:minute` does not exist in `timeZone` or happens twice
 * (daylight-saving changes). A schedule at such a time would not fire, or fire twice, that day.
 */
export function wallTimeProblem(timeZone: string, hour: number, minute: number, from: string, days = 3 * 366): WallTimeProblem | undefined {
  const { year, month, day } = parseDate(from);
  let previous = offsetMs(Date.UTC(year, month - 1, day, 12), timeZone);
  for (let i = 1; i <= days; i++) {
    const date = addDays(from, i);
    const d = parseDate(date);
    const offset = offsetMs(Date.UTC(d.year, d.month - 1, d.day, 12), timeZone);
    if (offset === previous) continue;
    // the offset changed between noon yesterday and noon today: look at both days
    for (const candidate of [addDays(date, -1), date]) {
      const count = instantsAt(candidate, hour, minute, timeZone).length;
      if (count !== 1) return { date: candidate, kind: count === 0 ? 'skipped' : 'repeated' };
    }
    previous = offset;
  }
  return undefined;
}

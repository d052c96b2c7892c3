// Durations: whole minutes inside qbflow, qbXML's TIMEINTERVALTYPE ("PT1H35M0S") on the wire. QuickBooks answers
// in that hours-minutes-seconds form; other valid spellings ("PT90M", "PT1H") are read too.

/** A duration in whole minutes, as qbflow holds it. */
export type Minutes = number;

export class QbDurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbDurationError';
  }
}

/** `PT{h}H{m}M0S`, the form QuickBooks itself writes (it keeps no seconds on time entries). */
export function formatDuration(minutes: Minutes): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new QbDurationError(`A duration must be a whole, non-negative number of minutes, not ${minutes}`);
  return `PT${Math.trunc(minutes / 60)}H${minutes % 60}M0S`;
}

const INTERVAL = /^([+-])?PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;

/**
 * Reads a TIMEINTERVALTYPE into minutes. Seconds round half-up to the minute (QuickBooks shows none; 30 s or more
 * counts as a minute) so that a value typed with seconds is never silently lost.
 */
export function parseDuration(text: string): Minutes {
  const match = INTERVAL.exec(text.trim());
  if (!match || (match[2] ?? match[3] ?? match[4]) === undefined) throw new QbDurationError(`"${text}" is not a qbXML duration (PTnHnMnS)`);
  const [, sign, h = '0', m = '0', s = '0'] = match;
  const total = Number(h) * 60 + Number(m) + Math.floor((Number(s) + 30) / 60);
  return sign === '-' ? -total : total;
}

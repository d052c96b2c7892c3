// Identifiers and timestamps the way QuickBooks Desktop writes them.
//   ListID  "80000001-1716912345"  (hex sequence, creation time in Unix seconds)
//   TxnID   "1A3-1716912345"       (hex sequence, creation time)
//   EditSequence "1716912345"     (Unix seconds of the change; strictly increasing for each record)
//   TimeCreated  "2024-05-28T10:05:45-05:00" (the company's local time with its offset)

export interface Clock {
  now(): Date;
}

export class IdFactory {
  private listSeq = 0x80000000;
  private txnSeq = 0x10;

  constructor(private readonly clock: Clock) {}

  private seconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  listId(): string {
    this.listSeq += 1;
    return `${this.listSeq.toString(16).toUpperCase()}-${this.seconds()}`;
  }

  txnId(): string {
    this.txnSeq += 1;
    return `${this.txnSeq.toString(16).toUpperCase()}-${this.seconds()}`;
  }

  /** Line ids come from the same sequence as transaction ids, so no two ids in the file are equal. */
  txnLineId(): string {
    return this.txnId();
  }

  /** An EditSequence: the current second, and always above the record's previous one (two edits in a second). */
  editSequence(previous?: string): string {
    const last = previous === undefined ? 0 : Number(previous);
    return String(Math.max(this.seconds(), last + 1));
  }
}

/** "2024-05-28T10:05:45-05:00" for a fixed UTC offset in minutes. */
export function formatDateTime(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.trunc(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.toISOString().slice(0, 19)}${offset}`;
}

/** The company's local date (YYYY-MM-DD). */
export function formatDate(date: Date, offsetMinutes: number): string {
  return formatDateTime(date, offsetMinutes).slice(0, 10);
}

/** A GUID in QuickBooks' braces, e.g. for iterator ids. */
export function braceGuid(random: () => number): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16))
      .join('')
      .toUpperCase();
  return `{${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}}`;
}

/** Parses a QuickBooks date-time filter value ("2024-05-01", "2024-05-01T10:00:00-05:00") as a Date. */
export function parseFilterDate(value: string, offsetMinutes: number): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) value = `${value}T00:00:00`;
  if (!/[+-]\d{2}:\d{2}$|Z$/.test(value)) {
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    value = `${value}${sign}${String(Math.trunc(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  return new Date(value);
}

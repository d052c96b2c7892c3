// The ledger as a time tracker uses it: read the lists people track time against (whole, or what changed since
// a high-water mark, with deletions), the company's time preferences, and write many time entries at once (add
// with an identity marker, update from the held EditSequence/SyncToken, delete), finding an entry by its marker
// after an uncertain outcome.
import type { TimeListKind } from '../../domain/timesheets.js';

export interface LedgerListRecord {
  id: string;
  name: string;
  fullName: string;
  parentId: string | null;
  active: boolean;
  /** QuickBooks' own modification time, as it wrote it. */
  modifiedAt: string | null;
  fields: Record<string, unknown>;
}

export interface ListRead {
  kind: TimeListKind;
  /** True when every record was read (the first import): those not seen are gone. */
  full: boolean;
  records: LedgerListRecord[];
  /** Ids QuickBooks says were deleted since the mark (Desktop's ListDeletedQuery). */
  deletedIds: string[];
  /** The newest modification time read: the next import's mark. */
  highWater: string | null;
  /** Why this list could not be read (the others still are), in words. */
  unavailable?: string;
}

export interface TimePreferences {
  timeTracking: boolean;
  firstDayOfWeek?: string;
  /** Whether the company runs payroll (undefined: QuickBooks does not say). */
  payroll?: boolean;
  classTracking?: boolean;
}

export interface ListReadRequest {
  kinds: TimeListKind[];
  /** Per list: read only what changed since this QuickBooks time (absent: read everything). */
  since: Partial<Record<TimeListKind, string>>;
  /** Deletions since this QuickBooks time (Desktop). */
  deletionsSince?: string;
  pageSize: number;
}

export interface ListReadResult {
  lists: ListRead[];
  preferences: TimePreferences;
  /** QuickBooks' clock when the read began, where it tells (the next deletions mark). */
  startedAt: string | null;
  /** Iterators that died with their session and were started again. */
  restarts: number;
}

export type TimePersonKind = 'employees' | 'vendors' | 'otherNames';

export interface TimeWrite {
  /** The upstream entry id. */
  key: string;
  action: 'add' | 'update' | 'delete';
  /** Identity carried by the Add (Desktop ExternalGUID; Online requestid). */
  marker: string;
  quickbooksId?: string;
  editSequence?: string;
  person: { kind: TimePersonKind; id: string; name: string };
  date: string;
  minutes: number;
  customerId?: string;
  itemId?: string;
  classId?: string;
  payrollItemId?: string;
  billable: 'billable' | 'not_billable' | 'billed';
  hourlyRate?: string;
  notes?: string;
}

export type TimeWriteResult =
  | { key: string; ok: true; quickbooksId: string | null; editSequence: string | null }
  | { key: string; ok: false; code: string; message: string };

export interface HeldTime {
  quickbooksId: string;
  editSequence: string;
}

export interface TimeLedger {
  readTimeLists(request: ListReadRequest): Promise<ListReadResult>;
  /**
   * Writes many entries (one round trip per message or batch); one result per write, in order.
   * `beforePacedRoundTrip` is awaited before each batch where the ledger limits them (Online: 40 a minute).
   */
  writeTime(writes: TimeWrite[], beforePacedRoundTrip?: () => Promise<void>): Promise<TimeWriteResult[]>;
  /**
   * The entries QuickBooks already holds for these adds, by marker (Desktop: the ExternalGUID; Online, which keeps
   * no marker: the same person, day, duration and customer, not among `heldElsewhere`).
   */
  findTime(lookups: TimeWrite[], heldElsewhere: ReadonlySet<string>): Promise<Map<string, HeldTime>>;
  /** How many writes travel in one round trip. */
  timeWritesPerRoundTrip: number;
}

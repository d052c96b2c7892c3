// The QuickBooks Online ledger as a time tracker uses it: the lists by query, every page (active and inactive,
// since the mark when there is one: deactivations arrive as Active false; Online lists are never deleted), the
// Preferences entity, and TimeActivity written in batches of 30 (each batch's requestid made from its writes, so a
// retried batch is answered from the first attempt), paced under Intuit's batch limit like billing's.
import { createHash } from 'node:crypto';
import type { TimeListKind } from '../../domain/timesheets.js';
import { QuickBooksFault, QuickBooksUnavailable } from '../errors.js';
import type {
  HeldTime, LedgerListRecord, ListRead, ListReadRequest, ListReadResult, TimeLedger, TimePreferences, TimeWrite, TimeWriteResult,
} from '../ledger/index.js';
import { queryString, type CompanyClient } from './client.js';

interface QboRow {
  Id: string;
  SyncToken: string;
  [field: string]: unknown;
}

const PAGE = 1000;
const BATCH_ITEMS = 30;
const BATCH_LANES = 3;
const STALE_OBJECT = '5010';
const NOT_FOUND = '610';

/** The lists the Accounting API serves; other names and payroll items are not in it (QuickBooks Online Payroll has no public API). */
const ENTITIES: Partial<Record<TimeListKind, { entity: string; where?: string }>> = {
  customers: { entity: 'Customer' },
  items: { entity: 'Item', where: "Type = 'Service'" },
  classes: { entity: 'Class' },
  employees: { entity: 'Employee' },
  vendors: { entity: 'Vendor' },
};

function listRecordOf(kind: TimeListKind, row: QboRow): LedgerListRecord {
  const { Id, SyncToken: _s, MetaData, Name, DisplayName, FullyQualifiedName, Active, ParentRef, domain: _d, sparse: _p, ...rest } = row;
  const name = String(DisplayName ?? Name ?? Id);
  const parent = (ParentRef as { value?: string } | undefined)?.value;
  const fields: Record<string, unknown> = { ...rest };
  if (kind === 'customers') fields.isJob = row.Job === true;
  if (kind === 'employees') fields.useTimeData = row.UseTimeEntry ?? null;
  return {
    id: Id,
    name,
    fullName: String(FullyQualifiedName ?? name),
    parentId: parent ?? null,
    active: Active !== false,
    modifiedAt: (MetaData as { LastUpdatedTime?: string } | undefined)?.LastUpdatedTime ?? null,
    fields,
  };
}

// Just over 150 lines: the time port's members for Online (list queries, TimeActivity batches, the look-up after a
// lost answer) over one company client.
export function createQboTimeLedger(client: CompanyClient): TimeLedger {
  const query = async (entity: string, where: string): Promise<QboRow[]> => {
    const rows: QboRow[] = [];
    for (let start = 1; ; start += PAGE) {
      const sql = `select * from ${entity}${where ? ` where ${where}` : ''} STARTPOSITION ${start} MAXRESULTS ${PAGE}`;
      const body = await client.request<{ QueryResponse?: Record<string, QboRow[]> }>({ method: 'GET', path: '/query', query: { query: sql } });
      const page = body.QueryResponse?.[entity] ?? [];
      rows.push(...page);
      if (page.length < PAGE) return rows;
    }
  };

  const readList = async (kind: TimeListKind, since: string | undefined): Promise<ListRead> => {
    const source = ENTITIES[kind];
    if (!source) return { kind, full: !since, records: [], deletedIds: [], highWater: since ?? null, unavailable: `QuickBooks Online's API has no ${kind} list` };
    const { entity, where } = source;
    const conditions = [where, 'Active IN (true, false)', since ? `MetaData.LastUpdatedTime >= ${queryString(since)}` : undefined].filter(Boolean);
    const read: ListRead = { kind, full: !since, records: [], deletedIds: [], highWater: since ?? null };
    try {
      for (const row of await query(entity, conditions.join(' AND '))) {
        const record = listRecordOf(kind, row);
        read.records.push(record);
        if (record.modifiedAt && (!read.highWater || record.modifiedAt > read.highWater)) read.highWater = record.modifiedAt;
      }
    } catch (error) {
      if (!(error instanceof QuickBooksFault) || error.status === 429 || error.status === 401 || error.status === 403) throw error;
      read.unavailable = `QuickBooks Online did not answer the ${kind} query: ${error.detail}`;
    }
    return read;
  };

  const preferences = async (): Promise<TimePreferences> => {
    const body = await client.request<{ QueryResponse?: { Preferences?: Record<string, Record<string, unknown>>[] } }>({ method: 'GET', path: '/query', query: { query: 'select * from Preferences' } });
    const prefs = body.QueryResponse?.Preferences?.[0] ?? {};
    const time = prefs.TimeTrackingPrefs ?? {};
    const accounting = prefs.AccountingInfoPrefs ?? {};
    return {
      timeTracking: time.UseServices !== false,
      ...(typeof time.WorkWeekStartDate === 'string' ? { firstDayOfWeek: time.WorkWeekStartDate } : {}),
      classTracking: accounting.ClassTrackingPerTxn === true || accounting.ClassTrackingPerTxnLine === true,
    };
  };

  const body = (w: TimeWrite): Record<string, unknown> => {
    const nameOf = w.person.kind === 'vendors' ? 'Vendor' : 'Employee';
    return {
      NameOf: nameOf,
      [`${nameOf}Ref`]: { value: w.person.id },
      TxnDate: w.date,
      Hours: Math.floor(w.minutes / 60),
      Minutes: w.minutes % 60,
      BillableStatus: w.billable === 'billable' ? 'Billable' : w.billable === 'billed' ? 'HasBeenBilled' : 'NotBillable',
      ...(w.customerId ? { CustomerRef: { value: w.customerId } } : {}),
      ...(w.itemId ? { ItemRef: { value: w.itemId } } : {}),
      ...(w.classId ? { ClassRef: { value: w.classId } } : {}),
      ...(w.payrollItemId ? { PayrollItemRef: { value: w.payrollItemId } } : {}),
      ...(w.hourlyRate ? { HourlyRate: Number(w.hourlyRate) } : {}),
      ...(w.notes ? { Description: w.notes } : {}),
    };
  };
  const itemOf = (w: TimeWrite, i: number) => {
    if (w.action === 'add') return { bId: String(i), operation: 'create', TimeActivity: body(w) };
    if (w.action === 'update') return { bId: String(i), operation: 'update', TimeActivity: { ...body(w), Id: w.quickbooksId, SyncToken: w.editSequence } };
    return { bId: String(i), operation: 'delete', TimeActivity: { Id: w.quickbooksId, SyncToken: w.editSequence } };
  };
  const keyOf = (w: TimeWrite) => `${w.marker}:${w.action}:${w.editSequence ?? ''}`;

  type BatchAnswer = { bId?: string; TimeActivity?: QboRow & { status?: string }; Fault?: { Error?: { Message?: string; Detail?: string; code?: string }[] } };
  const batch = async (writes: TimeWrite[], offset: number): Promise<TimeWriteResult[]> => {
    const requestId = `time:${createHash('sha256').update(writes.map(keyOf).join(',')).digest('base64url').slice(0, 40)}`;
    const answer = await client.request<{ BatchItemResponse?: BatchAnswer[] }>({
      method: 'POST', path: '/batch', requestId, body: { BatchItemRequest: writes.map((w, i) => itemOf(w, offset + i)) },
    });
    const byId = new Map((answer.BatchItemResponse ?? []).map((item) => [item.bId, item]));
    return writes.map((w, i) => {
      const item = byId.get(String(offset + i));
      if (!item) throw new QuickBooksUnavailable('QuickBooks answered a batch without an answer for every item');
      const row = item.TimeActivity;
      if (row && w.action === 'delete') return { key: w.key, ok: true, quickbooksId: null, editSequence: null };
      if (row) return { key: w.key, ok: true, quickbooksId: row.Id, editSequence: row.SyncToken };
      const error = item.Fault?.Error?.[0] ?? {};
      const code = String(error.code ?? 'unknown');
      if (w.action === 'delete' && code === NOT_FOUND) return { key: w.key, ok: true, quickbooksId: null, editSequence: null };
      return { key: w.key, ok: false, code, message: error.Detail || error.Message || 'no detail given' };
    });
  };

  /** Someone changed the entry in QuickBooks since we wrote it: read its SyncToken and write ours again, alone. */
  const againFromCurrent = async (w: TimeWrite): Promise<TimeWriteResult> => {
    const read = await client.request<{ TimeActivity?: QboRow }>({ method: 'GET', path: `/timeactivity/${encodeURIComponent(w.quickbooksId!)}` });
    const current = read.TimeActivity;
    if (!current) return { key: w.key, ok: false, code: NOT_FOUND, message: 'QuickBooks no longer has this time entry' };
    const [result] = await batch([{ ...w, editSequence: current.SyncToken }], 0);
    return result!;
  };

  return {
    async readTimeLists(request: ListReadRequest): Promise<ListReadResult> {
      const lists: ListRead[] = [];
      for (const kind of request.kinds) lists.push(await readList(kind, request.since[kind]));
      return { lists, preferences: await preferences(), startedAt: null, restarts: 0 };
    },

    async writeTime(writes, beforePacedRoundTrip) {
      const results: TimeWriteResult[] = new Array(writes.length);
      // a few batches in flight at once: a slow answer does not hold back the next paced slot
      let next = 0;
      let failure: unknown;
      const lane = async () => {
        while (next < writes.length && failure === undefined) {
          const start = next;
          next += BATCH_ITEMS;
          try {
            await beforePacedRoundTrip?.();
            const answered = await batch(writes.slice(start, start + BATCH_ITEMS), start);
            answered.forEach((r, k) => {
              results[start + k] = r;
            });
          } catch (error) {
            failure ??= error;
          }
        }
      };
      await Promise.all(Array.from({ length: BATCH_LANES }, lane));
      if (failure !== undefined) throw failure;
      for (let i = 0; i < results.length; i++) {
        const r = results[i]!;
        if (!r.ok && r.code === STALE_OBJECT && writes[i]!.action !== 'add') results[i] = await againFromCurrent(writes[i]!);
      }
      return results;
    },

    /** Online keeps no marker on a time entry: the same person, day, duration and customer, not held by another entry, is ours. */
    async findTime(lookups, heldElsewhere) {
      const found = new Map<string, HeldTime>();
      const taken = new Set(heldElsewhere);
      const ref = (row: QboRow, key: string) => (row[key] as { value?: string } | undefined)?.value;
      for (const l of lookups) {
        const rows = await query('TimeActivity', `TxnDate = ${queryString(l.date)}`);
        const mine = rows.find((r) => !taken.has(r.Id) && (ref(r, 'EmployeeRef') ?? ref(r, 'VendorRef')) === l.person.id
          && Number(r.Hours ?? 0) * 60 + Number(r.Minutes ?? 0) === l.minutes && ref(r, 'CustomerRef') === l.customerId);
        if (!mine) continue;
        taken.add(mine.Id);
        found.set(l.marker, { quickbooksId: mine.Id, editSequence: mine.SyncToken });
      }
      return found;
    },

    timeWritesPerRoundTrip: BATCH_ITEMS,
  };
}

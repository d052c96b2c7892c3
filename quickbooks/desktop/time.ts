// The QuickBooks Desktop ledger as a time tracker uses it. Lists are read in one operation: the first message asks
// for the preferences, the lists qbXML answers whole, the deletions, and starts an iterator for each list that has
// one; each following message continues every iterator with pages left (all within the Web Connector session the
// operation holds open). An iterator that died with its session (3391) starts its list over. Time entries travel
// many per message: TimeTrackingAdd carries the entry's ExternalGUID, Mod the EditSequence held (re-read once
// when out of date, 3200), TxnDel removes; a lost answer is found by person and dates, matching the ExternalGUID.
import type { TimeListKind } from '../../domain/timesheets.js';
import type {
  HeldTime, LedgerListRecord, ListRead, ListReadRequest, ListReadResult, TimeLedger, TimePreferences, TimeWrite, TimeWriteResult,
} from '../ledger/index.js';
import type { DesktopAccess } from './company.js';
import { documentGuid, sameGuid } from './documents.js';
import type { QbdOperation } from './exchange.js';
import type {
  ClassRecord, CustomerRecord, EmployeeRecord, ItemRecord, ListDelType, OtherNameRecord, PayrollItemWageRecord, PreferencesRecord,
  QbRecord, QbxmlRequestSpec, QbxmlResult, TimeTrackingRecord, VendorRecord,
} from './qbxml/index.js';

const ITERATOR_INVALID = 3391;
const PAYROLL_REQUIRED = 3262;
const EDIT_SEQUENCE_OUT_OF_DATE = 3200;
const OBJECT_NOT_FOUND = 3120;
const NOTHING_FOUND = 1;
const MAX_RESTARTS = 3;

const ITERATED: Partial<Record<TimeListKind, true>> = { customers: true, items: true, vendors: true };
const DELETED_TYPES: Record<TimeListKind, ListDelType> = {
  customers: 'Customer', items: 'ItemService', classes: 'Class', employees: 'Employee', vendors: 'Vendor', otherNames: 'OtherName', payrollItems: 'PayrollItemWage',
};

function listQuery(kind: TimeListKind, pageSize: number, since: string | undefined, iteratorId?: string): QbxmlRequestSpec {
  const filters = { activeStatus: 'All' as const, ...(since ? { fromModifiedDate: since } : {}) };
  const iterator = iteratorId ? { mode: 'Continue' as const, iteratorId } : { mode: 'Start' as const };
  switch (kind) {
    case 'customers': return { kind: 'CustomerQuery', input: { ...filters, iterator, maxReturned: pageSize } };
    case 'items': return { kind: 'ItemServiceQuery', input: { ...filters, iterator, maxReturned: pageSize } };
    case 'vendors': return { kind: 'VendorQuery', input: { ...filters, iterator, maxReturned: pageSize } };
    case 'employees': return { kind: 'EmployeeQuery', input: filters };
    case 'otherNames': return { kind: 'OtherNameQuery', input: filters };
    case 'classes': return { kind: 'ClassQuery', input: filters };
    case 'payrollItems': return { kind: 'PayrollItemWageQuery', input: filters };
  }
}

const compact = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

/** A record as the lists feed shows it: the common columns, and the rest as fields. */
export function listRecordOf(record: QbRecord): LedgerListRecord | undefined {
  const base = (r: { listId: string; name: string; isActive: boolean; timeModified?: string }, fullName: string, parentId: string | undefined) => ({
    id: r.listId, name: r.name, fullName, parentId: parentId ?? null, active: r.isActive, modifiedAt: r.timeModified ?? null,
  });
  const rest = (r: object, drop: string[]) => compact(Object.fromEntries(Object.entries(r).filter(([k]) => !['type', 'listId', 'name', 'fullName', 'isActive', 'timeCreated', 'timeModified', 'editSequence', ...drop].includes(k))));
  switch (record.type) {
    case 'Customer': {
      const r = record as CustomerRecord;
      return { ...base(r, r.fullName, r.parentRef?.listId), fields: { isJob: (r.sublevel ?? 0) > 0, ...rest(r, ['parentRef']) } };
    }
    case 'Item': {
      const r = record as ItemRecord;
      return { ...base(r, r.fullName, r.parentRef?.listId), fields: rest(r, ['parentRef']) };
    }
    case 'Class': {
      const r = record as ClassRecord;
      return { ...base(r, r.fullName, r.parentRef?.listId), fields: rest(r, ['parentRef']) };
    }
    case 'Employee': {
      const r = record as EmployeeRecord;
      return { ...base(r, r.name, undefined), fields: { useTimeData: r.payroll?.useTimeDataToCreatePaychecks ?? null, ...rest(r, []) } };
    }
    case 'Vendor': return { ...base(record as VendorRecord, (record as VendorRecord).name, undefined), fields: rest(record, []) };
    case 'OtherName': return { ...base(record as OtherNameRecord, (record as OtherNameRecord).name, undefined), fields: rest(record, []) };
    case 'PayrollItemWage': return { ...base(record as PayrollItemWageRecord, (record as PayrollItemWageRecord).name, undefined), fields: rest(record, []) };
    default: return undefined;
  }
}

const newest = (a: string | null, b: string | null | undefined): string | null => (!b ? a : !a || b > a ? b : a);

interface ListState extends ListRead {
  iteratorId?: string;
  restarts: number;
}

function absorb(state: ListState, result: QbxmlResult): void {
  for (const record of result.records) {
    const found = listRecordOf(record);
    if (!found) continue;
    state.records.push(found);
    state.highWater = newest(state.highWater, found.modifiedAt);
  }
  state.iteratorId = result.iteratorId && (result.iteratorRemainingCount ?? 0) > 0 ? result.iteratorId : undefined;
}

function preferencesOf(results: QbxmlResult[], lists: ListState[]): TimePreferences {
  const prefs = results.find((r) => r.kind === 'PreferencesQuery')?.records.find((r): r is PreferencesRecord => r.type === 'Preferences');
  const wages = results.find((r) => r.kind === 'PayrollItemWageQuery');
  const employees = lists.find((l) => l.kind === 'employees');
  let payroll: boolean | undefined;
  if (wages) payroll = wages.statusCode !== PAYROLL_REQUIRED;
  else if (employees && employees.records.length > 0) payroll = employees.records.some((e) => e.fields.payroll !== undefined);
  return compact({
    timeTracking: prefs?.timeTrackingEnabled ?? false,
    firstDayOfWeek: prefs?.firstDayOfWeek,
    payroll,
    classTracking: prefs?.isUsingClassTracking,
  }) as unknown as TimePreferences;
}

async function readLists(op: QbdOperation, request: ListReadRequest): Promise<ListReadResult> {
  const lists: ListState[] = request.kinds.map((kind) => ({ kind, full: !request.since[kind], records: [], deletedIds: [], highWater: request.since[kind] ?? null, restarts: 0 }));
  const first: QbxmlRequestSpec[] = [{ kind: 'PreferencesQuery' }, ...lists.map((l) => listQuery(l.kind, request.pageSize, request.since[l.kind]))];
  const incremental = lists.filter((l) => !l.full);
  if (incremental.length > 0 && request.deletionsSince) {
    first.push({ kind: 'ListDeletedQuery', input: { listDelTypes: incremental.map((l) => DELETED_TYPES[l.kind]), deletedDateRange: { from: request.deletionsSince } } });
  }
  const answers = await op.send(first);
  lists.forEach((list, i) => {
    const result = answers[i + 1]!;
    if (list.kind === 'payrollItems' && result.statusCode === PAYROLL_REQUIRED) return; // no payroll: no wage items
    if (result.statusSeverity === 'Error' && result.statusCode !== NOTHING_FOUND) list.unavailable = `QuickBooks refused the ${list.kind} query (status ${result.statusCode}): ${result.statusMessage}`;
    else absorb(list, result);
  });
  const deleted = answers[lists.length + 1];
  for (const record of deleted?.records ?? []) {
    if (record.type !== 'ListDeleted') continue;
    const list = lists.find((l) => DELETED_TYPES[l.kind] === record.listDelType);
    list?.deletedIds.push(record.listId);
  }
  let restarts = 0;
  const restartList: ListState[] = [];
  for (;;) {
    const pending = lists.filter((l) => ITERATED[l.kind] && l.iteratorId && !l.unavailable);
    if (pending.length === 0) break;
    const pages = await op.send(pending.map((l) => listQuery(l.kind, request.pageSize, request.since[l.kind], l.iteratorId)));
    pending.forEach((list, i) => {
      const page = pages[i]!;
      if (page.statusCode === ITERATOR_INVALID) {
        // the iterator died with its session: this list starts over in the next message
        restarts += 1;
        list.restarts += 1;
        list.records = [];
        list.highWater = request.since[list.kind] ?? null;
        if (list.restarts > MAX_RESTARTS) list.unavailable = `The ${list.kind} import was interrupted ${list.restarts} times; run it again`;
        list.iteratorId = undefined;
        restartList.push(list);
        return;
      }
      if (page.statusSeverity === 'Error') list.unavailable = `QuickBooks refused a page of ${list.kind} (status ${page.statusCode}): ${page.statusMessage}`;
      else absorb(list, page);
    });
    // lists whose iterator died start again (a new Start, in its own message)
    const again = restartList.splice(0).filter((l) => !l.unavailable);
    if (again.length > 0) {
      const starts = await op.send(again.map((l) => listQuery(l.kind, request.pageSize, request.since[l.kind])));
      again.forEach((list, i) => absorb(list, starts[i]!));
    }
  }
  return {
    lists: lists.map(({ iteratorId: _i, restarts: _r, ...list }) => list),
    preferences: preferencesOf(answers, lists),
    startedAt: null,
    restarts,
  };
}

function timeFields(w: TimeWrite) {
  return {
    txnDate: w.date,
    entity: { listId: w.person.id },
    ...(w.customerId ? { customer: { listId: w.customerId } } : {}),
    ...(w.itemId ? { itemService: { listId: w.itemId } } : {}),
    ...(w.hourlyRate ? { rate: w.hourlyRate } : {}),
    durationMinutes: w.minutes,
    ...(w.classId ? { class: { listId: w.classId } } : {}),
    ...(w.payrollItemId ? { payrollItemWage: { listId: w.payrollItemId } } : {}),
    ...(w.notes ? { notes: w.notes } : {}),
    billableStatus: w.billable === 'billable' ? 'Billable' as const : w.billable === 'billed' ? 'HasBeenBilled' as const : 'NotBillable' as const,
  };
}

function writeRequest(w: TimeWrite): QbxmlRequestSpec {
  if (w.action === 'delete') return { kind: 'TxnDel', input: { txnDelType: 'TimeTracking', txnId: w.quickbooksId! } };
  if (w.action === 'update') return { kind: 'TimeTrackingMod', input: { ...timeFields(w), txnId: w.quickbooksId!, editSequence: w.editSequence! } };
  return { kind: 'TimeTrackingAdd', input: { ...timeFields(w), externalGuid: documentGuid('timesheet', w.marker) } };
}

function resultOf(w: TimeWrite, result: QbxmlResult): TimeWriteResult {
  if (w.action === 'delete') {
    // already gone from QuickBooks counts as deleted
    if (result.statusSeverity !== 'Error' || result.statusCode === OBJECT_NOT_FOUND) return { key: w.key, ok: true, quickbooksId: null, editSequence: null };
  } else if (result.statusSeverity !== 'Error') {
    const entry = result.records.find((r): r is TimeTrackingRecord => r.type === 'TimeTracking');
    if (entry) return { key: w.key, ok: true, quickbooksId: entry.txnId, editSequence: entry.editSequence };
  }
  return { key: w.key, ok: false, code: String(result.statusCode), message: result.statusMessage };
}

async function writeTime(op: QbdOperation, writes: TimeWrite[]): Promise<TimeWriteResult[]> {
  if (writes.length === 0) return [];
  const answers = await op.send(writes.map(writeRequest));
  const results = writes.map((w, i) => resultOf(w, answers[i]!));
  // a Mod whose EditSequence went out of date (someone edited it in QuickBooks): read it, and send ours once more
  const stale = writes.map((w, i) => ({ w, i })).filter(({ w, i }) => w.action === 'update' && answers[i]!.statusCode === EDIT_SEQUENCE_OUT_OF_DATE);
  if (stale.length > 0) {
    const [read] = await op.send([{ kind: 'TimeTrackingQuery', input: { txnIds: stale.map(({ w }) => w.quickbooksId!) } }]);
    const current = new Map((read?.records ?? []).filter((r): r is TimeTrackingRecord => r.type === 'TimeTracking').map((r) => [r.txnId, r.editSequence]));
    const retry = stale.filter(({ w }) => current.has(w.quickbooksId!));
    const again = retry.length > 0 ? await op.send(retry.map(({ w }) => writeRequest({ ...w, editSequence: current.get(w.quickbooksId!)! }))) : [];
    retry.forEach(({ w, i }, n) => {
      results[i] = resultOf(w, again[n]!);
    });
  }
  return results;
}

async function findTime(op: QbdOperation, lookups: TimeWrite[]): Promise<Map<string, HeldTime>> {
  const found = new Map<string, HeldTime>();
  if (lookups.length === 0) return found;
  // TimeTrackingQuery has no ExternalGUID filter: ask by person over the dates concerned, match the GUIDs
  const byPerson = new Map<string, { from: string; to: string }>();
  for (const l of lookups) {
    const range = byPerson.get(l.person.id);
    byPerson.set(l.person.id, { from: range && range.from < l.date ? range.from : l.date, to: range && range.to > l.date ? range.to : l.date });
  }
  const people = [...byPerson.entries()];
  const answers = await op.send(people.map(([id, range]) => ({ kind: 'TimeTrackingQuery', input: { entityListIds: [id], txnDateRange: range } })));
  for (const answer of answers) {
    for (const record of answer.records) {
      if (record.type !== 'TimeTracking') continue;
      const ours = lookups.find((l) => sameGuid(record.externalGuid, documentGuid('timesheet', l.marker)));
      if (ours) found.set(ours.marker, { quickbooksId: record.txnId, editSequence: record.editSequence });
    }
  }
  return found;
}

export function createQbdTimeLedger(company: DesktopAccess): TimeLedger {
  return {
    readTimeLists: (request) => company.run((op) => readLists(op, request)),
    writeTime: (writes) => company.run((op) => writeTime(op, writes)),
    findTime: (lookups) => company.run((op) => findTime(op, lookups)),
    timeWritesPerRoundTrip: 50,
  };
}

// Time entries: TimeTrackingAdd, TimeTrackingMod (current EditSequence, else 3200) and TimeTrackingQuery (TxnID,
// modified or work dates, person; iterators), with QuickBooks' rules for who and what a time entry may name:
//   - the person (EntityRef) is an employee, a vendor or an other name; a customer there is "of the wrong type";
//   - billable time names a customer:job and a service item;
//   - a payroll wage item only on an employee whose paychecks use time data; in a file that runs payroll, an
//     employee left NotSet gets no time at all until the bookkeeper answers the question (as QuickBooks asks it
//     in its own timesheet window, which an integration cannot answer);
//   - unknown references answer 3140; see sandbox/qbd/README.md for which wordings are QuickBooks' own.
import { parseDuration, QbDurationError } from '../../../quickbooks/desktop/qbxml/duration.js';
import type { BillableStatus } from '../../../quickbooks/desktop/qbxml/requests/purchases.js';
import { child, childText, children, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { refParts, simpleRef, text, today, type HandlerContext, type HandlerResult } from './context.js';
import { editSequenceOutOfDate, invalidReference, invalidTimeInterval, objectNotFound, QbStatusError, saveFailed, wrongTypeReference } from './errors.js';
import { runQuery } from './query.js';
import { timeTrackingRet } from './render-time.js';
import type { NameRecord } from './store.js';
import type { TimeEntryRecord, WageItemRecord } from './store-time.js';

const OBJECT = 'TimeTracking';

export const timeTrackingOff = (): QbStatusError => new QbStatusError(3250, 'This feature is not enabled or not available in this version of QuickBooks.');

function nameByRef(ctx: HandlerContext, node: XNode, name: string): { record: NameRecord | undefined; label: string } | undefined {
  const ref = refParts(node, name);
  if (!ref) return undefined;
  const record = ref.listId ? ctx.store.names.get(ref.listId) : ctx.store.findNameByFullName(ref.fullName ?? '');
  return { record, label: ref.label };
}

/** The person: employee, vendor or other name. */
function entity(ctx: HandlerContext, node: XNode): NameRecord {
  const found = nameByRef(ctx, node, 'EntityRef');
  if (!found?.record) throw invalidReference('Entity', found?.label ?? '', OBJECT);
  if (found.record.kind === 'Customer') throw wrongTypeReference('Entity', found.label, OBJECT);
  return found.record;
}

function customer(ctx: HandlerContext, node: XNode): NameRecord | undefined {
  const found = nameByRef(ctx, node, 'CustomerRef');
  if (!found) return undefined;
  if (!found.record) throw invalidReference('Customer', found.label, OBJECT);
  if (found.record.kind !== 'Customer') throw wrongTypeReference('Customer', found.label, OBJECT);
  return found.record;
}

function serviceItem(ctx: HandlerContext, node: XNode): string | undefined {
  const ref = refParts(node, 'ItemServiceRef');
  if (!ref) return undefined;
  const record = ref.listId ? ctx.store.items.get(ref.listId) : ctx.store.findItemByFullName(ref.fullName ?? '');
  if (!record) throw invalidReference('Item', ref.label, OBJECT);
  if (record.kind !== 'Service') throw wrongTypeReference('Item', ref.label, OBJECT);
  return record.listId;
}

function wageItem(ctx: HandlerContext, node: XNode): WageItemRecord | undefined {
  const ref = refParts(node, 'PayrollItemWageRef');
  if (!ref) return undefined;
  const record = ref.listId ? ctx.store.wageItems.get(ref.listId) : ctx.store.findWageItem(ref.fullName ?? '');
  if (!record) throw invalidReference('Payroll Item', ref.label, OBJECT);
  return record;
}

function duration(node: XNode): number {
  const value = childText(node, 'Duration') ?? '';
  try {
    const minutes = parseDuration(value);
    if (minutes < 0) throw invalidTimeInterval(value, 'Duration');
    return minutes;
  } catch (error) {
    if (error instanceof QbDurationError) throw invalidTimeInterval(value, 'Duration');
    throw error;
  }
}

/** Who may carry a payroll item, and who may have time at all (see the file comment). */
function checkPayroll(ctx: HandlerContext, person: NameRecord, wageItemId: string | undefined): void {
  if (wageItemId && !ctx.features.payroll) {
    throw new QbStatusError(3262, 'A payroll subscription is required to use payroll items on time entries.');
  }
  if (person.kind !== 'Employee') {
    if (wageItemId) throw saveFailed(OBJECT, `"${person.name}" is not an employee: only an employee's time can carry a payroll item.`);
    return;
  }
  if (!ctx.features.payroll) return;
  const useTimeData = person.payroll?.useTimeData ?? 'NotSet';
  if (useTimeData === 'NotSet') {
    throw saveFailed(OBJECT, `QuickBooks does not know whether paychecks for "${person.name}" use time data. Set "Use time data to create paychecks" on the employee's Payroll Info tab first.`);
  }
  if (useTimeData === 'DoNotUseTimeData' && wageItemId) {
    throw saveFailed(OBJECT, `"${person.name}" is not set to use time data to create paychecks, so the time cannot carry a payroll item.`);
  }
}

/** Reads an Add, or a Mod on top of the stored entry (optional elements left out keep their values). */
function readEntry(ctx: HandlerContext, node: XNode, base: TimeEntryRecord): TimeEntryRecord {
  const entry: TimeEntryRecord = { ...base };
  const has = (name: string): boolean => child(node, name) !== undefined;
  const txnDate = text(node, 'TxnDate');
  if (txnDate) entry.txnDate = txnDate;
  const person = entity(ctx, node);
  entry.entityId = person.listId;
  if (has('CustomerRef')) entry.customerId = customer(ctx, node)?.listId;
  if (has('ItemServiceRef')) entry.itemId = serviceItem(ctx, node);
  if (has('Rate')) entry.rate = text(node, 'Rate');
  entry.minutes = duration(node);
  if (has('ClassRef')) entry.classId = simpleRef(ctx, node, 'ClassRef', 'Class', OBJECT)?.listId;
  if (has('PayrollItemWageRef')) entry.wageItemId = wageItem(ctx, node)?.listId;
  if (has('Notes')) entry.notes = text(node, 'Notes');
  const status = text(node, 'BillableStatus') as BillableStatus | undefined;
  // left out on an Add: billable when it names a customer:job and a service, as QuickBooks' own timesheet marks it
  entry.billableStatus = status ?? (base.txnId ? base.billableStatus : entry.customerId && entry.itemId ? 'Billable' : 'NotBillable');
  if (entry.billableStatus !== 'NotBillable' && (!entry.customerId || !entry.itemId)) {
    throw saveFailed(OBJECT, 'Billable time must name a customer:job and a service item.');
  }
  checkPayroll(ctx, person, entry.wageItemId);
  for (const key of Object.keys(entry) as (keyof TimeEntryRecord)[]) if (entry[key] === undefined) delete entry[key];
  return entry;
}

export function timeTrackingAdd(ctx: HandlerContext, rq: XNode): HandlerResult {
  if (!ctx.features.timeTracking) throw timeTrackingOff();
  const add = child(rq, 'TimeTrackingAdd') as XNode;
  const blank: TimeEntryRecord = {
    txnId: '',
    txnNumber: 0,
    txnDate: today(ctx),
    entityId: '',
    minutes: 0,
    billableStatus: 'NotBillable',
    created: ctx.now,
    modified: ctx.now,
    editSequence: '',
  };
  const entry = readEntry(ctx, add, blank);
  entry.txnId = ctx.ids.txnId();
  entry.txnNumber = ctx.store.nextTxnNumber();
  entry.editSequence = ctx.ids.editSequence();
  const guid = text(add, 'ExternalGUID');
  if (guid) entry.externalGuid = guid;
  ctx.store.timeEntries.set(entry.txnId, entry);
  return { records: [timeTrackingRet(ctx, entry)] };
}

export function timeTrackingMod(ctx: HandlerContext, rq: XNode): HandlerResult {
  if (!ctx.features.timeTracking) throw timeTrackingOff();
  const mod = child(rq, 'TimeTrackingMod') as XNode;
  const txnId = text(mod, 'TxnID') ?? '';
  const current = ctx.store.timeEntries.get(txnId);
  if (!current) throw objectNotFound(txnId);
  const editSequence = text(mod, 'EditSequence') ?? '';
  if (editSequence !== current.editSequence) throw editSequenceOutOfDate(editSequence);
  const entry = readEntry(ctx, mod, current);
  entry.modified = ctx.now;
  entry.editSequence = ctx.ids.editSequence(current.editSequence);
  ctx.store.timeEntries.set(txnId, entry);
  return { records: [timeTrackingRet(ctx, entry)] };
}

/** TxnDateRangeFilter (dates of the work) and TimeTrackingEntityFilter (whose time). */
function timeFilter(ctx: HandlerContext, entry: TimeEntryRecord, rq: XNode): boolean {
  const dates = child(rq, 'TxnDateRangeFilter');
  if (dates) {
    const from = text(dates, 'FromTxnDate');
    const to = text(dates, 'ToTxnDate');
    if ((from && entry.txnDate < from) || (to && entry.txnDate > to)) return false;
  }
  const people = child(rq, 'TimeTrackingEntityFilter');
  if (people) {
    const ids = children(people, 'ListID').map((c) => c.text);
    const names = children(people, 'FullName').map((c) => c.text.toLowerCase());
    const person = ctx.store.names.get(entry.entityId);
    const fullName = person ? ctx.store.nameFullName(person).toLowerCase() : '';
    if (!ids.includes(entry.entityId) && !names.includes(fullName)) return false;
  }
  return true;
}

export function timeTrackingQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  if (!ctx.features.timeTracking) throw timeTrackingOff();
  return runQuery<TimeEntryRecord>(
    ctx,
    rq,
    {
      kind: 'TimeTrackingQuery',
      all: () => ctx.store.timeEntries.values(),
      id: (t) => t.txnId,
      byId: (id) => ctx.store.timeEntries.get(id),
      modified: (t) => t.modified,
      filter: (t, query) => timeFilter(ctx, t, query),
      render: (t) => timeTrackingRet(ctx, t),
    },
    'txn',
  );
}

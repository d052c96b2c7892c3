// Time entries: TimeTrackingAdd, TimeTrackingMod and TimeTrackingQuery, in the element order of Intuit's 13.0 and
// 16.0 schemas (TxnDate, EntityRef, CustomerRef, ItemServiceRef, Rate, Duration, ClassRef, PayrollItemWageRef, Notes,
// BillableStatus, ExternalGUID). Durations travel as whole minutes and leave as "PT{h}H{m}M0S".
//
// QuickBooks' own rules, checked here before anything is queued (the sandbox enforces them the way QuickBooks does):
// billable time needs a customer and a service item; the person is an employee, a vendor or an other name, never a
// customer (only QuickBooks knows which a name is, so that one is QuickBooks' to refuse); a payroll wage item only
// for an employee whose paychecks use time data. Text QuickBooks cannot store (outside Windows-1252) is refused
// here rather than turned into "?" over there: see charset.ts.
import { unstorableCharacters } from '../charset.js';
import { formatDuration, type Minutes } from '../duration.js';
import {
  count,
  date,
  dateTime,
  freeText,
  guid,
  identity,
  optDate,
  optDecimal,
  QBXML_LIMITS,
  QbxmlInputError,
  refElement,
  type QbRef,
} from '../fields.js';
import type { BillableStatus } from './purchases.js';
import { textElement } from '../xml.js';
import { includeRetElements, iteratorAttrs, openRq, REF_LIMITS, type QbIterator } from './common.js';

interface TimeEntryFields {
  /** YYYY-MM-DD; QuickBooks uses today when left out. */
  txnDate?: string;
  /** The person whose time it is: an employee, a vendor or an other name. */
  entity: QbRef;
  /** The customer or job (FullName "Parent:Job"). */
  customer?: QbRef;
  /** The service performed (a Service item). */
  itemService?: QbRef;
  /** Billing rate per hour (decimal string); QuickBooks otherwise takes the item's or the person's rate. */
  rate?: string;
  durationMinutes: Minutes;
  /** Only meaningful when class tracking is on in the file. */
  class?: QbRef;
  /** Employees set to "Use time data to create paychecks" only. */
  payrollItemWage?: QbRef;
  notes?: string;
  billableStatus?: BillableStatus;
}

export interface TimeTrackingAddInput extends TimeEntryFields {
  /** Our identity for the entry, kept by QuickBooks and returned by TimeTrackingQuery (how a lost answer is found). */
  externalGuid?: string;
}

/** A Mod sends EntityRef and Duration every time (the schema requires them); other fields left out stay as they are. */
export interface TimeTrackingModInput extends TimeEntryFields {
  txnId: string;
  editSequence: string;
}

export interface TimeTrackingQueryInput {
  /** Exact look-ups; exclusive with the filters below. */
  txnIds?: readonly string[];
  maxReturned?: number;
  /** TimeModified range (date-times); exclusive with txnDateRange. */
  modifiedDateRange?: { from?: string; to?: string };
  /** Date of the work (YYYY-MM-DD). */
  txnDateRange?: { from?: string; to?: string };
  /** Whose time: by ListID or by full name, not both. */
  entityListIds?: readonly string[];
  entityFullNames?: readonly string[];
  includeRetElements?: readonly string[];
  iterator?: QbIterator;
}

const PAYROLL_ITEM_NAME = 31;

/** Text QuickBooks would refuse or turn into "?": refused with the characters named. */
function storable(field: string, value: string | undefined): void {
  if (value === undefined) return;
  const bad = unstorableCharacters(value);
  if (bad.length) {
    throw new QbxmlInputError(`${field} holds characters QuickBooks Desktop cannot store (${bad.map((c) => `"${c}"`).join(', ')}); replace them first (replaceUnstorable)`, field);
  }
}

function checkRefs(input: TimeEntryFields): void {
  for (const [field, ref] of [['EntityRef', input.entity], ['CustomerRef', input.customer], ['ItemServiceRef', input.itemService], ['ClassRef', input.class], ['PayrollItemWageRef', input.payrollItemWage]] as const) {
    storable(`${field}.FullName`, ref?.fullName);
  }
  storable('Notes', input.notes);
}

function duration(minutes: Minutes): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new QbxmlInputError(`Duration must be a whole, non-negative number of minutes, not ${minutes}`, 'Duration');
  return `<Duration>${formatDuration(minutes)}</Duration>`;
}

/** The shared body from TxnDate to BillableStatus, in schema order. */
function entryBody(input: TimeEntryFields): string {
  checkRefs(input);
  return (
    optDate('TxnDate', input.txnDate) +
    refElement('EntityRef', input.entity, QBXML_LIMITS.entityFullName) +
    refElement('CustomerRef', input.customer, REF_LIMITS.customer) +
    refElement('ItemServiceRef', input.itemService, REF_LIMITS.item) +
    optDecimal('Rate', input.rate) +
    duration(input.durationMinutes) +
    refElement('ClassRef', input.class, REF_LIMITS.class) +
    refElement('PayrollItemWageRef', input.payrollItemWage, PAYROLL_ITEM_NAME) +
    (input.notes === undefined || input.notes === '' ? '' : textElement('Notes', freeText(input.notes, QBXML_LIMITS.notes))) +
    (input.billableStatus ? `<BillableStatus>${input.billableStatus}</BillableStatus>` : '')
  );
}

export function buildTimeTrackingAdd(requestId: string, input: TimeTrackingAddInput): string {
  // a Mod may mark time billed that already names both (what it leaves out stays), so only an Add is checked here
  if ((input.billableStatus === 'Billable' || input.billableStatus === 'HasBeenBilled') && (!input.customer || !input.itemService)) {
    throw new QbxmlInputError('Billable time needs a customer (CustomerRef) and a service item (ItemServiceRef)', 'BillableStatus');
  }
  const body = entryBody(input) + guid('ExternalGUID', input.externalGuid);
  return `${openRq('TimeTrackingAdd', requestId)}<TimeTrackingAdd>${body}</TimeTrackingAdd></TimeTrackingAddRq>`;
}

export function buildTimeTrackingMod(requestId: string, input: TimeTrackingModInput): string {
  const body =
    textElement('TxnID', identity('TxnID', input.txnId, QBXML_LIMITS.listId)) +
    textElement('EditSequence', identity('EditSequence', input.editSequence, QBXML_LIMITS.editSequence)) +
    entryBody(input);
  return `${openRq('TimeTrackingMod', requestId)}<TimeTrackingMod>${body}</TimeTrackingMod></TimeTrackingModRq>`;
}

export function buildTimeTrackingQuery(requestId: string, input: TimeTrackingQueryInput = {}): string {
  const byId = input.txnIds?.length ?? 0;
  const filtered = input.maxReturned !== undefined || input.modifiedDateRange || input.txnDateRange || input.entityListIds?.length || input.entityFullNames?.length;
  if (byId && filtered) throw new QbxmlInputError('Query by TxnID or with filters, not both', 'query');
  if (input.iterator && byId) throw new QbxmlInputError('Iterators work with filters, not with TxnID look-ups', 'iterator');
  if (input.iterator && input.iterator.mode !== 'Stop' && input.maxReturned === undefined) {
    throw new QbxmlInputError('An iterator needs MaxReturned (the page size)', 'MaxReturned');
  }
  if (input.modifiedDateRange && input.txnDateRange) throw new QbxmlInputError('ModifiedDateRangeFilter and TxnDateRangeFilter are exclusive', 'DateRange');
  if (input.entityListIds?.length && input.entityFullNames?.length) throw new QbxmlInputError('TimeTrackingEntityFilter takes ListIDs or FullNames, not both', 'TimeTrackingEntityFilter');
  let body = '';
  for (const id of input.txnIds ?? []) body += textElement('TxnID', identity('TxnID', id, QBXML_LIMITS.listId));
  if (input.maxReturned !== undefined) body += count('MaxReturned', input.maxReturned);
  if (input.modifiedDateRange) {
    const { from, to } = input.modifiedDateRange;
    body += `<ModifiedDateRangeFilter>${from ? dateTime('FromModifiedDate', from) : ''}${to ? dateTime('ToModifiedDate', to) : ''}</ModifiedDateRangeFilter>`;
  }
  if (input.txnDateRange) {
    const { from, to } = input.txnDateRange;
    body += `<TxnDateRangeFilter>${from ? date('FromTxnDate', from) : ''}${to ? date('ToTxnDate', to) : ''}</TxnDateRangeFilter>`;
  }
  if (input.entityListIds?.length) {
    body += `<TimeTrackingEntityFilter>${input.entityListIds.map((id) => textElement('ListID', identity('ListID', id, QBXML_LIMITS.listId))).join('')}</TimeTrackingEntityFilter>`;
  } else if (input.entityFullNames?.length) {
    body += `<TimeTrackingEntityFilter>${input.entityFullNames.map((n) => textElement('FullName', identity('FullName', n, QBXML_LIMITS.entityFullName))).join('')}</TimeTrackingEntityFilter>`;
  }
  body += includeRetElements(input.includeRetElements);
  return `${openRq('TimeTrackingQuery', requestId, iteratorAttrs(input.iterator))}${body}</TimeTrackingQueryRq>`;
}

// Pieces several request builders share: addresses, iterators, list and transaction query filters.
import {
  count,
  dateTime,
  identity,
  optText,
  QBXML_LIMITS,
  QbxmlInputError,
  requestIdAttr,
  type QbRef,
} from '../fields.js';
import { escapeXml, textElement } from '../xml.js';

export const REF_LIMITS = {
  customer: QBXML_LIMITS.entityFullName,
  vendor: QBXML_LIMITS.vendorName,
  account: QBXML_LIMITS.listFullName,
  item: QBXML_LIMITS.listFullName,
  itemSalesTax: 31,
  salesTaxCode: 3,
  class: QBXML_LIMITS.listFullName,
  terms: 31,
  paymentMethod: 31,
  template: 31,
  salesRep: 5,
  currency: 64,
} as const;

export interface QbAddress {
  addr1?: string;
  addr2?: string;
  addr3?: string;
  addr4?: string;
  addr5?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  note?: string;
}

export function address(name: string, value: QbAddress | undefined): string {
  if (!value) return '';
  const L = QBXML_LIMITS;
  const body =
    optText('Addr1', value.addr1, L.addressLine) +
    optText('Addr2', value.addr2, L.addressLine) +
    optText('Addr3', value.addr3, L.addressLine) +
    optText('Addr4', value.addr4, L.addressLine) +
    optText('Addr5', value.addr5, L.addressLine) +
    optText('City', value.city, L.city) +
    optText('State', value.state, L.state) +
    optText('PostalCode', value.postalCode, L.postalCode) +
    optText('Country', value.country, L.country) +
    optText('Note', value.note, L.addressLine);
  return body ? `<${name}>${body}</${name}>` : '';
}

/** Paging through a long query: Start with a page size, then Continue with the id QuickBooks returned. */
export type QbIterator = { mode: 'Start' } | { mode: 'Continue' | 'Stop'; iteratorId: string };

export function iteratorAttrs(iterator: QbIterator | undefined): string {
  if (!iterator) return '';
  if (iterator.mode === 'Start') return ' iterator="Start"';
  return ` iterator="${iterator.mode}" iteratorID="${escapeXml(identity('iteratorID', iterator.iteratorId, 64))}"`;
}

export function openRq(name: string, requestId: string, extraAttrs = ''): string {
  return `<${name}Rq${requestIdAttr(requestId)}${extraAttrs}>`;
}

export type ActiveStatus = 'ActiveOnly' | 'InactiveOnly' | 'All';
export type MatchCriterion = 'StartsWith' | 'Contains' | 'EndsWith';

/** Filters shared by CustomerQuery, VendorQuery, ItemQuery and AccountQuery. */
export interface ListQueryInput {
  /** Exact look-ups; exclusive with each other and with the filters below. */
  listIds?: readonly string[];
  fullNames?: readonly string[];
  maxReturned?: number;
  activeStatus?: ActiveStatus;
  fromModifiedDate?: string;
  toModifiedDate?: string;
  nameFilter?: { matchCriterion: MatchCriterion; name: string };
  nameRange?: { fromName?: string; toName?: string };
  /** Ask QuickBooks to return only these elements of each record. */
  includeRetElements?: readonly string[];
}

export function listQueryFilters(input: ListQueryInput, fullNameMax: number, iterator: QbIterator | undefined): string {
  const byId = input.listIds?.length ?? 0;
  const byName = input.fullNames?.length ?? 0;
  const filtered =
    input.maxReturned !== undefined || input.activeStatus || input.fromModifiedDate || input.toModifiedDate || input.nameFilter || input.nameRange;
  if ((byId && byName) || ((byId || byName) && filtered)) {
    throw new QbxmlInputError('Query by ListID, by FullName, or with filters: only one of the three', 'query');
  }
  if (iterator && (byId || byName)) throw new QbxmlInputError('Iterators work with filters, not with ListID or FullName look-ups', 'iterator');
  if (iterator && iterator.mode !== 'Stop' && input.maxReturned === undefined) {
    throw new QbxmlInputError('An iterator needs MaxReturned (the page size)', 'MaxReturned');
  }
  if (input.nameFilter && input.nameRange) throw new QbxmlInputError('NameFilter and NameRangeFilter are exclusive', 'NameFilter');
  let body = '';
  for (const id of input.listIds ?? []) body += textElement('ListID', identity('ListID', id, QBXML_LIMITS.listId));
  for (const name of input.fullNames ?? []) body += textElement('FullName', identity('FullName', name, fullNameMax));
  if (input.maxReturned !== undefined) body += count('MaxReturned', input.maxReturned);
  if (input.activeStatus) body += `<ActiveStatus>${input.activeStatus}</ActiveStatus>`;
  if (input.fromModifiedDate) body += dateTime('FromModifiedDate', input.fromModifiedDate);
  if (input.toModifiedDate) body += dateTime('ToModifiedDate', input.toModifiedDate);
  if (input.nameFilter) {
    body += `<NameFilter><MatchCriterion>${input.nameFilter.matchCriterion}</MatchCriterion>${textElement('Name', identity('NameFilter.Name', input.nameFilter.name, fullNameMax))}</NameFilter>`;
  }
  if (input.nameRange) {
    body += `<NameRangeFilter>${optText('FromName', input.nameRange.fromName, fullNameMax)}${optText('ToName', input.nameRange.toName, fullNameMax)}</NameRangeFilter>`;
  }
  return body;
}

export function includeRetElements(names: readonly string[] | undefined): string {
  return (names ?? []).map((name) => textElement('IncludeRetElement', identity('IncludeRetElement', name, 50))).join('');
}

/** Filters shared by InvoiceQuery, BillQuery, PurchaseOrderQuery and ReceivePaymentQuery. */
export interface TxnQueryInput {
  txnIds?: readonly string[];
  refNumbers?: readonly string[];
  maxReturned?: number;
  modifiedDateRange?: { from?: string; to?: string };
  txnDateRange?: { from?: string; to?: string };
  /** Customer (invoices, payments) or vendor (bills, purchase orders). */
  entity?: QbRef;
  /** Several customers (or vendors) at once, by ListID; exclusive with `entity`. */
  entityListIds?: readonly string[];
  account?: QbRef;
  refNumberFilter?: { matchCriterion: MatchCriterion; refNumber: string };
  refNumberRange?: { from?: string; to?: string };
  includeLineItems?: boolean;
  includeLinkedTxns?: boolean;
  includeRetElements?: readonly string[];
}

export function txnQueryFilters(input: TxnQueryInput, iterator: QbIterator | undefined, paidStatus: string): string {
  const byId = input.txnIds?.length ?? 0;
  const byRef = input.refNumbers?.length ?? 0;
  const filtered =
    input.maxReturned !== undefined || input.modifiedDateRange || input.txnDateRange || input.entity || input.entityListIds?.length || input.account || input.refNumberFilter || input.refNumberRange || paidStatus;
  if ((byId && byRef) || ((byId || byRef) && filtered)) {
    throw new QbxmlInputError('Query by TxnID, by RefNumber, or with filters: only one of the three', 'query');
  }
  if (iterator && (byId || byRef)) throw new QbxmlInputError('Iterators work with filters, not with TxnID or RefNumber look-ups', 'iterator');
  if (iterator && iterator.mode !== 'Stop' && input.maxReturned === undefined) {
    throw new QbxmlInputError('An iterator needs MaxReturned (the page size)', 'MaxReturned');
  }
  if (input.modifiedDateRange && input.txnDateRange) throw new QbxmlInputError('ModifiedDateRangeFilter and TxnDateRangeFilter are exclusive', 'DateRange');
  if (input.refNumberFilter && input.refNumberRange) throw new QbxmlInputError('RefNumberFilter and RefNumberRangeFilter are exclusive', 'RefNumberFilter');
  let body = '';
  for (const id of input.txnIds ?? []) body += textElement('TxnID', identity('TxnID', id, QBXML_LIMITS.listId));
  for (const ref of input.refNumbers ?? []) body += textElement('RefNumber', identity('RefNumber', ref, QBXML_LIMITS.billRefNumber));
  if (input.maxReturned !== undefined) body += count('MaxReturned', input.maxReturned);
  if (input.modifiedDateRange) {
    const { from, to } = input.modifiedDateRange;
    body += `<ModifiedDateRangeFilter>${from ? dateTime('FromModifiedDate', from) : ''}${to ? dateTime('ToModifiedDate', to) : ''}</ModifiedDateRangeFilter>`;
  }
  if (input.txnDateRange) {
    const { from, to } = input.txnDateRange;
    body += `<TxnDateRangeFilter>${from ? dateTime('FromTxnDate', from) : ''}${to ? dateTime('ToTxnDate', to) : ''}</TxnDateRangeFilter>`;
  }
  if (input.entity && input.entityListIds?.length) throw new QbxmlInputError('entity and entityListIds are exclusive', 'EntityFilter');
  if (input.entity) body += entityFilter('EntityFilter', input.entity, REF_LIMITS.customer);
  if (input.entityListIds?.length) {
    body += `<EntityFilter>${input.entityListIds.map((id) => textElement('ListID', identity('EntityFilter.ListID', id, QBXML_LIMITS.listId))).join('')}</EntityFilter>`;
  }
  if (input.account) body += entityFilter('AccountFilter', input.account, REF_LIMITS.account);
  if (input.refNumberFilter) {
    body += `<RefNumberFilter><MatchCriterion>${input.refNumberFilter.matchCriterion}</MatchCriterion>${textElement('RefNumber', identity('RefNumber', input.refNumberFilter.refNumber, QBXML_LIMITS.billRefNumber))}</RefNumberFilter>`;
  }
  if (input.refNumberRange) {
    body += `<RefNumberRangeFilter>${optText('FromRefNumber', input.refNumberRange.from, QBXML_LIMITS.billRefNumber)}${optText('ToRefNumber', input.refNumberRange.to, QBXML_LIMITS.billRefNumber)}</RefNumberRangeFilter>`;
  }
  body += paidStatus;
  return body;
}

function entityFilter(name: string, ref: QbRef, max: number): string {
  // the filter is a choice: ListID or FullName, not both
  const inner = ref.listId
    ? textElement('ListID', identity(`${name}.ListID`, ref.listId, QBXML_LIMITS.listId))
    : textElement('FullName', identity(`${name}.FullName`, ref.fullName ?? '', max));
  return `<${name}>${inner}</${name}>`;
}

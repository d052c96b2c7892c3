// The other lists a time tracker imports: employees (with payroll set-up), other names, classes, payroll wage items,
// and service items on their own. Only CustomerQuery, VendorQuery, ItemQuery, ItemServiceQuery and TimeTrackingQuery
// take iterators in qbXML; these lists are answered whole (MaxReturned still caps them).
import { QBXML_LIMITS } from '../fields.js';
import { includeRetElements, iteratorAttrs, listQueryFilters, openRq, REF_LIMITS, type ListQueryInput, type QbIterator } from './common.js';

export interface ItemServiceQueryInput extends ListQueryInput {
  iterator?: QbIterator;
}

const FULL_NAME_MAX = {
  EmployeeQuery: QBXML_LIMITS.customerName,
  OtherNameQuery: QBXML_LIMITS.customerName,
  ClassQuery: REF_LIMITS.class,
  PayrollItemWageQuery: 31,
} as const;

function plainListQuery(kind: keyof typeof FULL_NAME_MAX, requestId: string, input: ListQueryInput): string {
  const body = listQueryFilters(input, FULL_NAME_MAX[kind], undefined) + includeRetElements(input.includeRetElements);
  return `${openRq(kind, requestId)}${body}</${kind}Rq>`;
}

/** Employees; EmployeePayrollInfo (Earnings, UseTimeDataToCreatePaychecks) comes back in files that run payroll. */
export function buildEmployeeQuery(requestId: string, input: ListQueryInput = {}): string {
  return plainListQuery('EmployeeQuery', requestId, input);
}

export function buildOtherNameQuery(requestId: string, input: ListQueryInput = {}): string {
  return plainListQuery('OtherNameQuery', requestId, input);
}

export function buildClassQuery(requestId: string, input: ListQueryInput = {}): string {
  return plainListQuery('ClassQuery', requestId, input);
}

export function buildPayrollItemWageQuery(requestId: string, input: ListQueryInput = {}): string {
  return plainListQuery('PayrollItemWageQuery', requestId, input);
}

/** Service items only (ItemQuery answers every item type). */
export function buildItemServiceQuery(requestId: string, input: ItemServiceQueryInput = {}): string {
  const body = listQueryFilters(input, REF_LIMITS.item, input.iterator) + includeRetElements(input.includeRetElements);
  return `${openRq('ItemServiceQuery', requestId, iteratorAttrs(input.iterator))}${body}</ItemServiceQueryRq>`;
}

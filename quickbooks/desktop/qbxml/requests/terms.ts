// Payment terms: TermsQuery answers both kinds QuickBooks keeps (StandardTermsRet: due in N days;
// DateDrivenTermsRet: due on a day of the month), by name or ListID, or all of them.
import { QBXML_LIMITS } from '../fields.js';
import { includeRetElements, listQueryFilters, openRq, REF_LIMITS, type ListQueryInput } from './common.js';

export type TermsQueryInput = ListQueryInput;

/** TermsQuery has no iterator in qbXML: the list comes whole (MaxReturned still caps it). */
export function buildTermsQuery(requestId: string, input: TermsQueryInput = {}): string {
  const body = listQueryFilters(input, Math.min(REF_LIMITS.terms, QBXML_LIMITS.listFullName), undefined) + includeRetElements(input.includeRetElements);
  return `${openRq('TermsQuery', requestId)}${body}</TermsQueryRq>`;
}

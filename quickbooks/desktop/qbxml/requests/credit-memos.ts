// Credit memos: Add and Query. What a customer is owed back (a billing period that credits them); its lines are
// item lines as on an invoice, with positive quantities and amounts.
import { guid, identity, optBool, optDate, optText, QBXML_LIMITS, refElement, type QbRef } from '../fields.js';
import { textElement } from '../xml.js';
import { includeRetElements, iteratorAttrs, openRq, REF_LIMITS, txnQueryFilters, type QbIterator, type TxnQueryInput } from './common.js';
import { itemLine, type InvoiceItemLine } from './invoices.js';

export interface CreditMemoAddInput {
  customer: QbRef;
  txnDate?: string;
  refNumber?: string;
  memo?: string;
  isToBePrinted?: boolean;
  externalGuid?: string;
  lines: readonly InvoiceItemLine[];
}

export interface CreditMemoQueryInput extends TxnQueryInput {
  iterator?: QbIterator;
}

const L = QBXML_LIMITS;

/** In the schema's order: CustomerRef, TxnDate, RefNumber, Memo, IsToBePrinted, ExternalGUID, CreditMemoLineAdd. */
export function buildCreditMemoAdd(requestId: string, input: CreditMemoAddInput): string {
  const body =
    refElement('CustomerRef', input.customer, REF_LIMITS.customer) +
    optDate('TxnDate', input.txnDate) +
    (input.refNumber === undefined ? '' : textElement('RefNumber', identity('RefNumber', input.refNumber, L.invoiceRefNumber))) +
    optText('Memo', input.memo, L.memo) +
    optBool('IsToBePrinted', input.isToBePrinted) +
    guid('ExternalGUID', input.externalGuid) +
    input.lines.map((line) => `<CreditMemoLineAdd>${itemLine(line)}</CreditMemoLineAdd>`).join('');
  return `${openRq('CreditMemoAdd', requestId)}<CreditMemoAdd>${body}</CreditMemoAdd></CreditMemoAddRq>`;
}

export function buildCreditMemoQuery(requestId: string, input: CreditMemoQueryInput = {}): string {
  const body =
    txnQueryFilters(input, input.iterator, '') +
    optBool('IncludeLineItems', input.includeLineItems) +
    optBool('IncludeLinkedTxns', input.includeLinkedTxns) +
    includeRetElements(input.includeRetElements);
  return `${openRq('CreditMemoQuery', requestId, iteratorAttrs(input.iterator))}${body}</CreditMemoQueryRq>`;
}

// Invoices: Add, Mod, Query.
//
// Discounts: a line whose ItemRef is a Discount item (ItemDiscountAdd) with the discount as a positive Rate and
// no Quantity. QuickBooks Desktop turns it into a negative line amount ("Discount −11.50"), posts it to the
// discount item's account and, for a fixed amount, spreads it over the lines above. This is how production
// integrations send it (a Quantity on a discount line is an error); the invoice-level DiscountLineAdd element in
// the schema is QuickBooks Online Edition only and is never sent.
//
// Sales tax: either leave it to QuickBooks (the customer's tax item and each item's tax code) or send the order's
// total tax as one line with a Sales Tax item and an Amount, and set ItemSalesTaxRef to a 0% tax item so that
// QuickBooks does not add its own tax on top (SalesTaxLineAdd is QBOE only too).
import { formatCents, lineAmountCents, type Cents } from '../../../../domain/money.js';
import {
  amount,
  decimal,
  freeText,
  guid,
  identity,
  optAmount,
  optBool,
  optDate,
  optDecimal,
  optText,
  QBXML_LIMITS,
  QbxmlInputError,
  refElement,
  type QbRef,
} from '../fields.js';
import { textElement } from '../xml.js';
import {
  address,
  includeRetElements,
  iteratorAttrs,
  openRq,
  REF_LIMITS,
  txnQueryFilters,
  type QbAddress,
  type QbIterator,
  type TxnQueryInput,
} from './common.js';

export interface InvoiceItemLine {
  kind?: 'item';
  item: QbRef;
  desc?: string;
  /** Decimal strings, up to 5 places. */
  quantity?: string;
  rate?: string;
  /** Line amount; when quantity and rate are given too it must equal quantity × rate rounded half-up. */
  amountCents?: Cents;
  class?: QbRef;
  serviceDate?: string;
  salesTaxCode?: QbRef;
  other1?: string;
  other2?: string;
}

/** A discount: `amountCents` is the (negative) line amount, e.g. −1150 for "Discount −11.50". */
export interface InvoiceDiscountLine {
  kind: 'discount';
  /** A Discount item. */
  item: QbRef;
  desc?: string;
  amountCents: Cents;
  salesTaxCode?: QbRef;
}

/** The order's total tax as one line on a Sales Tax item. */
export interface InvoiceSalesTaxLine {
  kind: 'salesTax';
  item: QbRef;
  desc?: string;
  amountCents: Cents;
}

/** A text-only line (no item, no amount). */
export interface InvoiceDescriptionLine {
  kind: 'description';
  desc: string;
}

export type InvoiceLineInput = InvoiceItemLine | InvoiceDiscountLine | InvoiceSalesTaxLine | InvoiceDescriptionLine;

/**
 * A line of an InvoiceMod: an existing TxnLineID to keep or change, or no id for a new line (sent as -1). `keep`
 * sends the TxnLineID alone, which QuickBooks reads as "this line stays exactly as it is".
 */
export type InvoiceLineModInput = (InvoiceLineInput & { txnLineId?: string }) | { kind: 'keep'; txnLineId: string };

interface InvoiceHeader {
  class?: QbRef;
  arAccount?: QbRef;
  template?: QbRef;
  txnDate?: string;
  /** Up to 11 characters; refused when longer (it is how we find the invoice again). */
  refNumber?: string;
  billAddress?: QbAddress;
  shipAddress?: QbAddress;
  isPending?: boolean;
  poNumber?: string;
  terms?: QbRef;
  dueDate?: string;
  /** The tax item for the whole invoice; a 0% item when the tax travels as a line. */
  itemSalesTax?: QbRef;
  memo?: string;
  isToBePrinted?: boolean;
  isToBeEmailed?: boolean;
  customerSalesTaxCode?: QbRef;
  other?: string;
}

export interface InvoiceAddInput extends InvoiceHeader {
  customer: QbRef;
  externalGuid?: string;
  lines: readonly InvoiceLineInput[];
}

export interface InvoiceModInput extends Partial<Omit<InvoiceHeader, 'dueDate'>> {
  txnId: string;
  /** null clears it: QuickBooks gives the invoice its default due date again. */
  dueDate?: string | null;
  editSequence: string;
  customer?: QbRef;
  /** When present, QuickBooks keeps exactly these lines: existing lines left out are deleted. */
  lines?: readonly InvoiceLineModInput[];
}

export interface InvoiceQueryInput extends TxnQueryInput {
  paidStatus?: 'All' | 'PaidOnly' | 'NotPaidOnly';
  iterator?: QbIterator;
}

const L = QBXML_LIMITS;

function headerBefore(input: Partial<Omit<InvoiceHeader, 'dueDate'>>): string {
  return (
    refElement('ClassRef', input.class, REF_LIMITS.class) +
    refElement('ARAccountRef', input.arAccount, REF_LIMITS.account) +
    refElement('TemplateRef', input.template, REF_LIMITS.template) +
    optDate('TxnDate', input.txnDate) +
    (input.refNumber === undefined ? '' : textElement('RefNumber', identity('RefNumber', input.refNumber, L.invoiceRefNumber))) +
    address('BillAddress', input.billAddress) +
    address('ShipAddress', input.shipAddress) +
    optBool('IsPending', input.isPending)
  );
}

function headerAfter(input: Partial<Omit<InvoiceHeader, 'dueDate'>> & { dueDate?: string | null }): string {
  return (
    optText('PONumber', input.poNumber, L.poNumber) +
    refElement('TermsRef', input.terms, REF_LIMITS.terms) +
    optDate('DueDate', input.dueDate) +
    refElement('ItemSalesTaxRef', input.itemSalesTax, REF_LIMITS.itemSalesTax) +
    optText('Memo', input.memo, L.memo) +
    optBool('IsToBePrinted', input.isToBePrinted) +
    optBool('IsToBeEmailed', input.isToBeEmailed) +
    refElement('CustomerSalesTaxCodeRef', input.customerSalesTaxCode, REF_LIMITS.salesTaxCode) +
    optText('Other', input.other, L.other)
  );
}

/** The line body shared by InvoiceLineAdd and InvoiceLineMod (same order in both). */
export function invoiceLineBody(line: InvoiceLineInput): string {
  switch (line.kind) {
    case 'description':
      return textElement('Desc', freeText(line.desc, L.desc, 'Desc'));
    case 'discount':
      if (line.amountCents > 0) throw new QbxmlInputError('A discount line amount must be zero or negative', 'Amount');
      return (
        refElement('ItemRef', line.item, REF_LIMITS.item) +
        optText('Desc', line.desc, L.desc) +
        decimal('Rate', formatCents(Math.abs(line.amountCents))) +
        refElement('SalesTaxCodeRef', line.salesTaxCode, REF_LIMITS.salesTaxCode)
      );
    case 'salesTax':
      return refElement('ItemRef', line.item, REF_LIMITS.item) + optText('Desc', line.desc, L.desc) + amount('Amount', line.amountCents);
    default:
      return itemLine(line);
  }
}

export function itemLine(line: InvoiceItemLine): string {
  if (line.quantity !== undefined && line.rate !== undefined && line.amountCents !== undefined) {
    const expected = lineAmountCents(line.quantity, line.rate);
    if (expected !== line.amountCents) {
      throw new QbxmlInputError(`Line amount ${line.amountCents / 100} is not ${line.quantity} × ${line.rate} (${expected / 100})`, 'Amount');
    }
  }
  return (
    refElement('ItemRef', line.item, REF_LIMITS.item) +
    optText('Desc', line.desc, L.desc) +
    optDecimal('Quantity', line.quantity) +
    optDecimal('Rate', line.rate) +
    refElement('ClassRef', line.class, REF_LIMITS.class) +
    optAmount('Amount', line.amountCents) +
    optDate('ServiceDate', line.serviceDate) +
    refElement('SalesTaxCodeRef', line.salesTaxCode, REF_LIMITS.salesTaxCode) +
    optText('Other1', line.other1, L.other) +
    optText('Other2', line.other2, L.other)
  );
}

export function buildInvoiceAdd(requestId: string, input: InvoiceAddInput): string {
  const body =
    refElement('CustomerRef', input.customer, REF_LIMITS.customer) +
    headerBefore(input) +
    headerAfter(input) +
    guid('ExternalGUID', input.externalGuid) +
    input.lines.map((line) => `<InvoiceLineAdd>${invoiceLineBody(line)}</InvoiceLineAdd>`).join('');
  return `${openRq('InvoiceAdd', requestId)}<InvoiceAdd>${body}</InvoiceAdd></InvoiceAddRq>`;
}

export function buildInvoiceMod(requestId: string, input: InvoiceModInput): string {
  const body =
    textElement('TxnID', identity('TxnID', input.txnId, L.listId)) +
    textElement('EditSequence', identity('EditSequence', input.editSequence, L.editSequence)) +
    refElement('CustomerRef', input.customer, REF_LIMITS.customer) +
    headerBefore(input) +
    headerAfter(input) +
    (input.lines ?? [])
      .map((line) => line.kind === 'keep'
        ? `<InvoiceLineMod>${textElement('TxnLineID', identity('TxnLineID', line.txnLineId, L.listId))}</InvoiceLineMod>`
        : `<InvoiceLineMod>${textElement('TxnLineID', line.txnLineId ?? '-1')}${invoiceLineBody(line)}</InvoiceLineMod>`)
      .join('');
  return `${openRq('InvoiceMod', requestId)}<InvoiceMod>${body}</InvoiceMod></InvoiceModRq>`;
}

export function buildInvoiceQuery(requestId: string, input: InvoiceQueryInput = {}): string {
  const paid = input.paidStatus ? `<PaidStatus>${input.paidStatus}</PaidStatus>` : '';
  const body =
    txnQueryFilters(input, input.iterator, paid) +
    optBool('IncludeLineItems', input.includeLineItems) +
    optBool('IncludeLinkedTxns', input.includeLinkedTxns) +
    includeRetElements(input.includeRetElements);
  return `${openRq('InvoiceQuery', requestId, iteratorAttrs(input.iterator))}${body}</InvoiceQueryRq>`;
}

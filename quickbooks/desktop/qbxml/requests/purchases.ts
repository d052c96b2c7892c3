// What we owe vendors: bills (Add, Mod, Query) and purchase orders (Add, Query).
import { lineAmountCents, type Cents } from '../../../../domain/money.js';
import {
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

export type BillableStatus = 'Billable' | 'NotBillable' | 'HasBeenBilled';

/** A line posted straight to an account (the "Expenses" tab). */
export interface ExpenseLineInput {
  account: QbRef;
  amountCents: Cents;
  memo?: string;
  customer?: QbRef;
  class?: QbRef;
  billableStatus?: BillableStatus;
}

/** A line for an item (the "Items" tab): cost per unit, quantity, amount. */
export interface ItemLineInput {
  item: QbRef;
  desc?: string;
  quantity?: string;
  cost?: string;
  amountCents?: Cents;
  customer?: QbRef;
  class?: QbRef;
  billableStatus?: BillableStatus;
}

export interface BillAddInput {
  vendor: QbRef;
  vendorAddress?: QbAddress;
  apAccount?: QbRef;
  txnDate?: string;
  dueDate?: string;
  /** The vendor's invoice number, up to 20 characters (refused when longer). */
  refNumber?: string;
  terms?: QbRef;
  memo?: string;
  externalGuid?: string;
  expenseLines?: readonly ExpenseLineInput[];
  itemLines?: readonly ItemLineInput[];
}

export interface BillModInput {
  txnId: string;
  editSequence: string;
  vendor?: QbRef;
  apAccount?: QbRef;
  txnDate?: string;
  /** null clears it: QuickBooks gives the bill its default due date again. */
  dueDate?: string | null;
  refNumber?: string;
  terms?: QbRef;
  memo?: string;
  /** When present, QuickBooks keeps exactly these lines of that tab (no txnLineId = a new line, sent as -1). */
  expenseLines?: readonly (ExpenseLineInput & { txnLineId?: string })[];
  itemLines?: readonly (ItemLineInput & { txnLineId?: string })[];
  /** Removes every line of that tab (cannot be combined with lines of the same tab). */
  clearExpenseLines?: boolean;
  clearItemLines?: boolean;
}

export interface PurchaseOrderLineInput {
  item: QbRef;
  desc?: string;
  quantity?: string;
  rate?: string;
  amountCents?: Cents;
  customer?: QbRef;
  serviceDate?: string;
  other1?: string;
  other2?: string;
}

export interface PurchaseOrderAddInput {
  vendor: QbRef;
  class?: QbRef;
  template?: QbRef;
  txnDate?: string;
  /** Up to 11 characters (refused when longer). */
  refNumber?: string;
  vendorAddress?: QbAddress;
  shipAddress?: QbAddress;
  terms?: QbRef;
  dueDate?: string;
  expectedDate?: string;
  memo?: string;
  vendorMsg?: string;
  isToBePrinted?: boolean;
  isToBeEmailed?: boolean;
  other1?: string;
  other2?: string;
  externalGuid?: string;
  lines: readonly PurchaseOrderLineInput[];
}

export interface BillQueryInput extends TxnQueryInput {
  paidStatus?: 'All' | 'PaidOnly' | 'NotPaidOnly';
  iterator?: QbIterator;
}

export interface PurchaseOrderQueryInput extends TxnQueryInput {
  iterator?: QbIterator;
}

const L = QBXML_LIMITS;

function checkLineAmount(quantity: string | undefined, price: string | undefined, cents: Cents | undefined): void {
  if (quantity === undefined || price === undefined || cents === undefined) return;
  const expected = lineAmountCents(quantity, price);
  if (expected !== cents) throw new QbxmlInputError(`Line amount ${cents / 100} is not ${quantity} × ${price} (${expected / 100})`, 'Amount');
}

function expenseLineBody(line: ExpenseLineInput): string {
  return (
    refElement('AccountRef', line.account, REF_LIMITS.account) +
    optAmount('Amount', line.amountCents) +
    optText('Memo', line.memo, L.memo) +
    refElement('CustomerRef', line.customer, REF_LIMITS.customer) +
    refElement('ClassRef', line.class, REF_LIMITS.class) +
    (line.billableStatus ? `<BillableStatus>${line.billableStatus}</BillableStatus>` : '')
  );
}

function itemLineBody(line: ItemLineInput): string {
  checkLineAmount(line.quantity, line.cost, line.amountCents);
  return (
    refElement('ItemRef', line.item, REF_LIMITS.item) +
    optText('Desc', line.desc, L.desc) +
    optDecimal('Quantity', line.quantity) +
    optDecimal('Cost', line.cost) +
    optAmount('Amount', line.amountCents) +
    refElement('CustomerRef', line.customer, REF_LIMITS.customer) +
    refElement('ClassRef', line.class, REF_LIMITS.class) +
    (line.billableStatus ? `<BillableStatus>${line.billableStatus}</BillableStatus>` : '')
  );
}

function billRefNumber(value: string | undefined): string {
  return value === undefined ? '' : textElement('RefNumber', identity('RefNumber', value, L.billRefNumber));
}

export function buildBillAdd(requestId: string, input: BillAddInput): string {
  if (!input.expenseLines?.length && !input.itemLines?.length) throw new QbxmlInputError('A bill needs at least one line', 'ExpenseLineAdd');
  const body =
    refElement('VendorRef', input.vendor, REF_LIMITS.vendor) +
    address('VendorAddress', input.vendorAddress) +
    refElement('APAccountRef', input.apAccount, REF_LIMITS.account) +
    optDate('TxnDate', input.txnDate) +
    optDate('DueDate', input.dueDate) +
    billRefNumber(input.refNumber) +
    refElement('TermsRef', input.terms, REF_LIMITS.terms) +
    optText('Memo', input.memo, L.memo) +
    guid('ExternalGUID', input.externalGuid) +
    (input.expenseLines ?? []).map((line) => `<ExpenseLineAdd>${expenseLineBody(line)}</ExpenseLineAdd>`).join('') +
    (input.itemLines ?? []).map((line) => `<ItemLineAdd>${itemLineBody(line)}</ItemLineAdd>`).join('');
  return `${openRq('BillAdd', requestId)}<BillAdd>${body}</BillAdd></BillAddRq>`;
}

export function buildBillMod(requestId: string, input: BillModInput): string {
  if (input.clearExpenseLines && input.expenseLines?.length) throw new QbxmlInputError('ClearExpenseLines with expense lines', 'ClearExpenseLines');
  if (input.clearItemLines && input.itemLines?.length) throw new QbxmlInputError('ClearItemLines with item lines', 'ClearItemLines');
  const lineId = (id: string | undefined): string => textElement('TxnLineID', id ?? '-1');
  const body =
    textElement('TxnID', identity('TxnID', input.txnId, L.listId)) +
    textElement('EditSequence', identity('EditSequence', input.editSequence, L.editSequence)) +
    refElement('VendorRef', input.vendor, REF_LIMITS.vendor) +
    refElement('APAccountRef', input.apAccount, REF_LIMITS.account) +
    optDate('TxnDate', input.txnDate) +
    optDate('DueDate', input.dueDate) +
    billRefNumber(input.refNumber) +
    refElement('TermsRef', input.terms, REF_LIMITS.terms) +
    optText('Memo', input.memo, L.memo) +
    optBool('ClearExpenseLines', input.clearExpenseLines) +
    (input.expenseLines ?? []).map((line) => `<ExpenseLineMod>${lineId(line.txnLineId)}${expenseLineBody(line)}</ExpenseLineMod>`).join('') +
    optBool('ClearItemLines', input.clearItemLines) +
    (input.itemLines ?? []).map((line) => `<ItemLineMod>${lineId(line.txnLineId)}${itemLineBody(line)}</ItemLineMod>`).join('');
  return `${openRq('BillMod', requestId)}<BillMod>${body}</BillMod></BillModRq>`;
}

export function buildBillQuery(requestId: string, input: BillQueryInput = {}): string {
  const paid = input.paidStatus ? `<PaidStatus>${input.paidStatus}</PaidStatus>` : '';
  const body =
    txnQueryFilters(input, input.iterator, paid) +
    optBool('IncludeLineItems', input.includeLineItems) +
    optBool('IncludeLinkedTxns', input.includeLinkedTxns) +
    includeRetElements(input.includeRetElements);
  return `${openRq('BillQuery', requestId, iteratorAttrs(input.iterator))}${body}</BillQueryRq>`;
}

export function buildPurchaseOrderAdd(requestId: string, input: PurchaseOrderAddInput): string {
  if (!input.lines.length) throw new QbxmlInputError('A purchase order needs at least one line', 'PurchaseOrderLineAdd');
  const lines = input.lines.map((line) => {
    checkLineAmount(line.quantity, line.rate, line.amountCents);
    return (
      '<PurchaseOrderLineAdd>' +
      refElement('ItemRef', line.item, REF_LIMITS.item) +
      optText('Desc', line.desc, L.desc) +
      optDecimal('Quantity', line.quantity) +
      optDecimal('Rate', line.rate) +
      optAmount('Amount', line.amountCents) +
      refElement('CustomerRef', line.customer, REF_LIMITS.customer) +
      optDate('ServiceDate', line.serviceDate) +
      optText('Other1', line.other1, L.other) +
      optText('Other2', line.other2, L.other) +
      '</PurchaseOrderLineAdd>'
    );
  });
  const body =
    refElement('VendorRef', input.vendor, REF_LIMITS.vendor) +
    refElement('ClassRef', input.class, REF_LIMITS.class) +
    refElement('TemplateRef', input.template, REF_LIMITS.template) +
    optDate('TxnDate', input.txnDate) +
    (input.refNumber === undefined ? '' : textElement('RefNumber', identity('RefNumber', input.refNumber, L.purchaseOrderRefNumber))) +
    address('VendorAddress', input.vendorAddress) +
    address('ShipAddress', input.shipAddress) +
    refElement('TermsRef', input.terms, REF_LIMITS.terms) +
    optDate('DueDate', input.dueDate) +
    optDate('ExpectedDate', input.expectedDate) +
    optText('Memo', input.memo, L.memo) +
    optText('VendorMsg', input.vendorMsg, L.vendorMsg) +
    optBool('IsToBePrinted', input.isToBePrinted) +
    optBool('IsToBeEmailed', input.isToBeEmailed) +
    optText('Other1', input.other1, L.other) +
    optText('Other2', input.other2, L.other) +
    guid('ExternalGUID', input.externalGuid) +
    lines.join('');
  return `${openRq('PurchaseOrderAdd', requestId)}<PurchaseOrderAdd>${body}</PurchaseOrderAdd></PurchaseOrderAddRq>`;
}

export function buildPurchaseOrderQuery(requestId: string, input: PurchaseOrderQueryInput = {}): string {
  const body =
    txnQueryFilters(input, input.iterator, '') +
    optBool('IncludeLineItems', input.includeLineItems) +
    optBool('IncludeLinkedTxns', input.includeLinkedTxns) +
    includeRetElements(input.includeRetElements);
  return `${openRq('PurchaseOrderQuery', requestId, iteratorAttrs(input.iterator))}${body}</PurchaseOrderQueryRq>`;
}

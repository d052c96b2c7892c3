// qbXML inputs for the documents an order becomes, built from the ledger-neutral drafts. No I/O: the ledger
// decides which items and accounts to use, these functions only lay the document out.
//
// Every document carries its identity (ledger/orders.ts DocumentIdentity): the marker in its memo and an ExternalGUID
// derived from it, so that after an uncertain outcome the ledger recognises what an earlier attempt of this same
// order created, and nothing else (never a document that only shares its number and party).
import { createHash } from 'node:crypto';
import { mergeInvoiceLines } from '../../domain/billing/merge.js';
import type { InvoiceDraft, PaymentDraft, PurchaseDraft } from '../../domain/drafts.js';
import { formatCents } from '../../domain/money.js';
import {
  QBXML_LIMITS,
  type BillAddInput,
  type BillModInput,
  type CreditMemoAddInput,
  type InvoiceAddInput,
  type InvoiceLineInput,
  type InvoiceLineModInput,
  type InvoiceModInput,
  type PurchaseOrderAddInput,
  type QbRef,
  type ReceivePaymentAddInput,
} from './qbxml/index.js';
import { truncateChars, xmlLength } from './qbxml/xml.js';
import { markedNote, type BilledLineInput, type BillingInvoiceWrite, type DocumentIdentity } from '../ledger/index.js';

/** A stable GUID for a document (QuickBooks' ExternalGUID): the same inputs always give the same GUID. */
export function documentGuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u001f')).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}}`.toUpperCase();
}

export function sameGuid(a: string | undefined, b: string): boolean {
  return !!a && a.replace(/[{}]/g, '').toLowerCase() === b.replace(/[{}]/g, '').toLowerCase();
}

/** Whether a number fits QuickBooks' RefNumber for this kind (it is how we find the document again). */
export function fitsRefNumber(number: string, max: number): boolean {
  return number.trim() !== '' && xmlLength(number.trim()) <= max;
}

export const REF_MAX = {
  invoice: QBXML_LIMITS.invoiceRefNumber,
  bill: QBXML_LIMITS.billRefNumber,
  purchase_order: QBXML_LIMITS.purchaseOrderRefNumber,
  payment: QBXML_LIMITS.paymentRefNumber,
} as const;

/** The memo a bookkeeper reads, with the identity marker kept whole at its end (a memo holds 4095 characters). */
function memo(identity: DocumentIdentity, text: string | undefined): string {
  return markedNote(text, identity.marker, QBXML_LIMITS.memo, truncateChars);
}

export interface InvoiceItems {
  /** A Discount item, when the order has a discount. */
  discountItem?: QbRef;
  /** A 0% sales tax item, when the order's tax travels as a line. */
  zeroTaxItem?: QbRef;
}

export function invoiceLines(draft: InvoiceDraft, items: InvoiceItems): InvoiceLineInput[] {
  const lines: InvoiceLineInput[] = draft.lines.map((line) => ({
    item: { listId: line.itemId },
    desc: line.description,
    quantity: line.quantity,
    rate: line.unitPrice,
    amountCents: line.amountCents,
  }));
  if (draft.discountCents > 0) {
    if (!items.discountItem) throw new Error('a discount needs a discount item');
    lines.push({ kind: 'discount', item: items.discountItem, desc: 'Discount', amountCents: -draft.discountCents });
  }
  if (draft.taxLine) lines.push({ kind: 'salesTax', item: { listId: draft.taxLine.itemId }, desc: 'Sales tax', amountCents: draft.taxLine.amountCents });
  return lines;
}

function invoiceHeader(draft: InvoiceDraft, items: InvoiceItems, identity: DocumentIdentity) {
  return {
    ...(draft.accounts.receivableId ? { arAccount: { listId: draft.accounts.receivableId } } : {}),
    txnDate: draft.date,
    ...(fitsRefNumber(draft.number, REF_MAX.invoice) ? { refNumber: draft.number.trim() } : {}),
    ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
    ...(draft.taxLine && items.zeroTaxItem ? { itemSalesTax: items.zeroTaxItem } : {}),
    memo: memo(identity, draft.memo),
  };
}

export function invoiceAddInput(draft: InvoiceDraft, items: InvoiceItems, identity: DocumentIdentity): InvoiceAddInput {
  return { customer: { listId: draft.customerId }, ...invoiceHeader(draft, items, identity), externalGuid: documentGuid(identity.marker), lines: invoiceLines(draft, items) };
}

/** Replaces the invoice's lines with the draft's (lines left out of a Mod are deleted by QuickBooks). */
export function invoiceModInput(draft: InvoiceDraft, items: InvoiceItems, current: { txnId: string; editSequence: string }, identity: DocumentIdentity): InvoiceModInput {
  // a due date the revision no longer has is cleared (sent empty), not left as the earlier revision set it
  return { txnId: current.txnId, editSequence: current.editSequence, customer: { listId: draft.customerId }, ...invoiceHeader(draft, items, identity), dueDate: draft.dueDate ?? null, lines: invoiceLines(draft, items) };
}

/** A bill books the cost to cost of goods sold, one expense line per order line (as the Online ledger does). */
function billExpenseLines(draft: PurchaseDraft) {
  const account = draft.accounts.costOfGoodsSoldId;
  if (!account) throw new Error('a bill needs a cost of goods sold account');
  return draft.lines.map((line) => ({
    account: { listId: account },
    amountCents: line.amountCents,
    memo: `${line.itemName} ${line.description} (${line.quantity} × ${line.unitCost})`,
  }));
}

function billHeader(draft: PurchaseDraft, identity: DocumentIdentity) {
  return {
    vendor: { listId: draft.vendorId },
    ...(draft.accounts.payableId ? { apAccount: { listId: draft.accounts.payableId } } : {}),
    txnDate: draft.date,
    ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
    ...(fitsRefNumber(draft.number, REF_MAX.bill) ? { refNumber: draft.number.trim() } : {}),
    memo: memo(identity, draft.memo),
  };
}

export function billAddInput(draft: PurchaseDraft, identity: DocumentIdentity): BillAddInput {
  return { ...billHeader(draft, identity), externalGuid: documentGuid(identity.marker), expenseLines: billExpenseLines(draft) };
}

export function billModInput(draft: PurchaseDraft, current: { txnId: string; editSequence: string; hasItemLines: boolean }, identity: DocumentIdentity): BillModInput {
  return {
    txnId: current.txnId,
    editSequence: current.editSequence,
    ...billHeader(draft, identity),
    dueDate: draft.dueDate ?? null,
    expenseLines: billExpenseLines(draft),
    ...(current.hasItemLines ? { clearItemLines: true } : {}),
  };
}

export function purchaseOrderAddInput(draft: PurchaseDraft, identity: DocumentIdentity): PurchaseOrderAddInput {
  return {
    vendor: { listId: draft.vendorId },
    txnDate: draft.date,
    ...(fitsRefNumber(draft.number, REF_MAX.purchase_order) ? { refNumber: draft.number.trim() } : {}),
    ...(draft.dueDate ? { expectedDate: draft.dueDate } : {}),
    memo: memo(identity, draft.memo),
    externalGuid: documentGuid(identity.marker),
    lines: draft.lines.map((line) => ({
      item: { listId: line.itemId },
      desc: line.description,
      quantity: line.quantity,
      rate: line.unitCost,
      amountCents: line.amountCents,
    })),
  };
}

export function paymentAddInput(draft: PaymentDraft, identity: DocumentIdentity): ReceivePaymentAddInput {
  const reference = draft.reference && fitsRefNumber(draft.reference, REF_MAX.payment) ? draft.reference.trim() : undefined;
  const note = `order ${draft.orderId}, ${formatCents(draft.amountCents)}${draft.reference && !reference ? `, reference ${draft.reference}` : ''}`;
  return {
    customer: { listId: draft.customerId },
    txnDate: draft.date,
    ...(reference ? { refNumber: reference } : {}),
    totalAmountCents: draft.amountCents,
    memo: memo(identity, `Payment for ${note}`),
    externalGuid: documentGuid(identity.marker),
    applyTo: [{ txnId: draft.invoiceId, paymentAmountCents: draft.amountCents }],
  };
}

// ── Billing ─────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A billed line for QuickBooks Desktop: item, description and quantity only. No Rate and no Amount, so QuickBooks
 * prices the line at the item's own price (billing never writes a price).
 */
function billedLine(line: BilledLineInput): InvoiceLineInput {
  return { item: { listId: line.itemId }, desc: line.description, quantity: line.quantity };
}

/**
 * A new billing invoice goes into QuickBooks' own send queue ("to be printed"): that is where the bookkeeper sends
 * it from, and how QuickBooks Desktop tells an unsent invoice from a sent one (it clears the mark once printed).
 */
export function billingInvoiceAddInput(write: Extract<BillingInvoiceWrite, { kind: 'create' }>, externalGuid: string): InvoiceAddInput {
  return {
    customer: { listId: write.customerId },
    txnDate: write.date,
    ...(fitsRefNumber(write.number, REF_MAX.invoice) ? { refNumber: write.number } : {}),
    memo: write.marker,
    isToBePrinted: true,
    externalGuid,
    lines: write.lines.map(billedLine),
  };
}

/** A period that credits the customer: a credit memo with the billed lines (signs already turned), queued to be printed. */
export function billingCreditMemoAddInput(write: Extract<BillingInvoiceWrite, { kind: 'create' }>, externalGuid: string): CreditMemoAddInput {
  return {
    customer: { listId: write.customerId },
    txnDate: write.date,
    ...(fitsRefNumber(write.number, REF_MAX.invoice) ? { refNumber: write.number } : {}),
    memo: write.marker,
    isToBePrinted: true,
    externalGuid,
    lines: write.lines.map((line) => ({ item: { listId: line.itemId }, desc: line.description, quantity: line.quantity })),
  };
}

/** Every other line is sent back by its TxnLineID alone (QuickBooks keeps it exactly); ours replace the synced ones. */
export function billingInvoiceModInput(write: Extract<BillingInvoiceWrite, { kind: 'merge' }>): InvoiceModInput {
  const merged = mergeInvoiceLines(write.invoice.lines, new Set(write.replaceItemIds), write.lines);
  return {
    txnId: write.invoice.id,
    editSequence: write.invoice.version,
    lines: merged.map((entry): InvoiceLineModInput => ('keep' in entry ? { kind: 'keep', txnLineId: entry.keep.id } : billedLine(entry.add))),
  };
}

// Reading QuickBooks Desktop's answers: records of a type, what a status code means for us, and the shapes the
// ledger port returns (references, posted documents, items, invoice snapshots).
import { canonicalQuantity } from '../../domain/billing/merge.js';
import { LedgerRejection } from '../errors.js';
import { carriesIdentity, markerOwner, type DocumentIdentity, type InvoiceSnapshot, type LedgerItem, type LedgerRef, type PostedDocument } from '../ledger/index.js';
import {
  classifyStatus,
  type BillRecord,
  type CustomerRecord,
  type CreditMemoRecord,
  type InvoiceRecord,
  type ItemRecord,
  type PurchaseOrderRecord,
  type QbRecord,
  type QbxmlResult,
  type ReceivePaymentRecord,
  type VendorRecord,
} from './qbxml/index.js';
import { documentGuid, sameGuid } from './documents.js';

/** QuickBooks has the record open elsewhere (3175/3176): try again later. */
export class QbdRecordInUse extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbdRecordInUse';
  }
}

/** Someone kept changing the record while we modified it (3200 after every re-read). */
export class QbdStaleRecord extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbdStaleRecord';
  }
}

export const NAME_IN_USE = 3100;
export const STALE = 3200;
export const MOD_ATTEMPTS = 3;
export const NAME_MAX = 41;
export const ITEM_NAME_MAX = 31;

export type Of<T extends QbRecord['type']> = Extract<QbRecord, { type: T }>;

export function records<T extends QbRecord['type']>(result: QbxmlResult, type: T): Of<T>[] {
  return result.records.filter((r): r is Of<T> => r.type === type);
}

/** Throws what a status means unless the request succeeded (or found nothing, which callers handle). */
export function expectOk(result: QbxmlResult): void {
  const status = classifyStatus(result);
  switch (status.outcome) {
    case 'ok':
    case 'empty':
      return;
    case 'retryLater':
      throw new QbdRecordInUse(status.message);
    case 'stale':
      throw new QbdStaleRecord(status.message);
    default:
      throw new LedgerRejection(status.message, String(result.statusCode));
  }
}

export const toRef = (record: CustomerRecord | VendorRecord | ItemRecord): LedgerRef =>
  ({ id: record.listId, name: record.type === 'Vendor' ? record.name : record.fullName });

export const invoicePosted = (invoice: InvoiceRecord): PostedDocument => ({
  id: invoice.txnId,
  number: invoice.refNumber ?? null,
  totalCents: invoice.subtotalCents + invoice.salesTaxTotalCents,
  balanceCents: invoice.balanceRemainingCents,
});

export const billPosted = (bill: BillRecord): PostedDocument => ({
  id: bill.txnId, number: bill.refNumber ?? null, totalCents: bill.amountDueCents, ...(bill.openAmountCents !== undefined ? { balanceCents: bill.openAmountCents } : {}),
});

export const purchaseOrderPosted = (po: PurchaseOrderRecord): PostedDocument => ({ id: po.txnId, number: po.refNumber ?? null, totalCents: po.totalAmountCents });

export const paymentPosted = (payment: ReceivePaymentRecord): PostedDocument => ({ id: payment.txnId, number: payment.refNumber ?? null, totalCents: payment.totalAmountCents });

export const itemOf = (item: ItemRecord): LedgerItem => ({
  id: item.listId,
  name: item.fullName,
  active: item.isActive,
  ...(item.salesPrice !== undefined ? { unitPrice: item.salesPrice } : {}),
  ...(item.purchaseCost !== undefined ? { purchaseCost: item.purchaseCost } : {}),
  // only items set up for purchases as well as sales (SalesAndPurchase) have a purchase cost
  purchasable: (item.itemType === 'Service' || item.itemType === 'NonInventory') && item.expenseAccountRef !== undefined,
});

/** A sales line as billing compares it (invoices and credit memos carry the same line fields). */
const snapshotLine = (line: InvoiceRecord['lines'][number] | CreditMemoRecord['lines'][number]): InvoiceSnapshot['lines'][number] => {
  const quantity = canonicalQuantity(line.quantity);
  return {
    id: line.txnLineId,
    ...(line.itemRef?.listId ? { itemId: line.itemRef.listId } : {}),
    ...(line.desc !== undefined ? { description: line.desc } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
    amountCents: line.amountCents ?? 0,
  };
};

/** Unsent, as QuickBooks Desktop marks it: pending, or still waiting in the "to be printed" or "to be e-mailed" queue. */
export const invoiceSnapshotOf = (invoice: InvoiceRecord): InvoiceSnapshot => ({
  id: invoice.txnId,
  number: invoice.refNumber ?? null,
  customerId: invoice.customerRef.listId ?? '',
  date: invoice.txnDate,
  unsent: invoice.isPending || invoice.isToBePrinted || invoice.isToBeEmailed,
  ...(invoice.timeCreated ? { createdAt: invoice.timeCreated } : {}),
  version: invoice.editSequence,
  totalCents: invoice.subtotalCents + invoice.salesTaxTotalCents,
  lines: invoice.lines.map(snapshotLine),
  ...(markerOwner(invoice.memo) ? { owner: markerOwner(invoice.memo)! } : {}),
});

/** A credit memo billing wrote (a period that credited the customer), as billing reads its invoices. */
export const creditMemoSnapshotOf = (memo: CreditMemoRecord): InvoiceSnapshot => ({
  id: memo.txnId,
  number: memo.refNumber ?? null,
  customerId: memo.customerRef.listId ?? '',
  date: memo.txnDate,
  unsent: memo.isPending || memo.isToBePrinted || memo.isToBeEmailed,
  ...(memo.timeCreated ? { createdAt: memo.timeCreated } : {}),
  version: memo.editSequence,
  totalCents: memo.totalAmountCents,
  lines: memo.lines.map(snapshotLine),
  document: 'creditMemo',
  ...(markerOwner(memo.memo) ? { owner: markerOwner(memo.memo)! } : {}),
});

/** Of the documents found, ours: the one carrying our GUID, else (when the number identifies it) the first. */
/**
 * The document an identity marks: by its ExternalGUID, else by the marker in its memo (documents written before the
 * GUID was derived from the marker). Never by number alone: a same-numbered document is another order's (`others`,
 * when the number fits a RefNumber).
 */
export function pickOurs<T extends { externalGuid?: string; memo?: string; refNumber?: string }>(found: T[], identity: DocumentIdentity, number?: string): { mine: T | undefined; others: T[] } {
  const guid = documentGuid(identity.marker);
  const mine = found.find((d) => sameGuid(d.externalGuid, guid)) ?? found.find((d) => carriesIdentity(d.memo, identity));
  // the query matched numbers by their start: only an equal number is a look-alike
  return { mine, others: number === undefined ? [] : found.filter((d) => d !== mine && d.refNumber === number) };
}

export function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

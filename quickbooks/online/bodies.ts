// JSON bodies for the Accounting API, built from ledger-neutral drafts. Pure: no I/O.
// Field names follow Intuit's Finance.xsd (shared/spec/qbo).
import { canonicalQuantity, mergeInvoiceLines } from '../../domain/billing/merge.js';
import type { InvoiceDraft, PaymentDraft, PurchaseDraft } from '../../domain/drafts.js';
import { centsFromJsonNumber, centsToJsonNumber, decimalToJsonNumber, formatCents } from '../../domain/money.js';
import {
  documentMarker,
  type BilledLineInput,
  type BillingInvoiceWrite,
  type InvoiceSnapshot,
  type ItemInput,
  type LedgerItem,
  type PartyInput,
} from '../ledger/index.js';

type Ref = { value: string };
const ref = (value: string): Ref => ({ value });

/** QuickBooks Online reserves `:` (it separates sub-customers and sub-items) and trims names. */
export function qboName(name: string, maxLength = 100): string {
  return name.replace(/:/g, '-').replace(/\s+/g, ' ').trim().slice(0, maxLength);
}

export function partyBody(input: PartyInput, displayName = qboName(input.name)) {
  return {
    DisplayName: displayName,
    CompanyName: qboName(input.name),
    ...(input.email ? { PrimaryEmailAddr: { Address: input.email } } : {}),
  };
}

export function itemBody(input: ItemInput) {
  return {
    Name: qboName(input.name),
    Sku: input.name.slice(0, 100),
    Type: 'NonInventory',
    Description: input.description.slice(0, 4000),
    UnitPrice: decimalToJsonNumber(input.unitPrice),
    IncomeAccountRef: ref(input.incomeAccountId),
    ...(input.expenseAccountId ? {
      ExpenseAccountRef: ref(input.expenseAccountId),
      PurchaseCost: decimalToJsonNumber(input.unitCost ?? '0'),
      PurchaseDesc: input.description.slice(0, 4000),
    } : {}),
  };
}

export function invoiceBody(draft: InvoiceDraft) {
  const lines: unknown[] = draft.lines.map((line) => ({
    DetailType: 'SalesItemLineDetail',
    Amount: centsToJsonNumber(line.amountCents),
    Description: line.description,
    SalesItemLineDetail: {
      ItemRef: ref(line.itemId),
      Qty: decimalToJsonNumber(line.quantity),
      UnitPrice: decimalToJsonNumber(line.unitPrice),
    },
  }));
  if (draft.taxLine) {
    lines.push({
      DetailType: 'SalesItemLineDetail',
      Amount: centsToJsonNumber(draft.taxLine.amountCents),
      Description: 'Sales tax',
      SalesItemLineDetail: { ItemRef: ref(draft.taxLine.itemId), Qty: 1, UnitPrice: centsToJsonNumber(draft.taxLine.amountCents) },
    });
  }
  if (draft.discountCents > 0) {
    lines.push({
      DetailType: 'DiscountLineDetail',
      Amount: centsToJsonNumber(draft.discountCents),
      DiscountLineDetail: {
        PercentBased: false,
        ...(draft.accounts.discountId ? { DiscountAccountRef: ref(draft.accounts.discountId) } : {}),
      },
    });
  }
  return {
    DocNumber: draft.number,
    TxnDate: draft.date,
    ...(draft.dueDate ? { DueDate: draft.dueDate } : {}),
    CustomerRef: ref(draft.customerId),
    ...(draft.accounts.receivableId ? { ARAccountRef: ref(draft.accounts.receivableId) } : {}),
    ...(draft.memo ? { CustomerMemo: { value: draft.memo.slice(0, 1000) } } : {}),
    PrivateNote: documentMarker('order', draft.orderId),
    Line: lines,
  };
}

/** A bill books the cost to Cost of Goods Sold, one line per order line, quantity and cost in the description. */
export function billBody(draft: PurchaseDraft) {
  if (!draft.accounts.costOfGoodsSoldId) throw new Error('a bill needs a cost of goods sold account');
  const costAccount = draft.accounts.costOfGoodsSoldId;
  return {
    ...purchaseHeader(draft),
    DocNumber: draft.number,
    ...(draft.dueDate ? { DueDate: draft.dueDate } : {}),
    Line: draft.lines.map((line) => ({
      DetailType: 'AccountBasedExpenseLineDetail',
      Amount: centsToJsonNumber(line.amountCents),
      Description: `${line.itemName} ${line.description} (${line.quantity} × ${line.unitCost})`.slice(0, 4000),
      AccountBasedExpenseLineDetail: { AccountRef: ref(costAccount) },
    })),
  };
}

export function purchaseOrderBody(draft: PurchaseDraft) {
  return {
    ...purchaseHeader(draft),
    DocNumber: draft.number,
    POStatus: 'Open',
    Line: draft.lines.map((line) => ({
      DetailType: 'ItemBasedExpenseLineDetail',
      Amount: centsToJsonNumber(line.amountCents),
      Description: line.description,
      ItemBasedExpenseLineDetail: {
        ItemRef: ref(line.itemId),
        Qty: decimalToJsonNumber(line.quantity),
        UnitPrice: decimalToJsonNumber(line.unitCost),
      },
    })),
  };
}

function purchaseHeader(draft: PurchaseDraft) {
  return {
    TxnDate: draft.date,
    VendorRef: ref(draft.vendorId),
    ...(draft.accounts.payableId ? { APAccountRef: ref(draft.accounts.payableId) } : {}),
    PrivateNote: documentMarker('order', draft.orderId),
    ...(draft.memo ? { Memo: draft.memo.slice(0, 4000) } : {}),
  };
}

export function paymentBody(draft: PaymentDraft) {
  return {
    CustomerRef: ref(draft.customerId),
    TotalAmt: centsToJsonNumber(draft.amountCents),
    TxnDate: draft.date,
    ...(draft.reference ? { PaymentRefNum: draft.reference } : {}),
    PrivateNote: `${paymentMarker(draft)} (order ${draft.orderId}, ${formatCents(draft.amountCents)})`,
    Line: [{
      Amount: centsToJsonNumber(draft.amountCents),
      LinkedTxn: [{ TxnId: draft.invoiceId, TxnType: 'Invoice' }],
    }],
  };
}

/** Payments are identified within their order: upstream payment ids need only be unique per order. */
export function paymentMarker(draft: Pick<PaymentDraft, 'orderId' | 'externalId'>): string {
  return documentMarker('payment', `${draft.orderId}/${draft.externalId}`);
}

// ── Billing ─────────────────────────────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

/** A JSON number as Intuit sent it, as decimal text (never through float arithmetic). */
function numberText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(10).replace(/\.?0+$/, '') : text;
}

const refValue = (value: unknown): string | undefined => (value && typeof value === 'object' ? (value as { value?: unknown }).value as string | undefined : undefined);

export function itemSnapshot(item: Json): LedgerItem {
  const unitPrice = numberText(item.UnitPrice);
  const purchaseCost = numberText(item.PurchaseCost);
  return {
    id: String(item.Id),
    name: String(item.Name ?? item.Id),
    active: item.Active !== false,
    ...(unitPrice !== undefined ? { unitPrice } : {}),
    ...(purchaseCost !== undefined ? { purchaseCost } : {}),
    purchasable: ['Service', 'NonInventory', 'Inventory'].includes(String(item.Type ?? 'Service')),
  };
}

/** An invoice with its lines (the computed subtotal line left out: QuickBooks makes it). */
export function invoiceSnapshot(invoice: Json): InvoiceSnapshot {
  const lines = (Array.isArray(invoice.Line) ? invoice.Line as Json[] : [])
    .filter((line) => line.DetailType !== 'SubTotalLineDetail' && line.Id !== undefined)
    .map((line) => {
      const detail = (line.SalesItemLineDetail ?? {}) as Json;
      const itemId = line.DetailType === 'SalesItemLineDetail' ? refValue(detail.ItemRef) : undefined;
      const quantity = canonicalQuantity(numberText(detail.Qty));
      return {
        id: String(line.Id),
        ...(itemId ? { itemId } : {}),
        ...(typeof line.Description === 'string' ? { description: line.Description } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
        amountCents: line.Amount === undefined ? 0 : centsFromJsonNumber(line.Amount as number),
        raw: line,
      };
    });
  const meta = (invoice.MetaData ?? {}) as Json;
  return {
    id: String(invoice.Id),
    number: typeof invoice.DocNumber === 'string' ? invoice.DocNumber : null,
    customerId: refValue(invoice.CustomerRef) ?? '',
    date: String(invoice.TxnDate ?? ''),
    unsent: invoice.EmailStatus !== 'EmailSent' && invoice.PrintStatus !== 'PrintComplete',
    ...(typeof meta.CreateTime === 'string' ? { createdAt: meta.CreateTime } : {}),
    version: String(invoice.SyncToken ?? '0'),
    totalCents: centsFromJsonNumber((invoice.TotalAmt as number | undefined) ?? 0),
    lines,
  };
}

/** A billed line: the item, its quantity and the item's own price, Amount = quantity × price half-up (6070 otherwise). */
function billedLine(line: BilledLineInput) {
  return {
    DetailType: 'SalesItemLineDetail',
    Amount: centsToJsonNumber(line.amountCents),
    Description: line.description.slice(0, 4000),
    SalesItemLineDetail: { ItemRef: ref(line.itemId), Qty: decimalToJsonNumber(line.quantity), UnitPrice: decimalToJsonNumber(line.unitPrice) },
  };
}

export function billingCreateBody(write: Extract<BillingInvoiceWrite, { kind: 'create' }>) {
  return {
    DocNumber: write.number,
    TxnDate: write.date,
    CustomerRef: ref(write.customerId),
    PrivateNote: write.marker,
    Line: write.lines.map(billedLine),
  };
}

/** A sparse update whose Line array keeps every other line exactly as read (with its Id) and puts ours in place. */
export function billingMergeBody(write: Extract<BillingInvoiceWrite, { kind: 'merge' }>) {
  const merged = mergeInvoiceLines(write.invoice.lines, new Set(write.replaceItemIds), write.lines);
  return {
    Id: write.invoice.id,
    SyncToken: write.invoice.version,
    sparse: true,
    Line: merged.map((entry) => ('keep' in entry ? entry.keep.raw : billedLine(entry.add))),
  };
}

// Accounting API bodies for monthly billing (invoices created or merged), and snapshots read back from
// QuickBooks' answers. Pure: no I/O.
import { canonicalQuantity, mergeInvoiceLines } from '../../../domain/billing/merge.js';
import { centsFromJsonNumber, centsToJsonNumber, decimalToJsonNumber } from '../../../domain/money.js';
import { markerOwner, type BilledLineInput, type BillingInvoiceWrite, type InvoiceSnapshot, type LedgerItem } from '../../ledger/index.js';
import { qboText, ref } from './common.js';
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
export function invoiceSnapshot(invoice: Json, document: 'invoice' | 'creditMemo' = 'invoice'): InvoiceSnapshot {
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
    ...(document === 'creditMemo' ? { document } : {}),
    ...ownerOf(invoice.PrivateNote),
  };
}

function ownerOf(note: unknown): { owner?: string } {
  const owner = markerOwner(note);
  return owner ? { owner } : {};
}

/** A billed line: the item, its quantity and the item's own price, Amount = quantity × price half-up (6070 otherwise). */
function billedLine(line: BilledLineInput) {
  return {
    DetailType: 'SalesItemLineDetail',
    Amount: centsToJsonNumber(line.amountCents),
    Description: qboText(line.description, 4000),
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

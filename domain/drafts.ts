// Ledger-neutral drafts of the documents an order becomes, with every amount in cents, built once and
// written by either ledger (QuickBooks Online or Desktop).
import { lineAmountCents, parseCents, sumCents, type Cents } from './money.js';
import type { Order, OrderLine } from './order.js';
import type { Settings } from './settings.js';

/**
 * The key an order line is matched to a QuickBooks item by, as the settings choose. (Kept here, not in order.ts,
 * so that workflow code importing drafts does not pull in the schema library.)
 */
export function itemKey(line: OrderLine, field: 'productNumber' | 'productName'): string {
  return (field === 'productNumber' ? line.productNumber : line.productName).trim();
}

export interface SalesLine {
  itemId: string;
  itemName: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amountCents: Cents;
}

export interface InvoiceDraft {
  orderId: string;
  number: string;
  date: string;
  dueDate?: string;
  customerId: string;
  memo?: string;
  lines: SalesLine[];
  discountCents: Cents;
  /**
   * Tax mode orderTotal: the order's total tax, posted as tax (Online: the invoice's TotalTax; Desktop: a line with
   * the chosen Sales Tax item). Undefined: QuickBooks computes the tax (domain/tax.ts).
   */
  taxLine?: { itemId: string; amountCents: Cents };
  /** The order's own tax figure, in either mode: what QuickBooks' tax is checked against (domain/tax.ts). */
  orderTaxCents?: Cents;
  accounts: { receivableId?: string; discountId?: string };
  totalCents: Cents;
}

export interface PurchaseLine {
  itemId: string;
  itemName: string;
  description: string;
  quantity: string;
  unitCost: string;
  amountCents: Cents;
}

export interface PurchaseDraft {
  orderId: string;
  number: string;
  date: string;
  dueDate?: string;
  vendorId: string;
  memo?: string;
  lines: PurchaseLine[];
  accounts: { payableId?: string; costOfGoodsSoldId?: string };
  totalCents: Cents;
}

export interface PaymentDraft {
  externalId: string;
  orderId: string;
  customerId: string;
  invoiceId: string;
  date: string;
  amountCents: Cents;
  reference?: string;
}

export interface ResolvedParties {
  customerId?: string;
  vendorId?: string;
  /** item key (product number or name, per settings) → QuickBooks item id */
  itemIds: Record<string, string>;
}

export interface ResolvedAccounts {
  receivable?: string;
  income?: string;
  payable?: string;
  costOfGoodsSold?: string;
  discount?: string;
}

export function buildInvoiceDraft(order: Order, settings: Settings, ids: ResolvedParties, accounts: ResolvedAccounts): InvoiceDraft {
  if (!ids.customerId) throw new Error('the customer must be resolved before the invoice');
  const lines = order.lines.map((line): SalesLine => {
    const key = itemKey(line, settings.itemField);
    return {
      itemId: requireItem(ids, key),
      itemName: key,
      description: line.description ?? line.productName,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amountCents: lineAmountCents(line.quantity, line.unitPrice),
    };
  });
  const discountCents = order.discount ? parseCents(order.discount) : 0;
  const taxCents = order.tax ? parseCents(order.tax) : 0;
  // a stated tax of 0 is a figure too (QuickBooks adding tax to it is a difference worth saying)
  const taxLine = settings.tax.mode === 'orderTotal' && taxCents > 0
    ? { itemId: settings.tax.itemId, amountCents: taxCents }
    : undefined;
  const subtotal = sumCents(lines.map((l) => l.amountCents));
  return {
    orderId: order.orderId,
    number: order.number,
    date: order.date,
    ...(order.dueDate ? { dueDate: order.dueDate } : {}),
    customerId: ids.customerId,
    ...(order.memo ? { memo: order.memo } : {}),
    lines,
    discountCents,
    ...(taxLine ? { taxLine } : {}),
    ...(order.tax !== undefined ? { orderTaxCents: taxCents } : {}),
    accounts: { receivableId: accounts.receivable, discountId: accounts.discount },
    totalCents: subtotal - discountCents + taxCents,
  };
}

export function buildPurchaseDraft(order: Order, settings: Settings, ids: ResolvedParties, accounts: ResolvedAccounts): PurchaseDraft {
  if (!ids.vendorId) throw new Error('the vendor must be resolved before a bill or purchase order');
  const lines = order.lines.map((line): PurchaseLine => {
    if (line.unitCost === undefined) throw new Error(`line ${line.productNumber} has no unit cost`);
    const key = itemKey(line, settings.itemField);
    return {
      itemId: requireItem(ids, key),
      itemName: key,
      description: line.description ?? line.productName,
      quantity: line.quantity,
      unitCost: line.unitCost,
      amountCents: lineAmountCents(line.quantity, line.unitCost),
    };
  });
  return {
    orderId: order.orderId,
    number: order.number,
    date: order.date,
    ...(order.dueDate ? { dueDate: order.dueDate } : {}),
    vendorId: ids.vendorId,
    ...(order.memo ? { memo: order.memo } : {}),
    lines,
    accounts: { payableId: accounts.payable, costOfGoodsSoldId: accounts.costOfGoodsSold },
    totalCents: sumCents(lines.map((l) => l.amountCents)),
  };
}

export function buildPaymentDrafts(order: Order, customerId: string, invoiceId: string): PaymentDraft[] {
  return (order.payments ?? []).map((payment) => ({
    externalId: payment.externalId,
    orderId: order.orderId,
    customerId,
    invoiceId,
    date: payment.date,
    amountCents: parseCents(payment.amount),
    ...(payment.reference ? { reference: payment.reference } : {}),
  }));
}

function requireItem(ids: ResolvedParties, key: string): string {
  const id = ids.itemIds[key];
  if (!id) throw new Error(`item "${key}" was not resolved`);
  return id;
}

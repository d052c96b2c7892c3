// Accounting API bodies for what an order becomes (customers, vendors, items, invoice, bill, purchase order,
// payment), built from ledger-neutral drafts. Pure: no I/O. Field names follow Intuit's Finance.xsd.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft } from '../../../domain/drafts.js';
import { centsToJsonNumber, decimalToJsonNumber, formatCents } from '../../../domain/money.js';
import { documentMarker, type ItemInput, type PartyInput } from '../../ledger/index.js';
import { qboName, qboText, ref } from './common.js';

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
    Sku: qboText(input.name, 100),
    Type: 'NonInventory',
    Description: qboText(input.description, 4000),
    UnitPrice: decimalToJsonNumber(input.unitPrice),
    IncomeAccountRef: ref(input.incomeAccountId),
    ...(input.expenseAccountId ? {
      ExpenseAccountRef: ref(input.expenseAccountId),
      PurchaseCost: decimalToJsonNumber(input.unitCost ?? '0'),
      PurchaseDesc: qboText(input.description, 4000),
    } : {}),
  };
}

export function invoiceBody(draft: InvoiceDraft) {
  const lines: unknown[] = draft.lines.map((line) => ({
    DetailType: 'SalesItemLineDetail',
    Amount: centsToJsonNumber(line.amountCents),
    Description: qboText(line.description, 4000),
    SalesItemLineDetail: {
      ItemRef: ref(line.itemId),
      Qty: decimalToJsonNumber(line.quantity),
      UnitPrice: decimalToJsonNumber(line.unitPrice),
    },
  }));
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
    ...(draft.memo ? { CustomerMemo: { value: qboText(draft.memo, 1000) } } : {}),
    PrivateNote: documentMarker('order', draft.orderId),
    Line: lines,
    ...taxDetail(draft),
  };
}

/**
 * Tax mode orderTotal: the order's tax as the invoice's TotalTax, which QuickBooks Online keeps instead of what its
 * automated sales tax computed (booked to sales tax payable, after the discount). Otherwise nothing: QuickBooks
 * computes the tax, and the ledger compares it with the order's figure.
 */
function taxDetail(draft: InvoiceDraft) {
  return draft.taxLine ? { TxnTaxDetail: { TotalTax: centsToJsonNumber(draft.taxLine.amountCents) } } : {};
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
      Description: qboText(`${line.itemName} ${line.description} (${line.quantity} × ${line.unitCost})`, 4000),
      AccountBasedExpenseLineDetail: { AccountRef: ref(costAccount) },
    })),
  };
}

export function purchaseOrderBody(draft: PurchaseDraft) {
  return {
    ...purchaseHeader(draft),
    DocNumber: draft.number,
    ...(draft.dueDate ? { DueDate: draft.dueDate } : {}),
    POStatus: 'Open',
    Line: draft.lines.map((line) => ({
      DetailType: 'ItemBasedExpenseLineDetail',
      Amount: centsToJsonNumber(line.amountCents),
      Description: qboText(line.description, 4000),
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
    ...(draft.memo ? { Memo: qboText(draft.memo, 4000) } : {}),
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


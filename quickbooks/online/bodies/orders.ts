// Accounting API bodies for what an order becomes (customers, vendors, items, invoice, bill, purchase order,
// payment), built from ledger-neutral drafts. Pure: no I/O. Field names follow Intuit's Finance.xsd.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft } from '../../../domain/drafts.js';
import { centsToJsonNumber, decimalToJsonNumber, formatCents } from '../../../domain/money.js';
import { markedNote, type DocumentIdentity, type ItemInput, type PartyInput } from '../../ledger/index.js';
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

export function invoiceBody(draft: InvoiceDraft, identity: DocumentIdentity) {
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
    PrivateNote: privateNote(undefined, identity),
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
export function billBody(draft: PurchaseDraft, identity: DocumentIdentity) {
  if (!draft.accounts.costOfGoodsSoldId) throw new Error('a bill needs a cost of goods sold account');
  const costAccount = draft.accounts.costOfGoodsSoldId;
  return {
    ...purchaseHeader(draft, identity),
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

export function purchaseOrderBody(draft: PurchaseDraft, identity: DocumentIdentity) {
  return {
    ...purchaseHeader(draft, identity),
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

/** Bill and purchase order keep the order's memo in PrivateNote: their Memo is QuickBooks Desktop only in Intuit's schema. */
function purchaseHeader(draft: PurchaseDraft, identity: DocumentIdentity) {
  return {
    TxnDate: draft.date,
    VendorRef: ref(draft.vendorId),
    ...(draft.accounts.payableId ? { APAccountRef: ref(draft.accounts.payableId) } : {}),
    PrivateNote: privateNote(draft.memo, identity),
  };
}

/** What a bookkeeper must see, with the identity marker kept whole after it (PrivateNote holds 4000 characters). */
function privateNote(text: string | undefined, identity: DocumentIdentity): string {
  return markedNote(text, identity.marker, 4000, qboText);
}

export function paymentBody(draft: PaymentDraft, identity: DocumentIdentity) {
  return {
    CustomerRef: ref(draft.customerId),
    TotalAmt: centsToJsonNumber(draft.amountCents),
    TxnDate: draft.date,
    ...(draft.reference ? { PaymentRefNum: draft.reference } : {}),
    PrivateNote: privateNote(`Payment for order ${draft.orderId}, ${formatCents(draft.amountCents)}`, identity),
    Line: [{
      Amount: centsToJsonNumber(draft.amountCents),
      LinkedTxn: [{ TxnId: draft.invoiceId, TxnType: 'Invoice' }],
    }],
  };
}


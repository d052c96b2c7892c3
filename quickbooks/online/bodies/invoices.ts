// Accounting API bodies for copied invoices (lines at quantity × rate, the tax code on every line outside the US,
// billing e-mails, terms, the marker that recognises ours), and the invoices and payments read back. Pure: no I/O.
import { centsFromJsonNumber, centsToJsonNumber, decimalToJsonNumber, type Cents } from '../../../domain/money.js';
import type { InvoiceCopyDraft, LedgerInvoice, LedgerPayment } from '../../ledger/index.js';
import { ref } from './common.js';

type Json = Record<string, unknown>;

const refValue = (value: unknown): string | undefined =>
  (value && typeof value === 'object' ? (value as { value?: unknown }).value as string | undefined : undefined);
const amount = (value: unknown): Cents => (typeof value === 'number' || typeof value === 'string' ? centsFromJsonNumber(value) : 0);

/**
 * The invoice as QuickBooks should hold it. A sparse update sends the whole Line array (QuickBooks replaces the lines)
 * and an empty memo when the upstream invoice has none any more.
 */
export function invoiceCopyBody(draft: InvoiceCopyDraft, options: { update?: boolean } = {}) {
  const [billTo, ...copies] = draft.billingEmails;
  return {
    ...(draft.number ? { DocNumber: draft.number } : {}),
    TxnDate: draft.date,
    ...(draft.dueDate ? { DueDate: draft.dueDate } : {}),
    ...(draft.termId ? { SalesTermRef: ref(draft.termId) } : {}),
    CustomerRef: ref(draft.customerId),
    ...(draft.memo !== undefined || options.update ? { CustomerMemo: { value: (draft.memo ?? '').slice(0, 1000) } } : {}),
    PrivateNote: draft.marker,
    ...(billTo ? { BillEmail: { Address: billTo } } : {}),
    ...(copies.length > 0 ? { BillEmailCc: { Address: copies.join(', ') } } : {}),
    // Non-US tax model: the rates are before tax, QuickBooks adds the tax of each line's code.
    ...(draft.lineTaxCodeId ? { GlobalTaxCalculation: 'TaxExcluded' } : {}),
    Line: draft.lines.map((line) => ({
      DetailType: 'SalesItemLineDetail',
      Amount: centsToJsonNumber(line.amountCents),
      Description: line.description.slice(0, 4000),
      SalesItemLineDetail: {
        ItemRef: ref(line.itemId),
        Qty: decimalToJsonNumber(line.quantity),
        UnitPrice: decimalToJsonNumber(line.rate),
        ...(draft.lineTaxCodeId ? { TaxCodeRef: ref(draft.lineTaxCodeId) } : {}),
      },
    })),
  };
}

export function ledgerInvoiceOf(invoice: Json): LedgerInvoice {
  const delivery = (invoice.DeliveryInfo ?? {}) as Json;
  const billEmail = (invoice.BillEmail ?? {}) as Json;
  const note = typeof invoice.PrivateNote === 'string' ? invoice.PrivateNote : '';
  const sent = invoice.EmailStatus === 'EmailSent';
  const meta = (invoice.MetaData ?? {}) as Json;
  return {
    id: String(invoice.Id),
    number: typeof invoice.DocNumber === 'string' ? invoice.DocNumber : null,
    customerId: refValue(invoice.CustomerRef) ?? '',
    date: String(invoice.TxnDate ?? ''),
    totalCents: amount(invoice.TotalAmt),
    balanceCents: amount(invoice.Balance ?? invoice.TotalAmt),
    version: String(invoice.SyncToken ?? '0'),
    emailed: sent
      ? { at: String(delivery.DeliveryTime ?? meta.LastUpdatedTime ?? ''), to: typeof billEmail.Address === 'string' ? billEmail.Address : null }
      : null,
    marker: /^qbflow:/.test(note) ? note.split(/\s/)[0]! : null,
  };
}

/** A payment with what it applies to each invoice, from its lines' LinkedTxn of type Invoice (summed per invoice). */
export function ledgerPaymentOf(payment: Json): LedgerPayment {
  const applied = new Map<string, Cents>();
  for (const line of Array.isArray(payment.Line) ? payment.Line as Json[] : []) {
    const links = Array.isArray(line.LinkedTxn) ? line.LinkedTxn as Json[] : [];
    const invoice = links.find((link) => link.TxnType === 'Invoice' && link.TxnId !== undefined);
    if (!invoice) continue;
    const id = String(invoice.TxnId);
    applied.set(id, (applied.get(id) ?? 0) + amount(line.Amount));
  }
  for (const [id, cents] of applied) if (cents === 0) applied.delete(id);
  const totalCents = amount(payment.TotalAmt);
  const note = typeof payment.PrivateNote === 'string' ? payment.PrivateNote : '';
  // QuickBooks keeps a voided payment's id with its amounts zeroed (and says "Voided" in its note).
  const voided = /^voided/i.test(note) || (totalCents === 0 && applied.size === 0);
  return {
    id: String(payment.Id),
    customerId: refValue(payment.CustomerRef) ?? '',
    date: typeof payment.TxnDate === 'string' ? payment.TxnDate : null,
    totalCents,
    voided,
    applied: voided ? new Map() : applied,
  };
}

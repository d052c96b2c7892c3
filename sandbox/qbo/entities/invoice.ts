// Invoice: TotalAmt = sales lines − discount + tax; Balance = TotalAmt − payments applied.
import { parseDecimal, type Decimal } from '../../../domain/money.js';
import type { Company } from '../company/company.js';
import { fault } from '../faults.js';
import { isObject, type JsonObject } from '../json.js';
import { decimalToJson, money, percentOf, readCents, suppliedText } from '../numbers.js';
import { addDays, companyDate } from '../time.js';
import { cents, paymentsOn, refreshCustomer, refValue } from './balances.js';
import { checkDocNumber, date, omit, resolveRef, text, touched, USD, type WriteContext } from './common.js';
import { salesLines } from './lines.js';
import type { EntityDef } from './types.js';

const EMAIL_STATUSES = ['NotSet', 'NeedToSend', 'EmailSent'];
const COMPUTED = ['CustomerRef', 'SalesTermRef', 'Line', 'TxnTaxDetail', 'TotalAmt', 'Balance', 'HomeBalance', 'HomeTotalAmt', 'LinkedTxn', 'DocNumber', 'TxnDate', 'DueDate', 'EmailStatus', 'CurrencyRef', 'Deposit', 'ApplyTaxAfterDiscount'];

/** The customer's own rate, else the company default, else none (tax 0). */
export function salesTaxRate(company: Company, customerId: string): Decimal | null {
  const rate = company.customerTaxRates.get(customerId) ?? company.settings.salesTaxRate;
  return rate === null || rate === undefined ? null : parseDecimal(rate, 5);
}

function taxDetail(tax: number, taxable: number, rate: Decimal | null): JsonObject {
  if (!rate || tax === 0) return { TotalTax: 0 };
  return {
    TotalTax: money(tax),
    TaxLine: [{ Amount: money(tax), DetailType: 'TaxLineDetail', TaxLineDetail: { PercentBased: true, TaxPercent: decimalToJson(rate), NetAmountTaxable: money(taxable) } }],
  };
}

/**
 * Automated sales tax lets an app override the computed tax with TxnTaxDetail.TotalTax (Intuit: "override the
 * calculated tax"); QuickBooks keeps it as the transaction's sales tax, not as a line. Only a company that collects
 * sales tax has tax to override: elsewhere the field is ignored, as is a TxnTaxDetail a sparse update merely carried
 * over from the stored invoice (the product sent none).
 */
function taxOverride(input: JsonObject, previous: JsonObject | undefined, rate: Decimal | null): number | undefined {
  const detail = input.TxnTaxDetail;
  if (!rate || !isObject(detail) || detail === previous?.TxnTaxDetail) return undefined;
  if (detail.TotalTax === undefined || detail.TotalTax === null) return undefined;
  const cents = readCents(detail.TotalTax, 'TotalTax');
  if (cents < 0) throw fault.business('The sales tax cannot be negative.', 'TxnTaxDetail');
  return cents;
}

function previousText(previous: JsonObject | undefined, key: string): string | undefined {
  const value = previous?.[key];
  return typeof value === 'string' ? value : undefined;
}

function buildInvoice(ctx: WriteContext, input: JsonObject, previous?: JsonObject): JsonObject {
  const customer = resolveRef(ctx, input, 'CustomerRef', 'Customer', true);
  if (!customer) throw fault.required('CustomerRef');
  const applied = previous ? paymentsOn(ctx.company, String(previous.Id)).total : 0;
  if (previous && applied > 0 && refValue(previous, 'CustomerRef') !== customer.ref.value) {
    throw fault.business('You cannot change the customer of an invoice that has payments applied.', 'CustomerRef');
  }
  const { lines, subtotal, discount, taxable } = salesLines(ctx, input.Line, previous?.Line);
  const rate = salesTaxRate(ctx.company, String(customer.ref.value));
  const override = taxOverride(input, previous, rate);
  const tax = override ?? (rate ? percentOf(taxable, rate) : 0);
  const total = subtotal - discount + tax;
  if (total < 0) throw fault.business('The transaction total cannot be negative.', 'TotalAmt');
  if (total < applied) {
    throw fault.business(`The invoice total (${suppliedText(total)}) cannot be less than the payments already applied to it (${suppliedText(applied)}).`, 'Line');
  }
  const emailStatus = text(input, 'EmailStatus') ?? previousText(previous, 'EmailStatus') ?? 'NotSet';
  if (!EMAIL_STATUSES.includes(emailStatus)) throw fault.invalidEnum('EmailStatus', emailStatus);
  text(input, 'PrivateNote', 4000);
  if (input.CustomerMemo !== undefined && input.CustomerMemo !== null) {
    if (!isObject(input.CustomerMemo) || typeof input.CustomerMemo.value !== 'string') throw fault.invalidProperty('CustomerMemo', 'CustomerMemo');
    if (input.CustomerMemo.value.length > 1000) throw fault.stringLength('CustomerMemo', 1000, input.CustomerMemo.value.length);
  }
  const txnDate = date(input, 'TxnDate') ?? previousText(previous, 'TxnDate') ?? companyDate(ctx.now);
  // A payment term sets the due date when none is given, as in QuickBooks.
  const term = resolveRef(ctx, input, 'SalesTermRef', 'Term', false);
  const termDays = term && typeof term.target.DueDays === 'number' ? term.target.DueDays : 30;
  const docNumber = text(input, 'DocNumber', 21);
  checkDocNumber(ctx, 'Invoice', docNumber, previous);
  return {
    ...omit(input, COMPUTED),
    ...(term ? { SalesTermRef: term.ref } : {}),
    DocNumber: docNumber ?? previousText(previous, 'DocNumber') ?? ctx.company.nextDocNumber('Invoice'),
    TxnDate: txnDate,
    DueDate: date(input, 'DueDate') ?? addDays(txnDate, termDays),
    CurrencyRef: USD,
    Line: lines,
    TxnTaxDetail: override === undefined ? taxDetail(tax, taxable, rate) : { TotalTax: money(override) },
    CustomerRef: customer.ref,
    TotalAmt: money(total),
    Balance: money(total - applied),
    ApplyTaxAfterDiscount: false,
    PrintStatus: text(input, 'PrintStatus') ?? 'NotSet',
    EmailStatus: emailStatus,
    LinkedTxn: previous?.LinkedTxn ?? [],
    Deposit: 0,
  };
}

export const invoiceDef: EntityDef = {
  name: 'Invoice',
  transaction: true,
  canVoid: true,
  build: buildInvoice,
  afterSave(ctx, saved, previous) {
    refreshCustomer(ctx, refValue(saved, 'CustomerRef'));
    if (previous) refreshCustomer(ctx, refValue(previous, 'CustomerRef'));
  },
  afterDelete(ctx, existing) {
    // Payments that were applied to a deleted invoice stay as unapplied credit, as in QuickBooks.
    const id = String(existing.Id);
    for (const payment of ctx.company.all('Payment')) {
      if (!Array.isArray(payment.Line)) continue;
      const kept = payment.Line.filter((line) => !(isObject(line) && Array.isArray(line.LinkedTxn) && line.LinkedTxn.some((l) => isObject(l) && l.TxnId === id)));
      if (kept.length === payment.Line.length) continue;
      const applied = kept.reduce<number>((sum, line) => sum + (isObject(line) ? cents(line.Amount) : 0), 0);
      ctx.company.put('Payment', touched(ctx, payment, { Line: kept, UnappliedAmt: money(cents(payment.TotalAmt) - applied) }));
    }
    refreshCustomer(ctx, refValue(existing, 'CustomerRef'));
  },
  voided(ctx, existing) {
    if (paymentsOn(ctx.company, String(existing.Id)).total > 0) {
      throw fault.business('This invoice has payments applied. Delete or change the payments before you void it.');
    }
    const lines = Array.isArray(existing.Line) ? existing.Line.map((line) => (isObject(line) && 'Amount' in line ? { ...line, Amount: 0 } : line)) : [];
    return { ...omit(existing, ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse']), Line: lines, TotalAmt: 0, Balance: 0, TxnTaxDetail: { TotalTax: 0 }, PrivateNote: 'Voided' };
  },
};

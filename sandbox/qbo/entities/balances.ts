// Figures that follow from other objects: invoice Balance and LinkedTxn from payments, customer and
// vendor Balance from open transactions. Recomputed from scratch after each write that touches them.
import type { Company } from '../company/company.js';
import { centsFromJsonNumber, type Cents } from '../../../domain/money.js';
import { isObject, type JsonObject } from '../json.js';
import { money } from '../numbers.js';
import { touched, type WriteContext } from './common.js';

export function cents(value: unknown): Cents {
  return typeof value === 'number' || typeof value === 'string' ? centsFromJsonNumber(value) : 0;
}

export function refValue(object: JsonObject | undefined, key: string): string | undefined {
  const ref = object?.[key];
  return isObject(ref) && ref.value !== undefined && ref.value !== null ? String(ref.value) : undefined;
}

/** Invoice id → amount this payment applies to it. */
export function appliedByPayment(payment: JsonObject | undefined): Map<string, Cents> {
  const applied = new Map<string, Cents>();
  const lines = payment?.Line;
  if (!Array.isArray(lines)) return applied;
  for (const line of lines) {
    if (!isObject(line) || !Array.isArray(line.LinkedTxn)) continue;
    for (const link of line.LinkedTxn) {
      if (isObject(link) && link.TxnType === 'Invoice' && typeof link.TxnId === 'string') {
        applied.set(link.TxnId, (applied.get(link.TxnId) ?? 0) + cents(line.Amount));
      }
    }
  }
  return applied;
}

export function paymentsOn(company: Company, invoiceId: string): { total: Cents; paymentIds: string[] } {
  let total = 0;
  const paymentIds: string[] = [];
  for (const payment of company.all('Payment')) {
    const amount = appliedByPayment(payment).get(invoiceId);
    if (amount === undefined) continue;
    total += amount;
    paymentIds.push(String(payment.Id));
  }
  return { total, paymentIds };
}

/** Balance = TotalAmt − payments applied; a change bumps the invoice's SyncToken, as in QuickBooks. */
export function refreshInvoices(ctx: WriteContext, invoiceIds: Iterable<string>): void {
  for (const id of new Set(invoiceIds)) {
    const invoice = ctx.company.get('Invoice', id);
    if (!invoice) continue;
    const { total, paymentIds } = paymentsOn(ctx.company, id);
    const balance = money(cents(invoice.TotalAmt) - total);
    const linked = paymentIds.map((txnId) => ({ TxnId: txnId, TxnType: 'Payment' }));
    if (balance === invoice.Balance && JSON.stringify(linked) === JSON.stringify(invoice.LinkedTxn ?? [])) continue;
    ctx.company.put('Invoice', touched(ctx, invoice, { Balance: balance, LinkedTxn: linked }));
    refreshCustomer(ctx, refValue(invoice, 'CustomerRef'));
  }
}

/** Customer.Balance: open invoice balances less unapplied payment amounts. */
export function refreshCustomer(ctx: WriteContext, customerId: string | undefined): void {
  if (customerId === undefined) return;
  const customer = ctx.company.get('Customer', customerId);
  if (!customer) return;
  let balance = 0;
  for (const invoice of ctx.company.all('Invoice')) if (refValue(invoice, 'CustomerRef') === customerId) balance += cents(invoice.Balance);
  for (const payment of ctx.company.all('Payment')) if (refValue(payment, 'CustomerRef') === customerId) balance -= cents(payment.UnappliedAmt);
  // open credit memos are owed back to the customer
  for (const memo of ctx.company.all('CreditMemo')) if (refValue(memo, 'CustomerRef') === customerId) balance -= cents(memo.RemainingCredit);
  ctx.company.put('Customer', { ...customer, Balance: money(balance), BalanceWithJobs: money(balance) });
}

/** Vendor.Balance: open bill balances (bill payments are not modelled). */
export function refreshVendor(ctx: WriteContext, vendorId: string | undefined): void {
  if (vendorId === undefined) return;
  const vendor = ctx.company.get('Vendor', vendorId);
  if (!vendor) return;
  let balance = 0;
  for (const bill of ctx.company.all('Bill')) if (refValue(bill, 'VendorRef') === vendorId) balance += cents(bill.Balance);
  ctx.company.put('Vendor', { ...vendor, Balance: money(balance) });
}

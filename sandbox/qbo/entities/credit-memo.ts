// CreditMemo: what a customer is owed back. TotalAmt = sales lines − discount + tax, never negative (Intuit: 6000);
// RemainingCredit (and Balance) is the part not yet used; the customer's balance goes down by it.
import { fault } from '../faults.js';
import type { JsonObject } from '../json.js';
import { money, percentOf } from '../numbers.js';
import { companyDate } from '../time.js';
import { refreshCustomer, refValue } from './balances.js';
import { date, omit, resolveRef, text, USD, type WriteContext } from './common.js';
import { salesTaxRate } from './invoice.js';
import { salesLines } from './lines.js';
import type { EntityDef } from './types.js';

const COMPUTED = ['CustomerRef', 'Line', 'TxnTaxDetail', 'TotalAmt', 'Balance', 'RemainingCredit', 'HomeBalance', 'HomeTotalAmt', 'DocNumber', 'TxnDate', 'CurrencyRef'];

function previousText(previous: JsonObject | undefined, key: string): string | undefined {
  const value = previous?.[key];
  return typeof value === 'string' ? value : undefined;
}

function buildCreditMemo(ctx: WriteContext, input: JsonObject, previous?: JsonObject): JsonObject {
  const customer = resolveRef(ctx, input, 'CustomerRef', 'Customer', true);
  if (!customer) throw fault.required('CustomerRef');
  const { lines, subtotal, discount, taxable } = salesLines(ctx, input.Line, previous?.Line);
  const rate = salesTaxRate(ctx.company, String(customer.ref.value));
  const tax = rate ? percentOf(taxable, rate) : 0;
  const total = subtotal - discount + tax;
  if (total < 0) throw fault.business('The transaction total cannot be negative.', 'TotalAmt');
  text(input, 'PrivateNote', 4000);
  const txnDate = date(input, 'TxnDate') ?? previousText(previous, 'TxnDate') ?? companyDate(ctx.now);
  // credit already used (applied to invoices through payments) is not modelled: all of it remains
  return {
    ...omit(input, COMPUTED),
    DocNumber: text(input, 'DocNumber', 21) ?? previousText(previous, 'DocNumber') ?? ctx.company.nextDocNumber('Invoice'),
    TxnDate: txnDate,
    CurrencyRef: USD,
    Line: lines,
    TxnTaxDetail: { TotalTax: money(tax) },
    CustomerRef: customer.ref,
    TotalAmt: money(total),
    RemainingCredit: money(total),
    Balance: money(total),
    PrintStatus: text(input, 'PrintStatus') ?? previousText(previous, 'PrintStatus') ?? 'NotSet',
    EmailStatus: text(input, 'EmailStatus') ?? previousText(previous, 'EmailStatus') ?? 'NotSet',
  };
}

export const creditMemoDef: EntityDef = {
  name: 'CreditMemo',
  transaction: true,
  canVoid: true,
  build: buildCreditMemo,
  afterSave(ctx, saved, previous) {
    refreshCustomer(ctx, refValue(saved, 'CustomerRef'));
    if (previous) refreshCustomer(ctx, refValue(previous, 'CustomerRef'));
  },
  afterDelete: (ctx, existing) => refreshCustomer(ctx, refValue(existing, 'CustomerRef')),
  voided(_ctx, existing) {
    const lines = Array.isArray(existing.Line) ? existing.Line.map((line) => (line && typeof line === 'object' && !Array.isArray(line) && 'Amount' in line ? { ...line, Amount: 0 } : line)) : [];
    return { ...omit(existing, ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse']), Line: lines, TotalAmt: 0, RemainingCredit: 0, Balance: 0, TxnTaxDetail: { TotalTax: 0 }, PrivateNote: 'Voided' };
  },
};


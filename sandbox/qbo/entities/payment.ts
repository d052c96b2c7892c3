// Payment: applies amounts to invoices (never more than their open balance); the rest is UnappliedAmt.
import type { Cents } from '../../../domain/money.js';
import { fault } from '../faults.js';
import { isObject, type JsonObject } from '../json.js';
import { money, readCents, suppliedText } from '../numbers.js';
import { companyDate } from '../time.js';
import { appliedByPayment, cents, refreshCustomer, refreshInvoices, refValue } from './balances.js';
import { date, omit, refTo, resolveRef, USD, type WriteContext } from './common.js';
import type { EntityDef } from './types.js';

const COMPUTED = ['CustomerRef', 'TotalAmt', 'UnappliedAmt', 'Line', 'TxnDate', 'DepositToAccountRef', 'ProcessPayment', 'CurrencyRef'];

function linkedInvoice(ctx: WriteContext, line: JsonObject): string {
  const links = line.LinkedTxn;
  if (links === undefined || links === null || (Array.isArray(links) && links.length === 0)) throw fault.required('Line.LinkedTxn');
  if (!Array.isArray(links) || links.length !== 1 || !isObject(links[0])) {
    throw fault.business('Each payment line links exactly one transaction.', 'LinkedTxn');
  }
  const link = links[0];
  if (link.TxnType !== 'Invoice') throw fault.business(`Payments can be applied to invoices only (TxnType ${JSON.stringify(link.TxnType)}).`, 'LinkedTxn');
  if (typeof link.TxnId !== 'string' && typeof link.TxnId !== 'number') throw fault.required('LinkedTxn.TxnId');
  const id = String(link.TxnId);
  if (!ctx.company.get('Invoice', id)) throw ctx.company.wasDeleted('Invoice', id) ? fault.deleted() : fault.invalidReference('LinkedTxn');
  return id;
}

function depositAccount(ctx: WriteContext, input: JsonObject): JsonObject {
  const given = resolveRef(ctx, input, 'DepositToAccountRef', 'Account', false);
  if (given) return given.ref;
  const undeposited = ctx.company.all('Account').find((a) => a.AccountSubType === 'UndepositedFunds');
  if (!undeposited) throw fault.required('DepositToAccountRef');
  return refTo(undeposited, 'Account');
}

function buildPayment(ctx: WriteContext, input: JsonObject, previous?: JsonObject): JsonObject {
  const customer = resolveRef(ctx, input, 'CustomerRef', 'Customer', true);
  if (!customer) throw fault.required('CustomerRef');
  if (input.TotalAmt === undefined || input.TotalAmt === null) throw fault.business('You must set a transaction amount.', 'TotalAmt');
  const total = readCents(input.TotalAmt, 'TotalAmt');
  if (total < 0) throw fault.business('The payment amount cannot be negative.', 'TotalAmt');
  const rawLines = input.Line ?? [];
  if (!Array.isArray(rawLines) || !rawLines.every(isObject)) throw fault.invalidProperty('Line', 'Line');
  const before = appliedByPayment(previous);
  const applied = new Map<string, Cents>();
  const lines: JsonObject[] = [];
  for (const line of rawLines as JsonObject[]) {
    if (line.Amount === undefined || line.Amount === null) throw fault.required('Line.Amount');
    const amount = readCents(line.Amount, 'Amount');
    if (amount < 0) throw fault.business('A payment line amount cannot be negative.', 'Amount');
    const invoiceId = linkedInvoice(ctx, line);
    const invoice = ctx.company.get('Invoice', invoiceId) as JsonObject;
    if (refValue(invoice, 'CustomerRef') !== customer.ref.value) {
      throw fault.business(`Invoice ${String(invoice.DocNumber)} belongs to another customer.`, 'LinkedTxn');
    }
    applied.set(invoiceId, (applied.get(invoiceId) ?? 0) + amount);
    lines.push({ ...omit(line, ['Amount', 'LinkedTxn']), Amount: money(amount), LinkedTxn: [{ TxnId: invoiceId, TxnType: 'Invoice' }] });
  }
  let sum = 0;
  for (const [invoiceId, amount] of applied) {
    const invoice = ctx.company.get('Invoice', invoiceId) as JsonObject;
    const open = cents(invoice.Balance) + (before.get(invoiceId) ?? 0);
    if (amount > open) {
      throw fault.business(`The amount applied to invoice ${String(invoice.DocNumber)} (${suppliedText(amount)}) is more than its open balance (${suppliedText(open)}).`, 'Line.Amount');
    }
    sum += amount;
  }
  if (sum > total) throw fault.business(`The amounts applied (${suppliedText(sum)}) are more than the payment amount (${suppliedText(total)}).`, 'TotalAmt');
  return {
    ...omit(input, COMPUTED),
    TxnDate: date(input, 'TxnDate') ?? (typeof previous?.TxnDate === 'string' ? previous.TxnDate : companyDate(ctx.now)),
    CurrencyRef: USD,
    CustomerRef: customer.ref,
    DepositToAccountRef: depositAccount(ctx, input),
    TotalAmt: money(total),
    UnappliedAmt: money(total - sum),
    ProcessPayment: false,
    Line: lines,
  };
}

function afterChange(ctx: WriteContext, current: JsonObject | undefined, previous: JsonObject | undefined): void {
  refreshInvoices(ctx, [...appliedByPayment(current).keys(), ...appliedByPayment(previous).keys()]);
  refreshCustomer(ctx, refValue(current, 'CustomerRef'));
  if (previous) refreshCustomer(ctx, refValue(previous, 'CustomerRef'));
}

export const paymentDef: EntityDef = {
  name: 'Payment',
  transaction: true,
  canVoid: true,
  build: buildPayment,
  afterSave: (ctx, saved, previous) => afterChange(ctx, saved, previous),
  afterDelete: (ctx, existing) => afterChange(ctx, undefined, existing),
  voided: (_ctx, existing) => ({
    ...omit(existing, ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse']),
    TotalAmt: 0,
    UnappliedAmt: 0,
    Line: [],
    PrivateNote: 'Voided',
  }),
};

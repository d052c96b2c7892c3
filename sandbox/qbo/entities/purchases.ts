// Bill and PurchaseOrder: a vendor, an A/P account, and lines by account or by item.
import { fault } from '../faults.js';
import type { JsonObject } from '../json.js';
import { money } from '../numbers.js';
import { addDays, companyDate } from '../time.js';
import { refreshVendor, refValue } from './balances.js';
import { checkDocNumber, date, omit, refTo, resolveRef, text, USD, type WriteContext } from './common.js';
import { expenseLines } from './lines.js';
import type { EntityDef } from './types.js';

const COMPUTED = ['VendorRef', 'APAccountRef', 'Line', 'TotalAmt', 'Balance', 'TxnDate', 'DueDate', 'DocNumber', 'CurrencyRef', 'POStatus', 'EmailStatus'];

function payablesAccount(ctx: WriteContext, input: JsonObject): JsonObject {
  const given = resolveRef(ctx, input, 'APAccountRef', 'Account', false);
  if (given) {
    if (given.target.AccountType !== 'Accounts Payable') throw fault.business('APAccountRef must be an Accounts Payable account.', 'APAccountRef');
    return given.ref;
  }
  const payables = ctx.company.all('Account').find((a) => a.AccountType === 'Accounts Payable' && a.Active !== false);
  if (!payables) throw fault.required('APAccountRef');
  return refTo(payables, 'Account');
}

function previousText(previous: JsonObject | undefined, key: string): string | undefined {
  const value = previous?.[key];
  return typeof value === 'string' ? value : undefined;
}

function common(ctx: WriteContext, input: JsonObject, previous?: JsonObject): { state: JsonObject; total: number; txnDate: string } {
  const vendor = resolveRef(ctx, input, 'VendorRef', 'Vendor', true);
  if (!vendor) throw fault.required('VendorRef');
  const { lines, total } = expenseLines(ctx, input.Line, previous?.Line);
  text(input, 'PrivateNote', 4000);
  const txnDate = date(input, 'TxnDate') ?? previousText(previous, 'TxnDate') ?? companyDate(ctx.now);
  const state: JsonObject = {
    ...omit(input, COMPUTED),
    TxnDate: txnDate,
    CurrencyRef: USD,
    Line: lines,
    VendorRef: vendor.ref,
    APAccountRef: payablesAccount(ctx, input),
    TotalAmt: money(total),
  };
  return { state, total, txnDate };
}

export const billDef: EntityDef = {
  name: 'Bill',
  transaction: true,
  build(ctx, input, previous) {
    const { state, total, txnDate } = common(ctx, input, previous);
    const docNumber = text(input, 'DocNumber', 21);
    checkDocNumber(ctx, 'Bill', docNumber, previous);
    return {
      ...state,
      ...(docNumber === undefined ? {} : { DocNumber: docNumber }),
      DueDate: date(input, 'DueDate') ?? addDays(txnDate, 30),
      Balance: money(total),
    };
  },
  afterSave(ctx, saved, previous) {
    refreshVendor(ctx, refValue(saved, 'VendorRef'));
    if (previous) refreshVendor(ctx, refValue(previous, 'VendorRef'));
  },
  afterDelete: (ctx, existing) => refreshVendor(ctx, refValue(existing, 'VendorRef')),
};

export const purchaseOrderDef: EntityDef = {
  name: 'PurchaseOrder',
  transaction: true,
  feature: (company) => (company.settings.purchaseOrders ? undefined : fault.featureNotInPlan('Purchase orders')),
  build(ctx, input, previous) {
    const { state } = common(ctx, input, previous);
    const status = text(input, 'POStatus') ?? previousText(previous, 'POStatus') ?? 'Open';
    const docNumber = text(input, 'DocNumber', 21);
    checkDocNumber(ctx, 'PurchaseOrder', docNumber, previous);
    const dueDate = date(input, 'DueDate');
    if (status !== 'Open' && status !== 'Closed') throw fault.invalidEnum('POStatus', status);
    return {
      ...state,
      DocNumber: docNumber ?? previousText(previous, 'DocNumber') ?? ctx.company.nextDocNumber('PurchaseOrder'),
      ...(dueDate === undefined ? {} : { DueDate: dueDate }),
      POStatus: status,
      EmailStatus: previousText(previous, 'EmailStatus') ?? 'NotSet',
    };
  },
};

// Transaction lines: ids and LineNum, Amount = Qty × UnitPrice (half-up, else 6070), discount, taxable base.
import type { Cents, Decimal } from '../../../domain/money.js';
import { fault } from '../faults.js';
import { isObject, type Json, type JsonObject } from '../json.js';
import { decimalToJson, money, percentOf, productCents, readCents, readDecimal, suppliedText } from '../numbers.js';
import { bool, omit, refId, resolveRef, type WriteContext } from './common.js';

export interface SalesLines {
  lines: JsonObject[];
  subtotal: Cents;
  discount: Cents;
  taxable: Cents;
}

export interface ExpenseLines {
  lines: JsonObject[];
  total: Cents;
}

function lineArray(value: Json | undefined, required: boolean): JsonObject[] {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    if (required) throw fault.required('Line');
    return [];
  }
  if (!Array.isArray(value) || !value.every(isObject)) throw fault.invalidProperty('Line', 'Line');
  return value as JsonObject[];
}

/** Keeps the Id of a line the caller sent back; new lines get the next free number. */
function lineIdAllocator(previous: Json | undefined): (given: Json | undefined) => string {
  const known = new Set<string>();
  let max = 0;
  if (Array.isArray(previous)) {
    for (const line of previous) {
      if (isObject(line) && typeof line.Id === 'string') {
        known.add(line.Id);
        max = Math.max(max, Number(line.Id) || 0);
      }
    }
  }
  const used = new Set<string>();
  return (given) => {
    const id = typeof given === 'string' || typeof given === 'number' ? String(given) : undefined;
    if (id !== undefined && known.has(id) && !used.has(id)) {
      used.add(id);
      return id;
    }
    max += 1;
    used.add(String(max));
    return String(max);
  };
}

function detailType(line: JsonObject): string {
  if (typeof line.DetailType === 'string') return line.DetailType;
  const details = Object.keys(line).filter((key) => key.endsWith('LineDetail'));
  if (details.length === 1) return details[0] as string;
  throw fault.required('Line.DetailType');
}

function detailOf(line: JsonObject, key: string): JsonObject {
  const detail = line[key];
  if (detail === undefined || detail === null) return {};
  if (!isObject(detail)) throw fault.invalidProperty(key, key);
  return detail;
}

function amountOf(line: JsonObject): Cents {
  if (line.Amount === undefined || line.Amount === null) throw fault.required('Line.Amount');
  return readCents(line.Amount, 'Amount');
}

/** Qty and UnitPrice as numbers; when both are given the Amount must be their product, half-up. */
function quantities(detail: JsonObject, amount: Cents): JsonObject {
  const qty: Decimal | undefined = detail.Qty === undefined || detail.Qty === null ? undefined : readDecimal(detail.Qty, 'Qty');
  const price: Decimal | undefined = detail.UnitPrice === undefined || detail.UnitPrice === null ? undefined : readDecimal(detail.UnitPrice, 'UnitPrice');
  if (qty && price && productCents(qty, price) !== amount) throw fault.amountMismatch(suppliedText(amount));
  const out: JsonObject = {};
  if (price) out.UnitPrice = decimalToJson(price);
  if (qty) out.Qty = decimalToJson(qty);
  return out;
}

function taxCode(ctx: WriteContext, detail: JsonObject, fallback: string): string {
  const code = refId(detail, 'TaxCodeRef') ?? fallback;
  if (!ctx.company.get('TaxCode', code)) throw fault.invalidTaxCode(code);
  return code;
}

function numbered(line: JsonObject, id: string, lineNum: number, amount: Cents | undefined, type: string, detail: JsonObject, detailKey = type): JsonObject {
  const rest = omit(line, ['Id', 'LineNum', 'Amount', 'DetailType', detailKey]);
  const out: JsonObject = { Id: id, LineNum: lineNum, ...rest };
  if (amount !== undefined) out.Amount = money(amount);
  return { ...out, DetailType: type, [detailKey]: detail };
}

function discountsAccount(ctx: WriteContext): JsonObject {
  const account = ctx.company.all('Account').find((a) => a.AccountSubType === 'DiscountsRefundsGiven' && a.Active !== false);
  if (!account) throw fault.required('DiscountAccountRef');
  return { value: String(account.Id), name: String(account.Name) };
}

function discountLine(ctx: WriteContext, line: JsonObject, subtotal: Cents): { line: JsonObject; cents: Cents } {
  const detail = detailOf(line, 'DiscountLineDetail');
  const percentBased = bool(detail, 'PercentBased') ?? false;
  let cents: Cents;
  const out: JsonObject = { PercentBased: percentBased };
  if (percentBased) {
    if (detail.DiscountPercent === undefined || detail.DiscountPercent === null) throw fault.discountInfo();
    const percent = readDecimal(detail.DiscountPercent, 'DiscountPercent');
    cents = percentOf(subtotal, percent);
    out.DiscountPercent = decimalToJson(percent);
  } else {
    if (line.Amount === undefined || line.Amount === null) throw fault.discountInfo();
    cents = readCents(line.Amount, 'Amount');
  }
  if (cents < 0) throw fault.business('A discount cannot be negative.', 'DiscountLineDetail');
  out.DiscountAccountRef = resolveRef(ctx, detail, 'DiscountAccountRef', 'Account', false)?.ref ?? discountsAccount(ctx);
  const rest = omit(line, ['Id', 'LineNum', 'Amount', 'DetailType', 'DiscountLineDetail']);
  return { line: { ...rest, Amount: money(cents), DetailType: 'DiscountLineDetail', DiscountLineDetail: { ...omit(detail, Object.keys(out)), ...out } }, cents };
}

/** Invoice lines: item lines and descriptions (numbered), then the computed subtotal, then the discount. */
export function salesLines(ctx: WriteContext, value: Json | undefined, previous: Json | undefined): SalesLines {
  const nextId = lineIdAllocator(previous);
  const out: JsonObject[] = [];
  let subtotal = 0;
  let taxable = 0;
  let discountInput: JsonObject | undefined;
  for (const line of lineArray(value, true)) {
    const type = detailType(line);
    if (type === 'SubTotalLineDetail') continue;
    if (type === 'DiscountLineDetail') {
      if (discountInput) throw fault.business('Only one discount line is allowed on a transaction.', 'DiscountLineDetail');
      discountInput = line;
      continue;
    }
    if (type === 'DescriptionOnly') {
      const detail = detailOf(line, 'DescriptionLineDetail');
      out.push(numbered(line, nextId(line.Id), out.length + 1, undefined, type, detail, 'DescriptionLineDetail'));
      continue;
    }
    if (type !== 'SalesItemLineDetail') throw fault.invalidEnum('DetailType', type);
    const detail = detailOf(line, type);
    const item = resolveRef(ctx, detail, 'ItemRef', 'Item', true);
    if (!item) throw fault.required('ItemRef');
    const amount = amountOf(line);
    const code = taxCode(ctx, detail, item.target.Taxable === true ? 'TAX' : 'NON');
    subtotal += amount;
    if (code === 'TAX') taxable += amount;
    const rest = omit(detail, ['ItemRef', 'Qty', 'UnitPrice', 'TaxCodeRef']);
    out.push(numbered(line, nextId(line.Id), out.length + 1, amount, type, { ...rest, ItemRef: item.ref, ...quantities(detail, amount), TaxCodeRef: { value: code } }));
  }
  if (out.length === 0) throw fault.required('Line');
  const lines = [...out, { Amount: money(subtotal), DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} }];
  let discount = 0;
  if (discountInput) {
    const built = discountLine(ctx, discountInput, subtotal);
    discount = built.cents;
    lines.push(built.line);
  }
  return { lines, subtotal, discount, taxable };
}

/** Bill and purchase-order lines: by account or by item. */
export function expenseLines(ctx: WriteContext, value: Json | undefined, previous: Json | undefined): ExpenseLines {
  const nextId = lineIdAllocator(previous);
  const lines: JsonObject[] = [];
  let total = 0;
  for (const line of lineArray(value, true)) {
    const type = detailType(line);
    const detail = detailOf(line, type);
    const amount = amountOf(line);
    const billable: JsonObject = { BillableStatus: typeof detail.BillableStatus === 'string' ? detail.BillableStatus : 'NotBillable' };
    const code: JsonObject = { TaxCodeRef: { value: taxCode(ctx, detail, 'NON') } };
    let built: JsonObject;
    if (type === 'AccountBasedExpenseLineDetail') {
      const account = resolveRef(ctx, detail, 'AccountRef', 'Account', true);
      if (!account) throw fault.required('AccountRef');
      built = { ...omit(detail, ['AccountRef', 'TaxCodeRef']), AccountRef: account.ref, ...billable, ...code };
    } else if (type === 'ItemBasedExpenseLineDetail') {
      const item = resolveRef(ctx, detail, 'ItemRef', 'Item', true);
      if (!item) throw fault.required('ItemRef');
      const rest = omit(detail, ['ItemRef', 'Qty', 'UnitPrice', 'TaxCodeRef']);
      built = { ...rest, ItemRef: item.ref, ...quantities(detail, amount), ...billable, ...code };
    } else {
      throw fault.invalidEnum('DetailType', type);
    }
    total += amount;
    lines.push(numbered(line, nextId(line.Id), lines.length + 1, amount, type, built));
  }
  return { lines, total };
}

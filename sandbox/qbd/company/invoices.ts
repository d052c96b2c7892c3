// Invoices: Add, Mod (EditSequence, TxnLineID / -1, unlisted lines deleted), Query; line and tax arithmetic in
// integer cents, half-up at the line like QuickBooks.
import { formatCents, lineAmountCents, parseCents, parseDecimal, roundHalfUp, type Cents } from '../../../domain/money.js';
import { child, children, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import {
  accountRef,
  address,
  bool,
  itemRef,
  nameRef,
  simpleRef,
  text,
  today,
  type HandlerContext,
  type HandlerResult,
} from './context.js';
import { editSequenceOutOfDate, invalidReference, modifyFailed, objectNotFound, saveFailed } from './errors.js';
import { runQuery } from './query.js';
import { invoiceRet } from './render-txns.js';
import { invoiceBalance, invoicePaid, invoiceTotal } from './render.js';
import type { InvoiceLine, InvoiceRecord } from './store.js';

/** Reads an InvoiceLineAdd / InvoiceLineMod into a stored line, on top of an existing line for mods. */
export function readLine(ctx: HandlerContext, node: XNode, previous: InvoiceLine[], existing?: InvoiceLine): InvoiceLine {
  const line: InvoiceLine = existing ? { ...existing } : { txnLineId: ctx.ids.txnLineId() };
  const item = itemRef(ctx, node, 'ItemRef', 'Invoice');
  if (item) {
    line.itemId = item.listId;
    if (!existing || existing.itemId !== item.listId) line.salesTaxCodeId = item.salesTaxCodeId;
  }
  const given = {
    desc: text(node, 'Desc'),
    quantity: text(node, 'Quantity'),
    rate: text(node, 'Rate'),
    ratePercent: text(node, 'RatePercent'),
    amount: text(node, 'Amount'),
  };
  if (given.desc !== undefined) line.desc = given.desc;
  const cls = simpleRef(ctx, node, 'ClassRef', 'Class', 'Invoice');
  if (cls) line.classId = cls.listId;
  const taxCode = simpleRef(ctx, node, 'SalesTaxCodeRef', 'SalesTaxCode', 'Invoice');
  if (taxCode) line.salesTaxCodeId = taxCode.listId;
  for (const key of ['serviceDate', 'other1', 'other2'] as const) {
    const value = text(node, key === 'serviceDate' ? 'ServiceDate' : key === 'other1' ? 'Other1' : 'Other2');
    if (value !== undefined) line[key] = value;
  }
  if (item && !line.desc) {
    const desc = item.desc ?? item.salesDesc ?? item.itemDesc;
    if (desc) line.desc = desc;
  }
  const pricing = given.quantity !== undefined || given.rate !== undefined || given.ratePercent !== undefined || given.amount !== undefined;
  if (!pricing && existing && !item) return line;
  if (given.quantity !== undefined) line.quantity = given.quantity;
  if (given.rate !== undefined) {
    line.rate = given.rate;
    delete line.ratePercent;
  }
  if (given.ratePercent !== undefined) {
    line.ratePercent = given.ratePercent;
    delete line.rate;
  }
  const lineItem = line.itemId ? ctx.store.items.get(line.itemId) : undefined;
  const amount = given.amount !== undefined ? parseCents(given.amount) : undefined;

  if (!lineItem) {
    if (amount !== undefined || line.quantity || line.rate) throw saveFailed('Invoice', 'An item is required on a line with a quantity, rate or amount.');
    return line;
  }
  if (lineItem.kind === 'Discount') {
    if (line.quantity !== undefined) throw saveFailed('Invoice', `A quantity cannot be entered for the discount item "${lineItem.name}".`);
    if (amount !== undefined) line.amount = amount;
    else {
      const rate = line.rate ?? (line.ratePercent === undefined ? lineItem.discountRate : undefined);
      const percent = line.ratePercent ?? (rate === undefined ? lineItem.discountRatePercent : undefined);
      if (rate !== undefined) {
        line.rate = rate;
        line.amount = -Math.abs(parseCents(normalizeMoney(rate)));
      } else if (percent !== undefined) {
        line.ratePercent = percent;
        const above = [...previous].reverse().find((l) => l.amount !== undefined)?.amount ?? 0;
        line.amount = -percentOf(above, percent);
      } else line.amount = 0;
    }
    return line;
  }
  if (lineItem.kind === 'SalesTax') {
    if (amount !== undefined) line.amount = amount;
    else {
      const rate = line.ratePercent ?? lineItem.taxRate ?? '0';
      line.ratePercent = rate;
      line.amount = percentOf(taxableTotal(ctx, previous), rate);
    }
    return line;
  }
  // an item line: quantity × rate = amount, any two give the third
  const defaultRate = lineItem.price ?? lineItem.salesPrice;
  if (line.quantity !== undefined && line.rate !== undefined) {
    const computed = lineAmountCents(line.quantity, line.rate);
    if (amount !== undefined && amount !== computed) {
      throw saveFailed('Invoice', `The amount ${formatCents(amount)} does not equal the quantity ${line.quantity} times the rate ${line.rate}.`);
    }
    line.amount = computed;
  } else if (amount !== undefined) {
    line.amount = amount;
    if (line.quantity !== undefined && Number(line.quantity) !== 0) line.rate = rateFrom(amount, line.quantity);
    else if (line.quantity === undefined) delete line.rate;
  } else if (line.rate !== undefined) {
    line.amount = lineAmountCents(line.quantity ?? '1', line.rate);
  } else if (defaultRate !== undefined) {
    line.rate = defaultRate;
    line.amount = lineAmountCents(line.quantity ?? '1', defaultRate);
  } else {
    line.amount = existing?.amount ?? 0;
  }
  return line;
}

function normalizeMoney(decimal: string): string {
  const d = parseDecimal(decimal);
  return formatCents(Number(roundHalfUp(d, 2)));
}

/** cents × percent / 100, half-up. */
function percentOf(cents: Cents, percent: string): Cents {
  const p = parseDecimal(percent);
  return Number(roundHalfUp({ units: BigInt(cents) * p.units, scale: p.scale + 2 }, 0));
}

/** amount / quantity with up to five decimals (what QuickBooks shows as the rate). */
function rateFrom(amount: Cents, quantity: string): string {
  const q = parseDecimal(quantity);
  // rate = amount/100 / q  →  scaled by 10^5
  const scaled = (BigInt(amount) * 10n ** BigInt(q.scale) * 1000n * 2n) / q.units;
  const rounded = scaled >= 0n ? (scaled + 1n) / 2n : (scaled - 1n) / 2n;
  const negative = rounded < 0n;
  const digits = (negative ? -rounded : rounded).toString().padStart(6, '0');
  const text = `${negative ? '-' : ''}${digits.slice(0, -5)}.${digits.slice(-5)}`.replace(/0+$/, '').replace(/\.$/, '');
  return text;
}

function isTaxable(ctx: HandlerContext, codeId: string | undefined): boolean {
  return codeId ? (ctx.store.simple.get(codeId)?.isTaxable ?? false) : false;
}

function taxableTotal(ctx: HandlerContext, lines: InvoiceLine[]): Cents {
  let total = 0;
  for (const l of lines) {
    const item = l.itemId ? ctx.store.items.get(l.itemId) : undefined;
    if (!item || item.kind === 'SalesTax' || l.amount === undefined) continue;
    if (isTaxable(ctx, l.salesTaxCodeId)) total += l.amount;
  }
  return total;
}

/** Subtotal, tax percentage and tax total, from the lines and the invoice's (or customer's) tax item. */
export function computeInvoice(ctx: HandlerContext, inv: InvoiceRecord): void {
  inv.subtotal = inv.lines.reduce((sum, l) => sum + (l.amount ?? 0), 0);
  const taxItem = inv.itemSalesTaxId ? ctx.store.items.get(inv.itemSalesTaxId) : undefined;
  const customer = ctx.store.names.get(inv.customerId);
  const customerCode = inv.customerSalesTaxCodeId ?? customer?.refs.SalesTaxCodeRef;
  const exempt = customerCode ? !isTaxable(ctx, customerCode) : false;
  const percent = taxItem?.taxRate ?? '0';
  inv.salesTaxPercentage = percent;
  inv.salesTaxTotal = exempt || !ctx.features.salesTax ? 0 : percentOf(taxableTotal(ctx, inv.lines), percent);
}

function nextRefNumber(ctx: HandlerContext): string {
  let max = 0;
  for (const inv of ctx.store.invoices.values()) {
    if (inv.refNumber && /^\d+$/.test(inv.refNumber)) max = Math.max(max, Number(inv.refNumber));
  }
  return String(max + 1);
}

function readHeader(ctx: HandlerContext, node: XNode, inv: InvoiceRecord): void {
  const set = <K extends keyof InvoiceRecord>(key: K, value: InvoiceRecord[K] | undefined): void => {
    if (value !== undefined) inv[key] = value;
  };
  // An element sent empty in a Mod clears the field: the invoice falls back to what an Add without it gets.
  const clearable = (key: 'dueDate' | 'memo' | 'poNumber' | 'other', element: string): void => {
    const value = text(node, element);
    if (value === '') delete inv[key];
    else set(key, value);
  };
  set('classId', simpleRef(ctx, node, 'ClassRef', 'Class', 'Invoice')?.listId);
  const ar = accountRef(ctx, node, 'ARAccountRef', 'Invoice');
  if (ar && ar.accountType !== 'AccountsReceivable') throw invalidReference('Account', ar.name, 'Invoice');
  set('arAccountId', ar?.listId);
  set('templateId', simpleRef(ctx, node, 'TemplateRef', 'Template', 'Invoice')?.listId);
  set('txnDate', text(node, 'TxnDate'));
  set('refNumber', text(node, 'RefNumber'));
  set('billAddress', address(node, 'BillAddress'));
  set('shipAddress', address(node, 'ShipAddress'));
  set('isPending', bool(node, 'IsPending'));
  clearable('poNumber', 'PONumber');
  set('termsId', simpleRef(ctx, node, 'TermsRef', 'Terms', 'Invoice')?.listId);
  clearable('dueDate', 'DueDate');
  const taxItem = itemRef(ctx, node, 'ItemSalesTaxRef', 'Invoice');
  if (taxItem && taxItem.kind !== 'SalesTax') throw invalidReference('Item Sales Tax', taxItem.name, 'Invoice');
  set('itemSalesTaxId', taxItem?.listId);
  clearable('memo', 'Memo');
  set('isToBePrinted', bool(node, 'IsToBePrinted'));
  set('isToBeEmailed', bool(node, 'IsToBeEmailed'));
  set('customerSalesTaxCodeId', simpleRef(ctx, node, 'CustomerSalesTaxCodeRef', 'SalesTaxCode', 'Invoice')?.listId);
  clearable('other', 'Other');
}

export function invoiceAdd(ctx: HandlerContext, rq: XNode): HandlerResult {
  const add = child(rq, 'InvoiceAdd') as XNode;
  const customer = nameRef(ctx, add, 'CustomerRef', ['Customer'], 'Invoice');
  if (!customer) throw invalidReference('Customer', '', 'Invoice');
  const inv: InvoiceRecord = {
    txnId: ctx.ids.txnId(),
    txnNumber: 0,
    created: ctx.now,
    modified: ctx.now,
    editSequence: '',
    customerId: customer.listId,
    arAccountId: ctx.defaults.arAccountId,
    txnDate: today(ctx),
    isPending: false,
    isToBePrinted: false,
    isToBeEmailed: false,
    lines: [],
    subtotal: 0,
    salesTaxPercentage: '0',
    salesTaxTotal: 0,
  };
  if (ctx.defaults.templateId) inv.templateId = ctx.defaults.templateId;
  if (customer.billAddress) inv.billAddress = customer.billAddress;
  if (customer.shipAddress) inv.shipAddress = customer.shipAddress;
  const customerTax = customer.refs.ItemSalesTaxRef;
  if (customerTax) inv.itemSalesTaxId = customerTax;
  readHeader(ctx, add, inv);
  if (inv.refNumber === undefined) inv.refNumber = nextRefNumber(ctx);
  const guid = text(add, 'ExternalGUID');
  if (guid) inv.externalGuid = guid;
  for (const node of children(add, 'InvoiceLineAdd')) inv.lines.push(readLine(ctx, node, inv.lines));
  if (children(add, 'InvoiceLineGroupAdd').length) throw saveFailed('Invoice', 'Group items are not available in this company file.');
  computeInvoice(ctx, inv);
  inv.txnNumber = ctx.store.nextTxnNumber();
  inv.editSequence = ctx.ids.editSequence();
  ctx.store.invoices.set(inv.txnId, inv);
  return { records: [invoiceRet(ctx, inv, true, false)] };
}

export function invoiceMod(ctx: HandlerContext, rq: XNode): HandlerResult {
  const mod = child(rq, 'InvoiceMod') as XNode;
  const txnId = text(mod, 'TxnID') ?? '';
  const current = ctx.store.invoices.get(txnId);
  if (!current) throw objectNotFound(txnId);
  const editSequence = text(mod, 'EditSequence') ?? '';
  if (editSequence !== current.editSequence) throw editSequenceOutOfDate(editSequence);
  const inv: InvoiceRecord = { ...current, lines: current.lines.map((l) => ({ ...l })) };
  const customer = nameRef(ctx, mod, 'CustomerRef', ['Customer'], 'Invoice');
  if (customer && customer.listId !== current.customerId) {
    if (invoicePaid(ctx, current) > 0) throw modifyFailed('Invoice', txnId, 'The customer cannot be changed on an invoice that has payments applied.');
    inv.customerId = customer.listId;
  }
  readHeader(ctx, mod, inv);
  const lineMods = children(mod, 'InvoiceLineMod');
  if (children(mod, 'InvoiceLineGroupMod').length) throw modifyFailed('Invoice', txnId, 'Group items are not available in this company file.');
  if (lineMods.length) {
    const byId = new Map(current.lines.map((l) => [l.txnLineId, l]));
    const lines: InvoiceLine[] = [];
    for (const node of lineMods) {
      const lineId = text(node, 'TxnLineID') ?? '';
      if (lineId === '-1') lines.push(readLine(ctx, node, lines));
      else {
        const existing = byId.get(lineId);
        if (!existing) throw invalidReference('Invoice Line', lineId, 'Invoice');
        lines.push(readLine(ctx, node, lines, existing));
      }
    }
    inv.lines = lines;
  }
  computeInvoice(ctx, inv);
  if (invoiceTotal(inv) < invoicePaid(ctx, current)) {
    throw modifyFailed('Invoice', txnId, 'The invoice total cannot be less than the payments applied to it.');
  }
  inv.modified = ctx.now;
  inv.editSequence = ctx.ids.editSequence(current.editSequence);
  ctx.store.invoices.set(inv.txnId, inv);
  return { records: [invoiceRet(ctx, inv, true, false)] };
}

export function invoiceQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  const includeLines = bool(rq, 'IncludeLineItems') ?? false;
  const includeLinked = bool(rq, 'IncludeLinkedTxns') ?? false;
  return runQuery<InvoiceRecord>(
    ctx,
    rq,
    {
      kind: 'InvoiceQuery',
      all: () => ctx.store.invoices.values(),
      id: (r) => r.txnId,
      byId: (id) => ctx.store.invoices.get(id),
      byName: (ref) => [...ctx.store.invoices.values()].filter((r) => r.refNumber?.toLowerCase() === ref.toLowerCase()),
      modified: (r) => r.modified,
      filter: (r, q) => txnFilters(ctx, q, r.customerId, r.arAccountId, r.txnDate, r.refNumber) && paidFilter(q, invoiceBalance(ctx, r) <= 0),
      render: (r) => invoiceRet(ctx, r, includeLines, includeLinked),
    },
    'txn',
  );
}

function paidFilter(rq: XNode, isPaid: boolean): boolean {
  const status = text(rq, 'PaidStatus');
  return !status || status === 'All' || (status === 'PaidOnly') === isPaid;
}

/** EntityFilter, AccountFilter, TxnDateRangeFilter, RefNumberFilter and RefNumberRangeFilter. */
export function txnFilters(ctx: HandlerContext, rq: XNode, entityId: string, accountId: string, txnDate: string, refNumber: string | undefined): boolean {
  const entity = child(rq, 'EntityFilter');
  if (entity) {
    const record = ctx.store.names.get(entityId);
    const fullName = record ? ctx.store.nameFullName(record).toLowerCase() : '';
    const ids = children(entity, 'ListID').map((c) => c.text);
    const names = children(entity, 'FullName').map((c) => c.text.toLowerCase());
    const withChildrenId = text(entity, 'ListIDWithChildren');
    const withChildrenName = text(entity, 'FullNameWithChildren')?.toLowerCase();
    const parentName = withChildrenId ? ctx.store.names.get(withChildrenId) : undefined;
    const ok =
      ids.includes(entityId) ||
      names.includes(fullName) ||
      (withChildrenName !== undefined && (fullName === withChildrenName || fullName.startsWith(`${withChildrenName}:`))) ||
      (parentName !== undefined && (fullName === ctx.store.nameFullName(parentName).toLowerCase() || fullName.startsWith(`${ctx.store.nameFullName(parentName).toLowerCase()}:`)));
    if (!ok) return false;
  }
  const account = child(rq, 'AccountFilter');
  if (account) {
    const record = ctx.store.accounts.get(accountId);
    const ok = children(account, 'ListID').some((c) => c.text === accountId) || children(account, 'FullName').some((c) => record && ctx.store.accountFullName(record).toLowerCase() === c.text.toLowerCase());
    if (!ok) return false;
  }
  const dates = child(rq, 'TxnDateRangeFilter');
  if (dates) {
    const from = text(dates, 'FromTxnDate');
    const to = text(dates, 'ToTxnDate');
    if ((from && txnDate < from) || (to && txnDate > to)) return false;
  }
  const refFilter = child(rq, 'RefNumberFilter');
  if (refFilter) {
    const wanted = (text(refFilter, 'RefNumber') ?? '').toLowerCase();
    const value = (refNumber ?? '').toLowerCase();
    const criterion = text(refFilter, 'MatchCriterion');
    const ok = criterion === 'StartsWith' ? value.startsWith(wanted) : criterion === 'EndsWith' ? value.endsWith(wanted) : value.includes(wanted);
    if (!ok) return false;
  }
  const refRange = child(rq, 'RefNumberRangeFilter');
  if (refRange) {
    const from = text(refRange, 'FromRefNumber');
    const to = text(refRange, 'ToRefNumber');
    const value = refNumber ?? '';
    if ((from && value < from) || (to && value > to)) return false;
  }
  return true;
}


// Bills (Add, Mod, Query) and purchase orders (Add, Query).
import { formatCents, lineAmountCents, parseCents } from '../../../domain/money.js';
import { child, children, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { accountRef, address, bool, itemRef, nameRef, simpleRef, text, today, type HandlerContext, type HandlerResult } from './context.js';
import { editSequenceOutOfDate, invalidReference, objectNotFound, QbStatusError, saveFailed } from './errors.js';
import { txnFilters } from './invoices.js';
import { runQuery } from './query.js';
import { billRet, purchaseOrderRet } from './render-txns.js';
import { billAmountDue } from './render.js';
import type { BillRecord, ExpenseLine, ItemLine, PurchaseOrderLine, PurchaseOrderRecord } from './store.js';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** quantity × price = amount for a purchase line (price from the request or the item's cost). */
function priced(objectName: string, quantity: string | undefined, price: string | undefined, amountText: string | undefined, fallback: number | undefined): number | undefined {
  const amount = amountText === undefined ? undefined : parseCents(amountText);
  if (quantity !== undefined && price !== undefined) {
    const computed = lineAmountCents(quantity, price);
    if (amount !== undefined && amount !== computed) {
      throw saveFailed(objectName, `The amount ${formatCents(amount)} does not equal the quantity ${quantity} times the cost ${price}.`);
    }
    return computed;
  }
  if (amount !== undefined) return amount;
  if (price !== undefined) return lineAmountCents(quantity ?? '1', price);
  return fallback;
}

function readExpenseLine(ctx: HandlerContext, node: XNode, existing?: ExpenseLine): ExpenseLine {
  const line: ExpenseLine = existing ? { ...existing } : { txnLineId: ctx.ids.txnLineId() };
  const account = accountRef(ctx, node, 'AccountRef', 'Bill');
  if (account) line.accountId = account.listId;
  const amount = text(node, 'Amount');
  if (amount !== undefined) line.amount = parseCents(amount);
  const memo = text(node, 'Memo');
  if (memo !== undefined) line.memo = memo;
  const customer = nameRef(ctx, node, 'CustomerRef', ['Customer'], 'Bill');
  if (customer) line.customerId = customer.listId;
  const cls = simpleRef(ctx, node, 'ClassRef', 'Class', 'Bill');
  if (cls) line.classId = cls.listId;
  const billable = text(node, 'BillableStatus');
  if (billable) line.billableStatus = billable;
  if (line.amount !== undefined && !line.accountId) throw saveFailed('Bill', 'An account is required on an expense line with an amount.');
  return line;
}

function readItemLine(ctx: HandlerContext, node: XNode, existing?: ItemLine): ItemLine {
  const line: ItemLine = existing ? { ...existing } : { txnLineId: ctx.ids.txnLineId() };
  const item = itemRef(ctx, node, 'ItemRef', 'Bill');
  if (item) line.itemId = item.listId;
  const desc = text(node, 'Desc');
  if (desc !== undefined) line.desc = desc;
  const quantity = text(node, 'Quantity');
  if (quantity !== undefined) line.quantity = quantity;
  const cost = text(node, 'Cost');
  if (cost !== undefined) line.cost = cost;
  const lineItem = line.itemId ? ctx.store.items.get(line.itemId) : undefined;
  if (!lineItem) throw saveFailed('Bill', 'An item is required on an item line.');
  if (line.cost === undefined && text(node, 'Amount') === undefined) {
    const defaultCost = lineItem.purchaseCost ?? lineItem.price;
    if (defaultCost !== undefined) line.cost = defaultCost;
  }
  const amount = priced('Bill', line.quantity, line.cost, text(node, 'Amount'), existing?.amount ?? 0);
  if (amount !== undefined) line.amount = amount;
  const customer = nameRef(ctx, node, 'CustomerRef', ['Customer'], 'Bill');
  if (customer) line.customerId = customer.listId;
  const billable = text(node, 'BillableStatus');
  if (billable) line.billableStatus = billable;
  return line;
}

function readBillHeader(ctx: HandlerContext, node: XNode, bill: BillRecord): void {
  const vendor = nameRef(ctx, node, 'VendorRef', ['Vendor'], 'Bill');
  if (vendor) bill.vendorId = vendor.listId;
  const vendorAddress = address(node, 'VendorAddress');
  if (vendorAddress) bill.vendorAddress = vendorAddress;
  const ap = accountRef(ctx, node, 'APAccountRef', 'Bill');
  if (ap && ap.accountType !== 'AccountsPayable') throw invalidReference('Account', ap.name, 'Bill');
  if (ap) bill.apAccountId = ap.listId;
  for (const [key, element] of [['txnDate', 'TxnDate'], ['dueDate', 'DueDate'], ['refNumber', 'RefNumber'], ['memo', 'Memo']] as const) {
    const value = text(node, element);
    // sent empty (a Mod clearing it): the bill falls back to what an Add without it gets
    if (value === '' && key !== 'txnDate') delete bill[key];
    else if (value !== undefined) bill[key] = value;
  }
  if (bill.txnDate && !bill.dueDate && text(node, 'DueDate') === '') bill.dueDate = addDays(bill.txnDate, 10);
  const terms = simpleRef(ctx, node, 'TermsRef', 'Terms', 'Bill');
  if (terms) bill.termsId = terms.listId;
}

export function billAdd(ctx: HandlerContext, rq: XNode): HandlerResult {
  const add = child(rq, 'BillAdd') as XNode;
  const bill: BillRecord = {
    txnId: ctx.ids.txnId(),
    txnNumber: 0,
    created: ctx.now,
    modified: ctx.now,
    editSequence: '',
    vendorId: '',
    apAccountId: ctx.defaults.apAccountId,
    txnDate: today(ctx),
    expenseLines: [],
    itemLines: [],
  };
  readBillHeader(ctx, add, bill);
  if (!bill.vendorId) throw invalidReference('Vendor', '', 'Bill');
  bill.dueDate ??= addDays(bill.txnDate, 10);
  const guid = text(add, 'ExternalGUID');
  if (guid) bill.externalGuid = guid;
  bill.expenseLines = children(add, 'ExpenseLineAdd').map((n) => readExpenseLine(ctx, n));
  bill.itemLines = children(add, 'ItemLineAdd').map((n) => readItemLine(ctx, n));
  if (children(add, 'ItemGroupLineAdd').length) throw saveFailed('Bill', 'Group items are not available in this company file.');
  if (!bill.expenseLines.length && !bill.itemLines.length) throw saveFailed('Bill', 'A transaction must have at least one line.');
  bill.txnNumber = ctx.store.nextTxnNumber();
  bill.editSequence = ctx.ids.editSequence();
  ctx.store.bills.set(bill.txnId, bill);
  return { records: [billRet(ctx, bill, true)] };
}

export function billMod(ctx: HandlerContext, rq: XNode): HandlerResult {
  const mod = child(rq, 'BillMod') as XNode;
  const txnId = text(mod, 'TxnID') ?? '';
  const current = ctx.store.bills.get(txnId);
  if (!current) throw objectNotFound(txnId);
  const editSequence = text(mod, 'EditSequence') ?? '';
  if (editSequence !== current.editSequence) throw editSequenceOutOfDate(editSequence);
  const bill: BillRecord = { ...current, expenseLines: current.expenseLines.map((l) => ({ ...l })), itemLines: current.itemLines.map((l) => ({ ...l })) };
  readBillHeader(ctx, mod, bill);
  if (bool(mod, 'ClearExpenseLines')) bill.expenseLines = [];
  const expenseMods = children(mod, 'ExpenseLineMod');
  if (expenseMods.length) {
    const byId = new Map(current.expenseLines.map((l) => [l.txnLineId, l]));
    bill.expenseLines = expenseMods.map((node) => {
      const id = text(node, 'TxnLineID') ?? '';
      if (id === '-1') return readExpenseLine(ctx, node);
      const existing = byId.get(id);
      if (!existing) throw invalidReference('Bill Line', id, 'Bill');
      return readExpenseLine(ctx, node, existing);
    });
  }
  if (bool(mod, 'ClearItemLines')) bill.itemLines = [];
  const itemMods = children(mod, 'ItemLineMod');
  if (itemMods.length) {
    const byId = new Map(current.itemLines.map((l) => [l.txnLineId, l]));
    bill.itemLines = itemMods.map((node) => {
      const id = text(node, 'TxnLineID') ?? '';
      if (id === '-1') return readItemLine(ctx, node);
      const existing = byId.get(id);
      if (!existing) throw invalidReference('Bill Line', id, 'Bill');
      return readItemLine(ctx, node, existing);
    });
  }
  if (billAmountDue(bill) < 0) throw saveFailed('Bill', 'The bill total cannot be negative.');
  bill.modified = ctx.now;
  bill.editSequence = ctx.ids.editSequence(current.editSequence);
  ctx.store.bills.set(bill.txnId, bill);
  return { records: [billRet(ctx, bill, true)] };
}

export function billQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  const includeLines = bool(rq, 'IncludeLineItems') ?? false;
  return runQuery<BillRecord>(
    ctx,
    rq,
    {
      kind: 'BillQuery',
      all: () => ctx.store.bills.values(),
      id: (r) => r.txnId,
      byId: (id) => ctx.store.bills.get(id),
      byName: (ref) => [...ctx.store.bills.values()].filter((r) => r.refNumber?.toLowerCase() === ref.toLowerCase()),
      modified: (r) => r.modified,
      filter: (r, q) => txnFilters(ctx, q, r.vendorId, r.apAccountId, r.txnDate, r.refNumber) && (text(q, 'PaidStatus') ?? 'All') !== 'PaidOnly',
      render: (r) => billRet(ctx, r, includeLines),
    },
    'txn',
  );
}

export function purchaseOrderAdd(ctx: HandlerContext, rq: XNode): HandlerResult {
  if (!ctx.features.purchaseOrders) {
    throw new QbStatusError(3250, 'This feature is not enabled or not available in this version of QuickBooks.');
  }
  const add = child(rq, 'PurchaseOrderAdd') as XNode;
  const vendor = nameRef(ctx, add, 'VendorRef', ['Vendor'], 'PurchaseOrder');
  if (!vendor) throw saveFailed('PurchaseOrder', 'A vendor is required.');
  const po: PurchaseOrderRecord = {
    txnId: ctx.ids.txnId(),
    txnNumber: 0,
    created: ctx.now,
    modified: ctx.now,
    editSequence: '',
    vendorId: vendor.listId,
    txnDate: text(add, 'TxnDate') ?? today(ctx),
    isToBePrinted: bool(add, 'IsToBePrinted') ?? false,
    isToBeEmailed: bool(add, 'IsToBeEmailed') ?? false,
    lines: [],
  };
  const cls = simpleRef(ctx, add, 'ClassRef', 'Class', 'PurchaseOrder');
  if (cls) po.classId = cls.listId;
  const template = simpleRef(ctx, add, 'TemplateRef', 'Template', 'PurchaseOrder');
  if (template) po.templateId = template.listId;
  const terms = simpleRef(ctx, add, 'TermsRef', 'Terms', 'PurchaseOrder');
  if (terms) po.termsId = terms.listId;
  const vendorAddress = address(add, 'VendorAddress') ?? vendor.billAddress;
  if (vendorAddress) po.vendorAddress = vendorAddress;
  const shipAddress = address(add, 'ShipAddress');
  if (shipAddress) po.shipAddress = shipAddress;
  for (const [key, element] of [
    ['refNumber', 'RefNumber'],
    ['dueDate', 'DueDate'],
    ['expectedDate', 'ExpectedDate'],
    ['memo', 'Memo'],
    ['vendorMsg', 'VendorMsg'],
    ['other1', 'Other1'],
    ['other2', 'Other2'],
    ['externalGuid', 'ExternalGUID'],
  ] as const) {
    const value = text(add, element);
    if (value !== undefined) po[key] = value;
  }
  for (const node of children(add, 'PurchaseOrderLineAdd')) {
    const line: PurchaseOrderLine = { txnLineId: ctx.ids.txnLineId() };
    const item = itemRef(ctx, node, 'ItemRef', 'PurchaseOrder');
    if (item) line.itemId = item.listId;
    for (const [key, element] of [['desc', 'Desc'], ['quantity', 'Quantity'], ['rate', 'Rate'], ['serviceDate', 'ServiceDate'], ['other1', 'Other1'], ['other2', 'Other2']] as const) {
      const value = text(node, element);
      if (value !== undefined) line[key] = value;
    }
    if (item && line.rate === undefined && text(node, 'Amount') === undefined) {
      const cost = item.purchaseCost ?? item.price;
      if (cost !== undefined) line.rate = cost;
    }
    const amount = priced('PurchaseOrder', line.quantity, line.rate, text(node, 'Amount'), item ? 0 : undefined);
    if (amount !== undefined) line.amount = amount;
    const customer = nameRef(ctx, node, 'CustomerRef', ['Customer'], 'PurchaseOrder');
    if (customer) line.customerId = customer.listId;
    po.lines.push(line);
  }
  if (children(add, 'PurchaseOrderLineGroupAdd').length) throw saveFailed('PurchaseOrder', 'Group items are not available in this company file.');
  po.txnNumber = ctx.store.nextTxnNumber();
  po.editSequence = ctx.ids.editSequence();
  ctx.store.purchaseOrders.set(po.txnId, po);
  return { records: [purchaseOrderRet(ctx, po, true)] };
}

export function purchaseOrderQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  const includeLines = bool(rq, 'IncludeLineItems') ?? false;
  return runQuery<PurchaseOrderRecord>(
    ctx,
    rq,
    {
      kind: 'PurchaseOrderQuery',
      all: () => ctx.store.purchaseOrders.values(),
      id: (r) => r.txnId,
      byId: (id) => ctx.store.purchaseOrders.get(id),
      byName: (ref) => [...ctx.store.purchaseOrders.values()].filter((r) => r.refNumber?.toLowerCase() === ref.toLowerCase()),
      modified: (r) => r.modified,
      filter: (r, q) => txnFilters(ctx, q, r.vendorId, '', r.txnDate, r.refNumber),
      render: (r) => purchaseOrderRet(ctx, r, includeLines),
    },
    'txn',
  );
}

// Credit memos: Add and Query. Kept like invoices (same lines and tax arithmetic); the total is what the customer is
// owed back (CreditRemaining: applying credits to invoices is not modelled, so all of it remains).
import { child, children, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { accountRef, bool, nameRef, text, today, type HandlerContext, type HandlerResult } from './context.js';
import { invalidReference, saveFailed } from './errors.js';
import { computeInvoice, readLine, txnFilters } from './invoices.js';
import { runQuery } from './query.js';
import { accountRef as renderAccountRef, address as renderAddress, addressBlock, bool as renderBool, invoiceTotal, itemRef, money, nameRef as renderNameRef, simpleRef, stamp, type RenderContext } from './render.js';
import type { InvoiceRecord } from './store.js';
import { el, leaf } from './xml.js';

export function creditMemoRet(ctx: RenderContext, memo: InvoiceRecord, includeLines: boolean): XNode {
  const total = invoiceTotal(memo);
  return el(
    'CreditMemoRet',
    stamp(ctx, 'TxnID', memo.txnId, memo),
    leaf('TxnNumber', memo.txnNumber),
    renderNameRef(ctx, 'CustomerRef', memo.customerId),
    renderAccountRef(ctx, 'ARAccountRef', memo.arAccountId),
    leaf('TxnDate', memo.txnDate),
    leaf('RefNumber', memo.refNumber),
    renderAddress('BillAddress', memo.billAddress),
    addressBlock('BillAddressBlock', memo.billAddress),
    renderBool('IsPending', memo.isPending),
    leaf('DueDate', memo.txnDate),
    money('Subtotal', memo.subtotal),
    itemRef(ctx, 'ItemSalesTaxRef', memo.itemSalesTaxId),
    leaf('SalesTaxPercentage', memo.itemSalesTaxId ? memo.salesTaxPercentage : undefined),
    money('SalesTaxTotal', memo.salesTaxTotal),
    money('TotalAmount', total),
    money('CreditRemaining', total),
    leaf('Memo', memo.memo),
    renderBool('IsToBePrinted', memo.isToBePrinted),
    renderBool('IsToBeEmailed', memo.isToBeEmailed),
    leaf('ExternalGUID', memo.externalGuid),
    includeLines
      ? memo.lines.map((l) => el(
        'CreditMemoLineRet',
        leaf('TxnLineID', l.txnLineId),
        itemRef(ctx, 'ItemRef', l.itemId),
        leaf('Desc', l.desc),
        leaf('Quantity', l.quantity),
        leaf('Rate', l.rate),
        simpleRef(ctx, 'ClassRef', l.classId),
        money('Amount', l.amount),
        leaf('ServiceDate', l.serviceDate),
        simpleRef(ctx, 'SalesTaxCodeRef', l.salesTaxCodeId),
      ))
      : undefined,
  );
}

export function creditMemoAdd(ctx: HandlerContext, rq: XNode): HandlerResult {
  const add = child(rq, 'CreditMemoAdd') as XNode;
  const customer = nameRef(ctx, add, 'CustomerRef', ['Customer'], 'CreditMemo');
  if (!customer) throw invalidReference('Customer', '', 'CreditMemo');
  const ar = accountRef(ctx, add, 'ARAccountRef', 'CreditMemo');
  if (ar && ar.accountType !== 'AccountsReceivable') throw invalidReference('Account', ar.name, 'CreditMemo');
  const memo: InvoiceRecord = {
    txnId: ctx.ids.txnId(),
    txnNumber: 0,
    created: ctx.now,
    modified: ctx.now,
    editSequence: '',
    customerId: customer.listId,
    arAccountId: ar?.listId ?? ctx.defaults.arAccountId,
    txnDate: text(add, 'TxnDate') ?? today(ctx),
    isPending: bool(add, 'IsPending') ?? false,
    isToBePrinted: bool(add, 'IsToBePrinted') ?? false,
    isToBeEmailed: bool(add, 'IsToBeEmailed') ?? false,
    lines: [],
    subtotal: 0,
    salesTaxPercentage: '0',
    salesTaxTotal: 0,
  };
  if (customer.billAddress) memo.billAddress = customer.billAddress;
  if (customer.refs.ItemSalesTaxRef) memo.itemSalesTaxId = customer.refs.ItemSalesTaxRef;
  const refNumber = text(add, 'RefNumber');
  if (refNumber) memo.refNumber = refNumber;
  const note = text(add, 'Memo');
  if (note) memo.memo = note;
  const guid = text(add, 'ExternalGUID');
  if (guid) memo.externalGuid = guid;
  for (const node of children(add, 'CreditMemoLineAdd')) memo.lines.push(readLine(ctx, node, memo.lines));
  if (memo.lines.length === 0) throw saveFailed('CreditMemo', 'A transaction must have at least one line.');
  computeInvoice(ctx, memo);
  if (invoiceTotal(memo) < 0) throw saveFailed('CreditMemo', 'The total of a credit memo cannot be negative.');
  memo.txnNumber = ctx.store.nextTxnNumber();
  memo.editSequence = ctx.ids.editSequence();
  ctx.store.creditMemos.set(memo.txnId, memo);
  return { records: [creditMemoRet(ctx, memo, true)] };
}

export function creditMemoQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  const includeLines = bool(rq, 'IncludeLineItems') ?? false;
  return runQuery<InvoiceRecord>(
    ctx,
    rq,
    {
      kind: 'CreditMemoQuery',
      all: () => ctx.store.creditMemos.values(),
      id: (r) => r.txnId,
      byId: (id) => ctx.store.creditMemos.get(id),
      byName: (ref) => [...ctx.store.creditMemos.values()].filter((r) => r.refNumber?.toLowerCase() === ref.toLowerCase()),
      modified: (r) => r.modified,
      filter: (r, q) => txnFilters(ctx, q, r.customerId, r.arAccountId, r.txnDate, r.refNumber),
      render: (r) => creditMemoRet(ctx, r, includeLines),
    },
    'txn',
  );
}

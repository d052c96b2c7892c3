// TxnDel (delete a transaction: time entries, invoices, bills, purchase orders, payments), and what QuickBooks
// remembers of deletions: TxnDeletedQuery and ListDeletedQuery answer for the last 90 days, grouped by type in
// the order asked, oldest deletion first. List entries are deleted by the bookkeeper (bookkeeper.ts), never by
// a request here (ListDel is not emulated).
import type { ListDelType, TxnDelType } from '../../../quickbooks/desktop/qbxml/requests/deletes.js';
import { child, children, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { formatDateTime, parseFilterDate, type IdFactory } from './clock.js';
import { text, type HandlerContext, type HandlerResult } from './context.js';
import { objectNotFound, statusMessages } from './errors.js';
import { deletedRet } from './render-time.js';
import type { Store } from './store.js';
import { DELETIONS_KEPT_DAYS, type DeletionRecord } from './store-time.js';
import { leaf } from './xml.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes a transaction and logs it; 3120 when no transaction of that type has that TxnID. */
type TxnDeletion = Extract<DeletionRecord, { kind: 'txn' }>;

export function deleteTransaction(store: Store, ids: IdFactory, now: Date, type: TxnDelType, txnId: string): TxnDeletion {
  const log = (created: Date, refNumber?: string): TxnDeletion => {
    const record: TxnDeletion = { kind: 'txn', type, id: txnId, created, deleted: now, ...(refNumber ? { refNumber } : {}) };
    store.deletions.push(record);
    return record;
  };
  switch (type) {
    case 'TimeTracking': {
      const entry = store.timeEntries.get(txnId);
      if (!entry) break;
      store.timeEntries.delete(txnId);
      return log(entry.created);
    }
    case 'Invoice': {
      const invoice = store.invoices.get(txnId);
      if (!invoice) break;
      // the payments applied to it stay, as unused credit on the customer (QuickBooks warns, then does this)
      for (const payment of store.payments.values()) {
        if (!payment.applied.some((a) => a.invoiceId === txnId)) continue;
        payment.applied = payment.applied.filter((a) => a.invoiceId !== txnId);
        payment.modified = now;
        payment.editSequence = ids.editSequence(payment.editSequence);
      }
      store.invoices.delete(txnId);
      return log(invoice.created, invoice.refNumber);
    }
    case 'Bill': {
      const bill = store.bills.get(txnId);
      if (!bill) break;
      store.bills.delete(txnId);
      return log(bill.created, bill.refNumber);
    }
    case 'PurchaseOrder': {
      const po = store.purchaseOrders.get(txnId);
      if (!po) break;
      store.purchaseOrders.delete(txnId);
      return log(po.created, po.refNumber);
    }
    case 'ReceivePayment': {
      const payment = store.payments.get(txnId);
      if (!payment) break;
      store.payments.delete(txnId);
      return log(payment.created, payment.refNumber);
    }
    default:
      break;
  }
  throw objectNotFound(txnId);
}

export function txnDel(ctx: HandlerContext, rq: XNode): HandlerResult {
  const type = text(rq, 'TxnDelType') as TxnDelType;
  const deleted = deleteTransaction(ctx.store, ctx.ids, ctx.now, type, text(rq, 'TxnID') ?? '');
  const records = [leaf('TxnDelType', type), leaf('TxnID', deleted.id), leaf('TimeDeleted', formatDateTime(deleted.deleted, ctx.offsetMinutes)), leaf('RefNumber', deleted.refNumber)];
  return { records: records.filter((r): r is XNode => Boolean(r)) };
}

function deletedQuery(ctx: HandlerContext, rq: XNode, kind: 'list' | 'txn'): HandlerResult {
  const types = children(rq, kind === 'list' ? 'ListDelType' : 'TxnDelType').map((c) => c.text);
  const range = child(rq, 'DeletedDateRangeFilter');
  const fromText = range ? text(range, 'FromDeletedDate') : undefined;
  const toText = range ? text(range, 'ToDeletedDate') : undefined;
  const oldest = ctx.now.getTime() - DELETIONS_KEPT_DAYS * DAY_MS;
  const from = Math.max(oldest, fromText ? parseFilterDate(fromText, ctx.offsetMinutes).getTime() : oldest);
  const to = toText ? parseFilterDate(toText, ctx.offsetMinutes).getTime() : Number.POSITIVE_INFINITY;
  const include = children(rq, 'IncludeRetElement').map((c) => c.text);
  const records: XNode[] = [];
  for (const type of types) {
    const matching = ctx.store.deletions
      .filter((d) => d.kind === kind && d.type === type && d.deleted.getTime() >= from && d.deleted.getTime() <= to)
      .sort((a, b) => a.deleted.getTime() - b.deleted.getTime());
    for (const d of matching) {
      const node = deletedRet(ctx, d);
      records.push(include.length ? { ...node, children: node.children.filter((c) => include.includes(c.name)) } : node);
    }
  }
  if (!records.length) return { records, statusCode: 1, statusSeverity: 'Info', statusMessage: statusMessages.noMatch };
  return { records };
}

export function txnDeletedQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  return deletedQuery(ctx, rq, 'txn');
}

export function listDeletedQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  return deletedQuery(ctx, rq, 'list');
}

/** Logs a list entry the bookkeeper deleted (ListDeletedQuery reports it for 90 days). */
export function logListDeletion(store: Store, now: Date, type: ListDelType, id: string, created: Date, fullName: string): void {
  store.deletions.push({ kind: 'list', type, id, created, deleted: now, fullName });
}

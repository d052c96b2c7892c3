// Customer payments: ReceivePaymentAdd applies money to open invoices (bumping each invoice's EditSequence, as
// QuickBooks does), auto-applies oldest first on request, and keeps what is left as an unused payment.
import { formatCents } from '../../../domain/money.js';
import { child, children, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { accountRef, bool, cents, nameRef, simpleRef, text, today, type HandlerContext, type HandlerResult } from './context.js';
import { invalidReference, saveFailed } from './errors.js';
import { txnFilters } from './invoices.js';
import { runQuery } from './query.js';
import { paymentRet } from './render-txns.js';
import { invoiceBalance } from './render.js';
import type { AppliedPayment, PaymentRecord } from './store.js';

export function receivePaymentAdd(ctx: HandlerContext, rq: XNode): HandlerResult {
  const add = child(rq, 'ReceivePaymentAdd') as XNode;
  const customer = nameRef(ctx, add, 'CustomerRef', ['Customer'], 'ReceivePayment');
  if (!customer) throw invalidReference('Customer', '', 'ReceivePayment');
  const ar = accountRef(ctx, add, 'ARAccountRef', 'ReceivePayment');
  const deposit = accountRef(ctx, add, 'DepositToAccountRef', 'ReceivePayment');
  const method = simpleRef(ctx, add, 'PaymentMethodRef', 'PaymentMethod', 'ReceivePayment');

  const applied: AppliedPayment[] = [];
  for (const node of children(add, 'AppliedToTxnAdd')) {
    const txnId = text(node, 'TxnID') ?? '';
    const invoice = ctx.store.invoices.get(txnId);
    if (!invoice || invoice.customerId !== customer.listId) throw invalidReference('Invoice', txnId, 'ReceivePayment');
    if (invoice.isPending) throw saveFailed('ReceivePayment', `Invoice "${invoice.refNumber ?? txnId}" is pending and cannot receive payments.`);
    const open = invoiceBalance(ctx, invoice) - applied.filter((a) => a.invoiceId === txnId).reduce((s, a) => s + a.amount, 0);
    const amount = cents(node, 'PaymentAmount') ?? open;
    if (amount > open) {
      throw saveFailed('ReceivePayment', `The payment amount ${formatCents(amount)} is more than the open balance ${formatCents(open)} of invoice "${invoice.refNumber ?? txnId}".`);
    }
    if (amount > 0) applied.push({ invoiceId: txnId, amount });
  }
  const given = cents(add, 'TotalAmount');
  const appliedTotal = applied.reduce((s, a) => s + a.amount, 0);
  const total = given ?? appliedTotal;
  if (total < 0) throw saveFailed('ReceivePayment', 'The payment amount cannot be negative.');
  if (bool(add, 'IsAutoApply')) {
    let left = total;
    const open = [...ctx.store.invoices.values()]
      .filter((inv) => inv.customerId === customer.listId && !inv.isPending && invoiceBalance(ctx, inv) > 0)
      .sort((a, b) => (a.txnDate === b.txnDate ? a.txnNumber - b.txnNumber : a.txnDate < b.txnDate ? -1 : 1));
    for (const inv of open) {
      if (left <= 0) break;
      const amount = Math.min(left, invoiceBalance(ctx, inv));
      applied.push({ invoiceId: inv.txnId, amount });
      left -= amount;
    }
  } else if (appliedTotal > total) {
    throw saveFailed('ReceivePayment', `The amounts applied (${formatCents(appliedTotal)}) are more than the payment (${formatCents(total)}).`);
  }

  const payment: PaymentRecord = {
    txnId: ctx.ids.txnId(),
    txnNumber: ctx.store.nextTxnNumber(),
    created: ctx.now,
    modified: ctx.now,
    editSequence: ctx.ids.editSequence(),
    customerId: customer.listId,
    arAccountId: ar?.listId ?? ctx.defaults.arAccountId,
    txnDate: text(add, 'TxnDate') ?? today(ctx),
    totalAmount: total,
    depositToAccountId: deposit?.listId ?? ctx.defaults.undepositedFundsId,
    applied,
  };
  const refNumber = text(add, 'RefNumber');
  if (refNumber !== undefined) payment.refNumber = refNumber;
  const memo = text(add, 'Memo');
  if (memo !== undefined) payment.memo = memo;
  if (method) payment.paymentMethodId = method.listId;
  const guid = text(add, 'ExternalGUID');
  if (guid) payment.externalGuid = guid;
  ctx.store.payments.set(payment.txnId, payment);
  // a payment changes each invoice it touches: new EditSequence and TimeModified
  for (const a of applied) {
    const inv = ctx.store.invoices.get(a.invoiceId);
    if (inv) {
      inv.modified = ctx.now;
      inv.editSequence = ctx.ids.editSequence(inv.editSequence);
    }
  }
  return { records: [paymentRet(ctx, payment)] };
}

export function receivePaymentQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  return runQuery<PaymentRecord>(
    ctx,
    rq,
    {
      kind: 'ReceivePaymentQuery',
      all: () => ctx.store.payments.values(),
      id: (r) => r.txnId,
      byId: (id) => ctx.store.payments.get(id),
      byName: (ref) => [...ctx.store.payments.values()].filter((r) => r.refNumber?.toLowerCase() === ref.toLowerCase()),
      modified: (r) => r.modified,
      filter: (r, q) => txnFilters(ctx, q, r.customerId, r.arAccountId, r.txnDate, r.refNumber),
      render: (r) => paymentRet(ctx, r),
    },
    'txn',
  );
}

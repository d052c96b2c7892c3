// What a bookkeeper does with customer payments in QuickBooks' own windows: Receive Payments (applied to named
// invoices, each at most its open balance), Void (the payment keeps its TxnID, its amounts become zero and it
// applies nothing) and Delete (it goes, and TxnDeletedQuery reports it). Each touches the invoices it changes
// (TimeModified and EditSequence move, as a payment does in QuickBooks).
import { formatCents, type Cents } from '../../../domain/money.js';
import type { Clock, IdFactory } from './clock.js';
import { formatDate } from './clock.js';
import type { CompanyDefaults } from './context.js';
import { deleteTransaction } from './deletes.js';
import { invoiceTotal } from './render.js';
import type { AppliedPayment, PaymentRecord, Store } from './store.js';

export interface ReceivedPayment {
  /** The customer's full name or ListID. */
  customer: string;
  /** The payment's date (defaults to today in the company file). */
  date?: string;
  /** Defaults to what is applied. */
  amountCents?: Cents;
  applyTo: { invoiceTxnId: string; amountCents: Cents }[];
  refNumber?: string;
  memo?: string;
}

export interface PaymentDesk {
  /** Customers > Receive Payments; returns the payment's TxnID. */
  receivePayment(input: ReceivedPayment): string;
  /** Edit > Void Payment. */
  voidPayment(txnId: string): void;
  /** Edit > Delete Payment. */
  deletePayment(txnId: string): void;
}

export interface PaymentDeskDeps {
  store: Store;
  ids: IdFactory;
  clock: Clock;
  defaults: CompanyDefaults;
  offsetMinutes: number;
}

export function createPaymentDesk({ store, ids, clock, defaults, offsetMinutes }: PaymentDeskDeps): PaymentDesk {
  const refuse = (message: string): never => {
    throw new Error(`QuickBooks: ${message}`);
  };
  const touchInvoices = (applied: AppliedPayment[]) => {
    for (const a of applied) {
      const invoice = store.invoices.get(a.invoiceId);
      if (!invoice) continue;
      invoice.modified = clock.now();
      invoice.editSequence = ids.editSequence(invoice.editSequence);
    }
  };
  const paidOn = (invoiceId: string) => {
    let paid = 0;
    for (const p of store.payments.values()) for (const a of p.applied) if (a.invoiceId === invoiceId) paid += a.amount;
    return paid;
  };
  const payment = (txnId: string) => store.payments.get(txnId) ?? refuse(`there is no payment ${txnId}`);

  return {
    receivePayment(input) {
      const customer = store.names.get(input.customer) ?? store.findNameByFullName(input.customer, 'Customer');
      if (!customer || customer.kind !== 'Customer') return refuse(`there is no customer "${input.customer}"`);
      const applied: AppliedPayment[] = [];
      for (const { invoiceTxnId, amountCents } of input.applyTo) {
        const invoice = store.invoices.get(invoiceTxnId);
        if (!invoice || invoice.customerId !== customer.listId) return refuse(`invoice ${invoiceTxnId} is not an invoice of "${input.customer}"`);
        const open = invoiceTotal(invoice) - paidOn(invoiceTxnId);
        if (amountCents <= 0 || amountCents > open) return refuse(`${formatCents(amountCents)} cannot be applied to invoice ${invoice.refNumber ?? invoiceTxnId}, which has ${formatCents(open)} open`);
        applied.push({ invoiceId: invoiceTxnId, amount: amountCents });
      }
      const appliedTotal = applied.reduce((sum, a) => sum + a.amount, 0);
      const total = input.amountCents ?? appliedTotal;
      if (total < appliedTotal) refuse('the amounts applied are more than the payment');
      const now = clock.now();
      const record: PaymentRecord = {
        txnId: ids.txnId(),
        txnNumber: store.nextTxnNumber(),
        created: now,
        modified: now,
        editSequence: ids.editSequence(),
        customerId: customer.listId,
        arAccountId: defaults.arAccountId,
        txnDate: input.date ?? formatDate(now, offsetMinutes),
        totalAmount: total,
        depositToAccountId: defaults.undepositedFundsId,
        applied,
        ...(input.refNumber ? { refNumber: input.refNumber } : {}),
        ...(input.memo ? { memo: input.memo } : {}),
      };
      store.payments.set(record.txnId, record);
      touchInvoices(applied);
      return record.txnId;
    },

    voidPayment(txnId) {
      const record = payment(txnId);
      const was = record.applied;
      record.totalAmount = 0;
      record.applied = [];
      record.memo = `VOID: ${record.memo ?? ''}`.trim();
      record.modified = clock.now();
      record.editSequence = ids.editSequence(record.editSequence);
      touchInvoices(was);
    },

    deletePayment(txnId) {
      const was = payment(txnId).applied;
      deleteTransaction(store, ids, clock.now(), 'ReceivePayment', txnId);
      touchInvoices(was);
    },
  };
}

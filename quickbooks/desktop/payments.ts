// The QuickBooks Desktop ledger as payments back uses it: payments read by TxnID with what each applies
// (AppliedToTxnRet), and what changed since a moment: ReceivePaymentQuery modified since it and TxnDeletedQuery for
// deleted payments, in one message. QuickBooks keeps deletions for 90 days: a mark older than that cannot tell a
// deletion from an omission, so the caller re-syncs (and re-reads every payment it recorded).
import type { InvoiceLedger, LedgerChanges, LedgerPayment } from '../ledger/index.js';
import { chunks, expectOk, records } from './answers.js';
import type { DesktopAccess } from './company.js';
import type { ReceivePaymentRecord } from './qbxml/index.js';

/** QuickBooks answers TxnDeletedQuery for 90 days; a day less leaves room for clocks and time zones. */
export const DELETIONS_LOOK_BACK_MS = 89 * 86_400_000;

export type QbdPaymentFeed = Pick<InvoiceLedger, 'readPayments' | 'changesSince' | 'paymentsChangedSince'>;

/**
 * A mark as qbXML takes it: QuickBooks' own date-times (with their offset) pass as they are; an ISO instant of ours
 * (`…Z`, milliseconds) becomes the same instant at +00:00.
 */
export function qbxmlDateTime(mark: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(mark)) return mark;
  const ms = Date.parse(mark);
  if (!Number.isFinite(ms)) throw new Error(`"${mark}" is not a moment qbflow can ask QuickBooks Desktop about`);
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

export function ledgerPaymentOf(payment: ReceivePaymentRecord): LedgerPayment {
  const applied = new Map<string, number>();
  for (const link of payment.appliedTo) {
    if (link.txnType !== 'Invoice') continue;
    applied.set(link.txnId, (applied.get(link.txnId) ?? 0) + Math.abs(link.amountCents ?? 0));
  }
  return {
    id: payment.txnId,
    customerId: payment.customerRef.listId ?? '',
    date: payment.txnDate,
    totalCents: payment.totalAmountCents,
    // a voided payment keeps its TxnID, with zero amounts and nothing applied
    voided: payment.totalAmountCents === 0 && applied.size === 0,
    applied,
  };
}

/** The latest of QuickBooks' own times, else `since`: the next read starts there (FromModifiedDate includes it). */
function latest(since: string, times: (string | undefined)[]): string {
  let best = since;
  for (const time of times) if (time && Date.parse(time) > Date.parse(best)) best = time;
  return best;
}

export function createQbdPaymentFeed(company: DesktopAccess, options: { now?: () => number } = {}): QbdPaymentFeed {
  const { run } = company;
  const now = options.now ?? Date.now;
  const modifiedSince = (from: string) => ({ kind: 'ReceivePaymentQuery' as const, input: { modifiedDateRange: { from }, includeLineItems: true } });

  return {
    readPayments: (ids) => run(async (op) => {
      const found = new Map<string, LedgerPayment>();
      const unique = [...new Set(ids)];
      if (unique.length === 0) return found;
      const results = await op.send(chunks(unique, 100).map((txnIds) => ({ kind: 'ReceivePaymentQuery' as const, input: { txnIds, includeLineItems: true } })));
      for (const result of results) {
        expectOk(result); // 500: some were deleted (absent), the others are here
        for (const payment of records(result, 'ReceivePayment')) found.set(payment.txnId, ledgerPaymentOf(payment));
      }
      return found;
    }),

    changesSince: (since) => run(async (op): Promise<LedgerChanges> => {
      const from = qbxmlDateTime(since);
      if (Date.parse(from) < now() - DELETIONS_LOOK_BACK_MS) return { complete: false, through: from, payments: [], deletedPaymentIds: [], invoiceIds: [] };
      const [changed, deleted] = await op.send([
        modifiedSince(from),
        { kind: 'TxnDeletedQuery', input: { txnDelTypes: ['ReceivePayment'], deletedDateRange: { from } } },
      ]);
      expectOk(changed!);
      expectOk(deleted!);
      const payments = records(changed!, 'ReceivePayment');
      const deletions = records(deleted!, 'TxnDeleted');
      return {
        complete: true,
        through: latest(from, [...payments.map((p) => p.timeModified), ...deletions.map((d) => d.timeDeleted)]),
        payments: payments.map(ledgerPaymentOf),
        deletedPaymentIds: deletions.map((d) => d.txnId),
        invoiceIds: [],
      };
    }),

    paymentsChangedSince: (since) => run(async (op) => {
      const from = qbxmlDateTime(since);
      const result = await op.send([modifiedSince(from)]);
      expectOk(result[0]!);
      const payments = records(result[0]!, 'ReceivePayment');
      return { payments: payments.map(ledgerPaymentOf), through: latest(from, payments.map((p) => p.timeModified)) };
    }),
  };
}

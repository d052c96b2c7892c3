// Payments back, as pure rules: what changed between what we recorded a payment applied to our invoices and what
// QuickBooks says now (never matched by amount: only the payment's own links count), and what to tell the upstream
// app about each change. Events are state-based, so duplicate and out-of-order notifications change nothing twice.
import type { Cents } from './money.js';

/** A payment as QuickBooks has it now, or gone (deleted: only its id survives). */
export type PaymentNow =
  | { kind: 'present'; date: string | null; voided: boolean; applied: ReadonlyMap<string, Cents> }
  | { kind: 'deleted' };

export interface RecordedApplication {
  paymentId: string;
  quickbooksInvoiceId: string;
  amountCents: Cents;
  version: number;
}

export type ChangeReason = 'applied' | 'changed' | 'voided' | 'deleted';

export interface ApplicationChange {
  paymentId: string;
  quickbooksInvoiceId: string;
  beforeCents: Cents;
  afterCents: Cents;
  /** The application's version after this change (1 for the first). */
  version: number;
  reason: ChangeReason;
  paymentDate: string | null;
}

/**
 * Every (payment, invoice) whose applied amount differs from what we recorded, for invoices that are ours. A payment
 * that is voided (zero amounts) or deleted takes back everything we recorded for it.
 */
export function applicationChanges(
  recorded: readonly RecordedApplication[],
  payments: ReadonlyMap<string, PaymentNow>,
  isOurs: (quickbooksInvoiceId: string) => boolean,
): ApplicationChange[] {
  const known = new Map(recorded.map((r) => [`${r.paymentId}\u0000${r.quickbooksInvoiceId}`, r]));
  const changes: ApplicationChange[] = [];
  const seen = new Set<string>();
  for (const [paymentId, now] of payments) {
    const applied = now.kind === 'present' && !now.voided ? now.applied : new Map<string, Cents>();
    const date = now.kind === 'present' ? now.date : null;
    const invoiceIds = new Set([...applied.keys(), ...recorded.filter((r) => r.paymentId === paymentId).map((r) => r.quickbooksInvoiceId)]);
    for (const invoiceId of invoiceIds) {
      if (!isOurs(invoiceId)) continue;
      const key = `${paymentId}\u0000${invoiceId}`;
      seen.add(key);
      const before = known.get(key);
      const beforeCents = before?.amountCents ?? 0;
      const afterCents = applied.get(invoiceId) ?? 0;
      if (beforeCents === afterCents) continue;
      const reason: ChangeReason = now.kind === 'deleted' ? 'deleted' : now.voided ? 'voided' : beforeCents === 0 ? 'applied' : 'changed';
      changes.push({ paymentId, quickbooksInvoiceId: invoiceId, beforeCents, afterCents, version: (before?.version ?? 0) + 1, reason, paymentDate: date });
    }
  }
  return changes;
}

export type InvoiceEventType = 'invoice.paid' | 'invoice.partially_paid' | 'invoice.payment_reversed';

/**
 * The event for each change to one invoice, given its balance after them all: what was taken back first, then
 * what was paid; the last payment that leaves nothing open says `invoice.paid`, the others `invoice.partially_paid`.
 */
export function invoiceEvents(changes: readonly ApplicationChange[], invoice: { balanceCents: Cents; totalCents: Cents }): { change: ApplicationChange; type: InvoiceEventType }[] {
  const reversals = changes.filter((c) => c.afterCents < c.beforeCents);
  const payments = changes.filter((c) => c.afterCents > c.beforeCents);
  const paidOff = invoice.totalCents > 0 && invoice.balanceCents <= 0;
  return [
    ...reversals.map((change) => ({ change, type: 'invoice.payment_reversed' as const })),
    ...payments.map((change, i) => ({ change, type: paidOff && i === payments.length - 1 ? 'invoice.paid' as const : 'invoice.partially_paid' as const })),
  ];
}

/** The upstream event id of one change: one per (payment, invoice, version), so it is told once. */
export const applicationEventId = (connectionId: string, change: Pick<ApplicationChange, 'paymentId' | 'quickbooksInvoiceId' | 'version'>): string =>
  `payment:${connectionId}:${change.paymentId}:${change.quickbooksInvoiceId}:${change.version}`;

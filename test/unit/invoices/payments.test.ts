// Payments back as pure rules: what changed since we last recorded a payment (only its own links count), the event
// each change becomes, and the amounts rules of copied invoices.
import { describe, expect, it } from 'vitest';
import { checkInvoice, invoiceLinesTotal, lowersBelowPaid, paymentStatusOf, type UpstreamInvoice } from '../../../domain/invoice.js';
import { whyNotSendable } from '../../../domain/invoice-words.js';
import { applicationChanges, applicationEventId, invoiceEvents, type PaymentNow, type RecordedApplication } from '../../../domain/payments.js';

const present = (applied: Record<string, number>, date = '2026-11-25'): PaymentNow => ({ kind: 'present', date, voided: false, applied: new Map(Object.entries(applied)) });
const ours = (...ids: string[]) => (id: string) => ids.includes(id);

describe('application changes', () => {
  it('a new payment applies what its lines link, to our invoices only', () => {
    const changes = applicationChanges([], new Map([['P1', present({ I1: 100_00, I9: 5_00 })]]), ours('I1'));
    expect(changes).toEqual([{ paymentId: 'P1', quickbooksInvoiceId: 'I1', beforeCents: 0, afterCents: 100_00, version: 1, reason: 'applied', paymentDate: '2026-11-25' }]);
  });

  it('the same state seen again (a duplicate or late notification) changes nothing', () => {
    const recorded: RecordedApplication[] = [{ paymentId: 'P1', quickbooksInvoiceId: 'I1', amountCents: 100_00, version: 1 }];
    expect(applicationChanges(recorded, new Map([['P1', present({ I1: 100_00 })]]), ours('I1'))).toEqual([]);
  });

  it('a voided payment (zero amounts, no links) and a deleted one take back what we recorded', () => {
    const recorded: RecordedApplication[] = [
      { paymentId: 'P1', quickbooksInvoiceId: 'I1', amountCents: 100_00, version: 1 },
      { paymentId: 'P2', quickbooksInvoiceId: 'I2', amountCents: 40_00, version: 3 },
    ];
    const changes = applicationChanges(recorded, new Map<string, PaymentNow>([
      ['P1', { kind: 'present', date: '2026-11-25', voided: true, applied: new Map() }],
      ['P2', { kind: 'deleted' }],
    ]), ours('I1', 'I2'));
    expect(changes.map((c) => [c.paymentId, c.beforeCents, c.afterCents, c.version, c.reason])).toEqual([
      ['P1', 100_00, 0, 2, 'voided'], ['P2', 40_00, 0, 4, 'deleted'],
    ]);
  });

  it('a payment moved from one invoice to another takes from the first and applies to the second', () => {
    const recorded: RecordedApplication[] = [{ paymentId: 'P1', quickbooksInvoiceId: 'I1', amountCents: 100_00, version: 1 }];
    const changes = applicationChanges(recorded, new Map([['P1', present({ I2: 100_00 })]]), ours('I1', 'I2'));
    expect(changes.map((c) => [c.quickbooksInvoiceId, c.beforeCents, c.afterCents, c.reason])).toEqual([['I2', 0, 100_00, 'applied'], ['I1', 100_00, 0, 'changed']]);
  });

  it('a deleted payment we never recorded changes nothing', () => {
    expect(applicationChanges([], new Map<string, PaymentNow>([['P1', { kind: 'deleted' }]]), ours('I1'))).toEqual([]);
  });

  it('ids are per (payment, invoice, version): each change is told once', () => {
    expect(applicationEventId('c1', { paymentId: 'P1', quickbooksInvoiceId: 'I1', version: 2 })).toBe('payment:c1:P1:I1:2');
  });
});

describe('invoice events', () => {
  const change = (paymentId: string, before: number, after: number) =>
    ({ paymentId, quickbooksInvoiceId: 'I1', beforeCents: before, afterCents: after, version: 1, reason: 'applied' as const, paymentDate: null });

  it('the payment that leaves nothing open says paid; earlier ones in the same batch partially paid; reversals first', () => {
    const events = invoiceEvents([change('P1', 0, 80_00), change('P0', 50_00, 0), change('P2', 0, 120_00)], { totalCents: 200_00, balanceCents: 0 });
    expect(events.map((e) => [e.change.paymentId, e.type])).toEqual([['P0', 'invoice.payment_reversed'], ['P1', 'invoice.partially_paid'], ['P2', 'invoice.paid']]);
  });

  it('a payment that leaves a balance says partially paid', () => {
    expect(invoiceEvents([change('P1', 0, 80_00)], { totalCents: 200_00, balanceCents: 120_00 }).map((e) => e.type)).toEqual(['invoice.partially_paid']);
  });
});

describe('invoice amounts', () => {
  const invoice: UpstreamInvoice = {
    customer: { externalId: 'O1', name: 'Acme' }, date: '2026-11-20',
    lines: [{ description: 'T1', quantity: '2', rate: '95.00', serviceType: 'Support' }, { description: 'T2', quantity: '0.33333', rate: '100', serviceType: 'Support' }],
  };

  it('adds lines at quantity × rate, half-up per line', () => {
    expect(invoiceLinesTotal(invoice.lines)).toBe(190_00 + 33_33);
  });

  it('paid, partly paid, open from QuickBooks\' total and balance', () => {
    expect(paymentStatusOf(100_00, 0)).toBe('paid');
    expect(paymentStatusOf(100_00, 1)).toBe('partially_paid');
    expect(paymentStatusOf(100_00, 100_00)).toBe('open');
    expect(paymentStatusOf(0, 0)).toBe('open');
  });

  it('a re-copy below what was paid is for a person; at or above it is not', () => {
    expect(lowersBelowPaid(199_99, { totalCents: 370_00, balanceCents: 170_00 })).toBe(true);
    expect(lowersBelowPaid(200_00, { totalCents: 370_00, balanceCents: 170_00 })).toBe(false);
    expect(lowersBelowPaid(1, { totalCents: 370_00, balanceCents: 370_00 })).toBe(false);
  });

  it('checks dates and quantities beyond the schema, and says why it cannot be sent without a billing e-mail', () => {
    expect(checkInvoice(invoice)).toEqual([]);
    expect(checkInvoice({ ...invoice, date: '2026-02-29', dueDate: '2026-01-01', lines: [{ ...invoice.lines[0]!, quantity: '0.000' }] }).map((p) => p.field))
      .toEqual(['date', 'dueDate', 'lines/0/quantity']);
    expect(whyNotSendable(invoice)).toMatch(/no billing e-mail/);
    expect(whyNotSendable({ ...invoice, billingEmails: ['a@example.com'] })).toBeUndefined();
  });
});

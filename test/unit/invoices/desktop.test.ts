// The Desktop invoice ledger's pure parts: sending by e-mail is refused for good (Desktop offers no way for an
// integration to e-mail an invoice), invoices and payments read from qbXML records, and marks written as qbXML
// date-times.
import { describe, expect, it } from 'vitest';
import type { DesktopAccess } from '../../../quickbooks/desktop/company.js';
import { createQbdInvoiceLedger, ledgerInvoiceOf, SEND_NOT_ON_DESKTOP } from '../../../quickbooks/desktop/invoices.js';
import { ledgerPaymentOf, qbxmlDateTime } from '../../../quickbooks/desktop/payments.js';
import type { InvoiceRecord, ReceivePaymentRecord } from '../../../quickbooks/desktop/qbxml/index.js';
import { LedgerRejection } from '../../../quickbooks/errors.js';

describe('the Desktop invoice ledger', () => {
  const ledger = createQbdInvoiceLedger({ connectionId: 'c' } as DesktopAccess);

  it('says it cannot send invoices, permanently, in words a person can act on', async () => {
    expect(ledger.canSendInvoices).toBe(false);
    const refused = await ledger.sendInvoice('1', 'a@example.com', 'k').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LedgerRejection);
    expect(refused).toMatchObject({ code: SEND_NOT_ON_DESKTOP, message: expect.stringMatching(/QuickBooks Desktop does not let an integration e-mail invoices/) });
  });

  it('reads an invoice: total with tax, balance, EditSequence as the version, our marker from the memo', () => {
    const record = {
      type: 'Invoice', txnId: '1F6-1', editSequence: '171', customerRef: { listId: '8-1' }, txnDate: '2026-11-02', refNumber: 'HD-7', isPending: false,
      subtotalCents: 30000, salesTaxTotalCents: 2400, appliedAmountCents: -10000, balanceRemainingCents: 22400, memo: 'November work (qbflow:invoice:inv-7)',
      isPaid: false, isToBePrinted: false, isToBeEmailed: false, linkedTxns: [], lines: [],
    } satisfies InvoiceRecord;
    expect(ledgerInvoiceOf(record)).toEqual({
      id: '1F6-1', number: 'HD-7', customerId: '8-1', date: '2026-11-02', totalCents: 32400, balanceCents: 22400, version: '171', emailed: null, marker: 'qbflow:invoice:inv-7',
    });
    expect(ledgerInvoiceOf({ ...record, memo: 'qbflow:invoice:inv-7' }).marker).toBe('qbflow:invoice:inv-7');
    expect(ledgerInvoiceOf({ ...record, memo: 'typed by hand' }).marker).toBeNull();
  });

  it('reads a payment: what it applies per invoice from its links, voided when zeroed with nothing applied', () => {
    const payment = {
      type: 'ReceivePayment', txnId: '2B1-1', editSequence: '1', customerRef: { listId: '8-1' }, txnDate: '2026-11-20', totalAmountCents: 15000,
      unusedPaymentCents: 0, unusedCreditsCents: 0,
      appliedTo: [
        { txnId: '1F6-1', txnType: 'Invoice', amountCents: 10000 },
        { txnId: '1F7-1', txnType: 'Invoice', amountCents: 5000 },
        { txnId: '1F9-1', txnType: 'CreditMemo', amountCents: 700 },
      ],
    } satisfies ReceivePaymentRecord;
    const read = ledgerPaymentOf(payment);
    expect([...read.applied]).toEqual([['1F6-1', 10000], ['1F7-1', 5000]]);
    expect(read.voided).toBe(false);
    expect(ledgerPaymentOf({ ...payment, totalAmountCents: 0, appliedTo: [] }).voided).toBe(true);
  });

  it('writes marks as qbXML date-times: QuickBooks\' own pass unchanged, ours become +00:00', () => {
    expect(qbxmlDateTime('2026-11-29T09:15:00-05:00')).toBe('2026-11-29T09:15:00-05:00');
    expect(qbxmlDateTime('2026-11-29T14:15:00.123Z')).toBe('2026-11-29T14:15:00+00:00');
    expect(() => qbxmlDateTime('yesterday')).toThrow();
  });
});

// QuickBooks Desktop's part of invoice copy is not there yet (a LedgerRejection that says so), and sending by e-mail
// is refused for good: Desktop offers no way for an integration to e-mail an invoice.
import { describe, expect, it } from 'vitest';
import { createQbdInvoiceLedger, NOT_YET_ON_DESKTOP, SEND_NOT_ON_DESKTOP } from '../../../quickbooks/desktop/invoices.js';
import { LedgerRejection } from '../../../quickbooks/errors.js';

describe('the Desktop invoice ledger', () => {
  const ledger = createQbdInvoiceLedger();

  it('says it cannot send invoices, permanently, in words a person can act on', async () => {
    expect(ledger.canSendInvoices).toBe(false);
    const refused = await ledger.sendInvoice('1', 'a@example.com', 'k').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LedgerRejection);
    expect(refused).toMatchObject({ code: SEND_NOT_ON_DESKTOP, message: expect.stringMatching(/QuickBooks Desktop does not let an integration e-mail invoices/) });
  });

  it('refuses copying and payments back as not available yet (to be replaced by the Web Connector adapter)', async () => {
    for (const attempt of [ledger.taxModel(), ledger.createInvoiceCopy({} as never, 'k'), ledger.changesSince('2026-11-01'), ledger.readPayments(['1'])]) {
      await expect(attempt).rejects.toMatchObject({ name: 'LedgerRejection', code: NOT_YET_ON_DESKTOP });
    }
  });
});

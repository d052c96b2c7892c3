// The QuickBooks Desktop ledger for invoice copy and payments back: not available yet (it waits for the redesign of
// how Desktop work waits for the Web Connector; copy will go through the Web Connector and payments come back by
// polling ReceivePaymentQuery modified since the mark, TxnDeletedQuery for deletions). Sending is a permanent
// refusal: QuickBooks Desktop offers no way for an integration to e-mail an invoice.
import { LedgerRejection } from '../errors.js';
import type { InvoiceLedger } from '../ledger/index.js';

export const NOT_YET_ON_DESKTOP = 'NotAvailableOnDesktop';
export const SEND_NOT_ON_DESKTOP = 'SendNotOfferedByDesktop';

export const DESKTOP_CANNOT_SEND = 'QuickBooks Desktop does not let an integration e-mail invoices: copy the invoice and send it from QuickBooks (or from your own app).';

export function createQbdInvoiceLedger(): InvoiceLedger {
  const notYet = async (): Promise<never> => {
    throw new LedgerRejection('Copying invoices and reading payments back is not available on QuickBooks Desktop yet; it is coming for Online companies first.', NOT_YET_ON_DESKTOP);
  };
  return {
    canSendInvoices: false,
    taxModel: notYet,
    ensureCustomerByExactName: notYet,
    findItemsByExactName: notYet,
    createServiceItem: notYet,
    findTerm: notYet,
    findInvoiceCopy: notYet,
    createInvoiceCopy: notYet,
    readInvoiceCopy: notYet,
    updateInvoiceCopy: notYet,
    async sendInvoice() {
      throw new LedgerRejection(DESKTOP_CANNOT_SEND, SEND_NOT_ON_DESKTOP);
    },
    readInvoices: notYet,
    readPayments: notYet,
    changesSince: notYet,
    paymentsChangedSince: notYet,
  };
}

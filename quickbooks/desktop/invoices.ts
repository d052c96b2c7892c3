// The QuickBooks Desktop ledger as invoice copy uses it, over qbXML through the Web Connector: customers, service
// items and terms by exact name (invoice-names.ts), and invoices created once (ExternalGUID from the invoice's
// identity, so a lost answer is found by InvoiceQuery before anything is sent again) and replaced in place with the
// current EditSequence (3200: read again, try again). Sending is a permanent refusal: QuickBooks Desktop offers no
// way for an integration to e-mail an invoice. Payments back are in payments.ts.
import { lowersBelowPaid } from '../../domain/invoice.js';
import { LedgerRejection } from '../errors.js';
import type { HeldCopy, InvoiceCopyDraft, InvoiceLedger, LedgerInvoice } from '../ledger/index.js';
import { chunks, expectOk, records, MOD_ATTEMPTS, STALE } from './answers.js';
import type { DesktopAccess } from './company.js';
import { documentGuid, fitsRefNumber, REF_MAX, sameGuid } from './documents.js';
import type { QbdOperation } from './exchange.js';
import { createQbdInvoiceNames } from './invoice-names.js';
import { createQbdPaymentFeed } from './payments.js';
import { type InvoiceAddInput, type InvoiceRecord, type QbxmlResult } from './qbxml/index.js';

export const SEND_NOT_ON_DESKTOP = 'SendNotOfferedByDesktop';
/** The invoice we copied is no longer in the company file (deleted there): the next copy creates a new one. */
export const INVOICE_GONE = 'InvoiceGone';
/** QuickBooks refused a Mod (3170), e.g. a total below the payments applied. */
const MODIFY_FAILED = 3170;
/** An unknown TxnID, as some QuickBooks releases answer a look-up (others answer 500 with nothing). */
const NOT_FOUND = 3120;

export const DESKTOP_CANNOT_SEND = 'QuickBooks Desktop does not let an integration e-mail invoices: copy the invoice and send it from QuickBooks (or from your own app).';

/** Our marker in the memo: the memo ends with it, in parentheses, or is it. */
function markerOf(memo: string | undefined): string | null {
  const found = /(?:^|\()(qbflow:invoice:[^)]*)\)?$/.exec(memo ?? '');
  return found?.[1] ?? null;
}

export function ledgerInvoiceOf(invoice: InvoiceRecord): LedgerInvoice {
  return {
    id: invoice.txnId,
    number: invoice.refNumber ?? null,
    customerId: invoice.customerRef.listId ?? '',
    date: invoice.txnDate,
    totalCents: invoice.subtotalCents + invoice.salesTaxTotalCents,
    balanceCents: invoice.balanceRemainingCents,
    version: invoice.editSequence,
    emailed: null,
    marker: markerOf(invoice.memo),
  };
}

/** The invoice as InvoiceAdd/InvoiceMod write it: every line replaced by the draft's. */
function invoiceCopyInput(draft: InvoiceCopyDraft): Omit<InvoiceAddInput, 'externalGuid'> {
  const number = draft.number?.trim();
  return {
    customer: { listId: draft.customerId },
    txnDate: draft.date,
    // longer numbers do not fit QuickBooks' RefNumber: it numbers the invoice itself, the marker still finds it
    ...(number && fitsRefNumber(number, REF_MAX.invoice) ? { refNumber: number } : {}),
    ...(draft.termId ? { terms: { listId: draft.termId } } : {}),
    ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
    memo: draft.memo ? `${draft.memo} (${draft.marker})` : draft.marker,
    lines: draft.lines.map((line) => ({
      item: { listId: line.itemId },
      desc: line.description,
      quantity: line.quantity,
      rate: line.rate,
      amountCents: line.amountCents,
      ...(draft.lineTaxCodeId ? { salesTaxCode: { listId: draft.lineTaxCodeId } } : {}),
    })),
  };
}

export function createQbdInvoiceLedger(company: DesktopAccess): InvoiceLedger {
  const { connectionId, run, one } = company;
  const guidOf = (marker: string) => documentGuid(connectionId, 'invoice-copy', marker);

  const firstInvoice = (result: QbxmlResult): LedgerInvoice | undefined => {
    expectOk(result);
    const invoice = records(result, 'Invoice')[0];
    return invoice && ledgerInvoiceOf(invoice);
  };
  const readOne = async (op: QbdOperation, id: string) => {
    const result = await one(op, { kind: 'InvoiceQuery', input: { txnIds: [id] } });
    return result.statusCode === NOT_FOUND ? undefined : firstInvoice(result);
  };
  const held = (invoice: LedgerInvoice, draft: InvoiceCopyDraft): HeldCopy =>
    ({ held: true, paidCents: invoice.totalCents - invoice.balanceCents, newLinesTotalCents: draft.linesTotalCents, invoice });

  return {
    canSendInvoices: false,

    // QuickBooks Desktop applies the customer's sales tax item and each item's tax code itself
    taxModel: async () => ({ kind: 'automated', country: 'US' }),

    ...createQbdInvoiceNames(company),

    findInvoiceCopy: (marker, customerId, date) => run(async (op) => {
      const result = await one(op, { kind: 'InvoiceQuery', input: { entity: { listId: customerId }, txnDateRange: { from: date, to: date } } });
      expectOk(result);
      const guid = guidOf(marker);
      const mine = records(result, 'Invoice').find((invoice) => sameGuid(invoice.externalGuid, guid) || markerOf(invoice.memo) === marker);
      return mine && ledgerInvoiceOf(mine);
    }),

    createInvoiceCopy: (draft, _key) => run(async (op) => {
      const invoice = firstInvoice(await one(op, { kind: 'InvoiceAdd', input: { ...invoiceCopyInput(draft), externalGuid: guidOf(draft.marker) } }));
      if (!invoice) throw new Error('QuickBooks answered InvoiceAdd without an invoice');
      return invoice;
    }),

    readInvoiceCopy: (id) => run((op) => readOne(op, id)),

    updateInvoiceCopy: (id, draft, _key) => run(async (op): Promise<LedgerInvoice | HeldCopy> => {
      for (let attempt = 1; ; attempt++) {
        const current = await readOne(op, id);
        if (!current) throw new LedgerRejection(`Invoice ${id} was deleted in QuickBooks`, INVOICE_GONE);
        if (lowersBelowPaid(draft.linesTotalCents, current)) return held(current, draft);
        const result = await one(op, { kind: 'InvoiceMod', input: { txnId: id, editSequence: current.version, ...invoiceCopyInput(draft) } });
        // someone changed it meanwhile (a payment moves the EditSequence): read it again and try again
        if (result.statusCode === STALE && attempt < MOD_ATTEMPTS) continue;
        if (result.statusCode === MODIFY_FAILED) {
          // a payment applied since we read it: QuickBooks refuses a total below the payments applied
          const now = await readOne(op, id);
          if (now && lowersBelowPaid(draft.linesTotalCents, now)) return held(now, draft);
        }
        const changed = firstInvoice(result);
        if (!changed) throw new Error('QuickBooks answered InvoiceMod without an invoice');
        return changed;
      }
    }),

    async sendInvoice() {
      throw new LedgerRejection(DESKTOP_CANNOT_SEND, SEND_NOT_ON_DESKTOP);
    },

    readInvoices: (ids) => run(async (op) => {
      const found = new Map<string, LedgerInvoice>();
      const unique = [...new Set(ids)];
      if (unique.length === 0) return found;
      const results = await op.send(chunks(unique, 100).map((txnIds) => ({ kind: 'InvoiceQuery' as const, input: { txnIds } })));
      for (const result of results) {
        expectOk(result); // 500: some were deleted, the others are here
        for (const invoice of records(result, 'Invoice')) found.set(invoice.txnId, ledgerInvoiceOf(invoice));
      }
      return found;
    }),

    ...createQbdPaymentFeed(company),
  };
}

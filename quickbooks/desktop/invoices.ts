// The QuickBooks Desktop ledger as invoice copy uses it, over qbXML through the Web Connector: customers and service
// items matched by exact name (or created), terms by name, and invoices created once (ExternalGUID from the invoice's
// identity, so a lost answer is found by InvoiceQuery before anything is sent again) and replaced in place with the
// current EditSequence (3200: read again, try again). Sending is a permanent refusal: QuickBooks Desktop offers no
// way for an integration to e-mail an invoice. Payments back are in payments.ts.
import { lowersBelowPaid } from '../../domain/invoice.js';
import { LedgerRejection } from '../errors.js';
import type { HeldCopy, InvoiceCopyDraft, InvoiceLedger, ItemMatch, LedgerInvoice, LedgerRef } from '../ledger/index.js';
import { chunks, expectOk, records, toRef, ITEM_NAME_MAX, MOD_ATTEMPTS, NAME_IN_USE, NAME_MAX, STALE, type Of } from './answers.js';
import type { DesktopAccess } from './company.js';
import { documentGuid, fitsRefNumber, REF_MAX, sameGuid } from './documents.js';
import type { QbdOperation } from './exchange.js';
import { createQbdPaymentFeed } from './payments.js';
import { sanitizeListName, type InvoiceAddInput, type InvoiceRecord, type QbxmlResult } from './qbxml/index.js';

export const SEND_NOT_ON_DESKTOP = 'SendNotOfferedByDesktop';
/** The invoice we copied is no longer in the company file (deleted there): the next copy creates a new one. */
export const INVOICE_GONE = 'InvoiceGone';
/** QuickBooks refused a Mod (3170), e.g. a total below the payments applied. */
const MODIFY_FAILED = 3170;
/** An unknown TxnID, as some QuickBooks releases answer a look-up (others answer 500 with nothing). */
const NOT_FOUND = 3120;
const INCOME_TYPES = ['Income', 'OtherIncome'];

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

  /** Items whose name is exactly one of `names` (QuickBooks looks names up without regard to case). */
  const exactItems = async (op: QbdOperation, names: string[]): Promise<Map<string, ItemMatch>> => {
    const byName = new Map(names.map((name) => [sanitizeListName(name, ITEM_NAME_MAX), name] as const));
    const found = new Map<string, ItemMatch>();
    const wanted = [...byName.keys()].filter(Boolean);
    if (wanted.length === 0) return found;
    // a FullName look-up answers inactive items too (ActiveStatus only narrows filtered queries)
    const results = await op.send(chunks(wanted, 100).map((fullNames) => ({ kind: 'ItemQuery' as const, input: { fullNames } })));
    for (const result of results) {
      expectOk(result);
      for (const item of records(result, 'Item')) {
        const name = byName.get(item.fullName);
        if (name === undefined) continue; // same name in other capitals: not this service type
        if (!found.get(name)?.active) found.set(name, { id: item.listId, name: item.fullName, active: item.isActive, type: item.itemType });
      }
    }
    return found;
  };

  return {
    canSendInvoices: false,

    // QuickBooks Desktop applies the customer's sales tax item and each item's tax code itself
    taxModel: async () => ({ kind: 'automated', country: 'US' }),

    ensureCustomerByExactName: (input, _key): Promise<LedgerRef> => run(async (op) => {
      const name = sanitizeListName(input.name, NAME_MAX);
      // the query and the Add travel together: an existing name makes the Add fail harmlessly (3100)
      const [found, added] = await op.send([
        { kind: 'CustomerQuery', input: { fullNames: [name] } },
        { kind: 'CustomerAdd', input: { name, companyName: input.name, ...(input.email ? { email: input.email } : {}) } },
      ]);
      const created = records(added!, 'Customer')[0];
      if (added!.statusCode === 0 && created) return toRef(created);
      if (added!.statusCode !== NAME_IN_USE) {
        expectOk(added!);
        throw new Error('QuickBooks answered CustomerAdd without a customer');
      }
      const existing = records(found!, 'Customer')[0];
      if (!existing) {
        throw new LedgerRejection(`The name "${name}" is already used in QuickBooks by a vendor, an employee or an other name; map this customer to a QuickBooks customer, or rename one of them`, String(NAME_IN_USE));
      }
      if (existing.fullName !== name) {
        throw new LedgerRejection(`QuickBooks has a customer named "${existing.fullName}", which is not exactly "${name}"; map this customer to it or make the names match exactly`, 'CustomerNameMismatch');
      }
      if (!existing.isActive) throw new LedgerRejection(`The customer "${name}" exists in QuickBooks but is inactive. Make it active in QuickBooks, then retry.`, String(NAME_IN_USE));
      return toRef(existing);
    }),

    findItemsByExactName: (names) => run((op) => exactItems(op, names)),

    createServiceItem: (name, incomeAccountId, _key) => run(async (op) => {
      const account = records(await one(op, { kind: 'AccountQuery', input: { listIds: [incomeAccountId] } }), 'Account')[0];
      if (!account || !account.isActive || !INCOME_TYPES.includes(account.accountType)) {
        throw new LedgerRejection(`The default income account for new service types (QuickBooks account ${incomeAccountId}) is ${account ? (account.isActive ? `a ${account.accountType} account, not an income account` : 'inactive') : 'not in QuickBooks'}; pick an active income account in the connection's settings`, 'IncomeAccount');
      }
      const itemName = sanitizeListName(name, ITEM_NAME_MAX);
      const added = await one(op, { kind: 'ItemServiceAdd', input: { name: itemName, salesOrPurchase: { account: { listId: account.listId } } } });
      const item = records(added, 'Item')[0];
      if (added.statusCode === 0 && item) return { id: item.listId, name: item.fullName, active: item.isActive, type: item.itemType };
      if (added.statusCode !== NAME_IN_USE) {
        expectOk(added);
        throw new Error('QuickBooks answered ItemServiceAdd without an item');
      }
      const existing = (await exactItems(op, [name])).get(name); // created meanwhile by another copy
      if (existing?.active) return existing;
      throw new LedgerRejection(`An item named "${itemName}" already exists in QuickBooks${existing ? ' but is inactive' : ''}; make it active or map this service type to another item`, String(NAME_IN_USE));
    }),

    findTerm: (name) => run(async (op) => {
      const result = await one(op, { kind: 'TermsQuery', input: { fullNames: [name] } });
      expectOk(result);
      const term = records(result, 'Terms').find((t) => t.name === name && t.isActive);
      return term && { id: term.listId, name: term.name };
    }),

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
        for (const invoice of records(result, 'Invoice') as Of<'Invoice'>[]) found.set(invoice.txnId, ledgerInvoiceOf(invoice));
      }
      return found;
    }),

    ...createQbdPaymentFeed(company),
  };
}

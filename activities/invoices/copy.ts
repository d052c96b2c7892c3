// Invoice copy activities: the customer (mapping, else exact display name, else created), the service items
// (mapping, else exact name, else a Service item with the connection's income account), the invoice created or
// updated in place exactly once per content (held when it would go below what was paid), and the send, once per
// request id.
import type { Repositories } from '../../db/repositories/index.js';
import type { ConnectionType } from '../../db/schema/index.js';
import { invoiceLineAmount, invoiceLinesTotal, paymentStatusOf, type UpstreamInvoice } from '../../domain/invoice.js';
import { LedgerRejection } from '../../quickbooks/errors.js';
import { documentMarker, type InvoiceCopyDraft, type Ledger, type LedgerInvoice, type LedgerRef } from '../../quickbooks/ledger/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';
import type { DesktopOperations } from '../../quickbooks/desktop/index.js';
import { contentHash, idempotencyKey } from '../documents.js';
import { withLedgerSteps } from '../ledger-steps.js';

export const COPY_ERRORS = 'invoice-copy';
/** How far QuickBooks' clock may be behind ours when deciding that a pending send already went out. */
const CLOCK_SKEW_MS = 5_000;
/** The invoice is no longer in QuickBooks (Online: 610 object not found; Desktop: gone from the company file). */
const GONE_CODES = new Set(['610', 'InvoiceGone']);

export type CopyAction = 'created' | 'updated' | 'unchanged' | 'adopted' | 'stale' | 'held';

export interface CopyResult {
  action: CopyAction;
  quickbooksId: string;
  number: string | null;
  totalCents: number;
  balanceCents: number;
  /** What was already paid, when the copy was held because the new lines would go below it. */
  held?: { paidCents: number; newLinesTotalCents: number };
}

export interface SendResult {
  action: 'sent' | 'already_sent' | 'adopted';
  to: string;
  at: string;
}

export interface CopyInput {
  invoice: UpstreamInvoice;
  customerId: string;
  /** Service type → QuickBooks item id. */
  itemIds: Record<string, string>;
}

// Over 150 lines on purpose: the copy's activities (customer, items, the invoice once per content, the send once per
// request) share the same repositories and ledger; each is short.
export function createInvoiceCopyActivities(deps: { repos: Repositories; ledgerFor: LedgerFor; operations: DesktopOperations }) {
  const { repos, ledgerFor } = deps;

  const draftOf = async (ledger: Ledger, connectionId: string, invoiceId: string, input: CopyInput): Promise<InvoiceCopyDraft> => {
    const { invoice } = input;
    const settings = await repos.settings.read(connectionId);
    const tax = await ledger.taxModel();
    const taxCodeId = settings.invoices?.taxCode;
    if (tax.kind === 'line-codes' && !taxCodeId) {
      throw new LedgerRejection(`This QuickBooks company is in ${tax.country}, where every invoice line needs a tax code: choose one in the connection's settings (invoices.taxCode, from GET …/quickbooks/tax-codes)`, 'TaxCodeRequired');
    }
    const term = invoice.terms ? await ledger.findTerm(invoice.terms) : undefined;
    if (invoice.terms && !term) throw new LedgerRejection(`QuickBooks has no payment term named "${invoice.terms}"; add it in QuickBooks or leave terms out`, 'UnknownTerm');
    return {
      marker: documentMarker('invoice', invoiceId),
      ...(invoice.number ? { number: invoice.number } : {}),
      customerId: input.customerId,
      date: invoice.date,
      ...(invoice.dueDate ? { dueDate: invoice.dueDate } : {}),
      ...(term ? { termId: term.id } : {}),
      ...(invoice.memo !== undefined ? { memo: invoice.memo } : {}),
      billingEmails: invoice.billingEmails ?? [],
      lines: invoice.lines.map((line) => ({
        itemId: input.itemIds[line.serviceType]!,
        description: line.description,
        quantity: line.quantity,
        rate: line.rate,
        amountCents: invoiceLineAmount(line),
      })),
      ...(tax.kind === 'line-codes' ? { lineTaxCodeId: taxCodeId } : {}),
      linesTotalCents: invoiceLinesTotal(invoice.lines),
    };
  };

  const copied = (action: CopyAction, invoice: LedgerInvoice): CopyResult =>
    ({ action, quickbooksId: invoice.id, number: invoice.number, totalCents: invoice.totalCents, balanceCents: invoice.balanceCents });

  return {
    /** Which QuickBooks the connection is (the workflow picks its timeouts by it). */
    async invoiceConnectionType(connectionId: string): Promise<ConnectionType | undefined> {
      return (await repos.connections.findById(connectionId))?.type;
    },

    // the steps that talk to QuickBooks: done, or waiting for the Web Connector (holding nothing)
    ...withLedgerSteps({
      /** A customer mapping, else the QuickBooks customer whose display name is exactly the name, else a new one. */
      async resolveInvoiceCustomer(connectionId: string, customer: UpstreamInvoice['customer']): Promise<LedgerRef & { source: 'mapping' | 'name' }> {
        const mapped = await repos.mappings.find(connectionId, 'customers', customer.externalId);
        if (mapped) return { id: mapped.quickbooksId, name: mapped.quickbooksName ?? customer.name, source: 'mapping' };
        const { ledger } = await ledgerFor(connectionId);
        const ref = await ledger.ensureCustomerByExactName(
          { name: customer.name, ...(customer.email ? { email: customer.email } : {}) },
          idempotencyKey(connectionId, 'invoice-customer', customer.name),
        );
        return { ...ref, source: 'name' };
      },

      /** Item ids by service type: an item mapping, else the item of exactly that name, else a new Service item. */
      async resolveServiceItems(connectionId: string, serviceTypes: string[]): Promise<{ itemIds: Record<string, string>; created: string[] }> {
        const wanted = [...new Set(serviceTypes)];
        const itemIds: Record<string, string> = {};
        for (const mapping of await repos.mappings.findMany(connectionId, 'items', wanted)) itemIds[mapping.externalId] = mapping.quickbooksId;
        const missing = wanted.filter((name) => !itemIds[name]);
        if (missing.length === 0) return { itemIds, created: [] };
        const { ledger } = await ledgerFor(connectionId);
        const found = await ledger.findItemsByExactName(missing);
        const inactive = missing.filter((name) => found.get(name)?.active === false);
        if (inactive.length > 0) {
          throw new LedgerRejection(`QuickBooks has inactive items named ${inactive.map((n) => `"${n}"`).join(', ')}; make them active again, or map these service types to other items`, 'InactiveItem');
        }
        const created: string[] = [];
        const toCreate = missing.filter((name) => !found.get(name));
        if (toCreate.length > 0) {
          const incomeAccount = (await repos.settings.read(connectionId)).invoices?.incomeAccount;
          if (!incomeAccount) {
            throw new LedgerRejection(`QuickBooks has no product or service named ${toCreate.map((n) => `"${n}"`).join(', ')}, and the connection has no default income account for new service types: choose one in its settings (invoices.incomeAccount), or map these service types to items`, 'IncomeAccountRequired');
          }
          for (const name of toCreate) {
            const item = await ledger.createServiceItem(name, incomeAccount, idempotencyKey(connectionId, 'service-item', name));
            found.set(name, item);
            created.push(name);
          }
        }
        for (const name of missing) itemIds[name] = found.get(name)!.id;
        return { itemIds, created };
      },

      /** Creates the invoice, or updates the one QuickBooks has, exactly once per content. */
      async copyInvoice(connectionId: string, invoiceId: string, revision: number, input: CopyInput): Promise<CopyResult> {
        const key = { connectionId, invoiceId };
        const { ledger } = await ledgerFor(connectionId);
        const draft = await draftOf(ledger, connectionId, invoiceId, input);
        const hash = contentHash(draft);
        const attempt = await ledger.operationAttempt();
        const remember = async (action: CopyAction, invoice: LedgerInvoice): Promise<CopyResult> => {
          await repos.invoiceCopies.markCopied(key, {
            revision, contentHash: hash, quickbooksId: invoice.id, quickbooksNumber: invoice.number, customerId: invoice.customerId,
            totalCents: invoice.totalCents, balanceCents: invoice.balanceCents, paymentStatus: paymentStatusOf(invoice.totalCents, invoice.balanceCents),
          });
          await repos.syncErrors.resolveFor(connectionId, COPY_ERRORS, invoiceId);
          return copied(action, invoice);
        };
        const update = async (id: string): Promise<CopyResult | undefined> => {
          try {
            const result = await ledger.updateInvoiceCopy(id, draft, idempotencyKey(connectionId, 'invoice-copy', invoiceId, 'update', hash));
            if ('held' in result) return { ...copied('held', result.invoice), held: { paidCents: result.paidCents, newLinesTotalCents: result.newLinesTotalCents } };
            return remember('updated', result);
          } catch (error) {
            if (error instanceof LedgerRejection && GONE_CODES.has(error.code)) return undefined; // deleted in QuickBooks: copy anew
            throw error;
          }
        };

        const row = await repos.invoiceCopies.find(key);
        if (row?.state === 'copied' && row.quickbooksId) {
          const known = { action: 'unchanged' as CopyAction, quickbooksId: row.quickbooksId, number: row.quickbooksNumber, totalCents: row.totalCents ?? 0, balanceCents: row.balanceCents ?? 0 };
          if ((row.revision ?? 0) > revision) return { ...known, action: 'stale' };
          if (row.contentHash === hash) return known;
          const updated = await update(row.quickbooksId);
          if (updated) return updated;
          await repos.invoiceCopies.markGone(key);
        } else if (row?.state === 'pending' && !(attempt !== undefined && row.pendingAttempt === attempt)) {
          // An earlier create may have reached QuickBooks without us hearing back: look before creating again. (A
          // pending mark of this same attempt is its own create, still waiting for the Web Connector.)
          const found = await ledger.findInvoiceCopy(draft.marker, draft.customerId, draft.date);
          if (found) {
            if (row.contentHash === hash) return remember('adopted', found);
            const updated = await update(found.id);
            if (updated) return updated.action === 'updated' ? { ...updated, action: 'adopted' } : updated;
          }
        }
        await repos.invoiceCopies.markPending(key, revision, hash, attempt);
        return remember('created', await ledger.createInvoiceCopy(draft, idempotencyKey(connectionId, 'invoice-copy', invoiceId, 'create', hash)));
      },

      /** Asks QuickBooks to e-mail the invoice, once per request id however often this runs. */
      async sendInvoiceCopy(connectionId: string, invoiceId: string, requestId: string, to: string): Promise<SendResult> {
        const key = { connectionId, invoiceId };
        const earlier = await repos.invoiceCopies.findSend(key, requestId);
        if (earlier?.state === 'sent') return { action: 'already_sent', to: earlier.sentTo, at: (earlier.sentAt ?? earlier.pendingSince).toISOString() };
        const row = await repos.invoiceCopies.find(key);
        if (!row?.quickbooksId) throw new LedgerRejection(`Invoice ${invoiceId} is not in QuickBooks yet, so it cannot be sent`, 'NotCopied');
        const { ledger } = await ledgerFor(connectionId);
        const done = async (action: SendResult['action'], invoice: LedgerInvoice): Promise<SendResult> => {
          const sent = { to: invoice.emailed?.to ?? to, at: invoice.emailed?.at ? new Date(invoice.emailed.at) : new Date() };
          await repos.invoiceCopies.markSent(key, requestId, sent);
          return { action, to: sent.to, at: sent.at.toISOString() };
        };
        if (earlier) {
          // An earlier attempt asked QuickBooks and did not hear back: if it went out since, it went out for this request.
          const current = await ledger.readInvoiceCopy(row.quickbooksId);
          if (current?.emailed && Date.parse(current.emailed.at) >= earlier.pendingSince.getTime() - CLOCK_SKEW_MS) return done('adopted', current);
        }
        await repos.invoiceCopies.markSendPending(key, requestId, to);
        return done('sent', await ledger.sendInvoice(row.quickbooksId, to, idempotencyKey(connectionId, 'invoice-send', invoiceId, requestId)));
      },
    }, deps.operations),

    /** Records why an invoice was not copied, once while it stays open (the next successful copy resolves it). */
    async recordInvoiceSyncError(connectionId: string, invoiceId: string, code: string, message: string): Promise<void> {
      await repos.syncErrors.recordOpen({ connectionId, documentKind: COPY_ERRORS, externalId: invoiceId, code, message });
    },
  };
}

// The QuickBooks Online ledger as invoice copy uses it: the company's tax model, customers and service items matched
// by exact name (or created), terms, and invoices created, updated in place (sparse, from the current SyncToken)
// and sent by QuickBooks' own e-mail.
import { lowersBelowPaid } from '../../domain/invoice.js';
import { LedgerRejection, QuickBooksFault } from '../errors.js';
import type { HeldCopy, InvoiceCopyDraft, InvoiceLedger, ItemMatch, LedgerInvoice, TaxModel } from '../ledger/index.js';
import { invoiceCopyBody, ledgerInvoiceOf, partyBody, qboName } from './bodies/index.js';
import { queryString } from './client.js';
import { DUPLICATE_NAME, NOT_FOUND, STALE_OBJECT, toRef, type CompanyAccess, type QboObject } from './company.js';
import { createQboPaymentFeed } from './payments.js';

const BUSINESS_RULE = '6000';
const INCOME_TYPES = ['Income', 'Other Income'];

export function createQboInvoiceLedger(company: CompanyAccess): InvoiceLedger {
  const { client, query, read, write, queryIn } = company;
  let taxModel: Promise<TaxModel> | undefined;

  const itemMatch = (row: QboObject): ItemMatch => ({ id: row.Id, name: String(row.Name), active: row.Active !== false, type: String(row.Type ?? '') });
  const exactItems = async (names: string[]): Promise<Map<string, ItemMatch>> => {
    const wanted = new Map(names.map((name) => [qboName(name), name] as const));
    // inactive items hold their name too: ask for them explicitly (queries leave them out otherwise)
    const rows = await queryIn('Item', 'Name', [...wanted.keys()], 'Active IN (true, false)');
    const found = new Map<string, ItemMatch>();
    for (const row of rows) {
      const name = wanted.get(String(row.Name));
      if (name === undefined) continue; // same name in other capitals: not this service type
      const match = itemMatch(row);
      if (!found.get(name)?.active) found.set(name, match);
    }
    return found;
  };

  const readOrGone = async (id: string): Promise<QboObject | undefined> => {
    try {
      return await read('Invoice', id);
    } catch (error) {
      if (error instanceof QuickBooksFault && error.code === NOT_FOUND) return undefined;
      throw error;
    }
  };

  const held = (invoice: LedgerInvoice, draft: InvoiceCopyDraft): HeldCopy =>
    ({ held: true, paidCents: invoice.totalCents - invoice.balanceCents, newLinesTotalCents: draft.linesTotalCents, invoice });

  return {
    canSendInvoices: true,

    taxModel() {
      // A company's country does not change: asked once per process and connection.
      taxModel ??= query('CompanyInfo', '').then(([info]) => {
        const country = String(info?.Country ?? 'US').toUpperCase() || 'US';
        return country === 'US' ? { kind: 'automated' as const, country } : { kind: 'line-codes' as const, country };
      }).catch((error: unknown) => {
        taxModel = undefined;
        throw error;
      });
      return taxModel;
    },

    async ensureCustomerByExactName(input, key) {
      const name = qboName(input.name);
      const lookup = async () => {
        const rows = await query('Customer', `DisplayName = ${queryString(name)}`);
        return { exact: rows.find((row) => row.DisplayName === name), other: rows.find((row) => row.DisplayName !== name) };
      };
      const nearMiss = (other: QboObject) => new LedgerRejection(
        `QuickBooks has a customer named "${String(other.DisplayName)}", which is not exactly "${name}"; map this customer to it or make the names match exactly`, 'CustomerNameMismatch');
      const first = await lookup();
      if (first.exact) return toRef(first.exact);
      if (first.other) throw nearMiss(first.other);
      try {
        return toRef(await write('Customer', partyBody(input, name), key));
      } catch (error) {
        if (!(error instanceof QuickBooksFault && error.code === DUPLICATE_NAME)) throw error;
      }
      const again = await lookup(); // created meanwhile by another copy
      if (again.exact) return toRef(again.exact);
      throw new LedgerRejection(`The name "${name}" is already used in QuickBooks by a vendor, an employee or an inactive customer; map this customer to a QuickBooks customer, or rename one of them`, DUPLICATE_NAME);
    },

    findItemsByExactName: (names) => exactItems(names),

    async createServiceItem(name, incomeAccountId, key) {
      const [account] = await query('Account', `Id = ${queryString(incomeAccountId)} AND Active IN (true, false)`);
      if (!account || account.Active === false || !INCOME_TYPES.includes(String(account.AccountType))) {
        throw new LedgerRejection(`The default income account for new service types (QuickBooks account ${incomeAccountId}) is ${account ? (account.Active === false ? 'inactive' : `a ${String(account.AccountType)} account, not an income account`) : 'not in QuickBooks'}; pick an active income account in the connection's settings`, 'IncomeAccount');
      }
      const itemName = qboName(name);
      try {
        return itemMatch(await write('Item', { Name: itemName, Type: 'Service', IncomeAccountRef: { value: account.Id } }, key));
      } catch (error) {
        if (!(error instanceof QuickBooksFault && error.code === DUPLICATE_NAME)) throw error;
      }
      const existing = (await exactItems([name])).get(name);
      if (existing?.active) return existing;
      throw new LedgerRejection(`An item named "${itemName}" already exists in QuickBooks${existing ? ' but is inactive' : ''}; make it active or map this service type to another item`, DUPLICATE_NAME);
    },

    async findTerm(name) {
      const rows = await query('Term', `Name = ${queryString(name)}`);
      const exact = rows.find((row) => row.Name === name);
      return exact && toRef(exact);
    },

    async findInvoiceCopy(marker, customerId, date) {
      const rows = await query('Invoice', `CustomerRef = ${queryString(customerId)} AND TxnDate = ${queryString(date)}`, 'MAXRESULTS 1000');
      const mine = rows.find((row) => ledgerInvoiceOf(row).marker === marker);
      return mine && ledgerInvoiceOf(mine);
    },

    createInvoiceCopy: async (draft, key) => ledgerInvoiceOf(await write('Invoice', invoiceCopyBody(draft), key)),

    async readInvoiceCopy(id) {
      const row = await readOrGone(id);
      return row && ledgerInvoiceOf(row);
    },

    async updateInvoiceCopy(id, draft, key) {
      for (let attempt = 1; ; attempt++) {
        const row = await readOrGone(id);
        if (!row) throw new LedgerRejection(`Invoice ${id} was deleted in QuickBooks`, NOT_FOUND);
        const current = ledgerInvoiceOf(row);
        if (lowersBelowPaid(draft.linesTotalCents, current)) return held(current, draft);
        try {
          const body = { ...invoiceCopyBody(draft, { update: true }), Id: id, SyncToken: row.SyncToken, sparse: true };
          return ledgerInvoiceOf(await write('Invoice', body, `${key}:${row.SyncToken}`));
        } catch (error) {
          if (!(error instanceof QuickBooksFault)) throw error;
          // Someone changed it meanwhile (a payment bumps the SyncToken): read it again and try once more.
          if (error.code === STALE_OBJECT && attempt < 2) continue;
          // A payment applied since we read it: QuickBooks refuses a total below the payments applied.
          if (error.code === BUSINESS_RULE && /payment/i.test(error.detail)) {
            const now = await readOrGone(id);
            if (now) return held(ledgerInvoiceOf(now), draft);
          }
          throw error;
        }
      }
    },

    async sendInvoice(id, to, key) {
      const body = await client.request<{ Invoice: QboObject }>({
        method: 'POST', path: `/invoice/${encodeURIComponent(id)}/send`, query: { sendTo: to }, requestId: key, contentType: 'application/octet-stream',
      });
      return ledgerInvoiceOf(body.Invoice);
    },

    ...createQboPaymentFeed(company),
  };
}

// The QuickBooks Online ledger as orders use it: customers, vendors and items found or created, and the invoice,
// bill, purchase order and payments an order becomes.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft, ResolvedAccounts } from '../../domain/drafts.js';
import { LedgerRejection, QuickBooksFault } from '../errors.js';
import { carriesIdentity, type DocumentIdentity, type ItemInput, type LedgerRef, type OrderLedger, type PartyInput, type PurchaseKind } from '../ledger/index.js';
import { billBody, invoiceBody, itemBody, partyBody, paymentBody, purchaseOrderBody, qboName } from './bodies/index.js';
import { queryString } from './client.js';
import { DUPLICATE_DOC_NUMBER, DUPLICATE_NAME, toPosted, toRef, type CompanyAccess, type Entity, type QboObject } from './company.js';

const purchaseEntity: Record<PurchaseKind, Entity> = { bill: 'Bill', purchase_order: 'PurchaseOrder' };

/**
 * The header fields an order writes and a later revision may leave out: an update replaces them (cleared when absent)
 * and keeps every other field as QuickBooks has it.
 */
const ORDER_FIELDS: Record<'Invoice' | 'Bill' | 'PurchaseOrder', readonly string[]> = {
  Invoice: ['DueDate', 'CustomerMemo', 'ARAccountRef', 'TxnTaxDetail'],
  Bill: ['DueDate', 'Memo', 'APAccountRef'],
  PurchaseOrder: ['DueDate', 'Memo', 'APAccountRef'],
};

export function createQboOrderLedger(company: CompanyAccess): OrderLedger {
  const { query, write, update, replace } = company;

  const ensureParty = async (entity: 'Customer' | 'Vendor', input: PartyInput, key: string): Promise<LedgerRef> => {
    const name = qboName(input.name);
    const [found] = await query(entity, `DisplayName = ${queryString(name)}`);
    if (found) return toRef(found);
    try {
      return toRef(await write(entity, partyBody(input), key));
    } catch (error) {
      if (!(error instanceof QuickBooksFault && error.code === DUPLICATE_NAME)) throw error;
    }
    // The name is taken: by an inactive one of ours (adopt and reactivate it) or by another kind of name
    // (customers, vendors and employees share one namespace), in which case we name ours by its role.
    const [inactive] = await query(entity, `DisplayName = ${queryString(name)} AND Active = false`);
    if (inactive) return toRef(await update(entity, inactive.Id, { Active: true }, `${key}:reactivate`));
    const roleName = qboName(`${input.name} (${entity})`);
    const [byRole] = await query(entity, `DisplayName = ${queryString(roleName)}`);
    if (byRole) return toRef(byRole);
    return toRef(await write(entity, partyBody(input, roleName), `${key}:role`));
  };

  /**
   * The document this identity marks, among those with its number and party. Resemblance is not identity: a
   * document with the same number and party but another marker (or none) is another order's or a person's.
   */
  const findMine = async (entity: Entity, number: string, party: string, identity: DocumentIdentity) => {
    const rows = await query(entity, `DocNumber = ${queryString(number)} AND ${party}`, 'MAXRESULTS 1000');
    const mine = rows.find((row) => carriesIdentity(noteOf(row), identity));
    return { mine: mine && toPosted(mine), others: rows.filter((row) => row !== mine).map(toPosted) };
  };

  /**
   * Creates a document under its own number. Where the company refuses a number already in use (6140), the order
   * fails with the document that holds it named: qbflow never takes over that document, and never renumbers ours.
   */
  const create = async (entity: Entity, number: string, body: object, key: string, identity: DocumentIdentity) => {
    try {
      return toPosted(await write(entity, body, key));
    } catch (error) {
      if (!(error instanceof QuickBooksFault && error.code === DUPLICATE_DOC_NUMBER)) throw error;
      const holders = await query(entity, `DocNumber = ${queryString(number)}`, 'MAXRESULTS 1000');
      // the number may be held by this very document (an earlier attempt's create that a look-up did not see)
      const mine = holders.find((row) => carriesIdentity(noteOf(row), identity));
      if (mine) return toPosted(mine);
      throw new LedgerRejection(numberInUse(entity, number, holders[0]), DUPLICATE_DOC_NUMBER);
    }
  };

  return {
    async defaultAccounts(): Promise<ResolvedAccounts> {
      const accounts = await query('Account', 'Active = true', 'MAXRESULTS 1000');
      const pick = (test: (a: QboObject) => boolean) => accounts.find(test)?.Id;
      return {
        receivable: pick((a) => a.AccountType === 'Accounts Receivable'),
        income: pick((a) => a.AccountSubType === 'SalesOfProductIncome') ?? pick((a) => a.AccountType === 'Income'),
        payable: pick((a) => a.AccountType === 'Accounts Payable'),
        costOfGoodsSold: pick((a) => a.AccountType === 'Cost of Goods Sold'),
        discount: pick((a) => a.AccountSubType === 'DiscountsRefundsGiven'),
      };
    },

    ensureCustomer: (input, key) => ensureParty('Customer', input, key),
    ensureVendor: (input, key) => ensureParty('Vendor', input, key),

    async findItems(names) {
      const found = new Map<string, LedgerRef>();
      const unique = [...new Set(names.map((n) => qboName(n)))];
      for (let i = 0; i < unique.length; i += 100) {
        const chunk = unique.slice(i, i + 100);
        const rows = await query('Item', `Name IN (${chunk.map(queryString).join(', ')})`, 'MAXRESULTS 1000');
        for (const row of rows) found.set(String(row.Name), toRef(row));
      }
      return new Map(names.map((name) => [name, found.get(qboName(name))] as const).filter((e): e is [string, LedgerRef] => !!e[1]));
    },

    async createItem(input: ItemInput, key: string) {
      try {
        return toRef(await write('Item', itemBody(input), key));
      } catch (error) {
        if (!(error instanceof QuickBooksFault && error.code === DUPLICATE_NAME)) throw error;
        const [existing] = await query('Item', `Name = ${queryString(qboName(input.name))}`);
        if (!existing) throw new LedgerRejection(`An inactive item is already named "${input.name}" in QuickBooks; reactivate it or map this product to another item`, DUPLICATE_NAME);
        return toRef(existing);
      }
    },

    findInvoice: (draft, identity) => findMine('Invoice', draft.number, `CustomerRef = ${queryString(draft.customerId)}`, identity),
    createInvoice: (draft: InvoiceDraft, key, identity) => create('Invoice', draft.number, invoiceBody(draft, identity), key, identity),
    updateInvoice: async (id, draft, key, identity) => toPosted(await replace('Invoice', id, invoiceBody(draft, identity), ORDER_FIELDS.Invoice, key)),

    findPurchase: (kind, draft, identity) => findMine(purchaseEntity[kind], draft.number, `VendorRef = ${queryString(draft.vendorId)}`, identity),
    createPurchase: (kind, draft: PurchaseDraft, key, identity) => create(purchaseEntity[kind], draft.number, purchaseBody(kind, draft, identity), key, identity),
    updatePurchase: async (kind, id, draft, key, identity) => {
      const entity = purchaseEntity[kind] as 'Bill' | 'PurchaseOrder';
      return toPosted(await replace(entity, id, purchaseBody(kind, draft, identity), ORDER_FIELDS[entity], key));
    },

    async findPayment(draft: PaymentDraft, identity) {
      const rows = await query('Payment', `CustomerRef = ${queryString(draft.customerId)} AND TxnDate = ${queryString(draft.date)}`, 'MAXRESULTS 1000');
      const mine = rows.find((row) => carriesIdentity(noteOf(row), identity));
      return { mine: mine && toPosted(mine), others: [] }; // other payments that day are not look-alikes: no number
    },
    createPayment: async (draft, key, identity) => toPosted(await write('Payment', paymentBody(draft, identity), key)),
    updatePayment: async (id, draft, key, identity) => toPosted(await update('Payment', id, paymentBody(draft, identity), key)),
  };
}

const purchaseBody = (kind: PurchaseKind, draft: PurchaseDraft, identity: DocumentIdentity) =>
  kind === 'bill' ? billBody(draft, identity) : purchaseOrderBody(draft, identity);

const noteOf = (row: QboObject) => (typeof row.PrivateNote === 'string' ? row.PrivateNote : undefined);

const documentWords: Partial<Record<Entity, string>> = { Invoice: 'invoice', Bill: 'bill', PurchaseOrder: 'purchase order' };

/** Intuit's 6140 in a bookkeeper's words: which document holds the number, and what to do. */
function numberInUse(entity: Entity, number: string, holder: QboObject | undefined): string {
  const kind = documentWords[entity] ?? entity;
  const party = holder && (holder.CustomerRef ?? holder.VendorRef) as { value?: string; name?: string } | undefined;
  const partyWords = party ? `, ${holder?.CustomerRef ? 'customer' : 'vendor'} ${party.name ?? party.value}` : '';
  const held = holder ? ` by another ${kind} (id ${holder.Id}${partyWords})` : ` by another ${kind}`;
  return `${kind[0]!.toUpperCase()}${kind.slice(1)} number ${number} is already used in QuickBooks${held}, and this company does not accept two with the same number. qbflow did not change that ${kind}. Give this order a number of its own and send it again, or allow duplicate numbers in QuickBooks and retry.`;
}

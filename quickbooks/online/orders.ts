// The QuickBooks Online ledger as orders use it: customers, vendors and items found or created, and the invoice,
// bill, purchase order and payments an order becomes.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft, ResolvedAccounts } from '../../domain/drafts.js';
import { LedgerRejection, QuickBooksFault } from '../errors.js';
import type { ItemInput, LedgerRef, OrderLedger, PartyInput, PurchaseKind } from '../ledger/index.js';
import { billBody, invoiceBody, itemBody, partyBody, paymentBody, paymentMarker, purchaseOrderBody, qboName } from './bodies/index.js';
import { queryString } from './client.js';
import { DUPLICATE_NAME, toPosted, toRef, type CompanyAccess, type Entity, type QboObject } from './company.js';

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

    async findInvoice(number, customerId) {
      const rows = await query('Invoice', `DocNumber = ${queryString(number)} AND CustomerRef = ${queryString(customerId)}`);
      return rows[0] && toPosted(rows[0]);
    },
    createInvoice: async (draft: InvoiceDraft, key) => toPosted(await write('Invoice', invoiceBody(draft), key)),
    updateInvoice: async (id, draft, key) => toPosted(await replace('Invoice', id, invoiceBody(draft), ORDER_FIELDS.Invoice, key)),

    async findPurchase(kind, number, vendorId) {
      const rows = await query(purchaseEntity[kind], `DocNumber = ${queryString(number)} AND VendorRef = ${queryString(vendorId)}`);
      return rows[0] && toPosted(rows[0]);
    },
    createPurchase: async (kind, draft: PurchaseDraft, key) => toPosted(await write(purchaseEntity[kind], purchaseBody(kind, draft), key)),
    updatePurchase: async (kind, id, draft, key) => {
      const entity = purchaseEntity[kind] as 'Bill' | 'PurchaseOrder';
      return toPosted(await replace(entity, id, purchaseBody(kind, draft), ORDER_FIELDS[entity], key));
    },

    async findPayment(draft: PaymentDraft) {
      const marker = paymentMarker(draft);
      const rows = await query('Payment', `CustomerRef = ${queryString(draft.customerId)} AND TxnDate = ${queryString(draft.date)}`, 'MAXRESULTS 1000');
      const mine = rows.find((row) => String(row.PrivateNote ?? '').startsWith(marker));
      return mine && toPosted(mine);
    },
    createPayment: async (draft, key) => toPosted(await write('Payment', paymentBody(draft), key)),
    updatePayment: async (id, draft, key) => toPosted(await update('Payment', id, paymentBody(draft), key)),
  };
}

const purchaseBody = (kind: PurchaseKind, draft: PurchaseDraft) =>
  kind === 'bill' ? billBody(draft) : purchaseOrderBody(draft);

// The QuickBooks Desktop ledger's look-ups for invoice copy: the customer by exact name (query and Add in one
// message; a near miss in capitals, an inactive customer or another kind of name refused in words), items by exact
// name (a FullName look-up answers inactive ones too: they hold the name), Service items created with the
// connection's income account (checked active and of an income type), and terms by name (TermsQuery).
import { LedgerRejection } from '../errors.js';
import type { InvoiceLedger, ItemMatch, LedgerRef } from '../ledger/index.js';
import { chunks, expectOk, records, toRef, ITEM_NAME_MAX, NAME_IN_USE, NAME_MAX } from './answers.js';
import type { DesktopAccess } from './company.js';
import type { QbdOperation } from './exchange.js';
import { sanitizeListName } from './qbxml/index.js';

const INCOME_TYPES = ['Income', 'OtherIncome'];

export type QbdInvoiceNames = Pick<InvoiceLedger, 'ensureCustomerByExactName' | 'findItemsByExactName' | 'createServiceItem' | 'findTerm'>;

export function createQbdInvoiceNames(company: DesktopAccess): QbdInvoiceNames {
  const { run, one } = company;

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

  };
}

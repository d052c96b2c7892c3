// The QuickBooks Desktop ledger as pickers and mapping checks use it: the lists imported from the company file
// answer at once (asking the company file would wait for its Web Connector).
import type { LookupEntry, LookupLedger } from '../ledger/index.js';
import type { DesktopAccess } from './company.js';

export function createQbdLookupLedger(company: DesktopAccess): LookupLedger {
  const { connectionId, lists } = company;
  return {
    async lookup(kind, search): Promise<LookupEntry[]> {
      const entries = kind === 'tax-codes'
        ? (await lists.byType(connectionId, 'items', ['SalesTax', 'SalesTaxGroup'])).filter((e) => !search || e.name.toLowerCase().includes(search.toLowerCase())).slice(0, 100)
        : await lists.search(connectionId, kind, search, 100);
      return entries.map((e) => ({ id: e.listId, name: e.name, ...(e.type ? { type: e.type } : {}), active: e.active }));
    },

    async get(kind, id) {
      const entry = await lists.get(connectionId, kind, id);
      return entry && entry.active ? { id: entry.listId, name: entry.name } : undefined;
    },
  };
}

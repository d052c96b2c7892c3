// The QuickBooks Desktop ledger as pickers and mapping checks use it: the lists imported from the company file
// answer at once (asking the company file would wait for its Web Connector).
import type { LookupEntry, LookupLedger } from '../ledger/index.js';
import { toRef } from './answers.js';
import type { DesktopAccess } from './company.js';
import { type CustomerRecord, type ItemRecord, type VendorRecord } from './qbxml/index.js';

export function createQbdLookupLedger(company: DesktopAccess): LookupLedger {
  const { connectionId, lists, run, one } = company;
  return {
    async lookup(kind, search): Promise<LookupEntry[]> {
      const entries = kind === 'tax-codes'
        ? (await lists.byType(connectionId, 'items', ['SalesTax', 'SalesTaxGroup'])).filter((e) => !search || e.name.toLowerCase().includes(search.toLowerCase())).slice(0, 100)
        : await lists.search(connectionId, kind, search, 100);
      return entries.map((e) => ({ id: e.listId, name: e.name, ...(e.type ? { type: e.type } : {}), active: e.active }));
    },

    get: (kind, id) => run(async (op) => {
      const input = { listIds: [id] };
      const result = await one(op, kind === 'customers' ? { kind: 'CustomerQuery', input } : kind === 'vendors' ? { kind: 'VendorQuery', input } : { kind: 'ItemQuery', input });
      const record = result.records.find((r): r is CustomerRecord | VendorRecord | ItemRecord => r.type === 'Customer' || r.type === 'Vendor' || r.type === 'Item');
      return record && record.isActive ? toRef(record) : undefined;
    }),
  };
}

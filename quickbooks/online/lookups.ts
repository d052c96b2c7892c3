// The QuickBooks Online ledger as pickers and mapping checks use it.
import type { LookupEntry, LookupKind, LookupLedger } from '../ledger/index.js';
import { queryString } from './client.js';
import { toRef, type CompanyAccess, type Entity } from './company.js';

export function createQboLookupLedger(company: CompanyAccess): LookupLedger {
  const { query } = company;
  return {
    async lookup(kind: LookupKind, search: string | undefined): Promise<LookupEntry[]> {
      const spec = lookupSpecs[kind];
      const filter = search ? `${spec.nameField} LIKE ${queryString(`%${search}%`)}` : '';
      const rows = await query(spec.entity, filter, `ORDERBY ${spec.nameField} MAXRESULTS 100`);
      return rows.map((row) => ({
        id: row.Id,
        name: String(row[spec.nameField] ?? ''),
        ...(spec.typeField && row[spec.typeField] ? { type: String(row[spec.typeField]) } : {}),
        active: row.Active !== false,
      }));
    },

    async get(kind, id) {
      const entity = ({ customers: 'Customer', vendors: 'Vendor', items: 'Item' } as const)[kind];
      const [row] = await query(entity, `Id = ${queryString(id)}`);
      return row && row.Active !== false ? toRef(row) : undefined;
    },
  };
}

const lookupSpecs: Record<LookupKind, { entity: Entity; nameField: string; typeField?: string }> = {
  customers: { entity: 'Customer', nameField: 'DisplayName' },
  vendors: { entity: 'Vendor', nameField: 'DisplayName' },
  items: { entity: 'Item', nameField: 'Name', typeField: 'Type' },
  accounts: { entity: 'Account', nameField: 'Name', typeField: 'AccountType' },
  'tax-codes': { entity: 'TaxCode', nameField: 'Name' },
};

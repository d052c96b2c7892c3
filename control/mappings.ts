// Mappings from outside the workflows: upstream customers, vendors and items → QuickBooks objects (checked in
// QuickBooks before they are saved), billing offers → items and organizations → customers, and the picker
// look-ups over the company's own lists. The API routes and the console both call these.
import type { BillingOfferRow, BillingOrganizationRow } from '../db/repositories/billing/setup.js';
import type { Connection } from '../db/repositories/core/connections.js';
import type { Mapping } from '../db/repositories/core/mappings.js';
import type { Repositories } from '../db/repositories/index.js';
import type { MappingKind } from '../db/schema/index.js';
import { Refusal } from '../domain/refusals.js';
import type { LookupEntry, LookupKind } from '../quickbooks/ledger/index.js';
import type { LedgerFor } from '../quickbooks/resolver.js';

export interface OfferInput {
  name?: string;
  itemId?: string | null;
  sync: boolean;
}

export interface OrganizationInput {
  name?: string;
  customerId?: string | null;
  invoice?: 'create' | 'update';
  sync: boolean;
}

const singular = (kind: string) => kind.slice(0, -1);

export function createMappingControl(deps: { repos: Repositories; ledgerFor: LedgerFor }) {
  const { repos, ledgerFor } = deps;

  /**
   * The QuickBooks object's name, or a Refusal (unprocessable). Online is asked directly; for Desktop the lists
   * imported from the company file answer (asking the company file would wait for its Web Connector); null when
   * they have not been imported yet (the billing run checks it then).
   */
  const checkInQuickBooks = async (connection: Connection, kind: 'items' | 'customers', id: string): Promise<string | null> => {
    if (connection.type === 'qbd') {
      const entry = await repos.qbdLists.get(connection.id, kind, id);
      if (entry && entry.active) return entry.name;
      if (entry || (await repos.qbdLists.count(connection.id, kind)) > 0) {
        throw new Refusal('unprocessable', `The ${kind} imported from QuickBooks Desktop have no active ${singular(kind)} with id ${id}; if it is new, import the lists again (POST /v1/connections/${connection.id}/quickbooks/import) after the Web Connector has run`);
      }
      return null;
    }
    const { ledger } = await ledgerFor(connection.id);
    const found = await ledger.get(kind, id);
    if (!found) throw new Refusal('unprocessable', `QuickBooks has no active ${singular(kind)} with id ${id}`);
    return found.name;
  };

  return {
    /** Search the company's own list (first 100 matches by name). */
    async lookup(connection: Connection, kind: LookupKind, search: string | undefined): Promise<LookupEntry[]> {
      const { ledger } = await ledgerFor(connection.id);
      return ledger.lookup(kind, search);
    },

    list: (connection: Connection, kind: MappingKind, options: { search?: string; limit: number }): Promise<Mapping[]> =>
      repos.mappings.list(connection.id, kind, options),

    find: (connection: Connection, kind: MappingKind, externalId: string): Promise<Mapping | undefined> =>
      repos.mappings.find(connection.id, kind, externalId),

    /** Maps an upstream id to a QuickBooks object, once QuickBooks confirms the object exists and is active. */
    async set(connection: Connection, kind: MappingKind, externalId: string, quickbooksId: string): Promise<Mapping> {
      const { ledger } = await ledgerFor(connection.id);
      const target = await ledger.get(kind, quickbooksId);
      if (!target) throw new Refusal('unprocessable', `QuickBooks has no active ${singular(kind)} with id ${quickbooksId}`, [{ field: 'body/quickbooksId', message: 'is not an active object in QuickBooks' }]);
      return repos.mappings.setManual(connection.id, kind, externalId, target);
    },

    listOffers: (connection: Connection): Promise<BillingOfferRow[]> => repos.billing.listOffers(connection.id),

    async saveOffer(connection: Connection, offerId: string, input: OfferInput): Promise<BillingOfferRow> {
      const { itemId = null, sync, name } = input;
      if (sync && !itemId) throw new Refusal('unprocessable', 'A synced offer needs a QuickBooks item (itemId); map one, or set sync to false', [{ field: 'body/itemId', message: 'is needed when sync is on' }]);
      const itemName = itemId ? await checkInQuickBooks(connection, 'items', itemId) : null;
      const previous = await repos.billing.getOffer(connection.id, offerId);
      return repos.billing.saveOffer(connection.id, offerId, { name: name ?? previous?.name ?? null, itemId, itemName, sync });
    },

    listOrganizations: (connection: Connection): Promise<BillingOrganizationRow[]> => repos.billing.listOrganizations(connection.id),

    async saveOrganization(connection: Connection, organizationId: string, input: OrganizationInput): Promise<BillingOrganizationRow> {
      const { customerId = null, sync, name, invoice = 'create' } = input;
      if (sync && !customerId) throw new Refusal('unprocessable', 'A synced organization needs a QuickBooks customer (customerId); map one, or set sync to false', [{ field: 'body/customerId', message: 'is needed when sync is on' }]);
      if (customerId) {
        const other = await repos.billing.findOrganizationByCustomer(connection.id, customerId);
        if (other && other.organizationId !== organizationId) {
          throw new Refusal('conflict', `QuickBooks customer ${customerId} is already mapped to organization ${other.name ?? other.organizationId}: each organization's invoice replaces the synced lines on its customer's invoice, so two organizations on one customer would overwrite each other`, [{ field: 'body/customerId', message: 'is already mapped to another organization' }]);
        }
      }
      const customerName = customerId ? await checkInQuickBooks(connection, 'customers', customerId) : null;
      const previous = (await repos.billing.listOrganizations(connection.id, [organizationId]))[0];
      return repos.billing.saveOrganization(connection.id, organizationId, { name: name ?? previous?.name ?? null, customerId, customerName, invoice, sync });
    },
  };
}

export type MappingControl = ReturnType<typeof createMappingControl>;

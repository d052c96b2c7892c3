// Billing mappings: offers → QuickBooks items, organizations → QuickBooks customers (each with a sync switch).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { BillingOfferRow, BillingOrganizationRow } from '../../../../db/repositories/billing/setup.js';
import type { Connection } from '../../../../db/repositories/core/connections.js';
import { conflict, unprocessable } from '../../../errors.js';
import { offerExamples, organizationExamples, withExamples } from '../../../examples.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { OfferBody, OfferParams, OfferView, OrganizationBody, OrganizationParams, OrganizationView } from './schemas.js';
import { connectionOf } from '../connection.js';

const offerView = (o: BillingOfferRow) => ({
  offerId: o.offerId, name: o.name, itemId: o.itemId, itemName: o.itemName, sync: o.sync,
  pushedUnitCost: o.pushedUnitCost, pushedAt: o.pushedAt?.toISOString() ?? null, updatedAt: o.updatedAt.toISOString(),
});

const organizationView = (o: BillingOrganizationRow) => ({
  organizationId: o.organizationId, name: o.name, customerId: o.customerId, customerName: o.customerName,
  invoice: o.invoice, sync: o.sync, updatedAt: o.updatedAt.toISOString(),
});

export default async function billingMappingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, ledgerFor } = app.deps;

  /**
   * The QuickBooks object's name, or a 422. Online is asked directly; for Desktop the lists imported from the
   * company file answer (asking the company file would wait for its Web Connector).
   */
  const checkInQuickBooks = async (connection: Connection, kind: 'items' | 'customers', id: string): Promise<string | null> => {
    const missing = () => unprocessable(`QuickBooks has no active ${kind.slice(0, -1)} with id ${id}`);
    if (connection.type === 'qbd') {
      const entry = await repos.qbdLists.get(connection.id, kind, id);
      if (entry && entry.active) return entry.name;
      if (entry || (await repos.qbdLists.count(connection.id, kind)) > 0) {
        throw unprocessable(`The ${kind} imported from QuickBooks Desktop have no active ${kind.slice(0, -1)} with id ${id}; if it is new, import the lists again (POST /v1/connections/${connection.id}/quickbooks/import) after the Web Connector has run`);
      }
      return null; // lists not imported yet: the billing run checks it
    }
    const { ledger } = await ledgerFor(connection.id);
    const found = await ledger.get(kind, id);
    if (!found) throw missing();
    return found.name;
  };

  app.get('/v1/connections/:id/offers', {
    schema: { operationId: 'listOffers', tags: ['billing'], summary: 'List the offer mappings', params: ConnectionParams, response: { 200: Type.Object({ offers: Type.Array(OfferView) }), ...problems(401, 404) } },
  }, async (request) => {
    const connection = connectionOf(request);
    return { offers: (await repos.billing.listOffers(connection.id)).map(offerView) };
  });

  app.put('/v1/connections/:id/offers/:offerId', {
    schema: {
      operationId: 'mapOffer',
      tags: ['billing'],
      summary: 'Map an offer to a QuickBooks item (checked in QuickBooks), and switch its sync on or off',
      description: 'Invoice lines of a synced offer use its item and the item\'s own price; the offer\'s unit cost is kept in the item\'s purchase cost.',
      params: OfferParams, body: withExamples(OfferBody, offerExamples), response: { 200: OfferView, ...problems(400, 401, 404, 422, 502) },
    },
  }, async (request) => {
    const connection = connectionOf(request);
    const { itemId = null, sync, name } = request.body;
    if (sync && !itemId) throw unprocessable('A synced offer needs a QuickBooks item (itemId); map one, or set sync to false');
    const itemName = itemId ? await checkInQuickBooks(connection, 'items', itemId) : null;
    const previous = await repos.billing.getOffer(connection.id, request.params.offerId);
    const saved = await repos.billing.saveOffer(connection.id, request.params.offerId, { name: name ?? previous?.name ?? null, itemId, itemName, sync });
    return offerView(saved);
  });

  app.get('/v1/connections/:id/organizations', {
    schema: { operationId: 'listOrganizations', tags: ['billing'], summary: 'List the organization mappings', params: ConnectionParams, response: { 200: Type.Object({ organizations: Type.Array(OrganizationView) }), ...problems(401, 404) } },
  }, async (request) => {
    const connection = connectionOf(request);
    return { organizations: (await repos.billing.listOrganizations(connection.id)).map(organizationView) };
  });

  app.put('/v1/connections/:id/organizations/:organizationId', {
    schema: {
      operationId: 'mapOrganization',
      tags: ['billing'],
      summary: 'Map an organization to a QuickBooks customer (checked in QuickBooks), choose create or update, switch its sync',
      params: OrganizationParams, body: withExamples(OrganizationBody, organizationExamples), response: { 200: OrganizationView, ...problems(400, 401, 404, 409, 422, 502) },
    },
  }, async (request) => {
    const connection = connectionOf(request);
    const { organizationId } = request.params;
    const { customerId = null, sync, name, invoice = 'create' } = request.body;
    if (sync && !customerId) throw unprocessable('A synced organization needs a QuickBooks customer (customerId); map one, or set sync to false');
    if (customerId) {
      const other = await repos.billing.findOrganizationByCustomer(connection.id, customerId);
      if (other && other.organizationId !== organizationId) {
        throw conflict(`QuickBooks customer ${customerId} is already mapped to organization ${other.name ?? other.organizationId}: each organization's invoice replaces the synced lines on its customer's invoice, so two organizations on one customer would overwrite each other`);
      }
    }
    const customerName = customerId ? await checkInQuickBooks(connection, 'customers', customerId) : null;
    const previous = (await repos.billing.listOrganizations(connection.id, [organizationId]))[0];
    const saved = await repos.billing.saveOrganization(connection.id, organizationId, { name: name ?? previous?.name ?? null, customerId, customerName, invoice, sync });
    return organizationView(saved);
  });
}

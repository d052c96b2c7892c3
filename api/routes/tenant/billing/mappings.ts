// Billing mappings: offers → QuickBooks items, organizations → QuickBooks customers (each with a sync switch).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { BillingOfferRow, BillingOrganizationRow } from '../../../../db/repositories/billing/setup.js';
import { offerExamples, organizationExamples, withExamples } from '../../../examples.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { OfferBody, OfferParams, OfferView, OrganizationBody, OrganizationParams, OrganizationView } from './schemas.js';
import { connectionOf } from '../connection.js';

export const offerView = (o: BillingOfferRow) => ({
  offerId: o.offerId, name: o.name, itemId: o.itemId, itemName: o.itemName, sync: o.sync,
  pushedUnitCost: o.pushedUnitCost, pushedAt: o.pushedAt?.toISOString() ?? null, updatedAt: o.updatedAt.toISOString(),
});

export const organizationView = (o: BillingOrganizationRow) => ({
  organizationId: o.organizationId, name: o.name, customerId: o.customerId, customerName: o.customerName,
  invoice: o.invoice, sync: o.sync, updatedAt: o.updatedAt.toISOString(),
});

export default async function billingMappingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { mappings } = app.deps.control;

  app.get('/v1/connections/:id/offers', {
    schema: { operationId: 'listOffers', tags: ['billing'], summary: 'List the offer mappings', params: ConnectionParams, response: { 200: Type.Object({ offers: Type.Array(OfferView) }), ...problems(401, 404) } },
  }, async (request) => ({ offers: (await mappings.listOffers(connectionOf(request))).map(offerView) }));

  app.put('/v1/connections/:id/offers/:offerId', {
    schema: {
      operationId: 'mapOffer',
      tags: ['billing'],
      summary: 'Map an offer to a QuickBooks item (checked in QuickBooks), and switch its sync on or off',
      description: 'Invoice lines of a synced offer use its item and the item\'s own price; the offer\'s unit cost is kept in the item\'s purchase cost.',
      params: OfferParams, body: withExamples(OfferBody, offerExamples), response: { 200: OfferView, ...problems(400, 401, 404, 422, 502) },
    },
  }, async (request) => offerView(await mappings.saveOffer(connectionOf(request), request.params.offerId, request.body)));

  app.get('/v1/connections/:id/organizations', {
    schema: { operationId: 'listOrganizations', tags: ['billing'], summary: 'List the organization mappings', params: ConnectionParams, response: { 200: Type.Object({ organizations: Type.Array(OrganizationView) }), ...problems(401, 404) } },
  }, async (request) => ({ organizations: (await mappings.listOrganizations(connectionOf(request))).map(organizationView) }));

  app.put('/v1/connections/:id/organizations/:organizationId', {
    schema: {
      operationId: 'mapOrganization',
      tags: ['billing'],
      summary: 'Map an organization to a QuickBooks customer (checked in QuickBooks), choose create or update, switch its sync',
      params: OrganizationParams, body: withExamples(OrganizationBody, organizationExamples), response: { 200: OrganizationView, ...problems(400, 401, 404, 409, 422, 502) },
    },
  }, async (request) => organizationView(await mappings.saveOrganization(connectionOf(request), request.params.organizationId, request.body)));
}

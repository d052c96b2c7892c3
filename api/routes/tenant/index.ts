// Every route a tenant's API key opens, registered in one encapsulated scope: the key is checked once here, and
// any route under /v1/connections/:id gets that tenant's connection loaded (404 for anyone else's), so a new route
// cannot forget either.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../errors.js';
import billingRoutes from './billing/index.js';
import connectionRoutes from './connections/index.js';
import consoleLinkRoutes from './console.js';
import desktopRoutes from './desktop/index.js';
import invoiceRoutes from './invoices/index.js';
import mappingRoutes from './mappings/index.js';
import currentTenantRoutes from './me.js';
import orderRoutes from './orders/index.js';
import quickBooksLookupRoutes from './quickbooks/index.js';
import settingsRoutes from './settings/index.js';
import timesheetRoutes from './timesheets/index.js';
import webhookRoutes from './webhooks/index.js';

const CONNECTION_ROUTES = '/v1/connections/:id';

export default async function tenantScope(scope: FastifyInstance) {
  scope.decorateRequest('connection', null);
  scope.addHook('onRequest', (request) => scope.requireTenant(request));
  scope.addHook('preHandler', async (request) => {
    const url = request.routeOptions.url ?? '';
    if (url !== CONNECTION_ROUTES && !url.startsWith(`${CONNECTION_ROUTES}/`)) return;
    const { id } = request.params as { id: string };
    request.connection = (await scope.deps.repos.connections.findForTenant(request.tenant!.id, id)) ?? null;
    if (!request.connection) throw notFound(`No connection ${id} for this tenant`);
  });
  for (const routes of [currentTenantRoutes, consoleLinkRoutes, connectionRoutes, settingsRoutes, mappingRoutes, quickBooksLookupRoutes, orderRoutes, webhookRoutes, desktopRoutes, billingRoutes, invoiceRoutes, timesheetRoutes]) {
    await scope.register(routes);
  }
}

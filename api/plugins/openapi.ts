// OpenAPI generated from the route schemas, served at /docs (UI) and /docs/json. Upstream apps generate clients
// from it, so every operation has a stable operationId (set in its route schema), and the document is linted with
// Redocly's recommended rules in the tests (test/api/openapi.test.ts).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const TAGS = [
  { name: 'tenants', description: 'Tenants (one per upstream customer account) and their API keys.' },
  { name: 'connections', description: 'QuickBooks companies linked to a tenant: Online through OAuth, Desktop through the Web Connector; their sync errors.' },
  { name: 'settings', description: 'Per-connection settings: who may send, which documents, item matching, default accounts, tax.' },
  { name: 'mappings', description: 'Upstream ids mapped to QuickBooks customers, vendors and items.' },
  { name: 'quickbooks', description: 'Look-ups in the connected QuickBooks company, for pickers.' },
  { name: 'orders', description: 'Orders sent to QuickBooks as invoices, bills and purchase orders with payments, each by a durable workflow.' },
  { name: 'webhooks', description: 'Signed events qbflow sends to the tenant\'s endpoints, and every delivery with its status.' },
  { name: 'quickbooks desktop', description: 'The Web Connector side of a Desktop connection: the .QWC file, its password, its queue and imported lists.' },
  { name: 'billing', description: 'Monthly billing of subscriptions: configuration and schedules, offer and organization mappings, subscription changes, runs.' },
  { name: 'web connector', description: 'The SOAP 1.1 endpoint the QuickBooks Web Connector calls (not for upstream apps).' },
  { name: 'invoices', description: 'Invoices from a help desk or project tool copied into QuickBooks Online, sent by QuickBooks, and their payments.' },
  { name: 'timesheets', description: 'A time tracker\'s QuickBooks: the lists people track time against (imported, with a change feed and checks in words), people mapped from upstream users, and timesheet entries exported to payroll and billing.' },
  { name: 'intuit', description: 'Intuit\'s webhook notifications (signed by Intuit; not for upstream apps).' },
  { name: 'console', description: 'Single-use links to the hosted console, for a tenant\'s admin (or an operator) sent by the upstream app.' },
];

export default fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'qbflow API', version: '1', description: 'Send accounting documents to QuickBooks Online and Desktop, durably and exactly once.' },
      servers: [{ url: app.deps.config.publicUrl, description: 'This qbflow' }],
      tags: TAGS,
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'The tenant\'s API key' },
          operatorToken: { type: 'http', scheme: 'bearer', description: 'The operator token (OPERATOR_TOKEN), for creating tenants' },
        },
      },
      security: [{ apiKey: [] }],
    },
    // shared schemas keep their $id as their component name (Problem), so generated clients name them too
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}, { name: 'openapi' });

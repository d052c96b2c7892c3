// OpenAPI generated from the route schemas, served at /docs (UI) and /docs/json.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'qbflow API', version: '1', description: 'Send accounting documents to QuickBooks Online and Desktop, durably and exactly once.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Tenant API key, or the operator token for /v1/tenants' } } },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}, { name: 'openapi' });

// The Fastify application factory. Only the server entry (api/server.ts) listens.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import { errorHandler, notFound, ProblemSchema, sendProblem } from './errors.js';
import auth from './plugins/auth.js';
import openapi from './plugins/openapi.js';
import { createValidatorCompiler } from './validation.js';
import billingRoutes from './routes/billing/index.js';
import connectionRoutes from './routes/connections/index.js';
import mappingRoutes from './routes/mappings/index.js';
import oauthRoutes from './routes/oauth/index.js';
import orderRoutes from './routes/orders/index.js';
import qbdRoutes from './routes/qbd/index.js';
import qbwcRoutes from './qbwc/index.js';
import quickBooksLookupRoutes from './routes/quickbooks/index.js';
import settingsRoutes from './routes/settings/index.js';
import tenantRoutes from './routes/tenants/index.js';
import webhookRoutes from './routes/webhooks/index.js';
import currentTenantRoutes from './routes/tenants/me.js';

export interface AppOptions {
  /** A pino logger; silent when absent. */
  logger?: FastifyBaseLogger;
}

export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: deps.config.bodyLimit,
  });
  app.setValidatorCompiler(createValidatorCompiler());
  app.decorate('deps', deps);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, notFound(`No route ${request.method} ${request.url}`)));
  app.addSchema(ProblemSchema);

  await app.register(openapi);
  await app.register(formbody);
  await app.register(auth);

  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  for (const routes of [tenantRoutes, currentTenantRoutes, connectionRoutes, oauthRoutes, settingsRoutes, mappingRoutes, quickBooksLookupRoutes, orderRoutes, webhookRoutes, qbdRoutes, qbwcRoutes, billingRoutes]) {
    await app.register(routes);
  }
  return app;
}

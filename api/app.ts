// The Fastify application factory. Only the server entry (api/server.ts) listens.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import { readiness } from '../config/health.js';
import { clientError, errorHandler, frameworkError, notFoundHandler, ProblemSchema } from './errors.js';
import auth from './plugins/auth.js';
import noStore from './plugins/no-store.js';
import consolePlugin from './console/index.js';
import openapi from './plugins/openapi.js';
import { createValidatorCompiler } from './validation.js';
import qbwcRoutes from './qbwc/index.js';
import intuitWebhookRoutes from './routes/intuit/webhooks.js';
import oauthRoutes from './routes/oauth/index.js';
import operatorScope from './routes/operator/index.js';
import tenantScope from './routes/tenant/index.js';

export interface AppOptions {
  /** A pino logger; silent when absent. */
  logger?: FastifyBaseLogger;
}

/** A hop count becomes proxy-addr's "trust the n nearest hops" (Fastify's types take it as a function). */
function trustProxy(setting: boolean | number | string[] | undefined) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting ?? false;
}

export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: deps.config.bodyLimit,
    // the client's address (Web Connector throttling) is the socket's unless a trusted proxy says otherwise
    trustProxy: trustProxy(deps.config.trustProxy),
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  app.setValidatorCompiler(createValidatorCompiler());
  app.decorate('deps', deps);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler(app));
  app.addSchema(ProblemSchema);

  await app.register(noStore);
  await app.register(openapi);
  await app.register(formbody);
  await app.register(auth);

  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  // liveness (the process answers) and readiness (PostgreSQL and Temporal answer too): see config/health.ts
  app.get('/health/live', { schema: { hide: true } }, async () => ({ live: true }));
  app.get('/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    const result = await readiness(deps.readinessChecks ?? {});
    return reply.code(result.ready ? 200 : 503).header('cache-control', 'no-store').send(result);
  });
  // each scope checks its credential once for every route in it (see the scope files)
  await app.register(operatorScope);
  await app.register(tenantScope);
  await app.register(oauthRoutes);
  await app.register(intuitWebhookRoutes);
  await app.register(qbwcRoutes);
  await app.register(consolePlugin);
  return app;
}

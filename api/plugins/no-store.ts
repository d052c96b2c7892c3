// Answers that carry a secret (an API key, a Web Connector password or ticket, a webhook secret, a single-use
// authorisation link) are never stored by a cache: routes say so with `config: { carriesSecret: true }`.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer shows a secret: send `Cache-Control: no-store` (errors included). */
    carriesSecret?: boolean;
  }
}

export default fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.carriesSecret) reply.header('Cache-Control', 'no-store');
  });
}, { name: 'no-store' });

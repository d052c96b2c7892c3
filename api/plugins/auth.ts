// Bearer authentication: tenant API keys on tenant routes, the operator token on operator routes.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, unauthorized } from '../errors.js';

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export default fp(async (app: FastifyInstance) => {
  app.decorateRequest('tenant', null);

  app.decorate('requireTenant', async (request: FastifyRequest) => {
    const key = bearer(request);
    if (!key) throw unauthorized('Send your API key as "Authorization: Bearer <key>"');
    const tenant = await app.deps.repos.tenants.authenticate(key);
    if (!tenant) throw unauthorized('This API key is not valid');
    request.tenant = tenant;
  });

  app.decorate('requireOperator', async (request: FastifyRequest) => {
    const token = bearer(request);
    if (!token) throw unauthorized('Send the operator token as "Authorization: Bearer <token>"');
    if (!sameSecret(token, app.deps.config.operatorToken)) throw forbidden('This is not the operator token');
  });
}, { name: 'auth' });

declare module 'fastify' {
  interface FastifyInstance {
    requireTenant(request: FastifyRequest): Promise<void>;
    requireOperator(request: FastifyRequest): Promise<void>;
  }
}

// Tenant creation, for operators. The API key in the answer is shown once and never again.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';

const TenantBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  adminEmails: Type.Optional(Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 20, uniqueItems: true })),
}, { additionalProperties: false });

const TenantCreated = Type.Object({
  tenant: Type.Object({ id: Type.String(), name: Type.String(), adminEmails: Type.Array(Type.String()), createdAt: Type.String() }),
  apiKey: Type.String({ description: 'Shown once; store it now' }),
});

export default async function tenantRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/v1/tenants', {
    config: { carriesSecret: true },
    schema: { operationId: 'createTenant', tags: ['tenants'], security: [{ operatorToken: [] }], summary: 'Create a tenant and its first API key (operator token)', body: TenantBody, response: { 201: TenantCreated, ...problems(400, 401, 403) } },
  }, async (request, reply) => {
    const { tenant, apiKey } = await app.deps.repos.tenants.create({ name: request.body.name, adminEmails: request.body.adminEmails ?? [] });
    return reply.code(201).send({
      tenant: { id: tenant.id, name: tenant.name, adminEmails: tenant.adminEmails, createdAt: tenant.createdAt.toISOString() },
      apiKey,
    });
  });
}

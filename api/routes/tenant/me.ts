// Who the presented API key belongs to: lets an app check its key.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { problems } from '../../schemas.js';

export default async function currentTenantRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/v1/tenant', {
    schema: {
      operationId: 'getCurrentTenant',
      tags: ['tenants'], summary: 'The tenant this API key belongs to',
      response: { 200: Type.Object({ id: Type.String(), name: Type.String(), adminEmails: Type.Array(Type.String()) }), ...problems(401) },
    },
  }, async (request) => {
    const { id, name, adminEmails } = request.tenant!;
    return { id, name, adminEmails };
  });
}

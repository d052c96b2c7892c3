// Who the presented API key belongs to (lets an app check its key), and the tenant's own settings: the origins
// that may frame its console and receive people back from it.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { originProblem } from '../../../domain/console-origins.js';
import { badRequest } from '../../errors.js';
import { problems } from '../../schemas.js';

const TenantView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  adminEmails: Type.Array(Type.String()),
  consoleFrameOrigins: Type.Array(Type.String(), { description: 'Origins that may embed the console in an iframe and that console return URLs may point to' }),
});

const TenantPatch = Type.Object({
  consoleFrameOrigins: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 20, uniqueItems: true, description: 'scheme://host[:port], https (http only for localhost)' })),
}, { additionalProperties: false });

export default async function currentTenantRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos } = app.deps;

  const view = async (tenant: { id: string; name: string; adminEmails: string[] }) => ({
    id: tenant.id, name: tenant.name, adminEmails: tenant.adminEmails, consoleFrameOrigins: await repos.consoleSettings.frameOrigins(tenant.id),
  });

  app.get('/v1/tenant', {
    schema: { operationId: 'getCurrentTenant', tags: ['tenants'], summary: 'The tenant this API key belongs to', response: { 200: TenantView, ...problems(401) } },
  }, async (request) => view(request.tenant!));

  app.patch('/v1/tenant', {
    schema: { operationId: 'updateCurrentTenant', tags: ['tenants'], summary: 'Change the tenant\'s settings (the console\'s allowed origins)', body: TenantPatch, response: { 200: TenantView, ...problems(400, 401) } },
  }, async (request) => {
    const origins = request.body.consoleFrameOrigins;
    if (origins) {
      const errors = origins.flatMap((o, i) => {
        const problem = originProblem(o);
        return problem ? [{ field: `body/consoleFrameOrigins/${i}`, message: problem }] : [];
      });
      if (errors.length > 0) throw badRequest(`Not an origin the console can allow: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
      await repos.consoleSettings.setFrameOrigins(request.tenant!.id, origins);
    }
    return view(request.tenant!);
  });
}

// Mappings from upstream ids to QuickBooks objects (customers, vendors, items).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Mapping } from '../../../../db/repositories/core/mappings.js';
import { notFound } from '../../../errors.js';
import { mappingExamples, withExamples } from '../../../examples.js';
import { problems, Uuid } from '../../../schemas.js';
import { connectionOf } from '../connection.js';

export const MappingKindSchema = Type.Union([Type.Literal('customers'), Type.Literal('vendors'), Type.Literal('items')]);

const KindParams = Type.Object({ id: Uuid, kind: MappingKindSchema });

const Params = Type.Object({
  id: Uuid,
  kind: MappingKindSchema,
  externalId: Type.String({ minLength: 1, maxLength: 100 }),
});

const MappingView = Type.Object({
  kind: Type.String(),
  externalId: Type.String(),
  quickbooksId: Type.String(),
  quickbooksName: Type.Union([Type.String(), Type.Null()]),
  source: Type.String({ description: 'manual (set here) or auto (found or created when sending)' }),
  updatedAt: Type.String(),
});

/** The body of a mapping: the QuickBooks object's id (the console's picker fills it). */
export const MappingBody = Type.Object({
  quickbooksId: Type.String({ minLength: 1, maxLength: 64 }),
}, { additionalProperties: false });

const view = (m: Mapping) => ({
  kind: m.kind, externalId: m.externalId, quickbooksId: m.quickbooksId, quickbooksName: m.quickbooksName,
  source: m.source, updatedAt: m.updatedAt.toISOString(),
});

export default async function mappingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { mappings } = app.deps.control;

  app.get('/v1/connections/:id/mappings/:kind', {
    schema: {
      operationId: 'listMappings', tags: ['mappings'], summary: 'List mappings of one kind by upstream id', params: KindParams,
      querystring: Type.Object({
        search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Upstream ids or QuickBooks names containing this' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
      }),
      response: { 200: Type.Object({ mappings: Type.Array(MappingView) }), ...problems(400, 401, 404) },
    },
  }, async (request) => ({
    mappings: (await mappings.list(connectionOf(request), request.params.kind, { ...(request.query.search ? { search: request.query.search } : {}), limit: request.query.limit ?? 100 })).map(view),
  }));

  app.get('/v1/connections/:id/mappings/:kind/:externalId', {
    schema: { operationId: 'getMapping', tags: ['mappings'], summary: 'Read one mapping', params: Params, response: { 200: MappingView, ...problems(401, 404) } },
  }, async (request) => {
    const mapping = await mappings.find(connectionOf(request), request.params.kind, request.params.externalId);
    if (!mapping) throw notFound(`No ${request.params.kind} mapping for "${request.params.externalId}"`);
    return view(mapping);
  });

  app.put('/v1/connections/:id/mappings/:kind/:externalId', {
    schema: { operationId: 'setMapping', tags: ['mappings'], summary: 'Map an upstream id to a QuickBooks object (checked in QuickBooks)', params: Params, body: withExamples(MappingBody, mappingExamples), response: { 200: MappingView, ...problems(400, 401, 404, 422, 502) } },
  }, async (request) => view(await mappings.set(connectionOf(request), request.params.kind, request.params.externalId, request.body.quickbooksId)));
}

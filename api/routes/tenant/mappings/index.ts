// Mappings from upstream ids to QuickBooks objects (customers, vendors, items).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Mapping } from '../../../../db/repositories/core/mappings.js';
import { notFound, unprocessable } from '../../../errors.js';
import { mappingExamples, withExamples } from '../../../examples.js';
import { problems, Uuid } from '../../../schemas.js';
import { connectionOf } from '../connection.js';

const Params = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('customers'), Type.Literal('vendors'), Type.Literal('items')]),
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

const MappingBody = Type.Object({
  quickbooksId: Type.String({ minLength: 1, maxLength: 64 }),
}, { additionalProperties: false });

const view = (m: Mapping) => ({
  kind: m.kind, externalId: m.externalId, quickbooksId: m.quickbooksId, quickbooksName: m.quickbooksName,
  source: m.source, updatedAt: m.updatedAt.toISOString(),
});

export default async function mappingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, ledgerFor } = app.deps;

  app.get('/v1/connections/:id/mappings/:kind/:externalId', {
    schema: { operationId: 'getMapping', tags: ['mappings'], summary: 'Read one mapping', params: Params, response: { 200: MappingView, ...problems(401, 404) } },
  }, async (request) => {
    const connection = connectionOf(request);
    const mapping = await repos.mappings.find(connection.id, request.params.kind, request.params.externalId);
    if (!mapping) throw notFound(`No ${request.params.kind} mapping for "${request.params.externalId}"`);
    return view(mapping);
  });

  app.put('/v1/connections/:id/mappings/:kind/:externalId', {
    schema: { operationId: 'setMapping', tags: ['mappings'], summary: 'Map an upstream id to a QuickBooks object (checked in QuickBooks)', params: Params, body: withExamples(MappingBody, mappingExamples), response: { 200: MappingView, ...problems(400, 401, 404, 422, 502) } },
  }, async (request) => {
    const connection = connectionOf(request);
    const { kind, externalId } = request.params;
    const { ledger } = await ledgerFor(connection.id);
    const target = await ledger.get(kind, request.body.quickbooksId);
    if (!target) throw unprocessable(`QuickBooks has no active ${kind.slice(0, -1)} with id ${request.body.quickbooksId}`);
    return view(await repos.mappings.setManual(connection.id, kind, externalId, target));
  });
}

// Look-ups in the connected QuickBooks company, for pickers (customers, vendors, items, accounts, tax codes).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { problems, Uuid } from '../../../schemas.js';
import { connectionOf } from '../connection.js';

export const LookupKindSchema = Type.Union([
  Type.Literal('customers'), Type.Literal('vendors'), Type.Literal('items'), Type.Literal('accounts'), Type.Literal('tax-codes'),
]);

/** A picker's search text. */
export const LookupSearch = Type.String({ minLength: 1, maxLength: 100 });

const Params = Type.Object({ id: Uuid, kind: LookupKindSchema });

export default async function quickBooksLookupRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/v1/connections/:id/quickbooks/:kind', {
    schema: {
      operationId: 'searchQuickBooks',
      tags: ['quickbooks'], summary: 'Search the QuickBooks company (first 100 matches by name)', params: Params,
      querystring: Type.Object({ search: Type.Optional(LookupSearch) }),
      response: {
        200: Type.Object({ results: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), type: Type.Optional(Type.String()), active: Type.Boolean() })) }),
        ...problems(400, 401, 404, 409, 502),
      },
    },
  }, async (request) => ({ results: await app.deps.control.mappings.lookup(connectionOf(request), request.params.kind, request.query.search) }));
}

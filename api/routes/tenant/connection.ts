// The connection a tenant route works on: the tenant scope loads it for every route under /v1/connections/:id.
import type { FastifyRequest } from 'fastify';
import type { Connection } from '../../../db/repositories/core/connections.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant's connection named by `:id`, on routes under /v1/connections/:id. */
    connection: Connection | null;
  }
}

/** The connection the scope loaded for this request (only on routes under /v1/connections/:id). */
export function connectionOf(request: FastifyRequest): Connection {
  if (!request.connection) throw new Error(`${request.routeOptions.url} is not a connection route`);
  return request.connection;
}

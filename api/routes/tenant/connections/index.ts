// Connections: list, create (with the OAuth authorize URL, or the Web Connector credentials), read, rename,
// re-authorise, disconnect, and what is blocking them (sync errors).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ConnectionDescription } from '../../../../control/connections.js';
import { isRetryable } from '../../../../control/sync-errors.js';
import { connectionExamples, withExamples } from '../../../examples.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { CreateQbdConnection, WebConnectorCredentials } from '../desktop/create.js';
import { connectionOf } from '../connection.js';

const ConnectionView = Type.Object({
  id: Type.String(),
  type: Type.String(),
  name: Type.String(),
  status: Type.String({ description: 'pending, connected, expiring, needs_reauth or disconnected' }),
  statusDetail: Type.Union([Type.String(), Type.Null()]),
  realmId: Type.Union([Type.String(), Type.Null()]),
  reauthorizeBy: Type.Union([Type.String(), Type.Null()], { description: 'When QuickBooks will stop accepting this connection unless someone reconnects it' }),
  webConnector: Type.Optional(Type.Object({
    queuedRequests: Type.Integer({ description: 'Requests waiting for the Web Connector to carry them to QuickBooks' }),
    oldestWaitingSince: Type.Union([Type.String(), Type.Null()], { description: 'When the oldest of them was queued' }),
    waitingForRoom: Type.Integer({ description: 'Operations (order or billing steps) waiting for room in the queue before they queue anything' }),
    lastContactAt: Type.Union([Type.String(), Type.Null()], { description: 'When a Web Connector last called' }),
    lastError: Type.Union([Type.Object({ message: Type.String(), at: Type.String() }), Type.Null()], { description: 'The last Web Connector run that ended in an error, with what it was told' }),
  }, { description: 'QuickBooks Desktop connections only' })),
  createdAt: Type.String(),
});

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

const CreateQboConnection = Type.Object({
  type: Type.Literal('qbo'),
  name: Type.Optional(Name),
}, { additionalProperties: false });

const CreateConnection = Type.Union([CreateQboConnection, CreateQbdConnection]);

/** Renaming a connection (the console's "rename"); only the name changes. */
export const RenameConnection = Type.Object({ name: Name }, { additionalProperties: false });

const WithAuthorizeUrl = Type.Object({
  connection: ConnectionView,
  authorizeUrl: Type.String({ description: 'Send the person who owns the QuickBooks company here' }),
});

const WithWebConnector = Type.Object({
  connection: ConnectionView,
  webConnector: WebConnectorCredentials,
});

const view = (c: ConnectionDescription) => ({
  id: c.id,
  type: c.type,
  name: c.name,
  status: c.status,
  statusDetail: c.statusDetail,
  realmId: c.realmId,
  reauthorizeBy: c.reauthorizeBy ? c.reauthorizeBy.toISOString() : null,
  ...(c.webConnector ? {
    webConnector: {
      queuedRequests: c.webConnector.queued,
      oldestWaitingSince: c.webConnector.oldestQueuedAt?.toISOString() ?? null,
      waitingForRoom: c.webConnector.waitingForRoom,
      lastContactAt: c.webConnector.lastContactAt?.toISOString() ?? null,
      lastError: c.webConnector.lastError && { message: c.webConnector.lastError.message, at: c.webConnector.lastError.at.toISOString() },
    },
  } : {}),
  createdAt: c.createdAt.toISOString(),
});

export default async function connectionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { control } = app.deps;
  const connections = control.connections;

  app.get('/v1/connections', {
    schema: { operationId: 'listConnections', tags: ['connections'], summary: 'List the tenant\'s connections', response: { 200: Type.Object({ connections: Type.Array(ConnectionView) }), ...problems(401) } },
  }, async (request) => {
    const list = await connections.list(request.tenant!.id);
    return { connections: (await Promise.all(list.map((c) => connections.describe(c)))).map(view) };
  });

  app.post('/v1/connections', {
    config: { carriesSecret: true }, // the Web Connector password, or a single-use authorisation link
    schema: {
      operationId: 'createConnection',
      tags: ['connections'],
      summary: 'Create a connection: QuickBooks Online (returns the URL that authorises it) or Desktop (returns the Web Connector credentials)',
      body: withExamples(CreateConnection, connectionExamples),
      response: { 201: Type.Union([WithAuthorizeUrl, WithWebConnector]), ...problems(400, 401) },
    },
  }, async (request, reply) => {
    const tenantId = request.tenant!.id;
    if (request.body.type === 'qbd') {
      const created = await control.desktop.create(tenantId, request.body);
      return reply.code(201).send({ connection: view(await connections.describe(created.connection)), webConnector: created.webConnector });
    }
    const { connection, authorizeUrl } = await connections.createOnline(tenantId, request.body.name);
    return reply.code(201).send({ connection: view(await connections.describe(connection)), authorizeUrl });
  });

  app.get('/v1/connections/:id', {
    schema: { operationId: 'getConnection', tags: ['connections'], summary: 'Read a connection', params: ConnectionParams, response: { 200: ConnectionView, ...problems(401, 404) } },
  }, async (request) => view(await connections.describe(connectionOf(request))));

  app.patch('/v1/connections/:id', {
    schema: { operationId: 'renameConnection', tags: ['connections'], summary: 'Rename a connection', params: ConnectionParams, body: RenameConnection, response: { 200: ConnectionView, ...problems(400, 401, 404) } },
  }, async (request) => view(await connections.describe(await connections.rename(connectionOf(request), request.body.name))));

  app.post('/v1/connections/:id/authorize', {
    config: { carriesSecret: true },
    schema: { operationId: 'authorizeConnection', tags: ['connections'], summary: 'Get a new authorisation URL (to reconnect the same company)', params: ConnectionParams, response: { 200: WithAuthorizeUrl, ...problems(400, 401, 404) } },
  }, async (request) => {
    const connection = connectionOf(request);
    const authorizeUrl = await connections.authorizeUrl(connection);
    return { connection: view(await connections.describe(connection)), authorizeUrl };
  });

  app.delete('/v1/connections/:id', {
    schema: {
      operationId: 'disconnectConnection',
      tags: ['connections'],
      summary: 'Disconnect: revoke the authorisation at Intuit, erase the tokens, remove the connection and its billing schedules',
      params: ConnectionParams,
      querystring: Type.Object({ force: Type.Optional(Type.Boolean({ description: 'Remove even if Intuit cannot be reached to revoke' })) }),
      response: { 204: Type.Null(), ...problems(401, 404, 409, 502) },
    },
  }, async (request, reply) => {
    await connections.disconnect(connectionOf(request).id, request.query.force ?? false);
    return reply.code(204).send(null);
  });

  app.get('/v1/connections/:id/sync-errors', {
    schema: {
      operationId: 'listSyncErrors',
      tags: ['connections'],
      summary: 'What is blocking documents and billing, in words a bookkeeper can act on',
      description: 'Errors qbflow can retry carry a retryUrl: POST it once the cause is fixed. Billing errors (documentKind "billing", externalId "organization@period") rerun that organization\'s billing, unit-cost errors ("item-cost") the daily sync, and an order\'s errors (documentKind = the step, externalId = the orderId) send the order again as it was last sent.',
      params: ConnectionParams,
      querystring: Type.Object({ documentKind: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Only errors of this kind, e.g. billing' })) }),
      response: { 200: Type.Object({ errors: Type.Array(Type.Object({ id: Type.String(), documentKind: Type.String(), externalId: Type.String(), code: Type.String(), message: Type.String(), createdAt: Type.String(), retryUrl: Type.Optional(Type.String()) })) }), ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const connection = connectionOf(request);
    const errors = await control.syncErrors.list(connection.id, request.query.documentKind);
    return {
      errors: errors.map((e) => ({
        id: e.id, documentKind: e.documentKind, externalId: e.externalId, code: e.code, message: e.message, createdAt: e.createdAt.toISOString(),
        ...(isRetryable(e) ? { retryUrl: `/v1/connections/${connection.id}/sync-errors/${e.id}/retry` } : {}),
      })),
    };
  });
}

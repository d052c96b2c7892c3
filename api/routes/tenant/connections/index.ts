// Connections: create (with the OAuth authorize URL), read, re-authorise, disconnect.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Connection } from '../../../../db/repositories/core/connections.js';
import { badRequest } from '../../../errors.js';
import { connectionExamples, withExamples } from '../../../examples.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { createQbdConnection } from '../../../../quickbooks/desktop/index.js';
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

const CreateQboConnection = Type.Object({
  type: Type.Literal('qbo'),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
}, { additionalProperties: false });

const CreateConnection = Type.Union([CreateQboConnection, CreateQbdConnection]);

const WithAuthorizeUrl = Type.Object({
  connection: ConnectionView,
  authorizeUrl: Type.String({ description: 'Send the person who owns the QuickBooks company here' }),
});

const WithWebConnector = Type.Object({
  connection: ConnectionView,
  webConnector: WebConnectorCredentials,
});

export default async function connectionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, oauth, control } = app.deps;

  const view = async (connection: Connection) => {
    const tokens = await repos.tokens.read(connection.id);
    const deadline = tokens && [tokens.refreshExpiresAt, tokens.hardExpiresAt].filter((d): d is Date => !!d)
      .reduce((a, b) => (a < b ? a : b));
    return {
      id: connection.id,
      type: connection.type,
      name: connection.name,
      status: connection.status,
      statusDetail: connection.statusDetail,
      realmId: connection.realmId,
      reauthorizeBy: deadline ? deadline.toISOString() : null,
      ...(connection.type === 'qbd' ? { webConnector: await webConnectorView(connection.id) } : {}),
      createdAt: connection.createdAt.toISOString(),
    };
  };

  const webConnectorView = async (connectionId: string) => {
    const [health, waitingForRoom] = await Promise.all([repos.qbdQueue.health(connectionId), repos.qbdOperations.countBlocked(connectionId)]);
    return {
      queuedRequests: health.queued,
      oldestWaitingSince: health.oldestQueuedAt?.toISOString() ?? null,
      waitingForRoom,
      lastContactAt: health.lastContactAt?.toISOString() ?? null,
      lastError: health.lastError && { message: health.lastError.message, at: health.lastError.at.toISOString() },
    };
  };

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
      const created = await createQbdConnection(repos, tenantId, request.body);
      return reply.code(201).send({ connection: await view(created.connection), webConnector: created.webConnector });
    }
    const connection = await repos.connections.create({ tenantId, type: request.body.type, name: request.body.name ?? 'QuickBooks Online' });
    const state = await repos.oauthStates.issue(tenantId, connection.id);
    return reply.code(201).send({ connection: await view(connection), authorizeUrl: oauth.authorizeUrl(state) });
  });

  app.get('/v1/connections/:id', {
    schema: { operationId: 'getConnection', tags: ['connections'], summary: 'Read a connection', params: ConnectionParams, response: { 200: ConnectionView, ...problems(401, 404) } },
  }, async (request) => view(connectionOf(request)));

  app.post('/v1/connections/:id/authorize', {
    config: { carriesSecret: true },
    schema: { operationId: 'authorizeConnection', tags: ['connections'], summary: 'Get a new authorisation URL (to reconnect the same company)', params: ConnectionParams, response: { 200: WithAuthorizeUrl, ...problems(400, 401, 404) } },
  }, async (request) => {
    const connection = connectionOf(request);
    if (connection.type !== 'qbo') throw badRequest('Only QuickBooks Online connections are authorised through OAuth');
    const state = await repos.oauthStates.issue(connection.tenantId, connection.id);
    return { connection: await view(connection), authorizeUrl: oauth.authorizeUrl(state) };
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
    const connection = connectionOf(request);
    await control.connections.disconnect(connection.id, request.query.force ?? false);
    return reply.code(204).send(null);
  });

  app.get('/v1/connections/:id/sync-errors', {
    schema: {
      operationId: 'listSyncErrors',
      tags: ['connections'],
      summary: 'What is blocking documents and billing, in words a bookkeeper can act on',
      description: 'Billing errors (documentKind "billing", externalId "organization@period") and unit-cost errors ("item-cost", the offer) carry a retryUrl: POST it once the cause is fixed.',
      params: ConnectionParams,
      querystring: Type.Object({ documentKind: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Only errors of this kind, e.g. billing' })) }),
      response: { 200: Type.Object({ errors: Type.Array(Type.Object({ id: Type.String(), documentKind: Type.String(), externalId: Type.String(), code: Type.String(), message: Type.String(), createdAt: Type.String(), retryUrl: Type.Optional(Type.String()) })) }), ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const connection = connectionOf(request);
    const kind = request.query.documentKind;
    const errors = kind ? await repos.syncErrors.listOpenOfKind(connection.id, kind) : await repos.syncErrors.listOpen(connection.id);
    const retryable = new Set(['billing', 'item-cost']);
    return {
      errors: errors.map((e) => ({
        id: e.id, documentKind: e.documentKind, externalId: e.externalId, code: e.code, message: e.message, createdAt: e.createdAt.toISOString(),
        ...(retryable.has(e.documentKind) ? { retryUrl: `/v1/connections/${connection.id}/sync-errors/${e.id}/retry` } : {}),
      })),
    };
  });
}

// QuickBooks Desktop connections: the .QWC file, a new Web Connector password, the Web Connector's state, and
// re-importing the company file's lists for pickers.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { qbdListKinds } from '../../../../db/schema/index.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { WebConnectorCredentials } from './create.js';
import { connectionOf } from '../connection.js';

const WebConnectorState = Type.Object({
  userName: Type.String(),
  runEveryMinutes: Type.Integer(),
  qwcUrl: Type.String(),
  companyFile: Type.Union([Type.String(), Type.Null()], { description: 'The company file this connection is bound to (set by the first Web Connector run)' }),
  companyName: Type.Union([Type.String(), Type.Null()]),
  qbxmlVersion: Type.Union([Type.String(), Type.Null()]),
  lastSessionAt: Type.Union([Type.String(), Type.Null()]),
  queue: Type.Object({ queued: Type.Integer(), sent: Type.Integer() }),
  lists: Type.Array(Type.Object({
    kind: Type.String(), state: Type.String(), count: Type.Integer(), pages: Type.Integer(), error: Type.Union([Type.String(), Type.Null()]), finishedAt: Type.Union([Type.String(), Type.Null()]),
  })),
});

export default async function qbdRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { desktop } = app.deps.control;

  app.get('/v1/connections/:id/qwc', {
    schema: {
      operationId: 'downloadQwcFile',
      tags: ['quickbooks desktop'], summary: 'Download the .QWC file to add to the QuickBooks Web Connector', params: ConnectionParams,
      produces: ['application/xml'], response: { 200: Type.String(), ...problems(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { fileName, xml } = await desktop.qwc(connectionOf(request), app.deps.config.publicUrl);
    return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(xml);
  });

  app.post('/v1/connections/:id/password', {
    config: { carriesSecret: true },
    schema: {
      operationId: 'issueWebConnectorPassword',
      tags: ['quickbooks desktop'], summary: 'Issue a new Web Connector password (the old one stops working at once)', params: ConnectionParams,
      response: { 200: WebConnectorCredentials, ...problems(400, 401, 404) },
    },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await desktop.newPassword(connectionOf(request))));

  app.get('/v1/connections/:id/web-connector', {
    schema: { operationId: 'getWebConnectorState', tags: ['quickbooks desktop'], summary: 'The Web Connector side of a connection: company file, queue, imported lists', params: ConnectionParams, response: { 200: WebConnectorState, ...problems(400, 401, 404) } },
  }, async (request) => {
    const state = await desktop.state(connectionOf(request));
    return {
      ...state,
      lastSessionAt: state.lastSessionAt?.toISOString() ?? null,
      lists: state.lists.map((l) => ({ ...l, finishedAt: l.finishedAt?.toISOString() ?? null })),
    };
  });

  app.post('/v1/connections/:id/quickbooks/import', {
    schema: {
      operationId: 'importQuickBooksLists',
      tags: ['quickbooks desktop'], summary: 'Import the company file\'s lists again (customers, vendors, items, accounts) at the next Web Connector run', params: ConnectionParams,
      response: { 202: Type.Object({ lists: Type.Array(Type.String()), detail: Type.String() }), ...problems(400, 401, 404) },
    },
  }, async (request, reply) => {
    await desktop.importLists(connectionOf(request));
    return reply.code(202).send({ lists: [...qbdListKinds], detail: 'The lists will be imported during the next Web Connector run.' });
  });
}

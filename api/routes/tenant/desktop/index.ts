// QuickBooks Desktop connections: the .QWC file, a new Web Connector password, the Web Connector's state, and
// re-importing the company file's lists for pickers.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { qbdListKinds } from '../../../../db/schema/index.js';
import { appUrlProblem, buildQwc } from '../../../../quickbooks/desktop/qbxml/index.js';
import { badRequest, conflict } from '../../../errors.js';
import { startListImport } from '../../../../quickbooks/desktop/web-connector/list-import.js';
import { generatePassword, hashPassword } from '../../../../quickbooks/desktop/passwords.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { qwcPath, WebConnectorCredentials } from './create.js';
import { connectionOf } from '../index.js';

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
  const { repos } = app.deps;
  const settings = app.deps.config.qbd;

  const desktopConnection = async (request: FastifyRequest) => {
    const connection = connectionOf(request);
    const qbd = connection.type === 'qbd' ? await repos.qbdConnections.find(connection.id) : undefined;
    if (!qbd) throw badRequest('This is not a QuickBooks Desktop connection');
    return { connection, qbd };
  };

  app.get('/v1/connections/:id/qwc', {
    schema: {
      tags: ['quickbooks desktop'], summary: 'Download the .QWC file to add to the QuickBooks Web Connector', params: ConnectionParams,
      produces: ['application/xml'], response: { 200: Type.String(), ...problems(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { connection, qbd } = await desktopConnection(request);
    const base = app.deps.config.publicUrl;
    const problem = appUrlProblem(`${base}/qbwc`);
    if (problem) throw conflict(problem);
    const qwc = buildQwc({
      appName: `qbflow - ${connection.name} (${connection.id.slice(0, 8)})`,
      appDescription: `Sends documents from qbflow to the QuickBooks company file of "${connection.name}"`,
      appUrl: `${base}/qbwc`,
      appSupportUrl: `${base}/qbwc/support`,
      userName: qbd.userName,
      fileId: qbd.fileId,
      runEveryMinutes: qbd.runEveryMinutes,
    });
    const file = `qbflow-${connection.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'connection'}.qwc`;
    return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(qwc);
  });

  app.post('/v1/connections/:id/password', {
    schema: {
      tags: ['quickbooks desktop'], summary: 'Issue a new Web Connector password (the old one stops working at once)', params: ConnectionParams,
      response: { 200: WebConnectorCredentials, ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const { connection, qbd } = await desktopConnection(request);
    const password = generatePassword();
    await repos.qbdConnections.setPassword(connection.id, await hashPassword(password));
    return { userName: qbd.userName, password, qwcUrl: qwcPath(connection.id), runEveryMinutes: qbd.runEveryMinutes };
  });

  app.get('/v1/connections/:id/web-connector', {
    schema: { tags: ['quickbooks desktop'], summary: 'The Web Connector side of a connection: company file, queue, imported lists', params: ConnectionParams, response: { 200: WebConnectorState, ...problems(400, 401, 404) } },
  }, async (request) => {
    const { connection, qbd } = await desktopConnection(request);
    const counts = await repos.qbdQueue.counts(connection.id);
    const lists = await repos.qbdLists.imports(connection.id);
    return {
      userName: qbd.userName,
      runEveryMinutes: qbd.runEveryMinutes,
      qwcUrl: qwcPath(connection.id),
      companyFile: qbd.companyFilePath,
      companyName: qbd.companyName,
      qbxmlVersion: qbd.qbxmlVersion,
      lastSessionAt: qbd.lastSessionAt?.toISOString() ?? null,
      queue: { queued: counts.queued, sent: counts.sent },
      lists: lists.map((l) => ({ kind: l.kind, state: l.state, count: l.count, pages: l.pages, error: l.error, finishedAt: l.finishedAt?.toISOString() ?? null })),
    };
  });

  app.post('/v1/connections/:id/quickbooks/import', {
    schema: {
      tags: ['quickbooks desktop'], summary: 'Import the company file\'s lists again (customers, vendors, items, accounts) at the next Web Connector run', params: ConnectionParams,
      response: { 202: Type.Object({ lists: Type.Array(Type.String()), detail: Type.String() }), ...problems(400, 401, 404) },
    },
  }, async (request, reply) => {
    const { connection } = await desktopConnection(request);
    await startListImport(repos, connection.id, settings.listPageSize);
    return reply.code(202).send({ lists: [...qbdListKinds], detail: 'The lists will be imported during the next Web Connector run.' });
  });
}

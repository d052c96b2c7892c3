// The Accounting API v3 under /v3/company/:realmId: entity CRUD, void, invoice send, query, batch, change data
// capture and the company's preferences.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { changeDataCapture } from '../cdc.js';
import { ENTITY_DEFS } from '../entities/index.js';
import { PREFERENCES_ID } from '../entities/preferences.js';
import { fault } from '../faults.js';
import { executeQuery } from '../query/execute.js';
import type { SandboxState } from '../state.js';
import { batchCall } from './batch.js';
import { sendJson, queryParam } from './http.js';
import { deleteEntity, readEntity, requireDef, saveEntity, sendInvoice, voidEntity } from './operations.js';
import { runApiCall, type ApiCall } from './pipeline.js';

interface RealmParams {
  realmId: string;
}
interface EntityParams extends RealmParams {
  entity: string;
}
interface IdParams extends EntityParams {
  id: string;
}

function queryCall(realmId: string, method: 'GET' | 'POST', text: string | undefined): ApiCall {
  return {
    realmId,
    method,
    entity: 'query',
    operation: 'query',
    endpoint: `${method} query`,
    writes: 0,
    execute(ctx) {
      if (text === undefined || text.trim() === '') throw fault.queryParse('Encountered "<EOF>" at line 1, column 1.');
      return { QueryResponse: executeQuery(ctx.company, text) };
    },
  };
}

function postedQuery(request: FastifyRequest): string | undefined {
  if (typeof request.body === 'string') return request.body;
  return queryParam(request, 'query');
}

export async function accountingRoutes(app: FastifyInstance, state: SandboxState): Promise<void> {
  // An empty JSON body is no body (invoice send may carry Content-Type: application/json and nothing else).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400 }), undefined);
    }
  });
  // Intuit takes a posted query as application/text; invoice send comes as application/octet-stream.
  app.addContentTypeParser(['application/text', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, request, reply) => {
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return sendJson(reply, 400, fault.invalidProperty('body', `request body (${error.message})`).body(state.clock.now()));
    }
    request.log.error({ err: error }, 'sandbox request failed');
    return sendJson(reply, 500, fault.system().body(state.clock.now()));
  });

  const base = '/v3/company/:realmId';

  app.get<{ Params: RealmParams }>(`${base}/query`, (request, reply) =>
    runApiCall(state, request, reply, queryCall(request.params.realmId, 'GET', queryParam(request, 'query'))),
  );
  app.post<{ Params: RealmParams }>(`${base}/query`, (request, reply) =>
    runApiCall(state, request, reply, queryCall(request.params.realmId, 'POST', postedQuery(request))),
  );
  app.post<{ Params: RealmParams }>(`${base}/batch`, (request, reply) =>
    runApiCall(state, request, reply, batchCall(request.params.realmId, request.body, state.options.limits.batchMaxItems)),
  );

  app.get<{ Params: RealmParams }>(`${base}/cdc`, (request, reply) =>
    runApiCall(state, request, reply, {
      realmId: request.params.realmId,
      method: 'GET',
      entity: 'cdc',
      operation: 'cdc',
      endpoint: 'GET cdc',
      writes: 0,
      execute: (ctx) => changeDataCapture(ctx.company, queryParam(request, 'entities'), queryParam(request, 'changedsince'), ctx.now),
    }),
  );
  // Preferences have no id in Intuit's read URL: there is one object per company.
  app.get<{ Params: RealmParams }>(`${base}/preferences`, (request, reply) =>
    runApiCall(state, request, reply, {
      realmId: request.params.realmId,
      method: 'GET',
      entity: 'preferences',
      operation: 'read',
      endpoint: 'GET preferences',
      writes: 0,
      execute: (ctx) => ({ Preferences: readEntity(ctx, ENTITY_DEFS.Preferences, PREFERENCES_ID) }),
    }),
  );

  app.get<{ Params: IdParams }>(`${base}/:entity/:id`, (request, reply) => {
    const { realmId, entity, id } = request.params;
    return runApiCall(state, request, reply, {
      realmId,
      method: 'GET',
      entity: entity.toLowerCase(),
      operation: 'read',
      endpoint: `GET ${entity.toLowerCase()}/{id}`,
      writes: 0,
      execute: (ctx) => {
        const def = requireDef(entity);
        return { [def.name]: readEntity(ctx, def, id) };
      },
    });
  });

  app.post<{ Params: IdParams }>(`${base}/:entity/:id/send`, (request, reply) => {
    const { realmId, entity, id } = request.params;
    return runApiCall(state, request, reply, {
      realmId,
      method: 'POST',
      entity: entity.toLowerCase(),
      operation: 'send',
      endpoint: `POST ${entity.toLowerCase()}/{id}/send`,
      writes: 1,
      execute: (ctx) => {
        if (requireDef(entity).name !== 'Invoice') throw fault.unsupported(`send for ${entity}`);
        return { Invoice: sendInvoice(ctx, id, queryParam(request, 'sendto')) };
      },
    });
  });

  app.post<{ Params: EntityParams }>(`${base}/:entity`, (request, reply) => {
    const { realmId, entity } = request.params;
    const op = queryParam(request, 'operation')?.toLowerCase();
    const body = request.body;
    const isUpdate = typeof body === 'object' && body !== null && 'Id' in body;
    const operation = op === 'delete' ? 'delete' : op === 'void' ? 'void' : isUpdate ? 'update' : 'create';
    return runApiCall(state, request, reply, {
      realmId,
      method: 'POST',
      entity: entity.toLowerCase(),
      operation,
      endpoint: `POST ${entity.toLowerCase()}${op ? `?operation=${op}` : ''}`,
      writes: 1,
      execute: (ctx) => {
        const def = requireDef(entity);
        if (op !== undefined && op !== 'delete' && op !== 'void' && op !== 'update') throw fault.unsupported(op);
        const saved = operation === 'delete' ? deleteEntity(ctx, def, body) : operation === 'void' ? voidEntity(ctx, def, body) : saveEntity(ctx, def, body);
        return { [def.name]: saved };
      },
    });
  });
}

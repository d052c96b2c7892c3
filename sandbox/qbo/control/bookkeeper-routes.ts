// HTTP face of the bookkeeper's actions and the e-mail outbox, under /_sandbox/companies/:realmId.
import type { FastifyInstance } from 'fastify';
import type { JsonObject } from '../json.js';
import { defFromPath } from './bookkeeper.js';
import { body, guarded } from './reply.js';
import type { SandboxControl } from './surface.js';

interface Realm {
  realmId: string;
}
interface RealmId extends Realm {
  id: string;
}
interface RealmEntity extends Realm {
  entity: string;
}

export function bookkeeperRoutes(app: FastifyInstance, control: SandboxControl): void {
  const { bookkeeper } = control;
  const base = '/_sandbox/companies/:realmId';

  app.post<{ Params: Realm }>(`${base}/payments`, (request, reply) =>
    guarded(reply, 201, () => ({ Payment: bookkeeper.recordPayment(request.params.realmId, body(request.body) as JsonObject) })),
  );
  app.post<{ Params: RealmId }>(`${base}/payments/:id/void`, (request, reply) =>
    guarded(reply, 200, () => ({ Payment: bookkeeper.voidPayment(request.params.realmId, request.params.id) })),
  );
  app.post<{ Params: RealmId }>(`${base}/payments/:id/delete`, (request, reply) =>
    guarded(reply, 200, () => ({ Payment: bookkeeper.deletePayment(request.params.realmId, request.params.id) })),
  );
  app.delete<{ Params: RealmId }>(`${base}/payments/:id`, (request, reply) =>
    guarded(reply, 200, () => ({ Payment: bookkeeper.deletePayment(request.params.realmId, request.params.id) })),
  );

  // Any record, as Intuit's POST /{entity}: no Id creates, an Id changes (merged), ?operation=void|delete with { Id }.
  app.post<{ Params: RealmEntity; Querystring: { operation?: string } }>(`${base}/records/:entity`, (request, reply) =>
    guarded(reply, 200, () => {
      const { realmId, entity } = request.params;
      const input = body(request.body) as JsonObject;
      const operation = request.query.operation?.toLowerCase();
      if (operation !== undefined && operation !== 'void' && operation !== 'delete') throw new Error('operation must be void or delete');
      if (operation !== undefined && (input.Id === undefined || input.Id === null)) throw new Error(`give the Id of the record to ${operation}`);
      const saved =
        operation === 'void'
          ? bookkeeper.void(realmId, entity, String(input.Id))
          : operation === 'delete'
            ? bookkeeper.delete(realmId, entity, String(input.Id))
            : bookkeeper.save(realmId, entity, input);
      return { [defFromPath(entity)?.name ?? entity]: saved };
    }),
  );

  app.get<{ Params: Realm }>(`${base}/emails`, (request, reply) =>
    guarded(reply, 200, () => {
      const emails = control.companies.emails(request.params.realmId);
      return { count: emails.length, emails };
    }),
  );
}

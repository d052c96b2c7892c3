// HTTP face of the control surface, under /_sandbox. Bodies are JSON; errors are { "error": "…" }.
import type { FastifyInstance } from 'fastify';
import type { CompanyOptions } from '../company/registry.js';
import type { CommitFailureSpec, FailureSpec } from '../fault-injection.js';
import type { SandboxState } from '../state.js';
import { intuitTime } from '../time.js';
import { bookkeeperRoutes } from './bookkeeper-routes.js';
import { ControlError } from './errors.js';
import { body, guarded } from './reply.js';
import type { CompanySettingsPatch, SandboxControl } from './surface.js';
import { webhookRoutes } from './webhook-routes.js';

interface Realm {
  realmId: string;
}

export async function controlRoutes(app: FastifyInstance, deps: { state: SandboxState; control: SandboxControl }): Promise<void> {
  const { state, control } = deps;

  app.get('/_sandbox', async () => ({
    companies: 'GET|POST /_sandbox/companies, GET /_sandbox/companies/:realmId[/:entity]',
    settings: 'POST /_sandbox/companies/:realmId/settings { purchaseOrders?, duplicateDocNumbers?, salesTaxRate?, name?, timeTracking?, workWeekStart? }',
    bookkeeper:
      'POST /_sandbox/companies/:realmId/payments, POST …/payments/:id/void, DELETE …/payments/:id, POST …/records/:entity[?operation=void|delete]',
    emails: 'GET /_sandbox/companies/:realmId/emails',
    webhooks: 'GET|PUT|DELETE /_sandbox/webhooks, GET /_sandbox/webhooks/deliveries, POST|DELETE /_sandbox/webhooks/faults, POST /_sandbox/webhooks/flush',
    customerTaxRate: 'POST /_sandbox/companies/:realmId/customers/:customerId/tax-rate { rate }',
    tokens: 'POST /_sandbox/companies/:realmId/tokens | /expire-tokens | /disconnect',
    faults: 'GET|POST|DELETE /_sandbox/faults, POST /_sandbox/faults/commit-then-fail, DELETE /_sandbox/faults/:id',
    clock: 'GET /_sandbox/clock, POST /_sandbox/clock/advance { seconds }',
    reset: 'POST /_sandbox/reset',
  }));

  app.get('/_sandbox/companies', async () => ({ companies: control.companies.list() }));
  app.post('/_sandbox/companies', (request, reply) => guarded(reply, 201, () => control.companies.create(body(request.body) as CompanyOptions)));
  app.get<{ Params: Realm }>('/_sandbox/companies/:realmId', (request, reply) =>
    guarded(reply, 200, () => {
      const summary = control.companies.get(request.params.realmId);
      if (!summary) throw new ControlError(`no company with realm ${request.params.realmId}`);
      return summary;
    }),
  );
  app.get<{ Params: Realm & { entity: string } }>('/_sandbox/companies/:realmId/:entity', (request, reply) =>
    guarded(reply, 200, () => {
      const items = control.companies.objects(request.params.realmId, request.params.entity);
      return { entity: request.params.entity, count: items.length, items };
    }),
  );
  app.post<{ Params: Realm }>('/_sandbox/companies/:realmId/settings', (request, reply) =>
    guarded(reply, 200, () => control.companies.configure(request.params.realmId, body(request.body) as CompanySettingsPatch)),
  );
  app.post<{ Params: Realm & { customerId: string } }>('/_sandbox/companies/:realmId/customers/:customerId/tax-rate', (request, reply) =>
    guarded(reply, 200, () => {
      const rate = body(request.body).rate;
      if (rate !== null && typeof rate !== 'string' && typeof rate !== 'number') throw new Error('rate must be a percent (string or number) or null');
      control.companies.setCustomerTaxRate(request.params.realmId, request.params.customerId, rate);
      return { ok: true };
    }),
  );
  app.post<{ Params: Realm }>('/_sandbox/companies/:realmId/tokens', (request, reply) =>
    guarded(reply, 201, () => control.tokens.issue(request.params.realmId, { includeHardExpiry: body(request.body).includeHardExpiry === true })),
  );
  app.post<{ Params: Realm }>('/_sandbox/companies/:realmId/expire-tokens', (request, reply) =>
    guarded(reply, 200, () => ({ expired: control.tokens.expireAccessTokens(request.params.realmId) })),
  );
  app.post<{ Params: Realm }>('/_sandbox/companies/:realmId/disconnect', (request, reply) =>
    guarded(reply, 200, () => ({ revokedGrants: control.tokens.revokeRealm(request.params.realmId) })),
  );

  app.get('/_sandbox/faults', async () => ({ faults: control.faults.list() }));
  app.post('/_sandbox/faults', (request, reply) => guarded(reply, 201, () => ({ id: control.faults.failNext(body(request.body) as unknown as FailureSpec) })));
  app.post('/_sandbox/faults/commit-then-fail', (request, reply) =>
    guarded(reply, 201, () => ({ id: control.faults.commitThenFail(body(request.body) as unknown as CommitFailureSpec) })),
  );
  app.delete('/_sandbox/faults', async () => {
    control.faults.clear();
    return { ok: true };
  });
  app.delete<{ Params: { id: string } }>('/_sandbox/faults/:id', async (request) => {
    control.faults.clear(request.params.id);
    return { ok: true };
  });

  app.get('/_sandbox/clock', async () => ({ now: state.clock.now(), time: intuitTime(state.clock.now()), offsetMs: state.clock.offsetMs }));
  app.post('/_sandbox/clock/advance', (request, reply) =>
    guarded(reply, 200, () => {
      const { seconds, ms } = body(request.body);
      const delta = typeof ms === 'number' ? ms : typeof seconds === 'number' ? seconds * 1000 : Number.NaN;
      if (!Number.isFinite(delta)) throw new Error('give { seconds } or { ms }');
      state.clock.advance(delta);
      return { now: state.clock.now(), time: intuitTime(state.clock.now()), offsetMs: state.clock.offsetMs };
    }),
  );
  app.post('/_sandbox/reset', async () => {
    control.reset();
    return { ok: true };
  });

  bookkeeperRoutes(app, control);
  webhookRoutes(app, control.webhooks);
}

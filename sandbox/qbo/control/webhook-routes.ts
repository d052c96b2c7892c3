// HTTP face of webhook control: the app's endpoint, the fault mode, inspection of deliveries, flush.
import type { FastifyInstance } from 'fastify';
import type { WebhookFaultSpec } from '../webhooks/faults.js';
import type { EndpointInput } from '../webhooks/hub.js';
import { body, guarded } from './reply.js';
import type { WebhookControl } from './webhooks.js';

interface Filter {
  clientId?: string;
  realmId?: string;
}

export function webhookRoutes(app: FastifyInstance, webhooks: WebhookControl): void {
  app.get('/_sandbox/webhooks', async () => ({ endpoints: webhooks.endpoints(), faults: webhooks.faults(), idle: webhooks.idle() }));
  for (const method of ['post', 'put'] as const) {
    app[method]('/_sandbox/webhooks', (request, reply) => guarded(reply, 200, () => webhooks.configure(body(request.body) as unknown as EndpointInput)));
  }
  app.delete<{ Querystring: Filter }>('/_sandbox/webhooks', (request, reply) => guarded(reply, 200, () => ({ removed: webhooks.remove(request.query.clientId) })));

  app.get<{ Querystring: Filter }>('/_sandbox/webhooks/deliveries', async (request) => {
    const filter: Filter = {};
    if (request.query.clientId !== undefined) filter.clientId = request.query.clientId;
    if (request.query.realmId !== undefined) filter.realmId = request.query.realmId;
    const deliveries = webhooks.deliveries(filter);
    return { count: deliveries.length, deliveries };
  });

  app.post('/_sandbox/webhooks/faults', (request, reply) =>
    guarded(reply, 200, () => {
      webhooks.setFaults(body(request.body) as WebhookFaultSpec);
      return { faults: webhooks.faults() };
    }),
  );
  app.delete('/_sandbox/webhooks/faults', async () => {
    webhooks.clearFaults();
    return { ok: true };
  });
  app.post('/_sandbox/webhooks/flush', async () => {
    webhooks.flush();
    return { ok: true };
  });
}

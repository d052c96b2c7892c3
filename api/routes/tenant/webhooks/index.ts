// Webhooks: where a tenant wants events, the tenant's signing secret, and every delivery with its status.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { eventTypes } from '../../../../activities/notifications.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../../../db/repositories/core/webhooks.js';
import { webhookExamples, withExamples } from '../../../examples.js';
import { problems, Uuid } from '../../../schemas.js';

export const EventType = Type.Union(eventTypes.map((t) => Type.Literal(t)));

/** A new endpoint: where, and which events (the console's form checks the same). */
export const EndpointBody = Type.Object({
  url: Type.String({ format: 'uri', maxLength: 2000 }),
  events: Type.Array(EventType, { minItems: 1, uniqueItems: true }),
}, { additionalProperties: false });

const EndpointView = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  createdAt: Type.String(),
});

const DeliveryView = Type.Object({
  id: Type.String(),
  endpointId: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  status: Type.String({ description: 'pending (being retried), delivered or failed (gave up)' }),
  attempts: Type.Integer(),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
});

const endpointView = (e: WebhookEndpoint) => ({ id: e.id, url: e.url, events: e.events, createdAt: e.createdAt.toISOString() });
const deliveryView = (d: WebhookDelivery) => ({
  id: d.id, endpointId: d.endpointId, eventId: d.eventId, eventType: d.eventType, status: d.status, attempts: d.attempts,
  lastStatusCode: d.lastStatusCode, lastError: d.lastError, createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null,
});

export default async function webhookRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { lookup } = app.deps;
  const { webhooks } = app.deps.control;

  app.post('/v1/webhooks', {
    config: { carriesSecret: true }, // the first endpoint's answer shows the signing secret
    schema: {
      operationId: 'createWebhookEndpoint',
      tags: ['webhooks'],
      summary: 'Register an endpoint for events',
      description: 'Deliveries are signed: header `qbflow-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the tenant\'s secret. Refuse timestamps older than a few minutes.',
      body: withExamples(EndpointBody, webhookExamples),
      response: { 201: Type.Object({ endpoint: EndpointView, secret: Type.Optional(Type.String({ description: 'The tenant\'s signing secret, shown only when it is created' })) }), ...problems(400, 401) },
    },
  }, async (request, reply) => {
    const { endpoint, newSecret } = await webhooks.addEndpoint(request.tenant!.id, request.body.url, request.body.events, lookup);
    return reply.code(201).send({ endpoint: endpointView(endpoint), ...(newSecret ? { secret: newSecret } : {}) });
  });

  app.get('/v1/webhooks', {
    schema: { operationId: 'listWebhookEndpoints', tags: ['webhooks'], summary: 'List endpoints', response: { 200: Type.Object({ endpoints: Type.Array(EndpointView) }), ...problems(401) } },
  }, async (request) => ({ endpoints: (await webhooks.listEndpoints(request.tenant!.id)).map(endpointView) }));

  app.delete('/v1/webhooks/:endpointId', {
    schema: { operationId: 'deleteWebhookEndpoint', tags: ['webhooks'], summary: 'Remove an endpoint', params: Type.Object({ endpointId: Uuid }), response: { 204: Type.Null(), ...problems(401, 404) } },
  }, async (request, reply) => {
    await webhooks.removeEndpoint(request.tenant!.id, request.params.endpointId);
    return reply.code(204).send(null);
  });

  app.post('/v1/webhooks/secret', {
    config: { carriesSecret: true },
    schema: { operationId: 'rotateWebhookSecret', tags: ['webhooks'], summary: 'Replace the signing secret (shown once)', response: { 200: Type.Object({ secret: Type.String() }), ...problems(401) } },
  }, async (request) => ({ secret: await webhooks.rotateSecret(request.tenant!.id) }));

  app.get('/v1/webhooks/deliveries', {
    schema: {
      operationId: 'listWebhookDeliveries',
      tags: ['webhooks'], summary: 'Deliveries, newest first, with their status',
      querystring: Type.Object({
        status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')])),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
      }),
      response: { 200: Type.Object({ deliveries: Type.Array(DeliveryView) }), ...problems(400, 401) },
    },
  }, async (request) => ({
    deliveries: (await webhooks.deliveries(request.tenant!.id, { ...(request.query.status ? { status: request.query.status } : {}), limit: request.query.limit ?? 100 })).map(deliveryView),
  }));
}

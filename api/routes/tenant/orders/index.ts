// Orders: accept one (202, a durable workflow takes it from there) and report where it stands.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { OrderSchema } from '../../../../domain/order.js';
import { temporalUiLink } from '../../../deps.js';
import { orderExamples, withExamples } from '../../../examples.js';
import { problems, Uuid } from '../../../schemas.js';
import { connectionOf } from '../connection.js';

const Accepted = Type.Object({
  workflowId: Type.String(),
  revision: Type.Integer(),
  statusUrl: Type.String(),
  temporalUiUrl: Type.Optional(Type.String()),
});

const Step = Type.Object({
  step: Type.String(),
  state: Type.String(),
  quickbooksId: Type.Optional(Type.String()),
  action: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
});

const StatusView = Type.Object({
  orderId: Type.String(),
  workflowId: Type.String(),
  run: Type.String({ description: 'Temporal run status: RUNNING, COMPLETED, FAILED, …' }),
  outcome: Type.String({ description: 'running, posted, partially_posted or failed' }),
  revision: Type.Integer(),
  steps: Type.Array(Step),
  error: Type.Optional(Type.String()),
  temporalUiUrl: Type.Optional(Type.String()),
});

export default async function orderRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { control, config } = app.deps;

  app.post('/v1/connections/:id/orders', {
    schema: {
      operationId: 'sendOrder',
      tags: ['orders'],
      summary: 'Send an order to QuickBooks (also for orders placed before the connection existed)',
      description: 'Money is a decimal string with at most two places. Re-sending the same orderId updates what was posted; it never duplicates.',
      params: Type.Object({ id: Uuid }),
      body: withExamples(OrderSchema, orderExamples),
      response: { 202: Accepted, ...problems(400, 401, 403, 404, 409, 413) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    const { workflowId, revision } = await control.orders.accept(connection, request.body);
    const ui = temporalUiLink(config, workflowId);
    return reply.code(202).send({
      workflowId,
      revision,
      statusUrl: `/v1/connections/${connection.id}/orders/${encodeURIComponent(request.body.orderId)}`,
      ...(ui ? { temporalUiUrl: ui } : {}),
    });
  });

  app.get('/v1/connections/:id/orders/:orderId', {
    schema: {
      operationId: 'getOrderStatus',
      tags: ['orders'], summary: 'Where an order stands: each step, the QuickBooks ids, errors in plain words',
      params: Type.Object({ id: Uuid, orderId: Type.String({ minLength: 1, maxLength: 100 }) }),
      response: { 200: StatusView, ...problems(401, 404) },
    },
  }, async (request) => {
    const view = await control.orders.read(connectionOf(request), request.params.orderId);
    const ui = temporalUiLink(config, view.workflowId);
    return { ...view, orderId: request.params.orderId, ...(ui ? { temporalUiUrl: ui } : {}) };
  });
}

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
  warning: Type.Optional(Type.String({ description: 'Posted, but worth checking: e.g. QuickBooks\' sales tax differs from the order\'s tax' })),
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

export const OrderStateSchema = Type.Union([Type.Literal('running'), Type.Literal('posted'), Type.Literal('partially_posted'), Type.Literal('failed')]);

/** Filters of the order list (the console's Activity filters check the same). */
export const OrderListQuery = Type.Object({
  state: Type.Optional(OrderStateSchema),
  from: Type.Optional(Type.String({ format: 'date', description: 'Started on or after this day (UTC), YYYY-MM-DD' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Started on or before this day (UTC), YYYY-MM-DD' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

const OrderSummaryView = Type.Object({
  orderId: Type.String(),
  workflowId: Type.String(),
  run: Type.String(),
  state: Type.String({ description: 'running, posted, partially_posted or failed' }),
  startedAt: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  statusUrl: Type.String(),
  temporalUiUrl: Type.Optional(Type.String()),
});

/** The day after a YYYY-MM-DD (UTC midnight), so "to" includes its whole day. */
export const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

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

  app.get('/v1/connections/:id/orders', {
    schema: {
      operationId: 'listOrders',
      tags: ['orders'], summary: 'The connection\'s orders, newest first, with where each stands (from Temporal\'s visibility)',
      params: Type.Object({ id: Uuid }), querystring: OrderListQuery,
      response: { 200: Type.Object({ orders: Type.Array(OrderSummaryView) }), ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const connection = connectionOf(request);
    const { state, from, to, limit } = request.query;
    const orders = await control.orders.list(connection, {
      ...(state ? { state } : {}), ...(from ? { from: new Date(`${from}T00:00:00Z`) } : {}), ...(to ? { to: dayAfter(to) } : {}), limit: limit ?? 50,
    });
    return {
      orders: orders.map((o) => {
        const ui = temporalUiLink(config, o.workflowId);
        return {
          ...o, startedAt: o.startedAt.toISOString(), closedAt: o.closedAt?.toISOString() ?? null,
          statusUrl: `/v1/connections/${connection.id}/orders/${encodeURIComponent(o.orderId)}`, ...(ui ? { temporalUiUrl: ui } : {}),
        };
      }),
    };
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

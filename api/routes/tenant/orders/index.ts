// Orders: accept one (202, a durable workflow takes it from there) and report where it stands.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { checkOrder, OrderSchema, type Order } from '../../../../domain/order.js';
import { maySend, type Settings } from '../../../../domain/settings.js';
import { ConnectionId, DocumentKind, ExternalId, TenantId } from '../../../../control/search-attributes.js';
import { orderStatus, sendOrder, sendOrderWorkflowId, submitOrder, type OrderStatus } from '../../../../workflows/send-order.js';
import { temporalUiLink } from '../../../deps.js';
import { badRequest, conflict, forbidden, notFound } from '../../../errors.js';
import { problems, Uuid } from '../../../schemas.js';
import { connectionOf } from '../index.js';

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

const documentSetting: Record<Order['documents'][number], keyof Settings['documents']> = {
  invoice: 'invoice', bill: 'bill', purchaseOrder: 'purchaseOrder',
};
const documentWords = { invoice: 'Invoices', bill: 'Bills', purchaseOrder: 'Purchase orders' } as const;

export default async function orderRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, temporal, config } = app.deps;

  app.post('/v1/connections/:id/orders', {
    schema: {
      tags: ['orders'],
      summary: 'Send an order to QuickBooks (also for orders placed before the connection existed)',
      description: 'Money is a decimal string with at most two places. Re-sending the same orderId updates what was posted; it never duplicates.',
      params: Type.Object({ id: Uuid }),
      body: OrderSchema,
      response: { 202: Accepted, ...problems(400, 401, 403, 404, 409, 413) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    const order = request.body;
    const orderProblems = checkOrder(order);
    if (orderProblems.length > 0) {
      throw badRequest(`The order is not valid: ${orderProblems.map((p) => `${p.field} ${p.message}`).join('; ')}`, orderProblems);
    }
    if (connection.status === 'pending' || connection.status === 'disconnected') {
      throw conflict(connection.type === 'qbd'
        ? 'The Web Connector has not reached this QuickBooks Desktop connection yet: add its QWC file to the Web Connector and let it run once'
        : 'This connection is not authorised yet; finish connecting it to QuickBooks first');
    }
    const settings = await repos.settings.read(connection.id);
    if (!maySend(settings, order.sentBy)) throw forbidden(`User ${order.sentBy.userId} may not send documents to QuickBooks on this connection`);
    const refused = order.documents.filter((d) => !settings.documents[documentSetting[d]]);
    if (refused.length > 0) throw forbidden(`${refused.map((d) => documentWords[d]).join(' and ')} may not be sent on this connection (see its settings)`);

    const revision = order.revision ?? 1;
    const posted = await repos.documents.listForOrder(connection.id, order.orderId);
    const newest = Math.max(0, ...posted.map((d) => d.revision));
    if (revision < newest) throw conflict(`Revision ${revision} is older than revision ${newest}, which is already in QuickBooks`);

    const args = { tenantId: connection.tenantId, connectionId: connection.id, orderId: order.orderId, pausedWorkCheckSeconds: config.lifecycle.pausedWorkCheckSeconds };
    const workflowId = sendOrderWorkflowId(args);
    await temporal.workflow.signalWithStart(sendOrder, {
      workflowId,
      taskQueue: config.temporal.taskQueue,
      args: [args],
      signal: submitOrder,
      signalArgs: [{ revision, order }],
      typedSearchAttributes: [
        { key: TenantId, value: connection.tenantId },
        { key: ConnectionId, value: connection.id },
        { key: DocumentKind, value: 'order' },
        { key: ExternalId, value: order.orderId },
      ],
    });
    const ui = temporalUiLink(config, workflowId);
    return reply.code(202).send({
      workflowId,
      revision,
      statusUrl: `/v1/connections/${connection.id}/orders/${encodeURIComponent(order.orderId)}`,
      ...(ui ? { temporalUiUrl: ui } : {}),
    });
  });

  app.get('/v1/connections/:id/orders/:orderId', {
    schema: {
      tags: ['orders'], summary: 'Where an order stands: each step, the QuickBooks ids, errors in plain words',
      params: Type.Object({ id: Uuid, orderId: Type.String({ minLength: 1, maxLength: 100 }) }),
      response: { 200: StatusView, ...problems(401, 404) },
    },
  }, async (request) => {
    const connection = connectionOf(request);
    const workflowId = sendOrderWorkflowId({ tenantId: connection.tenantId, connectionId: connection.id, orderId: request.params.orderId });
    const handle = temporal.workflow.getHandle(workflowId);
    let run: string;
    try {
      run = (await handle.describe()).status.name;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`No order ${request.params.orderId} was sent on this connection`);
      throw error;
    }
    const ui = temporalUiLink(config, workflowId);
    const base = { orderId: request.params.orderId, workflowId, run, ...(ui ? { temporalUiUrl: ui } : {}) };
    if (run === 'RUNNING') return { ...base, ...(await handle.query(orderStatus)) };
    try {
      const status: OrderStatus = await handle.result();
      return { ...base, ...status };
    } catch (error) {
      return { ...base, outcome: 'failed', revision: 0, steps: [], error: rootMessage(error) };
    }
  });
}

function rootMessage(error: unknown): string {
  let current = error as { cause?: unknown; message?: string } | undefined;
  while (current?.cause) current = current.cause as typeof current;
  return current?.message ?? String(error);
}

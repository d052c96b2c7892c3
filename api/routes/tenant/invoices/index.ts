// Invoices from a help desk or project tool: copy one to QuickBooks (202, a durable workflow takes it from there),
// send it through QuickBooks, read where it stands (copied, sent, balance, payments); run the payments feed now.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { UpstreamInvoiceSchema } from '../../../../domain/invoice.js';
import { temporalUiLink } from '../../../deps.js';
import { unprocessable } from '../../../errors.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { connectionOf } from '../connection.js';
import { Accepted, InvoiceParams, InvoiceView, SendAccepted, SendBody } from './schemas.js';

export default async function invoiceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { control, config } = app.deps;
  const statusUrl = (connectionId: string, invoiceId: string) => `/v1/connections/${connectionId}/invoices/${encodeURIComponent(invoiceId)}`;
  const ui = (workflowId: string) => {
    const link = temporalUiLink(config, workflowId);
    return link ? { temporalUiUrl: link } : {};
  };

  app.put('/v1/connections/:id/invoices/:invoiceId', {
    schema: {
      operationId: 'copyInvoice',
      tags: ['invoices'],
      summary: 'Copy an invoice to QuickBooks (again after edits: the same QuickBooks invoice is updated)',
      description: 'Money is a decimal string. The customer is matched by exact display name (a customer mapping overrides), each service type by exact item name (created as a Service item with the connection\'s income account when missing). Idempotent: the same content changes nothing; a higher revision updates in place; a lower one than already copied is refused.',
      params: InvoiceParams,
      body: UpstreamInvoiceSchema,
      response: { 202: Accepted, ...problems(400, 401, 404, 409, 413) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    const { workflowId, revision } = await control.invoices.accept(connection, request.params.invoiceId, request.body);
    return reply.code(202).send({ workflowId, revision, statusUrl: statusUrl(connection.id, request.params.invoiceId), ...ui(workflowId) });
  });

  app.post('/v1/connections/:id/invoices/:invoiceId/send', {
    schema: {
      operationId: 'sendInvoice',
      tags: ['invoices'],
      summary: 'Copy (or re-copy) the invoice, then have QuickBooks e-mail it to its billing address',
      description: 'QuickBooks\' own template, styling and online payment options apply. Sent once per requestId, however often the request is retried. Without a billing e-mail on the invoice it is copied only, and the answer says why. QuickBooks Desktop cannot e-mail invoices: there it is copied only, and the answer says so (sending: false, reason).',
      params: InvoiceParams,
      body: SendBody,
      response: { 202: SendAccepted, ...problems(400, 401, 404, 409, 413, 422) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    const accepted = await control.invoices.send(connection, request.params.invoiceId, request.body);
    return reply.code(202).send({ ...accepted, statusUrl: statusUrl(connection.id, request.params.invoiceId), ...ui(accepted.workflowId) });
  });

  app.get('/v1/connections/:id/invoices/:invoiceId', {
    schema: {
      operationId: 'getInvoice',
      tags: ['invoices'],
      summary: 'Where an invoice stands: each step, its QuickBooks id and number, when and to whom it was sent, balance and payments',
      params: InvoiceParams,
      response: { 200: InvoiceView, ...problems(401, 404) },
    },
  }, async (request) => {
    const view = await control.invoices.read(connectionOf(request), request.params.invoiceId);
    return { ...view, ...ui(view.workflowId) };
  });

  app.post('/v1/connections/:id/payments/sync', {
    schema: {
      operationId: 'syncPayments',
      tags: ['invoices'],
      summary: 'Read QuickBooks\' change feed now (it also runs on a schedule) for payments webhooks may have missed',
      params: ConnectionParams,
      response: { 202: Type.Object({ scheduleId: Type.String() }), ...problems(401, 404, 422) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    if (connection.type !== 'qbo') throw unprocessable('QuickBooks Desktop payments are read at every Web Connector run: run the update in the Web Connector (or wait for its next scheduled run).');
    return reply.code(202).send({ scheduleId: await control.payments.syncNow(connection) });
  });
}

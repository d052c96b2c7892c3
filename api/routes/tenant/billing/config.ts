// The billing configuration of a connection, and its Temporal Schedules (created or updated with it).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { BillingConfiguration } from '../../../../control/billing-config.js';
import { notFound } from '../../../errors.js';
import { billingConfigExamples, withExamples } from '../../../examples.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { BillingConfigBody, BillingConfigView } from './schemas.js';
import { connectionOf } from '../connection.js';

const view = (row: BillingConfiguration) => ({
  mode: row.mode,
  dayOfMonth: row.dayOfMonth,
  prorate: { increases: row.prorateIncreases, decreases: row.prorateDecreases },
  timeZone: row.timeZone,
  hour: row.time,
  schedule: row.schedule,
  updatedAt: row.updatedAt.toISOString(),
});

export default async function billingConfigRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { billingConfig } = app.deps.control;

  app.get('/v1/connections/:id/billing', {
    schema: { operationId: 'getBillingConfig', tags: ['billing'], summary: 'Read the billing configuration and when its schedule runs next', params: ConnectionParams, response: { 200: BillingConfigView, ...problems(401, 404) } },
  }, async (request) => {
    const configuration = await billingConfig.read(connectionOf(request).id);
    if (!configuration) throw notFound('Billing is not configured on this connection yet (PUT it first)');
    return view(configuration);
  });

  app.put('/v1/connections/:id/billing', {
    schema: {
      operationId: 'configureBilling',
      tags: ['billing'],
      summary: 'Configure monthly billing: mode (fixed once saved), billing day, proration, time zone and hour',
      description: 'Creates or updates the connection\'s billing schedule (day N at the hour, in the time zone) and its daily sync schedule (one hour earlier). Changes apply from the next run.',
      params: ConnectionParams,
      body: withExamples(BillingConfigBody, billingConfigExamples),
      response: { 200: BillingConfigView, ...problems(400, 401, 404, 409, 503) },
    },
  }, async (request) => view(await billingConfig.save(connectionOf(request), request.body)));
}

// The billing configuration of a connection, and its Temporal Schedules (created or updated with it).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { describeBillingSchedules, parseTime, upsertBillingSchedules } from '../../../../control/billing-schedules.js';
import type { BillingConfigRow } from '../../../../db/repositories/billing/setup.js';
import { isTimeZone, localDate, wallTimeProblem } from '../../../../domain/billing/index.js';
import { badRequest, conflict, notFound, Problem } from '../../../errors.js';
import { billingConfigExamples, withExamples } from '../../../examples.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { BillingConfigBody, BillingConfigView } from './schemas.js';
import { connectionOf } from '../connection.js';

export const DEFAULT_TIME_ZONE = 'America/New_York';
export const DEFAULT_HOUR = '05:00';

export default async function billingConfigRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, control, config } = app.deps;
  const temporal = control.client;

  const view = async (row: BillingConfigRow) => ({
    mode: row.mode,
    dayOfMonth: row.dayOfMonth,
    prorate: { increases: row.prorateIncreases, decreases: row.prorateDecreases },
    timeZone: row.timeZone,
    hour: row.time,
    schedule: (await describeBillingSchedules(temporal, row.connectionId)) ?? null,
    updatedAt: row.updatedAt.toISOString(),
  });

  app.get('/v1/connections/:id/billing', {
    schema: { operationId: 'getBillingConfig', tags: ['billing'], summary: 'Read the billing configuration and when its schedule runs next', params: ConnectionParams, response: { 200: BillingConfigView, ...problems(401, 404) } },
  }, async (request) => {
    const connection = connectionOf(request);
    const row = await repos.billing.readConfig(connection.id);
    if (!row) throw notFound('Billing is not configured on this connection yet (PUT it first)');
    return view(row);
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
  }, async (request) => {
    const connection = connectionOf(request);
    const body = request.body;
    const timeZone = body.timeZone ?? DEFAULT_TIME_ZONE;
    const time = body.hour ?? DEFAULT_HOUR;
    if (!isTimeZone(timeZone)) throw badRequest(`"${timeZone}" is not a time zone we know; use an IANA name such as America/New_York or Europe/Paris`, [{ field: 'body/timeZone', message: 'is not an IANA time zone' }]);
    const { hour, minute } = parseTime(time);
    const problem = wallTimeProblem(timeZone, hour, minute, localDate(Date.now(), timeZone));
    if (problem) {
      const what = problem.kind === 'skipped' ? 'does not exist (the clocks skip it)' : 'happens twice (the clocks go back)';
      throw badRequest(`${time} ${what} on ${problem.date} in ${timeZone}, so a run at that time could be missed or doubled; choose a time outside the daylight-saving change (05:00 is always safe in North America)`, [{ field: 'body/hour', message: 'falls in a daylight-saving change' }]);
    }
    const existing = await repos.billing.readConfig(connection.id);
    const modeChanged = (mode: string) => conflict(`The billing mode of this connection is "${mode}" and cannot change once saved: invoices already issued ${mode === 'advance' ? 'bill the coming period' : 'bill the period that ended'}, so switching would bill a period twice or not at all. Keep "${mode}" (every other setting can change), or bill from a new connection.`);
    if (existing && existing.mode !== body.mode) throw modeChanged(existing.mode);

    const input = {
      mode: body.mode,
      dayOfMonth: body.dayOfMonth,
      prorateIncreases: body.prorate?.increases ?? false,
      prorateDecreases: body.prorate?.decreases ?? false,
      timeZone,
      time,
    };
    // the schedules change in the same transaction: if Temporal refuses, nothing is saved
    const saved = await repos.transaction(async (tx) => {
      const row = await repos.billing.saveConfig(connection.id, input, tx);
      if (!row) throw modeChanged(body.mode === 'advance' ? 'arrears' : 'advance'); // saved meanwhile by another request
      try {
        await upsertBillingSchedules({ client: temporal, taskQueue: config.temporal.taskQueue, tenantId: connection.tenantId, connectionId: connection.id }, { dayOfMonth: input.dayOfMonth, timeZone, time });
      } catch (error) {
        request.log.error({ err: error }, 'billing schedule update failed');
        throw new Problem(503, 'Service Unavailable', 'The billing schedule could not be saved in Temporal; nothing was changed. Try again in a moment.');
      }
      return row;
    });
    return view(saved);
  });
}

// Billing runs: run or re-run one period by hand (202, a workflow), list runs with per-organization results,
// and retry what a sync error says failed, once it is fixed.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { BillingRunResultRow, BillingRunRow } from '../../../../db/repositories/billing/runs.js';
import { emptyCounts } from '../../../../activities/billing/invoices.js';
import { isPeriodStart, monthDay, periodStartingOn } from '../../../../domain/billing/index.js';
import { formatCents } from '../../../../domain/money.js';
import { temporalUiLink } from '../../../deps.js';
import { badRequest, conflict, notFound } from '../../../errors.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { Accepted, RunBody, RunParams, RunView, SyncErrorParams } from './schemas.js';
import { connectionOf } from '../connection.js';

const resultView = (r: BillingRunResultRow) => ({
  organizationId: r.organizationId, outcome: r.outcome, invoiceId: r.invoiceId, invoiceNumber: r.invoiceNumber,
  billed: r.billedCents === null ? null : formatCents(r.billedCents), lines: r.lines, detail: r.detail,
});

function runView(run: BillingRunRow, results: BillingRunResultRow[], withResults: boolean) {
  const counts = emptyCounts();
  for (const r of results) counts[r.outcome] += 1;
  return {
    id: run.id,
    period: { start: run.periodStart, end: run.periodEnd },
    trigger: run.trigger,
    scheduledFor: run.scheduledFor?.toISOString() ?? null,
    status: run.status,
    organizations: run.organizations,
    counts,
    error: run.error,
    workflowId: run.workflowId,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    ...(withResults ? { results: results.map(resultView) } : {}),
  };
}

export default async function billingRunRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, control, config } = app.deps;

  const start = control.billingRuns.start;


  app.post('/v1/connections/:id/billing/runs', {
    schema: {
      operationId: 'startBillingRun',
      tags: ['billing'],
      summary: 'Run (or re-run) one billing period by hand; re-running never adds a second invoice or line',
      description: '`period` is the billed period\'s first day: a billing day. In advance mode that period is billed with the changes of the one before; in arrears mode, with its own changes.',
      params: ConnectionParams, body: RunBody, response: { 202: Accepted, ...problems(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    const settings = await repos.billing.readConfig(connection.id);
    if (!settings) throw conflict('Billing is not configured on this connection yet (PUT /v1/connections/:id/billing first)');
    const { period } = request.body;
    if (!isPeriodStart(period, settings.dayOfMonth)) {
      const suggestion = monthDay(period, 0, settings.dayOfMonth);
      throw badRequest(`Periods on this connection start on day ${settings.dayOfMonth} of the month; ${period} is not a period's first day (did you mean ${suggestion}?)`, [{ field: 'body/period', message: 'is not a billing day' }]);
    }
    const billed = periodStartingOn(period, settings.dayOfMonth);
    const workflowId = await start({ tenantId: connection.tenantId, connectionId: connection.id, trigger: 'manual', period });
    const ui = temporalUiLink(config, workflowId);
    return reply.code(202).send({ workflowId, period: { start: billed.start, end: billed.end }, runsUrl: `/v1/connections/${connection.id}/billing/runs`, ...(ui ? { temporalUiUrl: ui } : {}) });
  });

  app.get('/v1/connections/:id/billing/runs', {
    schema: {
      operationId: 'listBillingRuns',
      tags: ['billing'], summary: 'Billing runs, newest first, with what each did per organization',
      params: ConnectionParams,
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        results: Type.Optional(Type.Boolean({ default: true, description: 'Include per-organization results' })),
      }),
      response: { 200: Type.Object({ runs: Type.Array(RunView) }), ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const connection = connectionOf(request);
    const runs = await repos.billingRuns.listRuns(connection.id, request.query.limit ?? 20);
    const results = await repos.billingRuns.resultsOf(runs.map((r) => r.id));
    return { runs: runs.map((run) => runView(run, results.filter((r) => r.runId === run.id), request.query.results ?? true)) };
  });

  app.get('/v1/connections/:id/billing/runs/:runId', {
    schema: { operationId: 'getBillingRun', tags: ['billing'], summary: 'One billing run with its per-organization results', params: RunParams, response: { 200: RunView, ...problems(401, 404) } },
  }, async (request) => {
    const connection = connectionOf(request);
    const run = await repos.billingRuns.getRun(connection.id, request.params.runId);
    if (!run) throw notFound(`No billing run ${request.params.runId} on this connection`);
    return runView(run, await repos.billingRuns.resultsOf([run.id]), true);
  });

  app.post('/v1/connections/:id/sync-errors/:errorId/retry', {
    schema: {
      operationId: 'retrySyncError',
      tags: ['connections'],
      summary: 'Retry what a sync error stopped, once it is fixed (billing of an organization for a period, an item\'s unit cost, or an order sent again as it was last sent)',
      params: SyncErrorParams,
      response: { 202: Type.Object({ workflowId: Type.String(), retrying: Type.String() }), ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.code(202).send(await control.syncErrors.retry(connectionOf(request), request.params.errorId)));
}

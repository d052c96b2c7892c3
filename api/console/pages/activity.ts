// Activity: orders, invoices, timesheet entries and billing runs (see activity-kinds.ts) filtered by state and date,
// documents posted and failed per day, and for Desktop the queue waiting for the Web Connector over time; one order's
// steps with its QuickBooks ids, its errors in words, its run in Temporal UI, and "send again" when it stopped.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Connection } from '../../../db/repositories/core/connections.js';
import { DateString } from '../../../domain/order.js';
import { temporalUiLink } from '../../deps.js';
import { dayAfter } from '../../routes/tenant/orders/index.js';
import { checkBody } from '../../validation.js';
import { connectionBase, contextOf, type ConsoleContext } from '../context.js';
import { fieldErrors, errorAt, type FieldErrors } from '../forms.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import { dailyChart, queueChart } from '../views/chart.js';
import { postForm, submit, table } from '../views/components.js';
import { page } from '../views/layout.js';
import { activityKind, activityKinds, type ActivityFilter } from './activity-kinds.js';
import { noticeText, redirectWith, sendHtml } from './respond.js';

interface Params { tenantId: string; connectionId: string }
interface Query { kind?: string; state?: string; from?: string; to?: string; notice?: string }

const Dates = Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString) });
const CHART_DAYS = 14;
const QUEUE_HOURS = 48;

export default async function activityPages(app: FastifyInstance) {
  const { control, repos, config } = app.deps;
  const deps = { control, repos, config };

  const filters = (ctx: ConsoleContext, base: string, query: Query, errors?: FieldErrors): Html => {
    const { t } = ctx;
    const kind = activityKind(query.kind);
    const field = (name: 'from' | 'to', label: string) => {
      const error = errorAt(errors, name);
      return html`<div><label for="f-${name}">${label}</label><input type="date" id="f-${name}" name="${name}" value="${query[name] ?? ''}"${error ? html` aria-invalid="true" aria-describedby="f-${name}-error"` : ''}>${error ? html`<p class="field-error" id="f-${name}-error">${error}</p>` : ''}</div>`;
    };
    return html`<form method="get" action="${base}/activity" class="filters" aria-label="${t.t('activity.filters')}"><input type="hidden" name="kind" value="${kind.key}">
<div><label for="f-state">${t.t('activity.state')}</label><select id="f-state" name="state"><option value="">${t.t('activity.state.any')}</option>${kind.states.map((s) => html`<option value="${s.value}"${s.value === query.state ? html` selected` : ''}>${t.t(s.label)}</option>`)}</select></div>
${field('from', t.t('activity.from'))}${field('to', t.t('activity.to'))}
<div><button type="submit" class="secondary">${t.t('common.filter')}</button></div></form>`;
  };

  const view = async (ctx: ConsoleContext, connection: Connection, query: Query): Promise<Html> => {
    const { t } = ctx;
    const base = connectionBase(connection.tenantId, connection.id);
    const kind = activityKind(query.kind);
    const dates = { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
    const dateErrors = checkBody(Dates, dates);
    const errors = dateErrors.length > 0 ? fieldErrors(t, dateErrors) : undefined;
    const filter: ActivityFilter = {
      ...(kind.states.some((s) => s.value === query.state) ? { state: query.state } : {}),
      ...(!errors && dates.from ? { from: new Date(`${dates.from}T00:00:00Z`) } : {}),
      ...(!errors && dates.to ? { to: dayAfter(dates.to) } : {}),
    };
    const [days, listing] = await Promise.all([repos.consoleActivity.dailyCounts(connection.id, CHART_DAYS), kind.list(ctx, deps, connection, filter)]);
    const queue = connection.type === 'qbd' ? queueChart(ctx, await repos.consoleActivity.queueDepth(connection.id, QUEUE_HOURS)) : '';
    const body = html`<h1>${t.t('activity.title')}</h1>
${dailyChart(ctx, days)}
${queue}
<nav aria-label="${t.t('activity.kinds')}"><ul class="kinds">${activityKinds.map((k) => html`<li><a href="${base}/activity?kind=${k.key}"${k.key === kind.key ? html` aria-current="page"` : ''}>${t.t(k.label)}</a></li>`)}</ul></nav>
${filters(ctx, base, query, errors)}
<h2>${t.t(kind.label)}</h2>
${listing}`;
    return page(ctx, { title: `${t.t('activity.title')}: ${t.t(kind.label)}`, body, ...(noticeText(t, query) ? { notice: noticeText(t, query)! } : {}) });
  };

  app.get<{ Params: Params; Querystring: Query }>('/console/t/:tenantId/c/:connectionId/activity', { config: { console: { page: 'activity' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    return sendHtml(reply, await view(ctx, ctx.connection!, request.query));
  });

  app.get<{ Params: Params & { orderId: string } }>('/console/t/:tenantId/c/:connectionId/activity/orders/:orderId', { config: { console: { page: 'activity' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const { t } = ctx;
    const connection = ctx.connection!;
    const base = connectionBase(connection.tenantId, connection.id);
    const order = await control.orders.read(connection, request.params.orderId);
    const ui = temporalUiLink(config, order.workflowId);
    const stepName = (step: string) => step.startsWith('payment:') ? t.t('order.step.payment', { id: step.slice(8) }) : t.t(`order.step.${step}` as MessageKey);
    const retryable = order.run !== 'RUNNING' && order.outcome !== 'posted';
    const body = html`<h1>${t.t('order.title', { id: request.params.orderId })}</h1>
<p>${t.t('order.revision', { revision: order.revision })} · <span class="badge ${order.outcome === 'posted' ? 'ok' : order.outcome === 'running' ? 'pending' : 'bad'}">${t.t(`activity.state.${order.outcome}` as MessageKey)}</span>
${ui ? html` · <a href="${ui}" target="_blank" rel="noopener">${t.t('activity.temporal')}</a>` : ''}</p>
${order.error ? html`<p class="banner bad">${t.t('order.error')}: ${order.error}</p>` : ''}
<h2>${t.t('order.steps')}</h2>
${table([t.t('order.col.step'), t.t('order.col.state'), t.t('order.col.quickbooks'), t.t('order.col.detail')], order.steps.map((s) => [
    stepName(s.step),
    html`<span class="badge ${s.state === 'done' ? 'ok' : s.state === 'failed' ? 'bad' : s.state === 'skipped' || s.state === 'paused' ? 'warn' : 'pending'}">${t.t(`order.stepState.${s.state}` as MessageKey)}</span>`,
    s.quickbooksId ? html`<code>${s.quickbooksId}</code>${s.action ? html` <span class="hint">${t.t(`order.action.${s.action}` as MessageKey)}</span>` : ''}` : '',
    s.error ? html`<span class="field-error">${s.error}</span>` : s.detail ?? '',
  ]), { caption: t.t('order.steps') })}
${retryable ? postForm(ctx, `${base}/activity/orders/${encodeURIComponent(request.params.orderId)}/retry`, submit(ctx, t.t('order.retry'))) : ''}
<p><a href="${base}/activity">${t.t('activity.title')}</a></p>`;
    return sendHtml(reply, page(ctx, { title: t.t('order.title', { id: request.params.orderId }), body, ...(noticeText(t, request.query) ? { notice: noticeText(t, request.query)! } : {}) }));
  });

  app.post<{ Params: Params & { orderId: string } }>('/console/t/:tenantId/c/:connectionId/activity/orders/:orderId/retry', { config: { console: { page: 'activity' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    await control.orders.retry(connection, request.params.orderId);
    return redirectWith(reply, `${connectionBase(connection.tenantId, connection.id)}/activity/orders/${encodeURIComponent(request.params.orderId)}`, 'resent');
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/activity/timesheets/retry', { config: { console: { page: 'activity' } } }, async (request, reply) => {
    const connection = contextOf(request).connection!;
    await control.timesheets.retryFailed(connection);
    return redirectWith(reply, `${connectionBase(connection.tenantId, connection.id)}/activity?kind=timesheets`, 'requeued');
  });
}

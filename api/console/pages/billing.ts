// Billing: the mode (said plainly to be fixed once saved, then shown fixed), proration, the billing day, time and
// zone, when the schedule runs next, and the runs with what each did per organization. Saved by the same control
// function as PUT /v1/connections/:id/billing, checked by its schema.
import type { FastifyInstance } from 'fastify';
import type { BillingConfigInput } from '../../../control/billing-config.js';
import { DEFAULT_HOUR, DEFAULT_TIME_ZONE } from '../../../control/billing-config.js';
import type { Connection } from '../../../db/repositories/core/connections.js';
import { formatCents } from '../../../domain/money.js';
import { BillingConfigBody } from '../../routes/tenant/billing/schemas.js';
import { connectionBase, contextOf, type ConsoleContext } from '../context.js';
import { attempt, check, integer, list, text, type FieldErrors } from '../forms.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import { choiceGroup, formErrors, postForm, submit, table, textField } from '../views/components.js';
import { page } from '../views/layout.js';
import { noticeText, redirectWith, sendHtml } from './respond.js';

interface Params { tenantId: string; connectionId: string }

interface Shown { mode?: string; dayOfMonth: string; increases: boolean; decreases: boolean; timeZone: string; hour: string }

export default async function billingPages(app: FastifyInstance) {
  const { control, repos } = app.deps;

  /** The runs with their per-organization results (the same rows GET …/billing/runs reads). */
  const runs = async (ctx: ConsoleContext, connection: Connection): Promise<Html> => {
    const { t } = ctx;
    const rows = await repos.billingRuns.listRuns(connection.id, 20);
    if (rows.length === 0) return html`<p>${t.t('billing.runs.empty')}</p>`;
    const results = await repos.billingRuns.resultsOf(rows.map((r) => r.id));
    return table([t.t('billing.col.period'), t.t('billing.col.trigger'), t.t('billing.col.status'), t.t('billing.col.results')], rows.map((run) => [
      `${run.periodStart} → ${run.periodEnd}`,
      t.t(`billing.trigger.${run.trigger}` as MessageKey),
      html`${t.t(`billing.status.${run.status}` as MessageKey)}${run.error ? html`<p class="field-error">${run.error}</p>` : ''}`,
      html`<ul>${results.filter((r) => r.runId === run.id).map((r) => html`<li><code>${r.organizationId}</code>: ${t.t(`billing.outcome.${r.outcome}` as MessageKey)}${r.invoiceNumber ? ` #${r.invoiceNumber}` : ''}${r.billedCents !== null ? ` (${formatCents(r.billedCents)})` : ''}${r.detail ? html` <span class="hint">${r.detail}</span>` : ''}</li>`)}</ul>`,
    ]), { caption: t.t('billing.runs') });
  };

  const view = async (ctx: ConsoleContext, connection: Connection, shown?: Shown, errors?: FieldErrors, notice?: string): Promise<Html> => {
    const { t } = ctx;
    const saved = await control.billingConfig.read(connection.id);
    const values: Shown = shown ?? {
      mode: saved?.mode, dayOfMonth: String(saved?.dayOfMonth ?? 1), increases: saved?.prorateIncreases ?? false, decreases: saved?.prorateDecreases ?? false,
      timeZone: saved?.timeZone ?? DEFAULT_TIME_ZONE, hour: saved?.time ?? DEFAULT_HOUR,
    };
    const modes = (['advance', 'arrears'] as const).filter((m) => !saved || saved.mode === m);
    const body = html`<h1>${t.t('billing.title')}</h1>
${saved ? '' : html`<p class="banner info">${t.t('billing.notConfigured')}</p>`}
${formErrors(ctx, errors)}
${postForm(ctx, `${connectionBase(connection.tenantId, connection.id)}/billing`, html`
${choiceGroup({ legend: t.t('billing.mode'), name: 'mode', type: 'radio', errors, paths: ['mode'], hint: t.t(saved ? 'billing.mode.fixed' : 'billing.mode.warning'),
  choices: modes.map((m) => ({ value: m, label: t.t(`billing.mode.${m}`), checked: values.mode === m })) })}
${choiceGroup({ legend: t.t('billing.prorate'), name: 'prorate', type: 'checkbox', errors, paths: ['prorate'], choices: [
  { value: 'increases', label: t.t('billing.prorate.increases'), checked: values.increases },
  { value: 'decreases', label: t.t('billing.prorate.decreases'), checked: values.decreases },
] })}
${textField({ name: 'dayOfMonth', label: t.t('billing.day'), type: 'number', value: values.dayOfMonth, errors })}
${textField({ name: 'hour', label: t.t('billing.hour'), value: values.hour, errors })}
${textField({ name: 'timeZone', label: t.t('billing.timeZone'), value: values.timeZone, errors })}
${submit(ctx, t.t('common.save'))}`)}
${saved?.schedule ? html`<h2>${t.t('billing.next')}</h2><ul>${saved.schedule.nextRuns.map((d) => html`<li>${t.dateTime(new Date(d))}</li>`)}</ul>` : ''}
<h2>${t.t('billing.runs')}</h2>
${await runs(ctx, connection)}`;
    return page(ctx, { title: t.t('billing.title'), body, ...(notice ? { notice } : {}) });
  };

  app.get<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/billing', { config: { console: { page: 'billing' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    return sendHtml(reply, await view(ctx, ctx.connection!, undefined, undefined, noticeText(ctx.t, request.query)));
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/billing', { config: { console: { page: 'billing' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    const prorate = list(request.body, 'prorate');
    const shown: Shown = {
      mode: text(request.body, 'mode'), dayOfMonth: text(request.body, 'dayOfMonth').trim(), increases: prorate.includes('increases'), decreases: prorate.includes('decreases'),
      timeZone: text(request.body, 'timeZone').trim(), hour: text(request.body, 'hour').trim(),
    };
    const body = {
      mode: shown.mode, dayOfMonth: integer(shown.dayOfMonth), prorate: { increases: shown.increases, decreases: shown.decreases },
      ...(shown.timeZone ? { timeZone: shown.timeZone } : {}), ...(shown.hour ? { hour: shown.hour } : {}),
    };
    const checked = check<BillingConfigInput>(ctx.t, BillingConfigBody, body);
    const saved = checked.ok ? await attempt(() => control.billingConfig.save(connection, checked.value)) : checked;
    if (!saved.ok) return sendHtml(reply, await view(ctx, connection, shown, saved.errors), { status: 422, stay: true });
    return redirectWith(reply, `${connectionBase(connection.tenantId, connection.id)}/billing`, 'saved');
  });
}

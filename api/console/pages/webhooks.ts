// Webhooks: the tenant's endpoints (add, remove), the signing secret (rotate, shown once), and recent deliveries
// with their status. The same control functions and body schema as /v1/webhooks.
import type { FastifyInstance } from 'fastify';
import { eventTypes } from '../../../activities/notifications.js';
import { EndpointBody } from '../../routes/tenant/webhooks/index.js';
import { contextOf, tenantBase, tenantOf, type ConsoleContext } from '../context.js';
import { attempt, check, list, text, type FieldErrors } from '../forms.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import { choiceGroup, formErrors, postForm, secretValue, submit, table, textField } from '../views/components.js';
import { page } from '../views/layout.js';
import { noticeText, redirectWith, sendHtml } from './respond.js';

interface Params { tenantId: string }

export default async function webhookPages(app: FastifyInstance) {
  const { webhooks } = app.deps.control;

  const view = async (ctx: ConsoleContext, options: { errors?: FieldErrors; values?: { url: string; events: string[] }; secret?: string; notice?: string } = {}): Promise<Html> => {
    const { t } = ctx;
    const tenant = tenantOf(ctx);
    const base = `${tenantBase(tenant.id)}/webhooks`;
    const [endpoints, deliveries, hasSecret] = await Promise.all([
      webhooks.listEndpoints(tenant.id), webhooks.deliveries(tenant.id, { limit: 20 }), webhooks.hasSecret(tenant.id),
    ]);
    const eventLabel = (e: string) => t.t(`webhooks.event.${e}` as MessageKey);
    const endpointUrl = new Map(endpoints.map((e) => [e.id, e.url]));
    const body = html`<h1>${t.t('webhooks.title')}</h1><p>${t.t('webhooks.intro')}</p>
<h2>${t.t('webhooks.endpoints')}</h2>
${endpoints.length === 0 ? html`<p>${t.t('webhooks.empty')}</p>` : table([t.t('webhooks.url'), t.t('webhooks.events'), t.t('common.actions')], endpoints.map((e) => [
    html`<code>${e.url}</code>`,
    html`<ul>${e.events.map((ev) => html`<li>${eventLabel(ev)} <span class="hint">(${ev})</span></li>`)}</ul>`,
    postForm(ctx, `${base}/${e.id}/remove`, submit(ctx, t.t('common.remove'), { className: 'secondary' }), { className: 'inline', label: t.t('webhooks.remove', { url: e.url }) }),
  ]), { caption: t.t('webhooks.endpoints') })}
${formErrors(ctx, options.errors)}
${postForm(ctx, base, html`${textField({ name: 'url', label: t.t('webhooks.url'), type: 'url', value: options.values?.url ?? '', errors: options.errors })}
${choiceGroup({ legend: t.t('webhooks.events'), name: 'events', type: 'checkbox', errors: options.errors, choices: eventTypes.map((e) => ({ value: e, label: `${eventLabel(e)} (${e})`, checked: options.values?.events.includes(e) ?? false })) })}
${submit(ctx, t.t('webhooks.add'))}`)}
<h2>${t.t('webhooks.secret')}</h2>
${options.secret ? html`${secretValue(ctx, 'webhook-secret', options.secret, t.t('webhooks.copy'))}<p class="banner warn">${t.t('webhooks.secret.once')}</p>` : html`<p>${t.t(hasSecret ? 'webhooks.secret.set' : 'webhooks.secret.none')}</p>`}
${postForm(ctx, `${base}/secret`, submit(ctx, t.t('webhooks.secret.rotate'), { className: 'secondary' }))}
<h2>${t.t('webhooks.deliveries')}</h2>
${deliveries.length === 0 ? html`<p>${t.t('webhooks.deliveries.empty')}</p>` : table([t.t('webhooks.col.event'), t.t('webhooks.url'), t.t('webhooks.col.status'), t.t('webhooks.col.attempts'), t.t('webhooks.col.last'), t.t('common.when')], deliveries.map((d) => [
    html`${eventLabel(d.eventType)} <span class="hint">(${d.eventType})</span>`,
    html`<code>${endpointUrl.get(d.endpointId) ?? d.endpointId}</code>`,
    html`<span class="badge ${d.status === 'delivered' ? 'ok' : d.status === 'failed' ? 'bad' : 'pending'}">${t.t(`webhooks.status.${d.status}` as MessageKey)}</span>`,
    t.number(d.attempts),
    d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : d.lastError ?? '',
    t.dateTime(d.createdAt),
  ]), { caption: t.t('webhooks.deliveries') })}`;
    return page(ctx, { title: t.t('webhooks.title'), body, ...(options.notice ? { notice: options.notice } : {}) });
  };

  app.get<{ Params: Params }>('/console/t/:tenantId/webhooks', { config: { console: { page: 'webhooks' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const notice = noticeText(ctx.t, request.query);
    return sendHtml(reply, await view(ctx, notice ? { notice } : {}));
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/webhooks', { config: { console: { page: 'webhooks' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const tenant = tenantOf(ctx);
    const values = { url: text(request.body, 'url').trim(), events: list(request.body, 'events') };
    const checked = check<{ url: string; events: string[] }>(ctx.t, EndpointBody, values);
    const added = checked.ok ? await attempt(() => webhooks.addEndpoint(tenant.id, checked.value.url, checked.value.events)) : checked;
    if (!added.ok) return sendHtml(reply, await view(ctx, { errors: added.errors, values }), { status: 422, stay: true });
    if (added.value.newSecret) {
      reply.header('cache-control', 'no-store');
      return sendHtml(reply, await view(ctx, { secret: added.value.newSecret, notice: ctx.t.t('webhooks.added') }), { stay: true });
    }
    return redirectWith(reply, `${tenantBase(tenant.id)}/webhooks`, 'added');
  });

  app.post<{ Params: Params & { endpointId: string } }>('/console/t/:tenantId/webhooks/:endpointId/remove', { config: { console: { page: 'webhooks' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const tenant = tenantOf(ctx);
    if (/^[0-9a-f-]{36}$/i.test(request.params.endpointId)) await webhooks.removeEndpoint(tenant.id, request.params.endpointId);
    return redirectWith(reply, `${tenantBase(tenant.id)}/webhooks`, 'removed');
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/webhooks/secret', { config: { console: { page: 'webhooks' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const secret = await webhooks.rotateSecret(tenantOf(ctx).id);
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, await view(ctx, { secret }), { stay: true });
  });
}

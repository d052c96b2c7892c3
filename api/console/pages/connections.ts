// Connections: each with its health in words, and rename, reconnect (Online), the Web Connector page (Desktop) and
// disconnect (after a confirmation page: no script needed).
import type { FastifyInstance } from 'fastify';
import type { Connection } from '../../../db/repositories/core/connections.js';
import { RenameConnection } from '../../routes/tenant/connections/index.js';
import { connectionBase, contextOf, tenantBase, tenantOf, type ConsoleContext } from '../context.js';
import { attempt, check, text, type FieldErrors } from '../forms.js';
import { connectionHealth, type Health } from '../health.js';
import { html, type Html } from '../html.js';
import { badge, formErrors, postForm, submit, table, textField } from '../views/components.js';
import { page } from '../views/layout.js';
import { noticeText, redirectWith, sendHtml } from './respond.js';
import { onlineWaiting } from './connect-views.js';

interface Params { tenantId: string; connectionId: string }

export default async function connectionsPages(app: FastifyInstance) {
  const { control } = app.deps;

  /** The health badge of one connection (Desktop reads its Web Connector's state). */
  const healthOf = async (ctx: ConsoleContext, connection: Connection): Promise<Health> => {
    const described = await control.connections.describe(connection);
    const desktop = connection.type === 'qbd' ? await control.desktop.state(connection) : undefined;
    return connectionHealth({
      type: connection.type, status: connection.status, reauthorizeBy: described.reauthorizeBy,
      ...(desktop ? { desktop: { lastContactAt: desktop.lastSessionAt, queued: desktop.queue.queued + desktop.queue.sent, runEveryMinutes: desktop.runEveryMinutes, companyFile: desktop.companyFile } } : {}),
    }, ctx.t);
  };

  const list = async (ctx: ConsoleContext, renaming?: { id: string; errors: FieldErrors; value: string }, notice?: string): Promise<Html> => {
    const { t } = ctx;
    const tenant = tenantOf(ctx);
    const all = await control.connections.list(tenant.id);
    const connections = ctx.session.connectionId ? all.filter((c) => c.id === ctx.session.connectionId) : all;
    const rows = await Promise.all(connections.map(async (c) => {
      const base = connectionBase(tenant.id, c.id);
      const errors = renaming?.id === c.id ? renaming.errors : undefined;
      const actions = html`<div class="actions">
${c.type === 'qbo' ? postForm(ctx, `${base}/reconnect`, submit(ctx, t.t('connections.reconnect'), { className: 'secondary' }), { className: 'inline' }) : html`<a class="button secondary" href="${base}/connect">${t.t('desktop.title', { name: c.name })}</a>`}
<a class="button secondary" href="${base}/disconnect">${t.t('connections.disconnect')}</a>
</div>
${postForm(ctx, `${base}/rename`, html`${textField({ name: 'name', label: t.t('connections.renameLabel'), value: renaming?.id === c.id ? renaming.value : c.name, errors })}${submit(ctx, t.t('connections.rename'), { className: 'secondary' })}`, { label: t.t('connections.rename') })}`;
      const pages = (['settings', 'mappings', 'billing', 'activity', 'status'] as const).filter((p) => !ctx.session.page || ctx.session.page === p);
      return [
        html`<strong>${c.name}</strong><ul class="links" aria-label="${t.t('connections.manage', { name: c.name })}">${pages.map((p) => html`<li><a href="${base}/${p}">${t.t(`nav.${p}`)}</a></li>`)}</ul>`,
        t.t(c.type === 'qbo' ? 'connections.type.qbo' : 'connections.type.qbd'),
        badge(await healthOf(ctx, c)),
        actions,
      ];
    }));
    const body = html`<h1>${t.t('connections.title')}</h1>
${renaming ? formErrors(ctx, renaming.errors) : ''}
${connections.length === 0 ? html`<p>${t.t('connections.empty')}</p>` : table([t.t('connections.col.name'), t.t('connections.col.type'), t.t('connections.col.health'), t.t('common.actions')], rows, { caption: t.t('connections.title') })}
${ctx.session.connectionId ? '' : html`<p><a class="button" href="${tenantBase(tenant.id)}/connect">${t.t('connections.add')}</a></p>`}`;
    return page(ctx, { title: t.t('connections.title'), body, ...(notice ? { notice } : {}) });
  };

  app.get<{ Params: { tenantId: string } }>('/console/t/:tenantId/connections', { config: { console: { page: 'connections' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    return sendHtml(reply, await list(ctx, undefined, noticeText(ctx.t, request.query)));
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/rename', { config: { console: { page: 'connections' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    const value = text(request.body, 'name');
    const checked = check<{ name: string }>(ctx.t, RenameConnection, { name: value.trim() });
    const saved = checked.ok ? await attempt(() => control.connections.rename(connection, checked.value.name)) : checked;
    if (!saved.ok) return sendHtml(reply, await list(ctx, { id: connection.id, errors: saved.errors, value }), { status: 422, stay: true });
    return redirectWith(reply, `${tenantBase(connection.tenantId)}/connections`, 'renamed');
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/reconnect', { config: { console: { page: ['connections', 'connect'] } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    const authorizeUrl = await control.connections.authorizeUrl(connection);
    return sendHtml(reply, page(ctx, { title: ctx.t.t('connections.reconnect'), body: onlineWaiting(ctx, connection, authorizeUrl) }), { stay: true });
  });

  app.get<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/disconnect', { config: { console: { page: 'connections' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    const tr = ctx.t;
    const body = html`<h1>${tr.t('connections.disconnectTitle', { name: connection.name })}</h1>
<p>${tr.t('connections.disconnectText')}</p>
${postForm(ctx, `${connectionBase(connection.tenantId, connection.id)}/disconnect`, html`${submit(ctx, tr.t('connections.disconnectConfirm'), { className: 'danger' })}
<a class="button secondary" href="${tenantBase(connection.tenantId)}/connections">${tr.t('common.cancel')}</a>`)}`;
    return sendHtml(reply, page(ctx, { title: tr.t('connections.disconnectTitle', { name: connection.name }), body }));
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/disconnect', { config: { console: { page: 'connections' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    await control.connections.disconnect(connection.id, false);
    const body = html`<h1>${ctx.t.t('connections.title')}</h1><p class="banner ok" role="status">${ctx.t.t('connections.disconnected', { name: connection.name })}</p>
<p><a href="${tenantBase(connection.tenantId)}/connections">${ctx.t.t('error.back')}</a></p>`;
    ctx.connection = undefined;
    return sendHtml(reply, page(ctx, { title: ctx.t.t('connections.title'), body }), { stay: true });
  });
}

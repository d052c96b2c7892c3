// Connect: a new QuickBooks Online company (through Intuit's consent page) or a QuickBooks Desktop company file
// (through the Web Connector), each followed live until it is connected; the Desktop page with its QWC download
// and a new password.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CreateQbdConnection } from '../../routes/tenant/desktop/create.js';
import { connectionBase, contextOf, tenantOf, type ConsoleContext } from '../context.js';
import { check, integer, text, type FieldErrors } from '../forms.js';
import { html, type Html } from '../html.js';
import { formErrors, postForm, submit, textField } from '../views/components.js';
import { page } from '../views/layout.js';
import { desktopStatus, desktopView, onlineStatus, onlineWaiting } from './connect-views.js';
import { sendHtml } from './respond.js';

interface Params { tenantId: string; connectionId: string }

/** The Online form's body: the API's own schema for a new Online connection. */
const CreateOnline = Type.Object({ type: Type.Literal('qbo'), name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })) }, { additionalProperties: false });

export default async function connectPages(app: FastifyInstance) {
  const { control, repos } = app.deps;

  const choose = (ctx: ConsoleContext, errors?: { online?: FieldErrors; desktop?: FieldErrors }, values: Record<string, string> = {}): Html => {
    const { t } = ctx;
    const tenant = tenantOf(ctx);
    const base = `/console/t/${tenant.id}/connect`;
    return page(ctx, {
      title: t.t('connect.title'),
      body: html`<h1>${t.t('connect.title')}</h1><p>${t.t('connect.intro')}</p>
<div class="cards">
<section class="card" aria-labelledby="online"><h2 id="online">${t.t('connect.online.title')}</h2><p>${t.t('connect.online.text')}</p>
${formErrors(ctx, errors?.online)}
${postForm(ctx, `${base}/online`, html`${textField({ name: 'name', id: 'online-name', label: t.t('connect.name'), value: values.onlineName ?? t.t('connect.online.title'), errors: errors?.online })}${submit(ctx, t.t('connect.online.start'))}`)}
</section>
<section class="card" aria-labelledby="desktop"><h2 id="desktop">${t.t('connect.desktop.title')}</h2><p>${t.t('connect.desktop.text')}</p>
${formErrors(ctx, errors?.desktop)}
${postForm(ctx, `${base}/desktop`, html`${textField({ name: 'name', id: 'desktop-name', label: t.t('connect.name'), value: values.desktopName ?? t.t('connect.desktop.title'), errors: errors?.desktop })}
${textField({ name: 'runEveryMinutes', label: t.t('connect.desktop.every'), type: 'number', value: values.runEveryMinutes ?? '5', errors: errors?.desktop })}
${submit(ctx, t.t('connect.desktop.start'))}`)}
</section>
</div>`,
    });
  };

  app.get<{ Params: { tenantId: string } }>('/console/t/:tenantId/connect', { config: { console: { page: 'connect' } } }, async (request, reply) => sendHtml(reply, choose(contextOf(request))));

  app.post<{ Params: { tenantId: string } }>('/console/t/:tenantId/connect/online', { config: { console: { page: 'connect' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const name = text(request.body, 'name').trim();
    const checked = check<{ type: 'qbo'; name?: string }>(ctx.t, CreateOnline, { type: 'qbo', ...(name ? { name } : {}) });
    if (!checked.ok) return sendHtml(reply, choose(ctx, { online: checked.errors }, { onlineName: name }), { status: 422, stay: true });
    const { connection, authorizeUrl } = await control.connections.createOnline(tenantOf(ctx).id, checked.value.name);
    ctx.connection = connection;
    return sendHtml(reply, page(ctx, { title: ctx.t.t('connect.online.title'), body: onlineWaiting(ctx, connection, authorizeUrl) }), { pushUrl: `${connectionBase(connection.tenantId, connection.id)}/connect` });
  });

  app.post<{ Params: { tenantId: string } }>('/console/t/:tenantId/connect/desktop', { config: { console: { page: 'connect' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const name = text(request.body, 'name').trim();
    const every = text(request.body, 'runEveryMinutes').trim();
    const checked = check<{ type: 'qbd'; name?: string; runEveryMinutes?: number }>(ctx.t, CreateQbdConnection, { type: 'qbd', ...(name ? { name } : {}), ...(every ? { runEveryMinutes: integer(every) } : {}) });
    if (!checked.ok) return sendHtml(reply, choose(ctx, { desktop: checked.errors }, { desktopName: name, runEveryMinutes: every }), { status: 422, stay: true });
    const { connection, webConnector } = await control.desktop.create(tenantOf(ctx).id, checked.value);
    ctx.connection = connection;
    const state = await control.desktop.state(connection);
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, page(ctx, { title: ctx.t.t('desktop.title', { name: connection.name }), body: desktopView(ctx, connection, state, webConnector) }), { pushUrl: `${connectionBase(connection.tenantId, connection.id)}/connect` });
  });

  // one connection: the Desktop page, or where an Online one stands (with reconnect)
  app.get<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/connect', { config: { console: { page: 'connect' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    if (connection.type === 'qbd') {
      return sendHtml(reply, page(ctx, { title: ctx.t.t('desktop.title', { name: connection.name }), body: desktopView(ctx, connection, await control.desktop.state(connection)) }));
    }
    const connected = connection.status === 'connected' || connection.status === 'expiring';
    const body = html`<h1>${ctx.t.t('connect.online.title')}: ${connection.name}</h1>
${onlineStatus(ctx, connection, Date.now(), connected)}
${postForm(ctx, `${connectionBase(connection.tenantId, connection.id)}/reconnect`, submit(ctx, ctx.t.t('connections.reconnect')))}
<p class="hint">${ctx.t.t('connections.reconnectHint')}</p>`;
    return sendHtml(reply, page(ctx, { title: ctx.t.t('connect.online.title'), body }));
  });

  app.get<{ Params: Params; Querystring: { since?: string } }>('/console/t/:tenantId/c/:connectionId/connect/status', { config: { console: { page: ['connect', 'connections'] } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    if (connection.type === 'qbd') return sendHtml(reply, desktopStatus(ctx, connection, await control.desktop.state(connection)));
    const since = Number(request.query.since ?? 0) || 0;
    const tokens = await repos.tokens.read(connection.id);
    const connected = (connection.status === 'connected' || connection.status === 'expiring') && !!tokens && tokens.updatedAt.getTime() >= since;
    return sendHtml(reply, onlineStatus(ctx, connection, since, connected));
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/connect/password', { config: { console: { page: 'connect' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    const credentials = await control.desktop.newPassword(connection);
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, page(ctx, { title: ctx.t.t('desktop.title', { name: connection.name }), body: desktopView(ctx, connection, await control.desktop.state(connection), credentials) }), { pushUrl: `${connectionBase(connection.tenantId, connection.id)}/connect` });
  });

  app.get<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/qwc', { config: { console: { page: 'connect' } } }, async (request, reply) => {
    const { fileName, xml } = await control.desktop.qwc(contextOf(request).connection!, app.deps.config.publicUrl);
    return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(xml);
  });
}

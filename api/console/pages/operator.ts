// The operator's view: every tenant with its connections and their health, each opening the same pages a tenant
// sees (read-only unless the operator asked for write access).
import type { FastifyInstance } from 'fastify';
import { connectionHealth } from '../health.js';
import { contextOf, tenantBase } from '../context.js';
import { html } from '../html.js';
import { badge, table } from '../views/components.js';
import { page } from '../views/layout.js';
import { sendHtml } from './respond.js';

export default async function operatorPages(app: FastifyInstance) {
  const { control, repos } = app.deps;

  app.get('/console/operator', { config: { console: { page: 'operator' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const { t } = ctx;
    const [tenants, connections] = await Promise.all([repos.tenants.list(), repos.connections.listAll()]);
    const rows = await Promise.all(tenants.map(async (tenant) => {
      const own = connections.filter((c) => c.tenantId === tenant.id);
      const items = await Promise.all(own.map(async (c) => {
        const described = await control.connections.describe(c);
        const desktop = c.type === 'qbd' ? await control.desktop.state(c) : undefined;
        const health = connectionHealth({
          type: c.type, status: c.status, reauthorizeBy: described.reauthorizeBy,
          ...(desktop ? { desktop: { lastContactAt: desktop.lastSessionAt, queued: desktop.queue.queued + desktop.queue.sent, runEveryMinutes: desktop.runEveryMinutes, companyFile: desktop.companyFile } } : {}),
        }, t);
        return html`<li><a href="${tenantBase(tenant.id)}/c/${c.id}/status">${c.name}</a> (${t.t(c.type === 'qbo' ? 'connections.type.qbo' : 'connections.type.qbd')}) ${badge(health)}</li>`;
      }));
      return [
        html`<a href="${tenantBase(tenant.id)}/connections">${tenant.name}</a>`,
        items.length > 0 ? html`<ul>${items}</ul>` : html`<span class="hint">${t.t('operator.noConnection')}</span>`,
      ];
    }));
    const body = html`<h1>${t.t('operator.title')}</h1>
${tenants.length === 0 ? html`<p>${t.t('operator.empty')}</p>` : table([t.t('operator.col.tenant'), t.t('operator.col.connections')], rows, { caption: t.t('operator.title') })}`;
    return sendHtml(reply, page(ctx, { title: t.t('operator.title'), body }));
  });
}

// Status: what is blocked, grouped by what failed, each group with what fixes it, each problem with a retry button
// where qbflow can retry it (the same control function as POST …/sync-errors/:id/retry). Products an order lacks a
// mapping for are named with a link to map them. The list updates itself and empties as documents get through.
import type { FastifyInstance } from 'fastify';
import { isOrderStep, isRetryable } from '../../../control/sync-errors.js';
import type { Connection } from '../../../db/repositories/core/connections.js';
import type { SyncError } from '../../../db/repositories/core/sync-errors.js';
import { itemKey } from '../../../domain/drafts.js';
import { Refusal } from '../../../domain/refusals.js';
import { connectionBase, contextOf, type ConsoleContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import { postForm, submit, table } from '../views/components.js';
import { page } from '../views/layout.js';
import { noticeText, redirectWith, sendHtml } from './respond.js';

interface Params { tenantId: string; connectionId: string }

const groupOf = (kind: string) => (kind.startsWith('payment:') ? 'payment' : kind);
const known = ['customer', 'vendor', 'items', 'invoice', 'bill', 'purchaseOrder', 'payment', 'billing', 'item-cost'];
const fixKey = (group: string): MessageKey => ({
  customer: 'status.fix.customer', vendor: 'status.fix.vendor', items: 'status.fix.items', invoice: 'status.fix.document', bill: 'status.fix.document',
  purchaseOrder: 'status.fix.document', payment: 'status.fix.document', billing: 'status.fix.billing', 'item-cost': 'status.fix.item-cost',
} as Record<string, MessageKey>)[group] ?? 'status.fix.other';
/** Orders whose unmapped products are looked up (each reads the order back from its run). */
const UNMAPPED_LOOKUPS = 20;

export default async function statusPages(app: FastifyInstance) {
  const { control } = app.deps;

  /** Products of these orders that have no mapping, by order id. */
  const unmappedItems = async (connection: Connection, errors: SyncError[]): Promise<Map<string, string[]>> => {
    const settings = await control.settings.read(connection.id);
    const found = new Map<string, string[]>();
    for (const error of errors.filter((e) => e.documentKind === 'items').slice(0, UNMAPPED_LOOKUPS)) {
      const submission = await control.orders.submitted(connection, error.externalId).catch(() => undefined);
      if (!submission) continue;
      const keys = [...new Set(submission.order.lines.map((l) => itemKey(l, settings.itemField)))];
      const mapped = await Promise.all(keys.map((k) => control.mappings.find(connection, 'items', k)));
      found.set(error.externalId, keys.filter((_, i) => !mapped[i]));
    }
    return found;
  };

  const errorsList = async (ctx: ConsoleContext, connection: Connection): Promise<Html> => {
    const { t } = ctx;
    const base = connectionBase(connection.tenantId, connection.id);
    const errors = await control.syncErrors.list(connection.id);
    const poll = html` hx-get="${base}/status/live" hx-trigger="every 3s" hx-swap="outerHTML" hx-push-url="false"`;
    if (errors.length === 0) return html`<div id="errors"${poll}><p class="banner ok" role="status">${t.t('status.empty')}</p></div>`;
    const unmapped = await unmappedItems(connection, errors);
    const groups = new Map<string, SyncError[]>();
    for (const error of errors) groups.set(groupOf(error.documentKind), [...(groups.get(groupOf(error.documentKind)) ?? []), error]);
    const document = (e: SyncError) => isOrderStep(e.documentKind)
      ? html`<a href="${base}/activity/orders/${encodeURIComponent(e.externalId)}">${t.t('status.order', { id: e.externalId })}</a>`
      : html`<code>${e.externalId}</code>`;
    const missing = (e: SyncError) => {
      const keys = unmapped.get(e.externalId) ?? [];
      return keys.length === 0 ? '' : html`<p>${t.t('status.unmapped')} ${keys.map((k) => html`<a href="${base}/mappings?kind=items&edit=${encodeURIComponent(k)}#editor">${t.t('status.mapIt', { item: k })}</a> `)}</p>`;
    };
    return html`<div id="errors"${poll}><p role="status">${t.plural('status.count', errors.length)}</p>
${[...groups].map(([group, list]) => html`<section class="error-group" aria-labelledby="g-${group}"><h2 id="g-${group}">${known.includes(group) ? t.t(`status.what.${group}` as MessageKey) : t.t('status.what.other', { kind: group })} (${list.length})</h2>
<p>${t.t(fixKey(group))}</p>
${table([t.t('status.col.document'), t.t('status.col.error'), t.t('status.col.since'), t.t('common.actions')], list.map((e) => [
    document(e),
    html`${e.message} <span class="hint">(${e.code})</span>${missing(e)}`,
    t.dateTime(e.createdAt),
    isRetryable(e) ? postForm(ctx, `${base}/status/${e.id}/retry`, submit(ctx, t.t('common.retry'), { className: 'secondary' }), { className: 'inline', label: `${t.t('common.retry')} ${e.externalId}` }) : html`<span class="hint">${t.t('status.fix.other')}</span>`,
  ]), { caption: t.t(known.includes(group) ? `status.what.${group}` as MessageKey : 'status.title') })}
</section>`)}</div>`;
  };

  const view = async (ctx: ConsoleContext, connection: Connection, notice?: string, problem?: string) => page(ctx, {
    title: ctx.t.t('status.title'),
    body: html`<h1>${ctx.t.t('status.title')}</h1><p class="hint">${ctx.t.t('status.live')}</p>
${problem ? html`<p class="banner bad" role="alert">${problem}</p>` : ''}
${await errorsList(ctx, connection)}`,
    ...(notice ? { notice } : {}),
  });

  app.get<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/status', { config: { console: { page: 'status' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    return sendHtml(reply, await view(ctx, ctx.connection!, noticeText(ctx.t, request.query)));
  });

  app.get<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/status/live', { config: { console: { page: 'status' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    return sendHtml(reply, await errorsList(ctx, ctx.connection!));
  });

  app.post<{ Params: Params & { errorId: string } }>('/console/t/:tenantId/c/:connectionId/status/:errorId/retry', { config: { console: { page: 'status' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    try {
      if (!/^[0-9a-f-]{36}$/i.test(request.params.errorId)) throw new Refusal('not_found', ctx.t.t('error.notFound'));
      await control.syncErrors.retry(connection, request.params.errorId);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const status = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422, unavailable: 502, retry_later: 503 }[error.kind];
      return sendHtml(reply, await view(ctx, connection, undefined, error.message), { status, stay: true });
    }
    return redirectWith(reply, `${connectionBase(connection.tenantId, connection.id)}/status`, 'retried');
  });
}

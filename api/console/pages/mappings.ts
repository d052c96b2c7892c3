// Mappings: one kind at a time (customers, vendors, products, offers, organizations, people: see mapping-kinds.ts), unmapped
// first, each changed through a picker that searches QuickBooks' own list as you type.
import type { FastifyInstance } from 'fastify';
import type { Connection } from '../../../db/repositories/core/connections.js';
import { connectionBase, contextOf, type ConsoleContext } from '../context.js';
import { errorAt, text, type FieldErrors } from '../forms.js';
import { html, type Html } from '../html.js';
import { formErrors, postForm, submit, table, textField } from '../views/components.js';
import { page } from '../views/layout.js';
import { picker, pickerSearchForm } from '../views/picker.js';
import { mappingKind, mappingKinds, type MappingKindDef, type MappingRow } from './mapping-kinds.js';
import { lookup } from './pick.js';
import { noticeText, redirectWith, sendHtml } from './respond.js';

interface Params { tenantId: string; connectionId: string }
interface Query { kind?: string; q?: string; edit?: string; find?: string; notice?: string }

export default async function mappingPages(app: FastifyInstance) {
  const { control } = app.deps;

  const editor = async (ctx: ConsoleContext, connection: Connection, kind: MappingKindDef, row: MappingRow | undefined, externalId: string | undefined, search: string, errors?: FieldErrors): Promise<Html> => {
    const { t } = ctx;
    const base = connectionBase(connection.tenantId, connection.id);
    const pickerErrors = errors && errorAt(errors, 'quickbooksId', 'itemId', 'customerId');
    const state = {
      field: 'quickbooksId', list: kind.list, pickUrl: `${base}/pick/${kind.list}`, pageUrl: `${base}/mappings`,
      pageParams: { kind: kind.key, ...(externalId !== undefined ? { edit: externalId } : {}) },
      search, allowNone: kind.allowNone,
      current: row?.quickbooksId ? { id: row.quickbooksId, name: row.quickbooksName } : null,
      ...(pickerErrors ? { errors: { fields: { quickbooksId: pickerErrors } } } : {}),
    };
    const title = externalId ? t.t('mappings.edit', { name: row?.name ? `${externalId} (${row.name})` : externalId }) : t.t('mappings.add');
    return html`<section aria-labelledby="editor"><h2 id="editor">${title}</h2>
${formErrors(ctx, errors)}
${pickerSearchForm(state)}
${postForm(ctx, `${base}/mappings/${kind.key}`, html`
${externalId ? html`<input type="hidden" name="externalId" value="${externalId}">` : textField({ name: 'externalId', label: t.t('mappings.externalId'), errors, required: true })}
${picker(ctx, state, await lookup(ctx.t, control, connection, kind.list, search))}
${kind.fields?.(ctx, row, errors) ?? ''}
${submit(ctx, t.t('mappings.map'))}`)}
</section>`;
  };

  const view = async (ctx: ConsoleContext, connection: Connection, query: Query, failed?: { externalId: string; errors: FieldErrors }): Promise<Html> => {
    const { t } = ctx;
    const base = connectionBase(connection.tenantId, connection.id);
    const kind = mappingKind(query.kind);
    const find = (query.find ?? '').trim().slice(0, 100);
    const rows = await kind.rows(control, connection, find);
    const editing = failed?.externalId ?? query.edit;
    const edited = editing !== undefined ? rows.find((r) => r.externalId === editing) : undefined;
    const kindsNav = html`<nav aria-label="${t.t('mappings.kinds')}"><ul class="kinds">${mappingKinds.map((k) => html`<li><a href="${base}/mappings?kind=${k.key}"${k.key === kind.key ? html` aria-current="page"` : ''}>${t.t(k.label)}</a></li>`)}</ul></nav>`;
    const table_ = rows.length === 0 ? html`<p>${t.t('mappings.empty')}</p>` : table(
      [t.t('mappings.col.upstream'), t.t('mappings.col.quickbooks'), kind.key === 'offers' || kind.key === 'organizations' ? t.t('mappings.col.sync') : kind.key === 'people' ? t.t('mappings.col.list') : t.t('mappings.col.source'), t.t('common.actions')],
      rows.map((r) => [
        html`<code>${r.externalId}</code>${r.name ? html` <span class="hint">${r.name}</span>` : ''}`,
        r.quickbooksId ? html`${r.quickbooksName ?? r.quickbooksId}` : html`<span class="badge warn">${t.t('mappings.unmapped')}</span>`,
        r.detail ? t.t(r.detail) : r.sync !== undefined ? t.t(r.sync ? 'common.yes' : 'common.no') : r.source ? t.t(r.source === 'manual' ? 'mappings.source.manual' : 'mappings.source.auto') : '',
        html`<a href="${base}/mappings?kind=${kind.key}&edit=${encodeURIComponent(r.externalId)}#editor">${t.t('mappings.edit', { name: r.externalId })}</a>`,
      ]),
      { caption: t.t(kind.label) },
    );
    const showEditor = editing !== undefined || query.edit === '';
    const body = html`<h1>${t.t('mappings.title')}</h1>
${kindsNav}
<p>${t.t(kind.intro)}</p>
${showEditor ? await editor(ctx, connection, kind, edited, editing || undefined, query.q ?? '', failed?.errors) : kind.free ? html`<p><a class="button secondary" href="${base}/mappings?kind=${kind.key}&edit=#editor">${t.t('mappings.add')}</a></p>` : ''}
<form method="get" action="${base}/mappings" class="filters" role="search"><input type="hidden" name="kind" value="${kind.key}">
<div><label for="find">${t.t('mappings.filter')}</label><input type="search" id="find" name="find" value="${find}"></div>
<div><button type="submit" class="secondary">${t.t('common.filter')}</button></div></form>
${table_}`;
    return page(ctx, { title: `${t.t('mappings.title')}: ${t.t(kind.label)}`, body, ...(noticeText(t, query) ? { notice: noticeText(t, query)! } : {}) });
  };

  app.get<{ Params: Params; Querystring: Query }>('/console/t/:tenantId/c/:connectionId/mappings', { config: { console: { page: 'mappings' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    return sendHtml(reply, await view(ctx, ctx.connection!, request.query));
  });

  app.post<{ Params: Params & { kind: string } }>('/console/t/:tenantId/c/:connectionId/mappings/:kind', { config: { console: { page: 'mappings' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    const kind = mappingKinds.find((k) => k.key === request.params.kind);
    if (!kind) return reply.callNotFound();
    const externalId = text(request.body, 'externalId').trim();
    const base = connectionBase(connection.tenantId, connection.id);
    if (!externalId || externalId.length > 100 || externalId.includes('/')) {
      const errors = { fields: { externalId: ctx.t.t(externalId ? 'validation.pattern' : 'validation.required') } };
      return sendHtml(reply, await view(ctx, connection, { kind: kind.key, edit: '' }, { externalId: '', errors }), { status: 422, stay: true });
    }
    const saved = await kind.save(ctx, control, connection, externalId, request.body);
    if (!saved.ok) return sendHtml(reply, await view(ctx, connection, { kind: kind.key }, { externalId, errors: saved.errors }), { status: 422, stay: true });
    return redirectWith(reply, `${base}/mappings?kind=${kind.key}`, 'saved');
  });
}

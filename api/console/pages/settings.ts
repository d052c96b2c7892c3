// Settings: who may send, which documents, which order field names the item, default accounts (picked from the
// company's accounts), and tax (QuickBooks' default, or the order's total with a tax item picked from the items).
// The form becomes the API's settings body, checked by SettingsSchema and saved by the same control function.
// Below it, time tracking: the last lists import's checks in words and a button that imports the lists now.
import type { FastifyInstance } from 'fastify';
import type { Connection } from '../../../db/repositories/core/connections.js';
import { SettingsSchema, type AccountRole, type Settings } from '../../../domain/settings.js';
import { connectionBase, contextOf, type ConsoleContext } from '../context.js';
import { attempt, check, errorAt, list, lines, text, type FieldErrors } from '../forms.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import { choiceGroup, formErrors, postForm, selectField, submit, textArea } from '../views/components.js';
import { page } from '../views/layout.js';
import { picker, pickerSearchForm } from '../views/picker.js';
import { lookup } from './pick.js';
import { noticeText, redirectWith, sendHtml } from './respond.js';

interface Params { tenantId: string; connectionId: string }

const roles: { role: AccountRole; key: MessageKey }[] = [
  { role: 'receivable', key: 'settings.accounts.receivable' },
  { role: 'income', key: 'settings.accounts.income' },
  { role: 'payable', key: 'settings.accounts.payable' },
  { role: 'costOfGoodsSold', key: 'settings.accounts.costOfGoodsSold' },
  { role: 'discount', key: 'settings.accounts.discount' },
];

const checkCodes = ['time-tracking', 'first-day-of-week', 'payroll', 'employees-time-data'] as const;
const checkLabel = (code: string): MessageKey => ((checkCodes as readonly string[]).includes(code) ? `time.check.${code}` : 'time.check.other') as MessageKey;

/** The form as the API's settings body (the schema then says what is wrong with it). */
function fromForm(body: unknown): Settings {
  const mode = text(body, 'senders');
  const documents = list(body, 'documents');
  const accounts = Object.fromEntries(roles.map(({ role }) => [role, text(body, `account_${role}`)]).filter(([, id]) => id));
  const taxMode = text(body, 'tax');
  return {
    senders: mode === 'listed' ? { mode, teams: lines(text(body, 'teams')), users: lines(text(body, 'users')) } : { mode: mode as 'everyone' },
    documents: { invoice: documents.includes('invoice'), bill: documents.includes('bill'), purchaseOrder: documents.includes('purchaseOrder') },
    itemField: text(body, 'itemField') as Settings['itemField'],
    accounts,
    tax: taxMode === 'orderTotal' ? { mode: 'orderTotal', itemId: text(body, 'taxItemId') } : { mode: taxMode as 'quickbooks' },
  } as Settings;
}

export default async function settingsPages(app: FastifyInstance) {
  const { control } = app.deps;

  /** What the last lists import found (time tracking on, weeks, payroll, employees left unset) and "import now". */
  const timeTracking = async (ctx: ConsoleContext, connection: Connection): Promise<Html> => {
    const { t } = ctx;
    const status = await control.timesheets.importStatus(connection);
    const checks = status.last?.checks ?? [];
    return html`<section aria-labelledby="time"><h2 id="time">${t.t('time.title')}</h2>
<p>${status.last ? t.t('time.lastImport', { at: t.dateTime(new Date(status.last.importedAt)) }) : t.t('time.never')}${status.running ? html` <span class="badge pending">${t.t('time.running')}</span>` : ''}</p>
${checks.length > 0 ? html`<ul class="checks">${checks.map((c) => html`<li><span class="badge ${c.ok ? 'ok' : 'bad'}">${t.t(c.ok ? 'time.check.ok' : 'time.check.fix')}</span> <strong>${t.t(checkLabel(c.code))}</strong>: ${c.message}</li>`)}</ul>` : ''}
${postForm(ctx, `${connectionBase(connection.tenantId, connection.id)}/settings/lists-import`, submit(ctx, t.t('time.import'), { className: 'secondary' }), { label: t.t('time.import') })}
</section>`;
  };

  const form = async (ctx: ConsoleContext, connection: Connection, settings: Settings, errors?: FieldErrors, search = '', notice?: string) => {
    const { t } = ctx;
    const base = connectionBase(connection.tenantId, connection.id);
    const accounts = await lookup(ctx.t, control, connection, 'accounts', '');
    const taxItem = settings.tax.mode === 'orderTotal' ? settings.tax.itemId : undefined;
    const pickerState = {
      field: 'taxItemId', list: 'items' as const, pickUrl: `${base}/pick/items`, pageUrl: `${base}/settings`, search, legend: t.t('settings.tax.item'),
      current: taxItem ? { id: taxItem, name: null } : null,
      errors: errors ? { fields: { taxItemId: errorAt(errors, 'tax/itemId', 'taxItemId') ?? '' } } : undefined,
    };
    if (pickerState.errors && !pickerState.errors.fields.taxItemId) delete pickerState.errors;
    const listed = settings.senders.mode === 'listed' ? settings.senders : { teams: [], users: [] };
    const accountChoices = (current: string | undefined) => [
      { value: '', label: t.t('settings.accounts.auto') },
      ...(Array.isArray(accounts) ? accounts.map((a) => ({ value: a.id, label: a.type ? `${a.name} (${a.type})` : a.name })) : []),
      ...(current && !(Array.isArray(accounts) && accounts.some((a) => a.id === current)) ? [{ value: current, label: current }] : []),
    ];
    const body = html`<h1>${t.t('settings.title')}</h1>
${formErrors(ctx, errors)}
${pickerSearchForm(pickerState)}
${postForm(ctx, `${base}/settings`, html`
${choiceGroup({ legend: t.t('settings.senders'), name: 'senders', type: 'radio', errors, paths: ['senders'], choices: [
  { value: 'everyone', label: t.t('settings.senders.everyone'), checked: settings.senders.mode === 'everyone' },
  { value: 'listed', label: t.t('settings.senders.listed'), checked: settings.senders.mode === 'listed',
    after: html`${textArea({ name: 'teams', label: t.t('settings.senders.teams'), value: listed.teams.join('\n'), errors, paths: ['senders/teams'] })}${textArea({ name: 'users', label: t.t('settings.senders.users'), value: listed.users.join('\n'), errors, paths: ['senders/users'] })}` },
] })}
${choiceGroup({ legend: t.t('settings.documents'), name: 'documents', type: 'checkbox', errors, paths: ['documents'], choices: (['invoice', 'bill', 'purchaseOrder'] as const).map((d) => ({ value: d, label: t.t(`settings.documents.${d}`), checked: settings.documents[d] })) })}
${choiceGroup({ legend: t.t('settings.itemField'), name: 'itemField', type: 'radio', errors, paths: ['itemField'], choices: (['productNumber', 'productName'] as const).map((f) => ({ value: f, label: t.t(`settings.itemField.${f}`), checked: settings.itemField === f })) })}
<fieldset><legend>${t.t('settings.accounts')}</legend><p class="hint">${t.t('settings.accounts.hint')}</p>
${Array.isArray(accounts) ? '' : html`<p class="field-error">${t.t('settings.accounts.unavailable', { reason: accounts.error })}</p>`}
${roles.map(({ role, key }) => selectField({ name: `account_${role}`, label: t.t(key), value: settings.accounts[role] ?? '', choices: accountChoices(settings.accounts[role]), errors, paths: [`accounts/${role}`] }))}
</fieldset>
${choiceGroup({ legend: t.t('settings.tax'), name: 'tax', type: 'radio', errors, paths: ['tax'], choices: [
  { value: 'quickbooks', label: t.t('settings.tax.quickbooks'), checked: settings.tax.mode === 'quickbooks' },
  { value: 'orderTotal', label: t.t('settings.tax.orderTotal'), checked: settings.tax.mode === 'orderTotal' },
] })}
${picker(ctx, pickerState, await lookup(ctx.t, control, connection, 'items', search))}
${submit(ctx, t.t('common.save'))}`)}
${await timeTracking(ctx, connection)}`;
    return page(ctx, { title: t.t('settings.title'), body, ...(notice ? { notice } : {}) });
  };

  app.get<{ Params: Params; Querystring: { q?: string } }>('/console/t/:tenantId/c/:connectionId/settings', { config: { console: { page: 'settings' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    return sendHtml(reply, await form(ctx, connection, await control.settings.read(connection.id), undefined, request.query.q ?? '', noticeText(ctx.t, request.query)));
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/settings', { config: { console: { page: 'settings' } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const connection = ctx.connection!;
    const submitted = fromForm(request.body);
    const checked = check<Settings>(ctx.t, SettingsSchema, submitted);
    const saved = checked.ok ? await attempt(() => control.settings.save(connection.id, checked.value)) : checked;
    if (!saved.ok) {
      // show what was typed, not what was saved: radio and text fields the schema refused fall back to the saved values
      const previous = await control.settings.read(connection.id);
      const shown: Settings = { ...previous, ...submitted, itemField: submitted.itemField || previous.itemField, senders: submitted.senders.mode ? submitted.senders : previous.senders };
      return sendHtml(reply, await form(ctx, connection, shown, saved.errors), { status: 422, stay: true });
    }
    return redirectWith(reply, `${connectionBase(connection.tenantId, connection.id)}/settings`, 'saved');
  });

  app.post<{ Params: Params }>('/console/t/:tenantId/c/:connectionId/settings/lists-import', { config: { console: { page: 'settings' } } }, async (request, reply) => {
    const connection = contextOf(request).connection!;
    await control.timesheets.importLists(connection);
    return redirectWith(reply, `${connectionBase(connection.tenantId, connection.id)}/settings`, 'imported');
  });
}

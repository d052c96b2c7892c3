// The lists the Activity page shows, one entry each: its states to filter by and how a filtered list is read and
// drawn. Orders come from Temporal's visibility (every run, including those that never reached QuickBooks);
// billing runs, invoices and timesheet entries from their own tables.
import type { Control } from '../../../control/index.js';
import { copyInvoiceWorkflowId, exportTimesheetsWorkflowId } from '../../../control/ids.js';
import type { OrderState } from '../../../control/orders.js';
import type { Connection } from '../../../db/repositories/core/connections.js';
import type { Repositories } from '../../../db/repositories/index.js';
import type { TimesheetState } from '../../../db/schema/index.js';
import { formatCents, type Cents } from '../../../domain/money.js';
import { temporalUiLink, type AppDeps } from '../../deps.js';
import { connectionBase, type ConsoleContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import { postForm, submit, table } from '../views/components.js';

export interface ActivityFilter {
  state?: string;
  /** Started on or after (UTC midnight). */
  from?: Date;
  /** Started before (the day after "to"). */
  to?: Date;
}

export interface ActivityDeps {
  control: Control;
  repos: Repositories;
  config: AppDeps['config'];
}

export interface ActivityKindDef {
  key: string;
  label: MessageKey;
  states: { value: string; label: MessageKey }[];
  list(ctx: ConsoleContext, deps: ActivityDeps, connection: Connection, filter: ActivityFilter): Promise<Html>;
}

const tone: Record<string, string> = { posted: 'ok', completed: 'ok', running: 'pending', partially_posted: 'warn', failed: 'bad' };
const stateBadge = (state: string, label: string) => html`<span class="badge ${tone[state] ?? 'pending'}">${label}</span>`;

const orders: ActivityKindDef = {
  key: 'orders',
  label: 'activity.kind.orders',
  states: (['running', 'posted', 'partially_posted', 'failed'] as const).map((s) => ({ value: s, label: `activity.state.${s}` as MessageKey })),
  async list(ctx, deps, connection, filter) {
    const { t } = ctx;
    const found = await deps.control.orders.list(connection, {
      ...(filter.state ? { state: filter.state as OrderState } : {}), ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}), limit: 100,
    });
    if (found.length === 0) return html`<p>${t.t('activity.empty')}</p>`;
    const base = connectionBase(connection.tenantId, connection.id);
    return table([t.t('activity.col.document'), t.t('activity.col.started'), t.t('activity.col.state'), t.t('common.details')], found.map((o) => {
      const ui = temporalUiLink(deps.config, o.workflowId);
      return [
        html`<a href="${base}/activity/orders/${encodeURIComponent(o.orderId)}">${t.t('order.title', { id: o.orderId })}</a>`,
        t.dateTime(o.startedAt),
        stateBadge(o.state, t.t(`activity.state.${o.state}` as MessageKey)),
        ui ? html`<a href="${ui}" target="_blank" rel="noopener">${t.t('activity.temporal')}</a>` : '',
      ];
    }), { caption: t.t('activity.kind.orders') });
  },
};

const billingRuns: ActivityKindDef = {
  key: 'billing',
  label: 'activity.kind.billing',
  states: (['running', 'completed', 'failed'] as const).map((s) => ({ value: s, label: `billing.status.${s}` as MessageKey })),
  async list(ctx, deps, connection, filter) {
    const { t } = ctx;
    const runs = (await deps.repos.billingRuns.listRuns(connection.id, 100)).filter((r) =>
      (!filter.state || r.status === filter.state) && (!filter.from || r.startedAt >= filter.from) && (!filter.to || r.startedAt < filter.to));
    if (runs.length === 0) return html`<p>${t.t('activity.empty')}</p>`;
    const base = connectionBase(connection.tenantId, connection.id);
    return table([t.t('billing.col.period'), t.t('activity.col.started'), t.t('activity.col.state'), t.t('common.details')], runs.map((r) => {
      const ui = temporalUiLink(deps.config, r.workflowId);
      return [
        html`<a href="${base}/billing">${r.periodStart} → ${r.periodEnd}</a>`,
        t.dateTime(r.startedAt),
        html`${stateBadge(r.status, t.t(`billing.status.${r.status}` as MessageKey))}${r.error ? html`<p class="field-error">${r.error}</p>` : ''}`,
        ui ? html`<a href="${ui}" target="_blank" rel="noopener">${t.t('activity.temporal')}</a>` : '',
      ];
    }), { caption: t.t('activity.kind.billing') });
  },
};

/** Where an upstream invoice stands: not in QuickBooks yet, or copied and open, partly paid or paid. */
type InvoiceState = 'not_copied' | 'open' | 'partially_paid' | 'paid';
const invoiceTone: Record<InvoiceState, string> = { not_copied: 'pending', open: 'pending', partially_paid: 'warn', paid: 'ok' };

const invoices: ActivityKindDef = {
  key: 'invoices',
  label: 'activity.kind.invoices',
  states: (['not_copied', 'open', 'partially_paid', 'paid'] as const).map((s) => ({ value: s, label: `invoice.state.${s}` as MessageKey })),
  async list(ctx, deps, connection, filter) {
    const { t } = ctx;
    const rows = (await deps.repos.invoiceCopies.list(connection.id, 100))
      .map((row) => ({ row, state: (row.state === 'copied' ? row.paymentStatus : 'not_copied') as InvoiceState }))
      .filter(({ row, state }) => (!filter.state || state === filter.state) && (!filter.from || row.createdAt >= filter.from) && (!filter.to || row.createdAt < filter.to));
    if (rows.length === 0) return html`<p>${t.t('activity.empty')}</p>`;
    const money = (cents: number | null) => (cents === null ? '' : formatCents(cents as Cents));
    return table([t.t('activity.col.document'), t.t('invoice.col.number'), t.t('invoice.col.total'), t.t('invoice.col.balance'), t.t('activity.col.state'), t.t('common.details')], rows.map(({ row, state }) => {
      const ui = temporalUiLink(deps.config, copyInvoiceWorkflowId({ tenantId: connection.tenantId, connectionId: connection.id, invoiceId: row.invoiceId }));
      return [
        t.t('invoice.title', { id: row.invoiceId }),
        row.quickbooksNumber ?? '',
        money(row.totalCents),
        money(row.balanceCents),
        html`<span class="badge ${invoiceTone[state]}">${t.t(`invoice.state.${state}` as MessageKey)}</span>${row.sentAt ? html` <small>${t.t('invoice.sent', { to: row.sentTo ?? '', at: t.dateTime(row.sentAt) })}</small>` : ''}`,
        ui ? html`<a href="${ui}" target="_blank" rel="noopener">${t.t('activity.temporal')}</a>` : '',
      ];
    }), { caption: t.t('activity.kind.invoices') });
  },
};

const timesheetTone: Record<TimesheetState, string> = { queued: 'pending', exported: 'ok', failed: 'bad', deleted: 'pending' };
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const entryText = (entry: Record<string, unknown>, key: string) => (typeof entry[key] === 'string' ? entry[key] as string : '');

/** Timesheet entries: who, which day, how long, for which customer or job, and where each stands in QuickBooks. */
const timesheets: ActivityKindDef = {
  key: 'timesheets',
  label: 'activity.kind.timesheets',
  states: (['queued', 'exported', 'failed', 'deleted'] as const).map((s) => ({ value: s, label: `timesheet.state.${s}` as MessageKey })),
  async list(ctx, deps, connection, filter) {
    const { t } = ctx;
    // the dates filter the day worked (what a bookkeeper looks for), not when the entry arrived
    const rows = await deps.repos.timesheets.list(connection.id, {
      ...(filter.state ? { state: filter.state as TimesheetState } : {}), ...(filter.from ? { fromDay: dayOf(filter.from) } : {}), ...(filter.to ? { toDay: dayOf(filter.to) } : {}), limit: 100,
    });
    // failed entries go again once what stopped them is fixed (POST …/timesheets/retry does the same)
    const failed = (await deps.control.timesheets.counts(connection)).failed ?? 0;
    const retry = failed > 0
      ? postForm(ctx, `${connectionBase(connection.tenantId, connection.id)}/activity/timesheets/retry`, html`<p>${t.plural('timesheet.failedCount', failed)} ${submit(ctx, t.t('timesheet.retry'), { className: 'secondary' })}</p>`)
      : '';
    if (rows.length === 0) return html`${retry}<p>${t.t('activity.empty')}</p>`;
    const [people, customers] = await Promise.all([
      deps.repos.timeLists.people(connection.id, rows.map((r) => entryText(r.entry, 'userId'))),
      deps.repos.timeLists.byIds(connection.id, 'customers', rows.map((r) => entryText(r.entry, 'customerId')).filter(Boolean)),
    ]);
    const personOf = new Map(people.map((p) => [p.userId, p.name]));
    const ui = temporalUiLink(deps.config, exportTimesheetsWorkflowId(connection.id));
    return html`${retry}${table([t.t('timesheet.col.person'), t.t('timesheet.col.date'), t.t('timesheet.col.duration'), t.t('timesheet.col.customer'), t.t('activity.col.state'), t.t('common.details')], rows.map((r) => {
      const userId = entryText(r.entry, 'userId');
      const person = personOf.get(userId);
      const minutes = typeof r.entry.minutes === 'number' ? r.entry.minutes : 0;
      const customerId = entryText(r.entry, 'customerId');
      return [
        html`${person ?? html`<code>${userId}</code> <span class="badge warn">${t.t('mappings.unmapped')}</span>`}<br><small>${t.t('timesheet.title', { id: r.entryId })}</small>`,
        entryText(r.entry, 'date'),
        t.t('timesheet.duration', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') }),
        customerId ? customers.get(customerId)?.fullName ?? customerId : '',
        html`<span class="badge ${timesheetTone[r.state]}">${t.t(`timesheet.state.${r.state}` as MessageKey)}</span>${r.state === 'failed' && r.lastError ? html`<p class="field-error">${r.lastError}</p>` : ''}`,
        ui ? html`<a href="${ui}" target="_blank" rel="noopener">${t.t('activity.temporal')}</a>` : '',
      ];
    }), { caption: t.t('activity.kind.timesheets') })}`;
  },
};

export const activityKinds: ActivityKindDef[] = [orders, invoices, timesheets, billingRuns];

export const activityKind = (key: string | undefined): ActivityKindDef => activityKinds.find((k) => k.key === key) ?? orders;

// The kinds the Mappings page shows, one entry each: where its rows come from (unmapped first), which QuickBooks list
// its picker searches, the extra fields of its form, and how a save is checked (the API's schema) and made (the
// control function the API route calls). People (a time tracker's users) pick from the imported lists; payroll
// items have no mapping to show: each timesheet entry names its payroll item by QuickBooks id.
import type { Control } from '../../../control/index.js';
import { isOrderStep } from '../../../control/sync-errors.js';
import type { Connection } from '../../../db/repositories/core/connections.js';
import type { MappingKind as OrderMappingKind, TimePersonKind } from '../../../db/schema/index.js';
import { itemKey } from '../../../domain/drafts.js';
import { MappingBody } from '../../routes/tenant/mappings/index.js';
import { PersonBody } from '../../routes/tenant/timesheets/schemas.js';
import { OfferBody, OrganizationBody } from '../../routes/tenant/billing/schemas.js';
import type { ConsoleContext } from '../context.js';
import { attempt, check, text, type Checked, type FieldErrors } from '../forms.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import { choiceGroup, selectField, textField } from '../views/components.js';
import type { PickList } from '../views/picker.js';
import { personValue } from './pick.js';

export interface MappingRow {
  externalId: string;
  name: string | null;
  quickbooksId: string | null;
  quickbooksName: string | null;
  source?: string;
  /** What the third column says instead of the source (a person's list: employee, vendor, other name). */
  detail?: MessageKey;
  sync?: boolean;
  invoice?: string;
}

export interface MappingKindDef {
  key: string;
  label: MessageKey;
  intro: MessageKey;
  /** The QuickBooks list the picker searches. */
  list: PickList;
  /** People may map an upstream id that is not listed yet. */
  free: boolean;
  /** The picker offers "none" (an unmapped, unsynced row). */
  allowNone: boolean;
  rows(control: Control, connection: Connection, search: string): Promise<MappingRow[]>;
  fields?(ctx: ConsoleContext, row: MappingRow | undefined, errors?: FieldErrors): Html;
  save(ctx: ConsoleContext, control: Control, connection: Connection, externalId: string, form: unknown): Promise<Checked<unknown>>;
}

/** Upstream ids that open sync errors say are missing (so they are listed, unmapped, before the rest). */
async function unmappedFromErrors(control: Control, connection: Connection, kind: OrderMappingKind): Promise<MappingRow[]> {
  const step = { customers: 'customer', vendors: 'vendor', items: 'items' }[kind];
  const errors = (await control.syncErrors.list(connection.id, step)).filter((e) => isOrderStep(e.documentKind)).slice(0, 20);
  const settings = await control.settings.read(connection.id);
  const found = new Map<string, string | null>();
  for (const error of errors) {
    const submission = await control.orders.submitted(connection, error.externalId).catch(() => undefined);
    const order = submission?.order;
    if (!order) continue;
    if (kind === 'items') for (const line of order.lines) found.set(itemKey(line, settings.itemField), line.productName);
    if (kind === 'customers') found.set(order.customer.externalId, order.customer.name);
    if (kind === 'vendors' && order.vendor) found.set(order.vendor.externalId, order.vendor.name);
  }
  const ids = [...found.keys()];
  const mapped = new Set((await Promise.all(ids.map((id) => control.mappings.find(connection, kind, id)))).filter(Boolean).map((m) => m!.externalId));
  return ids.filter((id) => !mapped.has(id)).map((id) => ({ externalId: id, name: found.get(id) ?? null, quickbooksId: null, quickbooksName: null }));
}

const matches = (search: string, ...values: (string | null | undefined)[]) =>
  !search || values.some((v) => v?.toLowerCase().includes(search.toLowerCase()));

function orderKind(key: OrderMappingKind, list: PickList, label: MessageKey, intro: MessageKey): MappingKindDef {
  return {
    key, label, intro, list, free: true, allowNone: false,
    async rows(control, connection, search) {
      const unmapped = (await unmappedFromErrors(control, connection, key)).filter((r) => matches(search, r.externalId, r.name));
      const mapped = await control.mappings.list(connection, key, { ...(search ? { search } : {}), limit: 200 });
      return [...unmapped, ...mapped.map((m) => ({ externalId: m.externalId, name: null, quickbooksId: m.quickbooksId, quickbooksName: m.quickbooksName, source: m.source }))];
    },
    async save(ctx, control, connection, externalId, form) {
      const checked = check<{ quickbooksId: string }>(ctx.t, MappingBody, { quickbooksId: text(form, 'quickbooksId') });
      if (!checked.ok) return checked;
      return attempt(() => control.mappings.set(connection, key, externalId, checked.value.quickbooksId));
    },
  };
}

const syncField = (ctx: ConsoleContext, row: MappingRow | undefined, errors?: FieldErrors) =>
  choiceGroup({ legend: ctx.t.t('mappings.col.sync'), name: 'sync', type: 'checkbox', errors, paths: ['sync'], choices: [{ value: 'on', label: ctx.t.t('mappings.sync'), checked: row?.sync ?? false }] });

export const mappingKinds: MappingKindDef[] = [
  orderKind('customers', 'customers', 'mappings.kind.customers', 'mappings.intro.customers'),
  orderKind('vendors', 'vendors', 'mappings.kind.vendors', 'mappings.intro.vendors'),
  orderKind('items', 'items', 'mappings.kind.items', 'mappings.intro.items'),
  {
    key: 'offers', label: 'mappings.kind.offers', intro: 'mappings.intro.offers', list: 'items', free: true, allowNone: true,
    async rows(control, connection, search) {
      const offers = (await control.mappings.listOffers(connection)).filter((o) => matches(search, o.offerId, o.name, o.itemName));
      return offers.sort((a, b) => Number(!!a.itemId) - Number(!!b.itemId) || a.offerId.localeCompare(b.offerId))
        .map((o) => ({ externalId: o.offerId, name: o.name, quickbooksId: o.itemId, quickbooksName: o.itemName, sync: o.sync }));
    },
    fields: (ctx, row, errors) => html`${textField({ name: 'name', label: ctx.t.t('mappings.offerName'), value: row?.name ?? '', errors })}${syncField(ctx, row, errors)}`,
    async save(ctx, control, connection, externalId, form) {
      const name = text(form, 'name').trim();
      const itemId = text(form, 'quickbooksId');
      const body = { ...(name ? { name } : {}), itemId: itemId || null, sync: text(form, 'sync') === 'on' };
      const checked = check<typeof body>(ctx.t, OfferBody, body);
      if (!checked.ok) return checked;
      return attempt(() => control.mappings.saveOffer(connection, externalId, checked.value));
    },
  },
  {
    key: 'organizations', label: 'mappings.kind.organizations', intro: 'mappings.intro.organizations', list: 'customers', free: true, allowNone: true,
    async rows(control, connection, search) {
      const organizations = (await control.mappings.listOrganizations(connection)).filter((o) => matches(search, o.organizationId, o.name, o.customerName));
      return organizations.sort((a, b) => Number(!!a.customerId) - Number(!!b.customerId) || a.organizationId.localeCompare(b.organizationId))
        .map((o) => ({ externalId: o.organizationId, name: o.name, quickbooksId: o.customerId, quickbooksName: o.customerName, sync: o.sync, invoice: o.invoice }));
    },
    fields: (ctx, row, errors) => html`${selectField({
      name: 'invoice', label: ctx.t.t('mappings.invoice'), value: row?.invoice ?? 'create', errors,
      choices: [{ value: 'create', label: ctx.t.t('mappings.invoice.create') }, { value: 'update', label: ctx.t.t('mappings.invoice.update') }],
    })}${syncField(ctx, row, errors)}`,
    async save(ctx, control, connection, externalId, form) {
      const customerId = text(form, 'quickbooksId');
      const body = { customerId: customerId || null, invoice: text(form, 'invoice'), sync: text(form, 'sync') === 'on' };
      const checked = check<{ customerId: string | null; invoice: 'create' | 'update'; sync: boolean }>(ctx.t, OrganizationBody, body);
      if (!checked.ok) return checked;
      return attempt(() => control.mappings.saveOrganization(connection, externalId, checked.value));
    },
  },
  {
    key: 'people', label: 'mappings.kind.people', intro: 'mappings.intro.people', list: 'people', free: true, allowNone: false,
    async rows(control, connection, search) {
      const mapped = (await control.timesheets.people(connection)).filter((p) => matches(search, p.userId, p.name));
      const unmapped = (await control.timesheets.unmappedUsers(connection)).filter((id) => matches(search, id));
      return [
        ...unmapped.map((userId) => ({ externalId: userId, name: null, quickbooksId: null, quickbooksName: null })),
        ...mapped.map((p) => ({ externalId: p.userId, name: null, quickbooksId: personValue(p.kind, p.quickbooksId), quickbooksName: p.name, detail: `people.kind.${p.kind}` as MessageKey })),
      ];
    },
    async save(ctx, control, connection, externalId, form) {
      const [kind = '', ...rest] = text(form, 'quickbooksId').split(':');
      const checked = check<{ kind: TimePersonKind; quickbooksId: string }>(ctx.t, PersonBody, { kind, quickbooksId: rest.join(':') });
      if (!checked.ok) return { ok: false, errors: { ...checked.errors, fields: { quickbooksId: Object.values(checked.errors.fields)[0] ?? '' } } };
      return attempt(() => control.timesheets.setPerson(connection, externalId, checked.value));
    },
  },
];

export const mappingKind = (key: string | undefined): MappingKindDef => mappingKinds.find((k) => k.key === key) ?? mappingKinds[2]!;

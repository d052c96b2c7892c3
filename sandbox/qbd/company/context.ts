// What every request handler gets: the data, id and time helpers, the iterators of the current session, and
// readers for the request's common pieces (references, addresses, booleans, money).
import { parseCents, type Cents } from '../../../domain/money.js';
import type { FirstDayOfWeek } from '../../../quickbooks/desktop/qbxml/records.js';
import { child, childText, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { formatDate, type IdFactory } from './clock.js';
import { invalidReference } from './errors.js';
import type { RenderContext } from './render.js';
import type { AccountRecord, Address, ItemRecord, NameKind, NameRecord, SimpleListRecord } from './store.js';

export interface IteratorState {
  /** The request kind that opened it ("CustomerQuery"); a Continue of another kind is refused. */
  kind: string;
  remaining: string[];
  render: (id: string) => XNode | undefined;
}

/** Where things go when a request does not say: the company's default accounts and tax item. */
export interface CompanyDefaults {
  arAccountId: string;
  apAccountId: string;
  undepositedFundsId: string;
  itemSalesTaxId?: string;
  templateId?: string;
}

export interface CompanyFeatures {
  salesTax: boolean;
  purchaseOrders: boolean;
  /** The Web Connector user may read but not write (QWC IsReadOnly, or a restricted QuickBooks user). */
  readOnly: boolean;
  /** Preferences > Time & Expenses: "Do you track time?" (TimeTrackingPreferences is reported only when Yes). */
  timeTracking: boolean;
  /** Preferences > Time & Expenses: the first day of the work week on timesheets. */
  firstDayOfWeek: FirstDayOfWeek;
  /** Preferences > Payroll & Employees: a payroll subscription is set up (else "No payroll"). */
  payroll: boolean;
  /** Preferences > Accounting: "Use class tracking". */
  classTracking: boolean;
}

export const DEFAULT_FEATURES: CompanyFeatures = {
  salesTax: true,
  purchaseOrders: true,
  readOnly: false,
  timeTracking: true,
  firstDayOfWeek: 'Monday',
  payroll: true,
  classTracking: false,
};

export interface HandlerContext extends RenderContext {
  ids: IdFactory;
  defaults: CompanyDefaults;
  features: CompanyFeatures;
  now: Date;
  iterators: Map<string, IteratorState>;
  newIteratorId: () => string;
}

/** What a handler answers: the records, and optionally a non-zero status and iterator attributes. */
export interface HandlerResult {
  records: XNode[];
  statusCode?: number;
  statusSeverity?: 'Info' | 'Warn' | 'Error';
  statusMessage?: string;
  attrs?: Record<string, string>;
}

export function today(ctx: HandlerContext): string {
  return formatDate(ctx.now, ctx.offsetMinutes);
}

export function text(node: XNode, name: string): string | undefined {
  return childText(node, name);
}

export function bool(node: XNode, name: string): boolean | undefined {
  const value = childText(node, name);
  return value === undefined || value === '' ? undefined : value === 'true' || value === '1';
}

export function cents(node: XNode, name: string): Cents | undefined {
  const value = childText(node, name);
  return value === undefined || value === '' ? undefined : parseCents(value);
}

export function address(node: XNode, name: string): Address | undefined {
  const a = child(node, name);
  if (!a) return undefined;
  const result: Address = {};
  const map: [keyof Address, string][] = [
    ['addr1', 'Addr1'],
    ['addr2', 'Addr2'],
    ['addr3', 'Addr3'],
    ['addr4', 'Addr4'],
    ['addr5', 'Addr5'],
    ['city', 'City'],
    ['state', 'State'],
    ['postalCode', 'PostalCode'],
    ['country', 'Country'],
    ['note', 'Note'],
  ];
  for (const [key, element] of map) {
    const value = childText(a, element);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

export function refParts(node: XNode, name: string): { listId?: string; fullName?: string; label: string } | undefined {
  const ref = child(node, name);
  if (!ref) return undefined;
  const listId = childText(ref, 'ListID');
  const fullName = childText(ref, 'FullName');
  return { ...(listId ? { listId } : {}), ...(fullName ? { fullName } : {}), label: listId ?? fullName ?? '' };
}

/** Resolves a reference to a name-list record; 3140 when it does not exist or has the wrong kind. */
export function nameRef(ctx: HandlerContext, node: XNode, name: string, kinds: readonly NameKind[], inObject: string): NameRecord | undefined {
  const ref = refParts(node, name);
  if (!ref) return undefined;
  const record = ref.listId ? ctx.store.names.get(ref.listId) : ctx.store.findNameByFullName(ref.fullName ?? '');
  if (!record || !kinds.includes(record.kind)) throw invalidReference(kinds[0] === 'Vendor' ? 'Vendor' : 'Customer', ref.label, inObject);
  return record;
}

export function itemRef(ctx: HandlerContext, node: XNode, name: string, inObject: string): ItemRecord | undefined {
  const ref = refParts(node, name);
  if (!ref) return undefined;
  const record = ref.listId ? ctx.store.items.get(ref.listId) : ctx.store.findItemByFullName(ref.fullName ?? '');
  if (!record) throw invalidReference('Item', ref.label, inObject);
  return record;
}

export function accountRef(ctx: HandlerContext, node: XNode, name: string, inObject: string): AccountRecord | undefined {
  const ref = refParts(node, name);
  if (!ref) return undefined;
  const record = ref.listId ? ctx.store.accounts.get(ref.listId) : ctx.store.findAccountByFullName(ref.fullName ?? '');
  if (!record) throw invalidReference('Account', ref.label, inObject);
  return record;
}

export function simpleRef(ctx: HandlerContext, node: XNode, name: string, list: SimpleListRecord['list'], inObject: string): SimpleListRecord | undefined {
  const ref = refParts(node, name);
  if (!ref) return undefined;
  const byId = ref.listId ? ctx.store.simple.get(ref.listId) : undefined;
  const record = byId && byId.list === list ? byId : ref.listId ? undefined : ctx.store.findSimple(list, ref.fullName ?? '');
  if (!record) throw invalidReference(list === 'SalesTaxCode' ? 'Sales Tax Code' : list, ref.label, inObject);
  return record;
}

/** Text fields copied verbatim from the request into the record. */
export function copyText(node: XNode, names: readonly string[], into: Record<string, string>): void {
  for (const name of names) {
    const value = childText(node, name);
    if (value !== undefined) into[name] = value;
  }
}

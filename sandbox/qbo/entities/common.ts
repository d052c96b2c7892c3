// Field readers and reference checks shared by every entity: they raise the faults Intuit raises.
import type { Company, EntityName } from '../company/company.js';
import { fault } from '../faults.js';
import { isObject, type Json, type JsonObject } from '../json.js';
import { isDate, metaTime } from '../time.js';

export interface WriteContext {
  company: Company;
  now: number;
}

/** Keys the service owns: never taken from a request body. */
export const SYSTEM_KEYS = ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse', 'status'] as const;

export const USD: JsonObject = { value: 'USD', name: 'United States Dollar' };

export function omit(object: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (!keys.includes(key)) out[key] = value;
  return out;
}

/** Gives a new state its Id, SyncToken (incremented on every change) and MetaData. */
export function stamp(ctx: WriteContext, id: string, state: JsonObject, previous?: JsonObject): JsonObject {
  const time = metaTime(ctx.now);
  const created = previous && isObject(previous.MetaData) ? previous.MetaData.CreateTime : time;
  return {
    ...state,
    domain: 'QBO',
    sparse: false,
    Id: id,
    SyncToken: previous ? String(Number(previous.SyncToken) + 1) : '0',
    MetaData: { CreateTime: created ?? time, LastUpdatedTime: time },
  };
}

/** A side effect changed a stored object (e.g. a payment applied to an invoice): new SyncToken. */
export function touched(ctx: WriteContext, object: JsonObject, changes: JsonObject): JsonObject {
  return stamp(ctx, String(object.Id), { ...omit(object, SYSTEM_KEYS), ...changes }, object);
}

export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

export function text(input: JsonObject, key: string, max?: number): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw fault.invalidProperty(key, `${key} with value ${JSON.stringify(value)}`);
  if (max !== undefined && value.length > max) throw fault.stringLength(key, max, value.length);
  return value;
}

/** A display name or item name: no colon (QuickBooks reserves it for sub-lists), bounded length. */
export function checkName(name: string, element: string, max: number): string {
  const trimmed = name.trim();
  if (trimmed.includes(':')) throw fault.business("The name can't contain a colon (:).", element);
  if (trimmed.length > max) throw fault.stringLength(element, max, trimmed.length);
  return trimmed;
}

export function bool(input: JsonObject, key: string): boolean | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw fault.invalidProperty(key, `${key} with value ${JSON.stringify(value)}`);
}

export function date(input: JsonObject, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !isDate(value)) throw fault.invalidProperty(key, `${key} with value ${JSON.stringify(value)}`);
  return value;
}

/** The id inside a reference `{ "value": "42", "name": "..." }`. */
export function refId(input: JsonObject, key: string): string | undefined {
  const value: Json | undefined = input[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || (typeof value.value !== 'string' && typeof value.value !== 'number')) {
    throw fault.invalidProperty(key, `${key} with value ${JSON.stringify(value)}`);
  }
  return String(value.value);
}

const NAME_FIELD: Partial<Record<EntityName, string>> = {
  Customer: 'DisplayName',
  Vendor: 'DisplayName',
  Employee: 'DisplayName',
  Item: 'Name',
  Account: 'Name',
  TaxCode: 'Name',
  Term: 'Name',
};

export function refTo(object: JsonObject, entity: EntityName): JsonObject {
  const field = NAME_FIELD[entity];
  const name = field ? object[field] : undefined;
  return typeof name === 'string' ? { value: String(object.Id), name } : { value: String(object.Id) };
}

/** Resolves a reference to a stored object: unknown → 2500, inactive → 610 (as Intuit answers). */
export function resolveRef(
  ctx: WriteContext,
  input: JsonObject,
  key: string,
  entity: EntityName,
  required: boolean,
): { ref: JsonObject; target: JsonObject } | undefined {
  const id = refId(input, key);
  if (id === undefined) {
    if (required) throw fault.required(key);
    return undefined;
  }
  const target = ctx.company.get(entity, id);
  if (!target) throw fault.invalidReference(key);
  if (target.Active === false) throw fault.notFound();
  return { ref: refTo(target, entity), target };
}

/**
 * A document number another document of the same type holds is refused (6140) while the company warns about
 * duplicate numbers, as QuickBooks Online does by default; a company that allows them takes it. Keeping its own
 * number on an update is never a duplicate.
 */
export function checkDocNumber(ctx: WriteContext, entity: EntityName, docNumber: string | undefined, previous: JsonObject | undefined): void {
  if (docNumber === undefined || ctx.company.settings.duplicateDocNumbers) return;
  if (previous && previous.DocNumber === docNumber) return;
  const holder = ctx.company.all(entity).find((o) => o.DocNumber === docNumber && o.Id !== previous?.Id);
  if (holder) throw fault.duplicateDocNumber(docNumber, entity, String(holder.Id));
}

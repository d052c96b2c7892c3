// Customer, Vendor and Employee: one case-insensitive DisplayName namespace, shared by all three.
import type { EntityName } from '../company/company.js';
import { fault } from '../faults.js';
import type { JsonObject } from '../json.js';
import { bool, checkName, nameKey, omit, text, USD, type WriteContext } from './common.js';
import { employeeFields } from './employee.js';
import type { EntityDef } from './types.js';

const NAME_ENTITIES: readonly EntityName[] = ['Customer', 'Vendor', 'Employee'];
const DELETED = ' (deleted)';

function holderOf(ctx: WriteContext, entities: readonly EntityName[], field: string, name: string, self?: { entity: EntityName; id: string }): JsonObject | undefined {
  const key = nameKey(name);
  for (const entity of entities) {
    for (const object of ctx.company.all(entity)) {
      if (self && entity === self.entity && object.Id === self.id) continue;
      const current = object[field];
      if (typeof current === 'string' && nameKey(current) === key) return object;
    }
  }
  return undefined;
}

/**
 * The stored name for an object: QuickBooks renames an inactive list entry "Name (deleted)" (which
 * frees the original name) and gives the name back when it is made active again, if still free.
 */
export function uniqueListName(
  ctx: WriteContext,
  entities: readonly EntityName[],
  field: string,
  requested: string,
  active: boolean,
  self?: { entity: EntityName; id: string },
  wasActive = true,
): string {
  const isFree = (name: string) => holderOf(ctx, entities, field, name, self) === undefined;
  if (!active) {
    if (requested.endsWith(DELETED) || /\(deleted-\d+\)$/.test(requested)) return requested;
    let candidate = `${requested}${DELETED}`;
    for (let n = 1; !isFree(candidate); n += 1) candidate = `${requested} (deleted-${n})`;
    return candidate;
  }
  let name = requested;
  if (!wasActive && name.endsWith(DELETED) && isFree(name.slice(0, -DELETED.length))) name = name.slice(0, -DELETED.length);
  const holder = holderOf(ctx, entities, field, name, self);
  if (holder) throw fault.duplicateName(String(holder.Id), field);
  return name;
}

function displayNameOf(input: JsonObject): string {
  const given = text(input, 'DisplayName');
  if (given !== undefined && given.trim() !== '') return given;
  const parts = ['Title', 'GivenName', 'MiddleName', 'FamilyName', 'Suffix']
    .map((key) => text(input, key))
    .filter((part): part is string => part !== undefined && part.trim() !== '');
  if (parts.length > 0) return parts.join(' ');
  const company = text(input, 'CompanyName');
  if (company !== undefined && company.trim() !== '') return company;
  throw fault.required('DisplayName');
}

function buildName(entity: EntityName, ctx: WriteContext, input: JsonObject, previous?: JsonObject): JsonObject {
  const active = bool(input, 'Active') ?? true;
  const requested = checkName(displayNameOf(input), 'DisplayName', 500);
  const self = previous ? { entity, id: String(previous.Id) } : undefined;
  const displayName = uniqueListName(ctx, NAME_ENTITIES, 'DisplayName', requested, active, self, previous?.Active !== false);
  const state: JsonObject = {
    ...omit(input, ['DisplayName', 'Active', 'Balance', 'BalanceWithJobs', 'FullyQualifiedName']),
    DisplayName: displayName,
    PrintOnCheckName: text(input, 'PrintOnCheckName') ?? displayName,
    Active: active,
  };
  if (entity === 'Employee') return { ...state, ...employeeFields(input) };
  state.CurrencyRef = input.CurrencyRef ?? USD;
  state.Balance = previous?.Balance ?? 0;
  if (entity === 'Vendor') {
    state.Vendor1099 = bool(input, 'Vendor1099') ?? false;
    return state;
  }
  return {
    ...state,
    FullyQualifiedName: displayName,
    Taxable: bool(input, 'Taxable') ?? true,
    BalanceWithJobs: previous?.BalanceWithJobs ?? 0,
    Job: false,
    BillWithParent: false,
    PreferredDeliveryMethod: text(input, 'PreferredDeliveryMethod') ?? 'Print',
  };
}

function nameDef(entity: EntityName): EntityDef {
  return { name: entity, transaction: false, hidesInactive: true, build: (ctx, input, previous) => buildName(entity, ctx, input, previous) };
}

export const customerDef = nameDef('Customer');
export const vendorDef = nameDef('Vendor');
export const employeeDef = nameDef('Employee');

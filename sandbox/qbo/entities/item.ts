// Item: Service, NonInventory or Inventory; Name unique among items; a sales item needs an income account.
import { fault } from '../faults.js';
import type { JsonObject } from '../json.js';
import { decimalToJson, readDecimal } from '../numbers.js';
import { companyDate } from '../time.js';
import { bool, checkName, date, omit, resolveRef, text } from './common.js';
import { uniqueListName } from './names.js';
import type { EntityDef } from './types.js';

const ITEM_TYPES = ['Service', 'NonInventory', 'Inventory'];
const OWN_KEYS = ['Name', 'FullyQualifiedName', 'Type', 'Active', 'UnitPrice', 'PurchaseCost', 'QtyOnHand', 'TrackQtyOnHand', 'IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef'];

function decimalField(input: JsonObject, key: string, fallback: number): number {
  const value = input[key];
  return value === undefined || value === null ? fallback : decimalToJson(readDecimal(value, key));
}

export const itemDef: EntityDef = {
  name: 'Item',
  transaction: false,
  hidesInactive: true,
  build(ctx, input, previous) {
    const requested = text(input, 'Name');
    if (requested === undefined || requested.trim() === '') throw fault.required('Name');
    const active = bool(input, 'Active') ?? true;
    const self = previous ? { entity: 'Item' as const, id: String(previous.Id) } : undefined;
    const name = uniqueListName(ctx, ['Item'], 'Name', checkName(requested, 'Name', 100), active, self, previous?.Active !== false);
    const type = text(input, 'Type') ?? (typeof previous?.Type === 'string' ? previous.Type : 'Service');
    if (!ITEM_TYPES.includes(type)) throw fault.invalidEnum('Type', type);
    const income = resolveRef(ctx, input, 'IncomeAccountRef', 'Account', false);
    const expense = resolveRef(ctx, input, 'ExpenseAccountRef', 'Account', false);
    const asset = resolveRef(ctx, input, 'AssetAccountRef', 'Account', false);
    if (type === 'Inventory') {
      if (!income) throw fault.required('IncomeAccountRef');
      if (!expense) throw fault.required('ExpenseAccountRef');
      if (!asset) throw fault.required('AssetAccountRef');
    } else if (!income && !expense) {
      throw fault.required('IncomeAccountRef');
    }
    const state: JsonObject = {
      ...omit(input, OWN_KEYS),
      Name: name,
      FullyQualifiedName: name,
      Active: active,
      Type: type,
      Taxable: bool(input, 'Taxable') ?? false,
      UnitPrice: decimalField(input, 'UnitPrice', 0),
      PurchaseCost: decimalField(input, 'PurchaseCost', 0),
      TrackQtyOnHand: type === 'Inventory',
    };
    if (income) state.IncomeAccountRef = income.ref;
    if (expense) state.ExpenseAccountRef = expense.ref;
    if (asset) state.AssetAccountRef = asset.ref;
    if (type === 'Inventory') {
      state.QtyOnHand = decimalField(input, 'QtyOnHand', 0);
      state.InvStartDate = date(input, 'InvStartDate') ?? companyDate(ctx.now);
    }
    return state;
  },
};

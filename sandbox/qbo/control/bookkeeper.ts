// Acting as the bookkeeper in QuickBooks' own screens (not Intuit's API): record, void or delete a payment, or
// change any record, without a token. The same rules and side effects as the API run (balances, webhooks, CDC).
import { createEntity, deleteEntity, saveEntity, voidEntity } from '../api/operations.js';
import type { Company } from '../company/company.js';
import { cents, refValue } from '../entities/balances.js';
import type { WriteContext } from '../entities/common.js';
import { entityByName, ENTITY_DEFS, type EntityDef } from '../entities/index.js';
import { isObject, type JsonObject } from '../json.js';
import { money } from '../numbers.js';
import type { SandboxState } from '../state.js';
import { ControlError } from './errors.js';

/** `invoice`, `Invoice`, `invoices`, `purchaseorders` → the entity definition. */
export function defFromPath(path: string): EntityDef | undefined {
  return entityByName(path) ?? entityByName(path.replace(/s$/i, '')) ?? entityByName(path.replace(/es$/i, ''));
}

function linkedInvoiceIds(lines: unknown[]): string[] {
  const ids: string[] = [];
  for (const line of lines) {
    if (!isObject(line) || !Array.isArray(line.LinkedTxn)) continue;
    for (const link of line.LinkedTxn) if (isObject(link) && link.TxnType === 'Invoice' && link.TxnId !== undefined && link.TxnId !== null) ids.push(String(link.TxnId));
  }
  return ids;
}

/**
 * What the Receive Payment screen fills in by itself: the customer of the first invoice ticked and, when no
 * amount was typed, the sum of the amounts applied.
 */
function paymentDefaults(company: Company, body: JsonObject): JsonObject {
  const lines = Array.isArray(body.Line) ? body.Line : [];
  const out: JsonObject = { ...body };
  if (out.CustomerRef === undefined) {
    const [first] = linkedInvoiceIds(lines);
    const customer = first === undefined ? undefined : refValue(company.get('Invoice', first), 'CustomerRef');
    if (customer !== undefined) out.CustomerRef = { value: customer };
  }
  if (out.TotalAmt === undefined) out.TotalAmt = money(lines.reduce<number>((sum, line) => sum + (isObject(line) ? cents(line.Amount) : 0), 0));
  return out;
}

export function createBookkeeper(state: SandboxState) {
  const context = (realmId: string): WriteContext => {
    const company = state.companies.get(realmId);
    if (!company) throw new ControlError(`no company with realm ${realmId}`);
    return { company, now: state.clock.now() };
  };
  const definition = (entity: string): EntityDef => {
    const def = defFromPath(entity);
    if (!def) throw new ControlError(`unknown entity ${entity}`);
    return def;
  };
  /** The screens never ask for a SyncToken: the bookkeeper always edits the current version. */
  const current = (ctx: WriteContext, def: EntityDef, id: string): JsonObject => {
    const found = ctx.company.get(def.name, id);
    if (!found) throw new ControlError(`no ${def.name} ${id} in realm ${ctx.company.realmId}`);
    return { Id: id, SyncToken: found.SyncToken ?? '0' };
  };
  return {
    /** Receive Payment: `Line[].LinkedTxn` names the invoices paid; CustomerRef and TotalAmt may be left out. */
    recordPayment: (realmId: string, body: JsonObject): JsonObject => {
      const ctx = context(realmId);
      return createEntity(ctx, ENTITY_DEFS.Payment, paymentDefaults(ctx.company, body));
    },
    voidPayment: (realmId: string, paymentId: string): JsonObject => {
      const ctx = context(realmId);
      return voidEntity(ctx, ENTITY_DEFS.Payment, current(ctx, ENTITY_DEFS.Payment, paymentId));
    },
    deletePayment: (realmId: string, paymentId: string): JsonObject => {
      const ctx = context(realmId);
      return deleteEntity(ctx, ENTITY_DEFS.Payment, current(ctx, ENTITY_DEFS.Payment, paymentId));
    },
    /** Creates (no Id) or changes (Id; the SyncToken is filled in, the change merged as a sparse update) a record. */
    save: (realmId: string, entity: string, body: JsonObject): JsonObject => {
      const ctx = context(realmId);
      const def = definition(entity);
      if (body.Id === undefined || body.Id === null) return createEntity(ctx, def, body);
      return saveEntity(ctx, def, { ...body, ...current(ctx, def, String(body.Id)), sparse: true });
    },
    void: (realmId: string, entity: string, id: string): JsonObject => {
      const ctx = context(realmId);
      const def = definition(entity);
      return voidEntity(ctx, def, current(ctx, def, id));
    },
    delete: (realmId: string, entity: string, id: string): JsonObject => {
      const ctx = context(realmId);
      const def = definition(entity);
      return deleteEntity(ctx, def, current(ctx, def, id));
    },
  };
}

export type Bookkeeper = ReturnType<typeof createBookkeeper>;

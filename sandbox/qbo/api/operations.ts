// Create, read, update (full or sparse), delete, void and send: the generic rules around every entity
// (Id + SyncToken, 5010 on a stale token, 610 for missing objects, system fields owned by the service).
import type { ChangeOperation } from '../company/changes.js';
import type { EntityName } from '../company/company.js';
import { omit, stamp, SYSTEM_KEYS, type WriteContext } from '../entities/common.js';
import { entityByName, ENTITY_DEFS, type EntityDef } from '../entities/index.js';
import { fault } from '../faults.js';
import { clone, isObject, type JsonObject } from '../json.js';
import { conformBody } from '../schema/conform.js';
import { metaTime } from '../time.js';

export function requireDef(path: string): EntityDef {
  const def = entityByName(path);
  if (!def) throw fault.unsupported(`Could not find resource for entity ${path}`);
  return def;
}

function checkFeature(ctx: WriteContext, def: EntityDef): void {
  const missing = def.feature?.(ctx.company);
  if (missing) throw missing;
}

/** The body as Intuit reads it (schema/conform.ts): refused with 2010 before anything is applied, Desktop-only fields dropped. */
function bodyObject(body: unknown, def: EntityDef): JsonObject {
  if (!isObject(body)) throw fault.invalidProperty(def.name, `${def.name} request body`);
  return conformBody(def.name, body);
}

function existing(ctx: WriteContext, name: EntityName, body: JsonObject): JsonObject {
  if (body.Id === undefined || body.Id === null) throw fault.required('Id');
  const id = String(body.Id);
  const found = ctx.company.get(name, id);
  if (!found) throw ctx.company.wasDeleted(name, id) ? fault.deleted() : fault.notFound();
  return found;
}

function checkSyncToken(def: EntityDef, current: JsonObject, body: JsonObject): void {
  if (body.SyncToken === undefined || body.SyncToken === null) throw fault.required('SyncToken');
  if (String(body.SyncToken) !== current.SyncToken) throw fault.stale(def.name);
}

function save(ctx: WriteContext, def: EntityDef, id: string, state: JsonObject, previous?: JsonObject, operation?: ChangeOperation): JsonObject {
  const saved = stamp(ctx, id, state, previous);
  ctx.company.put(def.name, saved, operation);
  def.afterSave?.(ctx, saved, previous);
  // afterSave may have refreshed computed figures (e.g. a customer's Balance): answer with the stored state.
  return clone(ctx.company.get(def.name, id) ?? saved);
}

export function createEntity(ctx: WriteContext, def: EntityDef, raw: unknown): JsonObject {
  checkFeature(ctx, def);
  if (def.readOnly) throw fault.unsupported(`Create for ${def.name}`);
  const state = def.build(ctx, omit(bodyObject(raw, def), SYSTEM_KEYS));
  return save(ctx, def, ctx.company.nextId(def.name, def.transaction), state);
}

export function updateEntity(ctx: WriteContext, def: EntityDef, raw: unknown): JsonObject {
  checkFeature(ctx, def);
  if (def.readOnly) throw fault.unsupported(`Update for ${def.name}`);
  const body = bodyObject(raw, def);
  const current = existing(ctx, def.name, body);
  checkSyncToken(def, current, body);
  const input = body.sparse === true ? { ...omit(current, SYSTEM_KEYS), ...omit(body, SYSTEM_KEYS) } : omit(body, SYSTEM_KEYS);
  return save(ctx, def, String(current.Id), def.build(ctx, input, current), current);
}

/** POST /{entity}: an Id in the body makes it an update, as in QuickBooks. */
export function saveEntity(ctx: WriteContext, def: EntityDef, raw: unknown): JsonObject {
  return isObject(raw) && raw.Id !== undefined && raw.Id !== null ? updateEntity(ctx, def, raw) : createEntity(ctx, def, raw);
}

export function deleteEntity(ctx: WriteContext, def: EntityDef, raw: unknown): JsonObject {
  checkFeature(ctx, def);
  if (!def.transaction) throw fault.unsupported(`Delete for ${def.name}`);
  const body = bodyObject(raw, def);
  const current = existing(ctx, def.name, body);
  checkSyncToken(def, current, body);
  def.beforeDelete?.(ctx, current);
  ctx.company.remove(def.name, String(current.Id));
  def.afterDelete?.(ctx, current);
  return { Id: String(current.Id), status: 'Deleted', domain: 'QBO' };
}

export function voidEntity(ctx: WriteContext, def: EntityDef, raw: unknown): JsonObject {
  checkFeature(ctx, def);
  if (!def.canVoid || !def.voided) throw fault.unsupported(`Void for ${def.name}`);
  const body = bodyObject(raw, def);
  const current = existing(ctx, def.name, body);
  checkSyncToken(def, current, body);
  return save(ctx, def, String(current.Id), def.voided(ctx, current), current, 'Void');
}

export function readEntity(ctx: WriteContext, def: EntityDef, id: string): JsonObject {
  checkFeature(ctx, def);
  const found = ctx.company.get(def.name, id);
  if (!found) throw ctx.company.wasDeleted(def.name, id) ? fault.deleted() : fault.notFound();
  return clone(found);
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/**
 * POST /invoice/{id}/send?sendTo=…: EmailStatus becomes EmailSent, DeliveryInfo says when (whole seconds, as
 * Intuit's sample), BillEmail becomes the address used, the e-mail lands in the outbox, webhooks say Emailed.
 */
export function sendInvoice(ctx: WriteContext, id: string, sendTo: string | undefined): JsonObject {
  const def = ENTITY_DEFS.Invoice;
  const invoice = readEntity(ctx, def, id);
  const billEmail = isObject(invoice.BillEmail) && typeof invoice.BillEmail.Address === 'string' ? invoice.BillEmail.Address : undefined;
  const address = sendTo ?? billEmail;
  if (!address || !EMAIL.test(address)) throw fault.business('Please enter a valid email address.', 'BillEmail');
  const stored = ctx.company.get('Invoice', id) as JsonObject;
  const state = {
    ...omit(stored, SYSTEM_KEYS),
    BillEmail: { Address: address },
    EmailStatus: 'EmailSent',
    DeliveryInfo: { DeliveryType: 'Email', DeliveryTime: metaTime(ctx.now) },
  };
  const saved = stamp(ctx, id, state, stored);
  ctx.company.put('Invoice', saved, 'Emailed');
  ctx.company.outbox.push({ invoiceId: id, docNumber: typeof saved.DocNumber === 'string' ? saved.DocNumber : null, to: address, at: ctx.now });
  return clone(saved);
}

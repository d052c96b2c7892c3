// Change Data Capture (GET /cdc?entities=…&changedSince=…): every object of the named entities changed since a
// moment up to 30 days back, deletions as `status: "Deleted"`, at most 1000 objects, grouped as Intuit groups them.
import type { Company, EntityName } from './company/company.js';
import { entityByName } from './entities/index.js';
import { fault } from './faults.js';
import { clone, isObject, type JsonObject } from './json.js';
import { metaTime } from './time.js';

const LOOK_BACK_MS = 30 * 86_400_000;
export const CDC_MAX_OBJECTS = 1000;
/** Intuit: "supported for all objects except JournalCode, TimeActivity, TaxAgency, TaxCode, and TaxRate". */
const UNSUPPORTED = ['journalcode', 'timeactivity', 'taxagency', 'taxcode', 'taxrate'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const COMPANY_OFFSET = '-07:00';

/** A date (midnight in the company's zone) or a date-time; without an offset, the company's zone. */
function parseChangedSince(text: string | undefined): number {
  if (text === undefined || text.trim() === '') throw fault.required('changedSince');
  const value = text.trim();
  let parsed = Number.NaN;
  if (DATE.test(value)) parsed = Date.parse(`${value}T00:00:00${COMPANY_OFFSET}`);
  else if (DATE_TIME.test(value)) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : `${value}${COMPANY_OFFSET}`;
    parsed = Date.parse(zoned);
  }
  if (!Number.isFinite(parsed)) throw fault.invalidProperty('changedSince', `changedSince with value "${value}"`);
  return parsed;
}

function entityList(text: string | undefined): EntityName[] {
  if (text === undefined || text.trim() === '') throw fault.required('entities');
  const names: EntityName[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const def = entityByName(name);
    // Intuit answers both an unknown and an excluded entity with its Unsupported Operation fault.
    if (!def || UNSUPPORTED.includes(name.toLowerCase())) throw fault.unsupported(`cdc for entity ${name}`);
    if (!names.includes(def.name)) names.push(def.name);
  }
  if (names.length === 0) throw fault.required('entities');
  return names;
}

function lastUpdated(object: JsonObject): number {
  const meta = object.MetaData;
  return isObject(meta) && typeof meta.LastUpdatedTime === 'string' ? Date.parse(meta.LastUpdatedTime) : Number.NaN;
}

/** Changed objects of one entity: active ones by last update, then the deleted ones (Intuit's order). */
function changesOf(company: Company, entity: EntityName, since: number): JsonObject[] {
  const changed = company
    .all(entity)
    .map((object) => ({ object, at: lastUpdated(object) }))
    .filter(({ at }) => at >= since)
    .sort((a, b) => a.at - b.at || Number(a.object.Id) - Number(b.object.Id))
    .map(({ object }) => clone(object));
  const deleted = company
    .deletedSince(entity, since)
    .map(({ id, at }): JsonObject => ({ Id: id, status: 'Deleted', domain: 'QBO', MetaData: { LastUpdatedTime: metaTime(at) } }));
  return [...changed, ...deleted];
}

/**
 * The body of a CDC answer (the pipeline adds `time`). MetaData times carry whole seconds, so `changedSince`
 * counts from the start of its second: a change is answered twice rather than missed.
 */
export function changeDataCapture(company: Company, entities: string | undefined, changedSince: string | undefined, now: number): JsonObject {
  const names = entityList(entities);
  const since = parseChangedSince(changedSince);
  if (since < now - LOOK_BACK_MS) throw fault.unsupported(`cdc with changedSince date ${changedSince ?? ''} which is older than fixed days`);
  const floor = Math.floor(since / 1000) * 1000;
  let room = CDC_MAX_OBJECTS;
  const blocks = names.map((entity): JsonObject => {
    const missing = entityByName(entity)?.feature?.(company);
    if (missing) throw missing;
    // Past 1000 objects Intuit stops answering: what is left over is simply not in the answer.
    const objects = changesOf(company, entity, floor).slice(0, room);
    room -= objects.length;
    return objects.length === 0 ? {} : { [entity]: objects, startPosition: 1, maxResults: objects.length };
  });
  return { CDCResponse: [{ QueryResponse: blocks }] };
}

// Runs a parsed query over one company's objects: filter, the default Active filter on name lists,
// order, STARTPOSITION (1-based) and MAXRESULTS (default 100, at most 1000).
import type { Company } from '../company/company.js';
import { entityByName } from '../entities/index.js';
import { fault } from '../faults.js';
import { clone, readPath, type Json, type JsonObject } from '../json.js';
import { parseInstant } from '../time.js';
import { parseQuery, type Condition } from './parser.js';

const DEFAULT_MAX = 100;
const MAX_RESULTS = 1000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

function numeric(value: string): number | undefined {
  return /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : undefined;
}

/** Orders two values the way QuickBooks compares them: numbers numerically, names case-insensitively. */
function compareValues(a: Json, right: Json): number | null {
  if (a === null || right === null) return null;
  if (typeof a === 'boolean' || typeof right === 'boolean') {
    const l = typeof a === 'boolean' ? a : a === 'true' ? true : a === 'false' ? false : null;
    const r = typeof right === 'boolean' ? right : right === 'true' ? true : right === 'false' ? false : null;
    return l === null || r === null ? null : Number(l) - Number(r);
  }
  if (typeof a === 'number' || typeof right === 'number') {
    const l = typeof a === 'number' ? a : typeof a === 'string' ? numeric(a) : undefined;
    const r = typeof right === 'number' ? right : typeof right === 'string' ? numeric(right) : undefined;
    return l === undefined || r === undefined ? null : l - r;
  }
  if (typeof a !== 'string' || typeof right !== 'string') return null;
  if (DATE_TIME.test(a) || DATE_TIME.test(right)) {
    const l = parseInstant(a);
    const r = parseInstant(right);
    if (Number.isFinite(l) && Number.isFinite(r)) return l - r;
  }
  const ln = numeric(a);
  const rn = numeric(right);
  if (ln !== undefined && rn !== undefined) return ln - rn;
  const l = a.toLowerCase();
  const r = right.toLowerCase();
  return l < r ? -1 : l > r ? 1 : 0;
}

function likePattern(pattern: string): RegExp {
  const source = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'is');
}

function matches(object: JsonObject, condition: Condition): boolean {
  const value = readPath(object, condition.field);
  if (value === undefined || value === null || typeof value === 'object') return false;
  const [first] = condition.values;
  if (!first) return false;
  switch (condition.op) {
    case 'like':
      return typeof value === 'string' && likePattern(String(first.value)).test(value);
    case 'in':
      return condition.values.some((literal) => compareValues(value, literal.value) === 0);
    default: {
      const order = compareValues(value, first.value);
      if (order === null) return false;
      if (condition.op === '=') return order === 0;
      if (condition.op === '<') return order < 0;
      if (condition.op === '>') return order > 0;
      if (condition.op === '<=') return order <= 0;
      return order >= 0;
    }
  }
}

function sortKey(object: JsonObject, field: string[]): Json {
  return readPath(object, field) ?? null;
}

/** Executes query text for a company; returns the body of `QueryResponse`. */
export function executeQuery(company: Company, text: string): JsonObject {
  const query = parseQuery(text);
  const def = entityByName(query.entity);
  if (!def) throw fault.queryInvalid(`Entity ${query.entity} is not supported.`);
  const missingFeature = def.feature?.(company);
  if (missingFeature) throw missingFeature;
  let rows = company.all(def.name);
  if (def.hidesInactive && !query.where.some((c) => c.field[0]?.toLowerCase() === 'active')) {
    rows = rows.filter((row) => row.Active !== false);
  }
  rows = rows.filter((row) => query.where.every((condition) => matches(row, condition)));
  if (query.select.kind === 'count') return { totalCount: rows.length };
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: ['Id'], descending: false }];
  rows.sort((a, b) => {
    for (const { field, descending } of order) {
      const left = sortKey(a, field);
      const right = sortKey(b, field);
      if (left === right) continue;
      if (left === null) return descending ? 1 : -1;
      if (right === null) return descending ? -1 : 1;
      const result = compareValues(left, right) ?? 0;
      if (result !== 0) return descending ? -result : result;
    }
    return 0;
  });
  const start = Math.max(1, query.startPosition ?? 1);
  const max = Math.min(query.maxResults ?? DEFAULT_MAX, MAX_RESULTS);
  const page = rows.slice(start - 1, start - 1 + max);
  if (page.length === 0) return {};
  const select = query.select;
  const out =
    select.kind === 'fields'
      ? page.map((row) => {
          const projected: JsonObject = {};
          for (const field of select.fields) {
            const top = field.split('.')[0] as string;
            const key = Object.keys(row).find((k) => k.toLowerCase() === top.toLowerCase());
            if (key !== undefined) projected[key] = clone(row[key] as Json);
          }
          return projected;
        })
      : page.map((row) => clone(row));
  return { [def.name]: out, startPosition: start, maxResults: out.length };
}

// Query semantics shared by every *QueryRq: exact look-ups (ListID, FullName, TxnID, RefNumber), filters,
// MaxReturned, iterators (Start → iteratorID + iteratorRemainingCount; Continue until 0; unknown id → 3391),
// status 1 when a filter finds nothing and 500 when an exact look-up misses some of its ids.
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { child, childText, children } from '../../../quickbooks/desktop/qbxml/tree.js';
import { parseFilterDate } from './clock.js';
import type { HandlerContext, HandlerResult } from './context.js';
import { invalidIterator, QbStatusError, statusMessages } from './errors.js';

export interface Queryable<T> {
  kind: string;
  all: () => Iterable<T>;
  id: (record: T) => string;
  byId: (id: string) => T | undefined;
  /** FullName look-up for lists; RefNumber look-up (many) for transactions. */
  byName?: (name: string) => T[];
  fullName?: (record: T) => string;
  isActive?: (record: T) => boolean;
  modified: (record: T) => Date;
  /** Request-specific filters (AccountType, EntityFilter, PaidStatus…). */
  filter?: (record: T, rq: XNode) => boolean;
  render: (record: T) => XNode;
}

function includeFilter(rq: XNode): (node: XNode) => XNode {
  const include = children(rq, 'IncludeRetElement').map((c) => c.text);
  if (!include.length) return (node) => node;
  return (node) => ({ ...node, children: node.children.filter((c) => include.includes(c.name)) });
}

function matches(value: string, criterion: string | undefined, wanted: string): boolean {
  const v = value.toLowerCase();
  const w = wanted.toLowerCase();
  if (criterion === 'StartsWith') return v.startsWith(w);
  if (criterion === 'EndsWith') return v.endsWith(w);
  return v.includes(w);
}

/** Runs a list or transaction query, including iterator handling. */
export function runQuery<T>(ctx: HandlerContext, rq: XNode, q: Queryable<T>, lookup: 'list' | 'txn'): HandlerResult {
  const shape = includeFilter(rq);
  const iterator = rq.attrs.iterator;
  const iteratorId = rq.attrs.iteratorID;
  const maxReturned = childText(rq, 'MaxReturned');
  const pageSize = maxReturned === undefined ? undefined : Number.parseInt(maxReturned, 10);

  if (iterator === 'Continue' || iterator === 'Stop') {
    const state = iteratorId ? ctx.iterators.get(iteratorId) : undefined;
    if (!state || !iteratorId || state.kind !== q.kind) throw invalidIterator(iteratorId ?? '');
    if (iterator === 'Stop') {
      ctx.iterators.delete(iteratorId);
      return { records: [], attrs: { iteratorRemainingCount: '0', iteratorID: iteratorId } };
    }
    const page = state.remaining.splice(0, pageSize ?? state.remaining.length);
    if (!state.remaining.length) ctx.iterators.delete(iteratorId);
    const records = page.map(state.render).filter((n): n is XNode => Boolean(n)).map(shape);
    return { records, attrs: { iteratorRemainingCount: String(state.remaining.length), iteratorID: iteratorId } };
  }

  const idName = lookup === 'list' ? 'ListID' : 'TxnID';
  const ids = children(rq, idName).map((c) => c.text);
  const names = lookup === 'list' ? children(rq, 'FullName').map((c) => c.text) : [...children(rq, 'RefNumber'), ...children(rq, 'RefNumberCaseSensitive')].map((c) => c.text);

  if (ids.length || names.length) {
    const found: T[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const record = q.byId(id);
      if (record) found.push(record);
      else missing.push(id);
    }
    for (const name of names) {
      const records = q.byName?.(name) ?? [];
      if (records.length) found.push(...records);
      else missing.push(name);
    }
    const records = found.map((r) => shape(q.render(r)));
    if (lookup === 'txn' && !ids.length && !found.length) {
      return { records: [], statusCode: 1, statusSeverity: 'Info', statusMessage: statusMessages.noMatch };
    }
    if (missing.length && (ids.length || lookup === 'list')) {
      return { records, statusCode: 500, statusSeverity: 'Warn', statusMessage: statusMessages.notFullyCompleted(missing[0] as string) };
    }
    return { records };
  }

  const active = childText(rq, 'ActiveStatus') ?? 'ActiveOnly';
  const fromModified = childText(rq, 'FromModifiedDate') ?? childText(child(rq, 'ModifiedDateRangeFilter') ?? rq, 'FromModifiedDate');
  const toModified = childText(rq, 'ToModifiedDate') ?? childText(child(rq, 'ModifiedDateRangeFilter') ?? rq, 'ToModifiedDate');
  const from = fromModified ? parseFilterDate(fromModified, ctx.offsetMinutes).getTime() : undefined;
  const to = toModified ? parseFilterDate(toModified, ctx.offsetMinutes).getTime() : undefined;
  const nameFilter = child(rq, 'NameFilter');
  const nameRange = child(rq, 'NameRangeFilter');

  const selected: T[] = [];
  for (const record of q.all()) {
    if (q.isActive && active !== 'All' && q.isActive(record) !== (active === 'ActiveOnly')) continue;
    const modified = q.modified(record).getTime();
    if (from !== undefined && modified < from) continue;
    if (to !== undefined && modified > to) continue;
    if (nameFilter && q.fullName && !matches(q.fullName(record), childText(nameFilter, 'MatchCriterion'), childText(nameFilter, 'Name') ?? '')) continue;
    if (nameRange && q.fullName) {
      const fullName = q.fullName(record).toLowerCase();
      const lo = childText(nameRange, 'FromName')?.toLowerCase();
      const hi = childText(nameRange, 'ToName')?.toLowerCase();
      if ((lo && fullName < lo) || (hi && fullName > hi)) continue;
    }
    if (q.filter && !q.filter(record, rq)) continue;
    selected.push(record);
  }
  if (q.fullName) {
    const name = q.fullName;
    selected.sort((a, b) => name(a).toLowerCase().localeCompare(name(b).toLowerCase()));
  }

  if (iterator === 'Start') {
    if (pageSize === undefined || !(pageSize > 0)) throw new QbStatusError(3000, 'MaxReturned is required with an iterator.');
    const allIds = selected.map(q.id);
    const page = allIds.splice(0, pageSize);
    const id = ctx.newIteratorId();
    const render = (rid: string): XNode | undefined => {
      const record = q.byId(rid);
      return record ? q.render(record) : undefined;
    };
    if (allIds.length) ctx.iterators.set(id, { kind: q.kind, remaining: allIds, render });
    const records = page.map(render).filter((n): n is XNode => Boolean(n)).map(shape);
    const attrs = { iteratorRemainingCount: String(allIds.length), iteratorID: id };
    if (!records.length) return { records, attrs, statusCode: 1, statusSeverity: 'Info', statusMessage: statusMessages.noMatch };
    return { records, attrs };
  }

  const limited = pageSize !== undefined ? selected.slice(0, pageSize) : selected;
  if (!limited.length) return { records: [], statusCode: 1, statusSeverity: 'Info', statusMessage: statusMessages.noMatch };
  return { records: limited.map((r) => shape(q.render(r))) };
}

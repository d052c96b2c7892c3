// One QuickBooks Online company as the ledger adapters read and write it: query (every page, IN lists), read,
// create, and sparse updates from the current SyncToken; plus the shapes QuickBooks answers with.
import { centsFromJsonNumber } from '../../domain/money.js';
import { QuickBooksFault } from '../errors.js';
import type { LedgerRef, PostedDocument } from '../ledger/index.js';
import { queryString, type CompanyClient } from './client.js';

export interface QboObject {
  Id: string;
  SyncToken: string;
  [field: string]: unknown;
}

export type Entity = 'Customer' | 'Vendor' | 'Item' | 'Invoice' | 'CreditMemo' | 'Bill' | 'PurchaseOrder' | 'Payment' | 'Account' | 'TaxCode' | 'Term' | 'CompanyInfo';

export const DUPLICATE_NAME = '6240';
/** Duplicate Document Number Error: the company refuses a DocNumber another document of this type holds. */
export const DUPLICATE_DOC_NUMBER = '6140';
export const STALE_OBJECT = '5010';
export const NOT_FOUND = '610';
const UPDATE_ATTEMPTS = 3;
/** What QuickBooks computes on every save: never sent back in a full update (a TxnTaxDetail sent back would override the tax). */
const COMPUTED_FIELDS: readonly string[] = ['MetaData', 'domain', 'sparse', 'TotalAmt', 'HomeTotalAmt', 'Balance', 'HomeBalance', 'TxnTaxDetail'];
const PAGE = 1000;

export type CompanyAccess = ReturnType<typeof companyAccess>;

export function companyAccess(company: CompanyClient) {
  const query = async (entity: Entity, where: string, tail = ''): Promise<QboObject[]> => {
    const sql = `select * from ${entity}${where ? ` where ${where}` : ''}${tail ? ` ${tail}` : ''}`;
    const body = await company.request<{ QueryResponse?: Record<string, QboObject[]> }>({
      method: 'GET', path: '/query', query: { query: sql },
    });
    return body.QueryResponse?.[entity] ?? [];
  };
  const read = async (entity: Entity, id: string): Promise<QboObject> => {
    const body = await company.request<Record<string, QboObject>>({ method: 'GET', path: `/${entity.toLowerCase()}/${encodeURIComponent(id)}` });
    return body[entity]!;
  };
  const write = async (entity: Entity, object: object, requestId: string): Promise<QboObject> => {
    const body = await company.request<Record<string, QboObject>>({
      method: 'POST', path: `/${entity.toLowerCase()}`, body: object, requestId,
    });
    return body[entity]!;
  };

  /** Sparse update from the current SyncToken; re-reads and tries again when someone changed it meanwhile. */
  const update = async (entity: Entity, id: string, fields: object, key: string): Promise<QboObject> => {
    for (let attempt = 1; ; attempt++) {
      const current = await read(entity, id);
      try {
        return await write(entity, { ...fields, Id: id, SyncToken: current.SyncToken, sparse: true }, `${key}:${current.SyncToken}`);
      } catch (error) {
        if (!(error instanceof QuickBooksFault && error.code === STALE_OBJECT) || attempt >= UPDATE_ATTEMPTS) throw error;
      }
    }
  };

  /**
   * A full update (Intuit: writable fields left out of a full update are set to NULL or their default) built from
   * the current object: fields another hand set are sent back as read, `owned` fields are dropped unless `fields`
   * has them, so a field the product no longer sends is cleared (a sparse update would keep its old value).
   * Read-only figures are left out; QuickBooks computes them again.
   */
  const replace = async (entity: Entity, id: string, fields: object, owned: readonly string[], key: string): Promise<QboObject> => {
    for (let attempt = 1; ; attempt++) {
      const current = await read(entity, id);
      const kept = Object.fromEntries(Object.entries(current).filter(([field]) => !owned.includes(field) && !COMPUTED_FIELDS.includes(field)));
      try {
        return await write(entity, { ...kept, ...fields, Id: id, SyncToken: current.SyncToken, sparse: false }, `${key}:${current.SyncToken}`);
      } catch (error) {
        if (!(error instanceof QuickBooksFault && error.code === STALE_OBJECT) || attempt >= UPDATE_ATTEMPTS) throw error;
      }
    }
  };

  /** Every page of a query (STARTPOSITION is 1-based; MAXRESULTS at most 1000). */
  const queryAll = async (entity: Entity, where: string): Promise<QboObject[]> => {
    const rows: QboObject[] = [];
    for (let start = 1; ; start += PAGE) {
      const page = await query(entity, where, `STARTPOSITION ${start} MAXRESULTS ${PAGE}`);
      rows.push(...page);
      if (page.length < PAGE) return rows;
    }
  };
  /** `field IN (…)` over many values, 100 at a time. */
  const queryIn = async (entity: Entity, field: string, values: string[], and = ''): Promise<QboObject[]> => {
    const unique = [...new Set(values)];
    const rows: QboObject[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      rows.push(...await queryAll(entity, `${field} IN (${unique.slice(i, i + 100).map(queryString).join(', ')})${and ? ` AND ${and}` : ''}`));
    }
    return rows;
  };

  return { client: company, query, read, write, update, replace, queryAll, queryIn };
}

export function toRef(object: QboObject): LedgerRef {
  return { id: object.Id, name: String(object.DisplayName ?? object.Name ?? object.Id) };
}

export function toPosted(object: QboObject): PostedDocument {
  return {
    id: object.Id,
    number: typeof object.DocNumber === 'string' ? object.DocNumber : null,
    totalCents: centsFromJsonNumber(object.TotalAmt as number ?? 0),
    ...(object.Balance !== undefined ? { balanceCents: centsFromJsonNumber(object.Balance as number) } : {}),
  };
}

// The QuickBooks Online ledger: the Ledger interface over the Accounting API v3.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft, ResolvedAccounts } from '../../domain/drafts.js';
import { centsFromJsonNumber, decimalToJsonNumber } from '../../domain/money.js';
import { explainFault } from '../../activities/failures.js';
import {
  LedgerRejection,
  type BillingInvoiceWrite,
  type BillingWriteResult,
  type InvoiceSelection,
  type InvoiceSnapshot,
  type ItemInput,
  type Ledger,
  type LedgerRef,
  type LookupEntry,
  type LookupKind,
  type PartyInput,
  type PostedDocument,
  type PurchaseKind,
} from '../ledger/index.js';
import {
  billBody,
  billingCreateBody,
  billingMergeBody,
  invoiceBody,
  invoiceSnapshot,
  itemBody,
  itemSnapshot,
  partyBody,
  paymentBody,
  paymentMarker,
  purchaseOrderBody,
  qboName,
} from './bodies.js';
import { QuickBooksFault, QuickBooksUnavailable, queryString, type CompanyClient } from './client.js';

interface QboObject {
  Id: string;
  SyncToken: string;
  [field: string]: unknown;
}

const DUPLICATE_NAME = '6240';
const STALE_OBJECT = '5010';
const NOT_FOUND = '610';
const UPDATE_ATTEMPTS = 3;
/** Intuit: at most 30 items per batch and 40 batch calls a minute per realm; one less leaves room for clock skew. */
const BATCH_ITEMS = 30;
const BATCH_PER_MINUTE = 39;
/** Single writes sent alongside the batches, each paced by the realm's request pacer (the other 460 a minute). */
const SINGLE_LANES = 3;
const PAGE = 1000;

type Entity = 'Customer' | 'Vendor' | 'Item' | 'Invoice' | 'Bill' | 'PurchaseOrder' | 'Payment' | 'Account' | 'TaxCode';
const purchaseEntity: Record<PurchaseKind, Entity> = { bill: 'Bill', purchase_order: 'PurchaseOrder' };

export function createQboLedger(company: CompanyClient): Ledger {
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

  /** A refused write as a result; throttling, authorisation and outages stay exceptions (the activity retries). */
  const refused = (write: BillingInvoiceWrite, code: string, detail: string, type: string, status = 400): BillingWriteResult => {
    const fault = new QuickBooksFault(status, code, detail, type);
    const retryable = code === STALE_OBJECT || (code === NOT_FOUND && write.kind === 'merge');
    return { ref: write.ref, ok: false, code, message: explainFault(fault), retryable };
  };
  const isOwnFault = (error: unknown): error is QuickBooksFault =>
    error instanceof QuickBooksFault && error.status !== 429 && error.code !== '3001' && error.status !== 401 && error.status !== 403;
  const billingBody = (write: BillingInvoiceWrite) => (write.kind === 'create' ? billingCreateBody(write) : billingMergeBody(write));
  const billingKey = (write: BillingInvoiceWrite) => (write.kind === 'create' ? write.key : `${write.key}:${write.invoice.version}`);

  const ensureParty = async (entity: 'Customer' | 'Vendor', input: PartyInput, key: string): Promise<LedgerRef> => {
    const name = qboName(input.name);
    const [found] = await query(entity, `DisplayName = ${queryString(name)}`);
    if (found) return toRef(found);
    try {
      return toRef(await write(entity, partyBody(input), key));
    } catch (error) {
      if (!(error instanceof QuickBooksFault && error.code === DUPLICATE_NAME)) throw error;
    }
    // The name is taken: by an inactive one of ours (adopt and reactivate it) or by another kind of name
    // (customers, vendors and employees share one namespace), in which case we name ours by its role.
    const [inactive] = await query(entity, `DisplayName = ${queryString(name)} AND Active = false`);
    if (inactive) return toRef(await update(entity, inactive.Id, { Active: true }, `${key}:reactivate`));
    const roleName = qboName(`${input.name} (${entity})`);
    const [byRole] = await query(entity, `DisplayName = ${queryString(roleName)}`);
    if (byRole) return toRef(byRole);
    return toRef(await write(entity, partyBody(input, roleName), `${key}:role`));
  };

  return {
    async defaultAccounts(): Promise<ResolvedAccounts> {
      const accounts = await query('Account', 'Active = true', 'MAXRESULTS 1000');
      const pick = (test: (a: QboObject) => boolean) => accounts.find(test)?.Id;
      return {
        receivable: pick((a) => a.AccountType === 'Accounts Receivable'),
        income: pick((a) => a.AccountSubType === 'SalesOfProductIncome') ?? pick((a) => a.AccountType === 'Income'),
        payable: pick((a) => a.AccountType === 'Accounts Payable'),
        costOfGoodsSold: pick((a) => a.AccountType === 'Cost of Goods Sold'),
        discount: pick((a) => a.AccountSubType === 'DiscountsRefundsGiven'),
      };
    },

    async lookup(kind: LookupKind, search: string | undefined): Promise<LookupEntry[]> {
      const spec = lookupSpecs[kind];
      const filter = search ? `${spec.nameField} LIKE ${queryString(`%${search}%`)}` : '';
      const rows = await query(spec.entity, filter, `ORDERBY ${spec.nameField} MAXRESULTS 100`);
      return rows.map((row) => ({
        id: row.Id,
        name: String(row[spec.nameField] ?? ''),
        ...(spec.typeField && row[spec.typeField] ? { type: String(row[spec.typeField]) } : {}),
        active: row.Active !== false,
      }));
    },

    ensureCustomer: (input, key) => ensureParty('Customer', input, key),
    ensureVendor: (input, key) => ensureParty('Vendor', input, key),

    async findItems(names) {
      const found = new Map<string, LedgerRef>();
      const unique = [...new Set(names.map((n) => qboName(n)))];
      for (let i = 0; i < unique.length; i += 100) {
        const chunk = unique.slice(i, i + 100);
        const rows = await query('Item', `Name IN (${chunk.map(queryString).join(', ')})`, 'MAXRESULTS 1000');
        for (const row of rows) found.set(String(row.Name), toRef(row));
      }
      return new Map(names.map((name) => [name, found.get(qboName(name))] as const).filter((e): e is [string, LedgerRef] => !!e[1]));
    },

    async createItem(input: ItemInput, key: string) {
      try {
        return toRef(await write('Item', itemBody(input), key));
      } catch (error) {
        if (!(error instanceof QuickBooksFault && error.code === DUPLICATE_NAME)) throw error;
        const [existing] = await query('Item', `Name = ${queryString(qboName(input.name))}`);
        if (!existing) throw new LedgerRejection(`An inactive item is already named "${input.name}" in QuickBooks; reactivate it or map this product to another item`, DUPLICATE_NAME);
        return toRef(existing);
      }
    },

    async get(kind, id) {
      const entity = ({ customers: 'Customer', vendors: 'Vendor', items: 'Item' } as const)[kind];
      const [row] = await query(entity, `Id = ${queryString(id)}`);
      return row && row.Active !== false ? toRef(row) : undefined;
    },

    async findInvoice(number, customerId) {
      const rows = await query('Invoice', `DocNumber = ${queryString(number)} AND CustomerRef = ${queryString(customerId)}`);
      return rows[0] && toPosted(rows[0]);
    },
    createInvoice: async (draft: InvoiceDraft, key) => toPosted(await write('Invoice', invoiceBody(draft), key)),
    updateInvoice: async (id, draft, key) => toPosted(await update('Invoice', id, invoiceBody(draft), key)),

    async findPurchase(kind, number, vendorId) {
      const rows = await query(purchaseEntity[kind], `DocNumber = ${queryString(number)} AND VendorRef = ${queryString(vendorId)}`);
      return rows[0] && toPosted(rows[0]);
    },
    createPurchase: async (kind, draft: PurchaseDraft, key) => toPosted(await write(purchaseEntity[kind], purchaseBody(kind, draft), key)),
    updatePurchase: async (kind, id, draft, key) => toPosted(await update(purchaseEntity[kind], id, purchaseBody(kind, draft), key)),

    async findPayment(draft: PaymentDraft) {
      const marker = paymentMarker(draft);
      const rows = await query('Payment', `CustomerRef = ${queryString(draft.customerId)} AND TxnDate = ${queryString(draft.date)}`, 'MAXRESULTS 1000');
      const mine = rows.find((row) => String(row.PrivateNote ?? '').startsWith(marker));
      return mine && toPosted(mine);
    },
    createPayment: async (draft, key) => toPosted(await write('Payment', paymentBody(draft), key)),
    updatePayment: async (id, draft, key) => toPosted(await update('Payment', id, paymentBody(draft), key)),

    async getItems(ids) {
      const rows = await queryIn('Item', 'Id', ids);
      return new Map(rows.map(itemSnapshot).filter((item) => item.active).map((item) => [item.id, item]));
    },

    setItemPurchaseCost: async (id, cost, key) => itemSnapshot(await update('Item', id, { PurchaseCost: decimalToJsonNumber(cost) }, key)),

    async findBillingInvoices(selection: InvoiceSelection): Promise<InvoiceSnapshot[]> {
      const rows = 'ids' in selection
        ? await queryIn('Invoice', 'Id', selection.ids)
        : 'numbers' in selection
          ? await queryIn('Invoice', 'DocNumber', selection.numbers)
          : await queryIn('Invoice', 'CustomerRef', selection.customerIds, `TxnDate >= ${queryString(selection.from)} AND TxnDate <= ${queryString(selection.to)}`);
      return rows.map(invoiceSnapshot);
    },

    bulkLimits: { perRoundTrip: BATCH_ITEMS, pacing: { key: `qbo-batch:${company.realmId}`, perMinute: BATCH_PER_MINUTE } },

    /**
     * Two lanes share the work: batches of 30 (paced by the caller under Intuit's batch limit) and a few single
     * writes (paced by the realm's request pacer), so both of Intuit's budgets are used. Each batch carries a
     * requestid derived from its writes, so a retried batch is answered from the first attempt.
     */
    async writeBillingInvoices(writes, beforePacedRoundTrip) {
      const results: (BillingWriteResult | undefined)[] = new Array(writes.length);
      let next = 0;
      let failure: unknown;
      const take = (count: number): number[] => {
        if (failure !== undefined) return [];
        const taken: number[] = [];
        while (taken.length < count && next < writes.length) taken.push(next++);
        return taken;
      };

      const single = async (index: number) => {
        const w = writes[index]!;
        try {
          results[index] = { ref: w.ref, ok: true, invoice: invoiceSnapshot(await write('Invoice', billingBody(w), billingKey(w))) };
        } catch (error) {
          if (!isOwnFault(error)) throw error;
          results[index] = refused(w, error.code, error.detail, error.faultType, error.status);
        }
      };

      const batch = async (indexes: number[]) => {
        const body = await company.request<{ BatchItemResponse?: { bId?: string; Invoice?: Record<string, unknown>; Fault?: { Error?: { Message?: string; Detail?: string; code?: string }[]; type?: string } }[] }>({
          method: 'POST',
          path: '/batch',
          body: { BatchItemRequest: indexes.map((i) => ({ bId: String(i), operation: writes[i]!.kind === 'create' ? 'create' : 'update', Invoice: billingBody(writes[i]!) })) },
          requestId: `batch:${indexes.map((i) => billingKey(writes[i]!)).join(',')}`,
        });
        for (const item of body.BatchItemResponse ?? []) {
          const index = Number(item.bId);
          const w = writes[index];
          if (!w || !indexes.includes(index)) continue;
          if (item.Invoice) results[index] = { ref: w.ref, ok: true, invoice: invoiceSnapshot(item.Invoice) };
          else {
            const error = item.Fault?.Error?.[0] ?? {};
            results[index] = refused(w, String(error.code ?? 'unknown'), error.Detail || error.Message || 'no detail given', item.Fault?.type ?? 'ValidationFault');
          }
        }
        if (indexes.some((i) => !results[i])) throw new QuickBooksUnavailable('QuickBooks answered a batch without an answer for every item');
      };

      const lane = async (work: () => Promise<boolean>) => {
        try {
          while (await work());
        } catch (error) {
          failure ??= error;
        }
      };
      const lanes = Array.from({ length: SINGLE_LANES }, () => lane(async () => {
        const [index] = take(1);
        if (index === undefined) return false;
        await single(index);
        return true;
      }));
      if (beforePacedRoundTrip) {
        lanes.push(lane(async () => {
          if (next >= writes.length || failure !== undefined) return false;
          await beforePacedRoundTrip();
          const indexes = take(BATCH_ITEMS);
          if (indexes.length === 0) return false;
          await batch(indexes);
          return true;
        }));
      }
      await Promise.all(lanes);
      if (failure !== undefined) throw failure;
      return results as BillingWriteResult[];
    },
  };
}

const purchaseBody = (kind: PurchaseKind, draft: PurchaseDraft) =>
  kind === 'bill' ? billBody(draft) : purchaseOrderBody(draft);

const lookupSpecs: Record<LookupKind, { entity: Entity; nameField: string; typeField?: string }> = {
  customers: { entity: 'Customer', nameField: 'DisplayName' },
  vendors: { entity: 'Vendor', nameField: 'DisplayName' },
  items: { entity: 'Item', nameField: 'Name', typeField: 'Type' },
  accounts: { entity: 'Account', nameField: 'Name', typeField: 'AccountType' },
  'tax-codes': { entity: 'TaxCode', nameField: 'Name' },
};

function toRef(object: QboObject): LedgerRef {
  return { id: object.Id, name: String(object.DisplayName ?? object.Name ?? object.Id) };
}

function toPosted(object: QboObject): PostedDocument {
  return {
    id: object.Id,
    number: typeof object.DocNumber === 'string' ? object.DocNumber : null,
    totalCents: centsFromJsonNumber(object.TotalAmt as number ?? 0),
    ...(object.Balance !== undefined ? { balanceCents: centsFromJsonNumber(object.Balance as number) } : {}),
  };
}

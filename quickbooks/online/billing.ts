// The QuickBooks Online ledger as monthly billing uses it: items with price and purchase cost, invoices with their
// lines, and many invoices written in two lanes (batches of 30 under Intuit's batch limit, single writes beside).
import { decimalToJsonNumber } from '../../domain/money.js';
import { explainFault, QuickBooksFault, QuickBooksUnavailable } from '../errors.js';
import type { BillingInvoiceWrite, BillingLedger, BillingWriteResult, InvoiceSelection, InvoiceSnapshot } from '../ledger/index.js';
import { billingCreateBody, billingMergeBody, invoiceSnapshot, itemSnapshot } from './bodies/index.js';
import { queryString } from './client.js';
import { NOT_FOUND, STALE_OBJECT, type CompanyAccess } from './company.js';

/** Intuit: at most 30 items per batch and 40 batch calls a minute per realm; one less leaves room for clock skew. */
const BATCH_ITEMS = 30;
const BATCH_PER_MINUTE = 39;
/** Single writes sent alongside the batches, each paced by the realm's request pacer (the other 460 a minute). */
const SINGLE_LANES = 3;

export function createQboBillingLedger(company: CompanyAccess): BillingLedger {
  const { client, write, update, queryIn } = company;
  /** A refused write as a result; throttling, authorisation and outages stay exceptions (the activity retries). */
  const refused = (write: BillingInvoiceWrite, code: string, detail: string, type: string, status = 400): BillingWriteResult => {
    const fault = new QuickBooksFault(status, code, detail, type);
    const retryable = code === STALE_OBJECT || (code === NOT_FOUND && write.kind === 'merge');
    return { ref: write.ref, ok: false, code, message: explainFault(fault), retryable };
  };
  const isOwnFault = (error: unknown): error is QuickBooksFault =>
    error instanceof QuickBooksFault && error.status !== 429 && error.code !== '3001' && error.status !== 401 && error.status !== 403;
  const billingBody = (write: BillingInvoiceWrite) => (write.kind === 'create' ? billingCreateBody(write) : billingMergeBody(write));
  const documentOf = (write: BillingInvoiceWrite) => (write.kind === 'create' ? write.document : write.invoice.document) ?? 'invoice';
  const entityOf = (write: BillingInvoiceWrite): 'Invoice' | 'CreditMemo' => (documentOf(write) === 'creditMemo' ? 'CreditMemo' : 'Invoice');
  const billingKey = (write: BillingInvoiceWrite) => (write.kind === 'create' ? write.key : `${write.key}:${write.invoice.version}`);

  return {
    async getItems(ids) {
      const rows = await queryIn('Item', 'Id', ids);
      return new Map(rows.map(itemSnapshot).filter((item) => item.active).map((item) => [item.id, item]));
    },

    setItemPurchaseCost: async (id, cost, key) => itemSnapshot(await update('Item', id, { PurchaseCost: decimalToJsonNumber(cost) }, key)),

    async findBillingInvoices(selection: InvoiceSelection): Promise<InvoiceSnapshot[]> {
      if (!('ids' in selection) && !('numbers' in selection)) {
        const rows = await queryIn('Invoice', 'CustomerRef', selection.customerIds, `TxnDate >= ${queryString(selection.from)} AND TxnDate <= ${queryString(selection.to)}`);
        return rows.map((row) => invoiceSnapshot(row));
      }
      // what billing wrote before, by id or number: an invoice, or a credit memo for a period that credited
      const [field, values] = 'ids' in selection ? ['Id', selection.ids] : ['DocNumber', selection.numbers];
      const [invoices, credits] = await Promise.all([queryIn('Invoice', field, values), queryIn('CreditMemo', field, values)]);
      return [...invoices.map((row) => invoiceSnapshot(row)), ...credits.map((row) => invoiceSnapshot(row, 'creditMemo'))];
    },

    bulkLimits: { perRoundTrip: BATCH_ITEMS, pacing: { key: `qbo-batch:${client.realmId}`, perMinute: BATCH_PER_MINUTE } },

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
          results[index] = { ref: w.ref, ok: true, invoice: invoiceSnapshot(await write(entityOf(w), billingBody(w), billingKey(w)), documentOf(w)) };
        } catch (error) {
          if (!isOwnFault(error)) throw error;
          results[index] = refused(w, error.code, error.detail, error.faultType, error.status);
        }
      };

      const batch = async (indexes: number[]) => {
        const body = await client.request<{ BatchItemResponse?: { bId?: string; Invoice?: Record<string, unknown>; CreditMemo?: Record<string, unknown>; Fault?: { Error?: { Message?: string; Detail?: string; code?: string }[]; type?: string } }[] }>({
          method: 'POST',
          path: '/batch',
          body: { BatchItemRequest: indexes.map((i) => ({ bId: String(i), operation: writes[i]!.kind === 'create' ? 'create' : 'update', [entityOf(writes[i]!)]: billingBody(writes[i]!) })) },
          requestId: `batch:${indexes.map((i) => billingKey(writes[i]!)).join(',')}`,
        });
        for (const item of body.BatchItemResponse ?? []) {
          const index = Number(item.bId);
          const w = writes[index];
          if (!w || !indexes.includes(index)) continue;
          const saved = item.Invoice ?? item.CreditMemo;
          if (saved) results[index] = { ref: w.ref, ok: true, invoice: invoiceSnapshot(saved, documentOf(w)) };
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

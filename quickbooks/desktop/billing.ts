// The QuickBooks Desktop ledger as monthly billing uses it: items with price and purchase cost (item Mods with the
// EditSequence), invoices with their lines, and every Add/Mod of a chunk queued at once (the queue packs them into
// as few qbXML messages as it can).
import { LedgerRejection } from '../errors.js';
import type { BillingLedger, BillingWriteResult, LedgerItem } from '../ledger/index.js';
import { chunks, creditMemoSnapshotOf, expectOk, invoiceSnapshotOf, itemOf, records, MOD_ATTEMPTS, STALE } from './answers.js';
import type { DesktopAccess } from './company.js';
import { billingCreditMemoAddInput, billingInvoiceAddInput, billingInvoiceModInput, documentGuid } from './documents.js';
import { classifyStatus } from './qbxml/index.js';

export function createQbdBillingLedger(company: DesktopAccess): BillingLedger {
  const { connectionId, run, one } = company;
  return {
    async getItems(ids) {
      const found = new Map<string, LedgerItem>();
      const unique = [...new Set(ids)];
      if (unique.length === 0) return found;
      const results = await run((op) => op.send(chunks(unique, 100).map((listIds) => ({ kind: 'ItemQuery', input: { listIds } }))));
      for (const result of results) {
        expectOk(result);
        for (const item of records(result, 'Item')) if (item.isActive) found.set(item.listId, itemOf(item));
      }
      return found;
    },

    /** ItemServiceMod / ItemNonInventoryMod with the item's current EditSequence; 3200 reads it again. */
    setItemPurchaseCost: (id, cost) => run(async (op) => {
      for (let attempt = 1; ; attempt++) {
        const item = records(await one(op, { kind: 'ItemQuery', input: { listIds: [id] } }), 'Item')[0];
        if (!item || !item.isActive) throw new LedgerRejection(`The QuickBooks item ${id} no longer exists or is inactive; map the offer to another item.`, 'item_missing');
        if (!itemOf(item).purchasable) {
          throw new LedgerRejection(`The item "${item.fullName}" is not set up for purchases in QuickBooks, so it has no purchase cost to keep up to date. In QuickBooks, edit the item and tick "This service is used in assemblies or is purchased for a specific customer:job" (or its non-inventory equivalent), then retry.`, 'item_not_purchasable');
        }
        const input = { listId: item.listId, editSequence: item.editSequence, salesAndPurchase: { purchaseCost: cost } };
        const result = await one(op, item.itemType === 'Service' ? { kind: 'ItemServiceMod', input } : { kind: 'ItemNonInventoryMod', input });
        if (result.statusCode === STALE && attempt < MOD_ATTEMPTS) continue;
        expectOk(result);
        const changed = records(result, 'Item')[0];
        if (!changed) throw new Error('QuickBooks answered the item Mod without an item');
        return itemOf(changed);
      }
    }),

    findBillingInvoices: (selection) => run(async (op) => {
      const requests = 'ids' in selection
        ? chunks([...new Set(selection.ids)], 100).map((txnIds) => ({ kind: 'InvoiceQuery' as const, input: { txnIds, includeLineItems: true } }))
        : 'numbers' in selection
          ? chunks([...new Set(selection.numbers)], 100).map((refNumbers) => ({ kind: 'InvoiceQuery' as const, input: { refNumbers, includeLineItems: true } }))
          : chunks([...new Set(selection.customerIds)], 100).map((entityListIds) => ({ kind: 'InvoiceQuery' as const, input: { entityListIds, txnDateRange: { from: selection.from, to: selection.to }, includeLineItems: true } }));
      // what billing wrote before (by id or number) may be a credit memo, for a period that credited the customer
      const credits = 'ids' in selection
        ? chunks([...new Set(selection.ids)], 100).map((txnIds) => ({ kind: 'CreditMemoQuery' as const, input: { txnIds, includeLineItems: true } }))
        : 'numbers' in selection
          ? chunks([...new Set(selection.numbers)], 100).map((refNumbers) => ({ kind: 'CreditMemoQuery' as const, input: { refNumbers, includeLineItems: true } }))
          : [];
      if (requests.length === 0) return [];
      const results = await op.send([...requests, ...credits]);
      return results.flatMap((result) => {
        expectOk(result);
        return [...records(result, 'Invoice').map(invoiceSnapshotOf), ...records(result, 'CreditMemo').map(creditMemoSnapshotOf)];
      });
    }),

    bulkLimits: { perRoundTrip: 50 },

    /** One Add or Mod per invoice, all queued at once: the queue packs them into as few messages as it can. */
    writeBillingInvoices: (writes) => run(async (op) => {
      if (writes.length === 0) return [];
      // a credit memo billing wrote is not changed afterwards (no CreditMemoMod yet): said, not sent
      const unsupported = (w: (typeof writes)[number]) => w.kind === 'merge' && w.invoice.document === 'creditMemo';
      const sendable = writes.filter((w) => !unsupported(w));
      const guidOf = (w: Extract<(typeof writes)[number], { kind: 'create' }>) => documentGuid(connectionId, 'billing', w.customerId, w.number);
      const answers = sendable.length ? await op.send(sendable.map((w) => (w.kind === 'merge'
        ? { kind: 'InvoiceMod' as const, input: billingInvoiceModInput(w) }
        : w.document === 'creditMemo'
          ? { kind: 'CreditMemoAdd' as const, input: billingCreditMemoAddInput(w, guidOf(w)) }
          : { kind: 'InvoiceAdd' as const, input: billingInvoiceAddInput(w, guidOf(w)) }))) : [];
      let next = 0;
      return writes.map((w): BillingWriteResult => {
        if (w.kind === 'merge' && unsupported(w)) {
          return { ref: w.ref, ok: false, code: 'credit_memo_changed', message: `The credits of this period changed after qbflow wrote credit memo #${w.invoice.number ?? w.invoice.id}, and qbflow does not change credit memos in QuickBooks Desktop. Edit the credit memo in QuickBooks.`, retryable: false };
        }
        const result = answers[next++]!;
        const invoice = records(result, 'Invoice')[0];
        const memo = records(result, 'CreditMemo')[0];
        if (result.statusCode === 0 && memo) return { ref: w.ref, ok: true, invoice: creditMemoSnapshotOf(memo) };
        if (result.statusCode === 0 && invoice) return { ref: w.ref, ok: true, invoice: invoiceSnapshotOf(invoice) };
        const status = classifyStatus(result);
        return { ref: w.ref, ok: false, code: String(result.statusCode), message: status.message, retryable: status.retryable };
      });
    }),
  };
}

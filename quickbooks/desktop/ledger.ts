// The QuickBooks Desktop ledger: the Ledger interface over qbXML and the Web Connector. Each method is one
// operation of the exchange (queue, wait, read the answers); multi-step ones (query then add, query then mod)
// run in one Web Connector session because the operation holds it open. Status codes as DESIGN.md §5:
// 3100 adopts the existing record, 3200 re-reads and retries the Mod, 3175/3176 retry later, and what a
// person must fix (3140, 3180, …) is a LedgerRejection carrying QuickBooks' own words.
import type { QbdListsRepository } from '../../db/repositories/desktop/lists.js';
import { canonicalQuantity } from '../../domain/billing/merge.js';
import type { InvoiceDraft, PaymentDraft, PurchaseDraft, ResolvedAccounts } from '../../domain/drafts.js';
import {
  classifyStatus,
  sanitizeListName,
  type AccountRecord,
  type BillRecord,
  type CustomerRecord,
  type InvoiceRecord,
  type ItemRecord,
  type PurchaseOrderRecord,
  type QbRecord,
  type QbRef,
  type QbxmlRequestSpec,
  type QbxmlResult,
  type ReceivePaymentRecord,
  type VendorRecord,
} from './qbxml/index.js';
import { truncateChars } from './qbxml/xml.js';
import {
  type BillingWriteResult,
  type InvoiceSnapshot,
  type ItemInput,
  type Ledger,
  type LedgerItem,
  type LedgerRef,
  type LookupEntry,
  type PartyInput,
  type PostedDocument,
  type PurchaseKind,
} from '../ledger/index.js';
import {
  billAddInput,
  billingInvoiceAddInput,
  billingInvoiceModInput,
  billModInput,
  documentGuid,
  fitsRefNumber,
  invoiceAddInput,
  invoiceModInput,
  paymentAddInput,
  paymentMarker,
  purchaseOrderAddInput,
  REF_MAX,
  sameGuid,
  type InvoiceItems,
} from './documents.js';
import type { QbdExchange, QbdOperation } from './exchange.js';
import { LedgerRejection } from '../errors.js';

/** QuickBooks has the record open elsewhere (3175/3176): try again later. */
export class QbdRecordInUse extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbdRecordInUse';
  }
}

/** Someone kept changing the record while we modified it (3200 after every re-read). */
export class QbdStaleRecord extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbdStaleRecord';
  }
}

const NAME_IN_USE = 3100;
const STALE = 3200;
const MOD_ATTEMPTS = 3;
const NAME_MAX = 41;
const ITEM_NAME_MAX = 31;

type Of<T extends QbRecord['type']> = Extract<QbRecord, { type: T }>;

function records<T extends QbRecord['type']>(result: QbxmlResult, type: T): Of<T>[] {
  return result.records.filter((r): r is Of<T> => r.type === type);
}

/** Throws what a status means unless the request succeeded (or found nothing, which callers handle). */
function expectOk(result: QbxmlResult): void {
  const status = classifyStatus(result);
  switch (status.outcome) {
    case 'ok':
    case 'empty':
      return;
    case 'retryLater':
      throw new QbdRecordInUse(status.message);
    case 'stale':
      throw new QbdStaleRecord(status.message);
    default:
      throw new LedgerRejection(status.message, String(result.statusCode));
  }
}

const toRef = (record: CustomerRecord | VendorRecord | ItemRecord): LedgerRef =>
  ({ id: record.listId, name: record.type === 'Vendor' ? record.name : record.fullName });

const invoicePosted = (invoice: InvoiceRecord): PostedDocument => ({
  id: invoice.txnId,
  number: invoice.refNumber ?? null,
  totalCents: invoice.subtotalCents + invoice.salesTaxTotalCents,
  balanceCents: invoice.balanceRemainingCents,
});

const billPosted = (bill: BillRecord): PostedDocument => ({
  id: bill.txnId, number: bill.refNumber ?? null, totalCents: bill.amountDueCents, ...(bill.openAmountCents !== undefined ? { balanceCents: bill.openAmountCents } : {}),
});

const purchaseOrderPosted = (po: PurchaseOrderRecord): PostedDocument => ({ id: po.txnId, number: po.refNumber ?? null, totalCents: po.totalAmountCents });

const paymentPosted = (payment: ReceivePaymentRecord): PostedDocument => ({ id: payment.txnId, number: payment.refNumber ?? null, totalCents: payment.totalAmountCents });

const itemOf = (item: ItemRecord): LedgerItem => ({
  id: item.listId,
  name: item.fullName,
  active: item.isActive,
  ...(item.salesPrice !== undefined ? { unitPrice: item.salesPrice } : {}),
  ...(item.purchaseCost !== undefined ? { purchaseCost: item.purchaseCost } : {}),
  // only items set up for purchases as well as sales (SalesAndPurchase) have a purchase cost
  purchasable: (item.itemType === 'Service' || item.itemType === 'NonInventory') && item.expenseAccountRef !== undefined,
});

/** Unsent, as QuickBooks Desktop marks it: pending, or still waiting in the "to be printed" or "to be e-mailed" queue. */
const invoiceSnapshotOf = (invoice: InvoiceRecord): InvoiceSnapshot => ({
  id: invoice.txnId,
  number: invoice.refNumber ?? null,
  customerId: invoice.customerRef.listId ?? '',
  date: invoice.txnDate,
  unsent: invoice.isPending || invoice.isToBePrinted || invoice.isToBeEmailed,
  ...(invoice.timeCreated ? { createdAt: invoice.timeCreated } : {}),
  version: invoice.editSequence,
  totalCents: invoice.subtotalCents + invoice.salesTaxTotalCents,
  lines: invoice.lines.map((line) => {
    const quantity = canonicalQuantity(line.quantity);
    return {
      id: line.txnLineId,
      ...(line.itemRef?.listId ? { itemId: line.itemRef.listId } : {}),
      ...(line.desc !== undefined ? { description: line.desc } : {}),
      ...(quantity !== undefined ? { quantity } : {}),
      amountCents: line.amountCents ?? 0,
    };
  }),
});

/** Of the documents found, ours: the one carrying our GUID, else (when the number identifies it) the first. */
function pickOurs<T extends { externalGuid?: string; refNumber?: string }>(found: T[], guid: string, number: string | undefined): T | undefined {
  const mine = found.find((d) => sameGuid(d.externalGuid, guid));
  if (mine) return mine;
  return number === undefined ? undefined : found.find((d) => d.refNumber === number);
}

export interface QbdLedgerDeps {
  connectionId: string;
  exchange: QbdExchange;
  lists: QbdListsRepository;
}

export function createQbdLedger(deps: QbdLedgerDeps): Ledger {
  const { connectionId, exchange, lists } = deps;
  const run = <T>(work: (op: QbdOperation) => Promise<T>) => exchange.run(connectionId, work);
  const one = async (op: QbdOperation, request: QbxmlRequestSpec): Promise<QbxmlResult> => (await op.send([request]))[0]!;

  /** Query and Add in one message: an existing name makes the Add fail harmlessly (3100) and the query has it. */
  const ensureParty = (type: 'Customer' | 'Vendor', input: PartyInput): Promise<LedgerRef> => run(async (op) => {
    const tryName = async (name: string): Promise<LedgerRef | undefined> => {
      const person = { name, companyName: input.name, ...(input.email ? { email: input.email } : {}) };
      const [found, added] = await op.send(type === 'Customer'
        ? [{ kind: 'CustomerQuery', input: { fullNames: [name] } }, { kind: 'CustomerAdd', input: person }]
        : [{ kind: 'VendorQuery', input: { fullNames: [name] } }, { kind: 'VendorAdd', input: person }]);
      const created = records(added!, type)[0];
      if (added!.statusCode === 0 && created) return toRef(created);
      if (added!.statusCode !== NAME_IN_USE) {
        expectOk(added!);
        throw new Error(`QuickBooks answered ${type}Add without a ${type} record`);
      }
      const existing = records(found!, type)[0];
      if (!existing) return undefined;
      if (!existing.isActive) {
        throw new LedgerRejection(`The ${type.toLowerCase()} "${name}" exists in QuickBooks but is inactive. Make it active in QuickBooks, then retry.`, String(NAME_IN_USE));
      }
      return toRef(existing);
    };
    const name = sanitizeListName(input.name, NAME_MAX);
    const direct = await tryName(name);
    if (direct) return direct;
    // the name belongs to another kind of name (customers, vendors, employees and other names share one list)
    const suffix = ` (${type})`;
    const roleName = `${truncateChars(name, NAME_MAX - suffix.length).trim()}${suffix}`;
    const byRole = await tryName(roleName);
    if (byRole) return byRole;
    throw new LedgerRejection(`The names "${name}" and "${roleName}" are both used by other customers, vendors, employees or other names in QuickBooks. Rename one of them there, or map this ${type.toLowerCase()} to an existing one in qbflow.`, String(NAME_IN_USE));
  });

  const discountItem = async (op: QbdOperation, draft: InvoiceDraft): Promise<QbRef> => {
    const discounts = (await lists.byType(connectionId, 'items', ['Discount'])).filter((d) => d.active);
    const preferred = discounts.find((d) => (d.record as ItemRecord).accountRef?.listId === draft.accounts.discountId)
      ?? discounts.find((d) => d.name.toLowerCase() === 'discount') ?? discounts[0];
    if (preferred) return { listId: preferred.listId };
    const account = draft.accounts.discountId;
    if (!account) {
      throw new LedgerRejection('This order has a discount, but the QuickBooks company file has no Discount item and no discount account is set. Create a Discount item in QuickBooks, or set the discount account in the connection settings.', 'discount');
    }
    const name = 'qbflow Discount';
    const [found, added] = await op.send([
      { kind: 'ItemQuery', input: { fullNames: [name] } },
      { kind: 'ItemDiscountAdd', input: { name, itemDesc: 'Discount', account: { listId: account } } },
    ]);
    const item = records(added!, 'Item')[0] ?? records(found!, 'Item')[0];
    if (!item) expectOk(added!);
    if (!item) throw new Error('QuickBooks answered ItemDiscountAdd without an item');
    return { listId: item.listId };
  };

  const invoiceItems = async (op: QbdOperation, draft: InvoiceDraft): Promise<InvoiceItems> => {
    const items: InvoiceItems = {};
    if (draft.discountCents > 0) items.discountItem = await discountItem(op, draft);
    if (draft.taxLine) {
      const zero = (await lists.byType(connectionId, 'items', ['SalesTax']))
        .find((t) => t.active && Number((t.record as ItemRecord).taxRate ?? '1') === 0);
      if (zero) items.zeroTaxItem = { listId: zero.listId };
    }
    return items;
  };

  /** Reads the transaction, applies the Mod with its EditSequence; a 3200 means read again and retry. */
  const modify = async <T>(op: QbdOperation, read: QbxmlRequestSpec, type: 'Invoice' | 'Bill', mod: (current: Of<typeof type>) => QbxmlRequestSpec, posted: (record: Of<typeof type>) => T): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const found = await one(op, read);
      const current = records(found, type)[0];
      if (!current) throw new LedgerRejection(`The ${type.toLowerCase()} qbflow posted is no longer in QuickBooks (it may have been deleted). ${classifyStatus(found).message}`, String(found.statusCode));
      const result = await one(op, mod(current));
      if (result.statusCode === STALE && attempt < MOD_ATTEMPTS) continue;
      expectOk(result);
      const changed = records(result, type)[0];
      if (!changed) throw new Error(`QuickBooks answered ${type}Mod without a record`);
      return posted(changed);
    }
  };

  const txnFilter = (partyId: string, number: string, max: number) => (fitsRefNumber(number, max)
    ? { entity: { listId: partyId }, refNumberFilter: { matchCriterion: 'StartsWith' as const, refNumber: number.trim() } }
    : { entity: { listId: partyId } });

  return {
    async defaultAccounts(): Promise<ResolvedAccounts> {
      const accounts = (await lists.all(connectionId, 'accounts')).filter((a) => a.active).map((a) => a.record as AccountRecord);
      if (accounts.length === 0) {
        throw new Error('The chart of accounts has not been imported from QuickBooks Desktop yet; it is imported during the first Web Connector run.');
      }
      const pick = (test: (a: AccountRecord) => boolean) => accounts.find(test)?.listId;
      return {
        receivable: pick((a) => a.specialAccountType === 'AccountsReceivable') ?? pick((a) => a.accountType === 'AccountsReceivable'),
        income: pick((a) => a.accountType === 'Income' && /merchandise|product|sales/i.test(a.name)) ?? pick((a) => a.accountType === 'Income' && !/discount/i.test(a.name)),
        payable: pick((a) => a.specialAccountType === 'AccountsPayable') ?? pick((a) => a.accountType === 'AccountsPayable'),
        costOfGoodsSold: pick((a) => a.specialAccountType === 'CostOfGoodsSold') ?? pick((a) => a.accountType === 'CostOfGoodsSold'),
        discount: pick((a) => /discount/i.test(a.name) && (a.accountType === 'Income' || a.accountType === 'Expense')),
      };
    },

    async lookup(kind, search): Promise<LookupEntry[]> {
      const entries = kind === 'tax-codes'
        ? (await lists.byType(connectionId, 'items', ['SalesTax', 'SalesTaxGroup'])).filter((e) => !search || e.name.toLowerCase().includes(search.toLowerCase())).slice(0, 100)
        : await lists.search(connectionId, kind, search, 100);
      return entries.map((e) => ({ id: e.listId, name: e.name, ...(e.type ? { type: e.type } : {}), active: e.active }));
    },

    ensureCustomer: (input) => ensureParty('Customer', input),
    ensureVendor: (input) => ensureParty('Vendor', input),

    async findItems(names) {
      const wanted = new Map<string, string[]>();
      for (const original of names) {
        const name = sanitizeListName(original, ITEM_NAME_MAX);
        if (name) wanted.set(name.toLowerCase(), [...(wanted.get(name.toLowerCase()) ?? []), original]);
      }
      const found = new Map<string, LedgerRef>();
      if (wanted.size === 0) return found;
      const keys = [...wanted.keys()];
      const fullNames = [...new Set(names.map((n) => sanitizeListName(n, ITEM_NAME_MAX)).filter(Boolean))];
      const results = await run((op) => op.send(chunks(fullNames, 100).map((chunk) => ({ kind: 'ItemQuery', input: { fullNames: chunk } }))));
      for (const result of results) {
        expectOk(result);
        for (const item of records(result, 'Item')) {
          if (!item.isActive || !keys.includes(item.fullName.toLowerCase())) continue;
          for (const original of wanted.get(item.fullName.toLowerCase()) ?? []) found.set(original, toRef(item));
        }
      }
      return found;
    },

    createItem: (input: ItemInput) => run(async (op) => {
      const name = sanitizeListName(input.name, ITEM_NAME_MAX);
      const [added] = await op.send([{
        kind: 'ItemNonInventoryAdd',
        input: {
          name,
          manufacturerPartNumber: input.name,
          ...(input.expenseAccountId
            ? { salesAndPurchase: { salesDesc: input.description, salesPrice: input.unitPrice, incomeAccount: { listId: input.incomeAccountId }, purchaseDesc: input.description, purchaseCost: input.unitCost ?? '0', expenseAccount: { listId: input.expenseAccountId } } }
            : { salesOrPurchase: { desc: input.description, price: input.unitPrice, account: { listId: input.incomeAccountId } } }),
        },
      }]);
      const created = records(added!, 'Item')[0];
      if (added!.statusCode === 0 && created) return toRef(created);
      if (added!.statusCode !== NAME_IN_USE) {
        expectOk(added!);
        throw new Error('QuickBooks answered ItemNonInventoryAdd without an item');
      }
      const existing = records(await one(op, { kind: 'ItemQuery', input: { fullNames: [name] } }), 'Item')[0];
      if (!existing || !existing.isActive) {
        throw new LedgerRejection(`An ${existing ? 'inactive ' : ''}item is already named "${name}" in QuickBooks; make it active or map this product to another item`, String(NAME_IN_USE));
      }
      return toRef(existing);
    }),

    get: (kind, id) => run(async (op) => {
      const input = { listIds: [id] };
      const result = await one(op, kind === 'customers' ? { kind: 'CustomerQuery', input } : kind === 'vendors' ? { kind: 'VendorQuery', input } : { kind: 'ItemQuery', input });
      const record = result.records.find((r): r is CustomerRecord | VendorRecord | ItemRecord => r.type === 'Customer' || r.type === 'Vendor' || r.type === 'Item');
      return record && record.isActive ? toRef(record) : undefined;
    }),

    findInvoice: (number, customerId) => run(async (op) => {
      const result = await one(op, { kind: 'InvoiceQuery', input: txnFilter(customerId, number, REF_MAX.invoice) });
      expectOk(result);
      const mine = pickOurs(records(result, 'Invoice'), documentGuid(connectionId, 'invoice', customerId, number), fitsRefNumber(number, REF_MAX.invoice) ? number.trim() : undefined);
      return mine && invoicePosted(mine);
    }),

    createInvoice: (draft: InvoiceDraft) => run(async (op) => {
      const items = await invoiceItems(op, draft);
      const result = await one(op, { kind: 'InvoiceAdd', input: invoiceAddInput(draft, items, documentGuid(connectionId, 'invoice', draft.customerId, draft.number)) });
      expectOk(result);
      const invoice = records(result, 'Invoice')[0];
      if (!invoice) throw new Error('QuickBooks answered InvoiceAdd without an invoice');
      return invoicePosted(invoice);
    }),

    updateInvoice: (id, draft: InvoiceDraft) => run(async (op) => {
      const items = await invoiceItems(op, draft);
      return modify(op, { kind: 'InvoiceQuery', input: { txnIds: [id] } }, 'Invoice',
        (current) => ({ kind: 'InvoiceMod', input: invoiceModInput(draft, items, current) }),
        (invoice) => invoicePosted(invoice as InvoiceRecord));
    }),

    findPurchase: (kind: PurchaseKind, number, vendorId) => run(async (op) => {
      const filter = txnFilter(vendorId, number, REF_MAX[kind]);
      const result = await one(op, kind === 'bill' ? { kind: 'BillQuery', input: filter } : { kind: 'PurchaseOrderQuery', input: filter });
      expectOk(result);
      const guid = documentGuid(connectionId, kind, vendorId, number);
      const known = fitsRefNumber(number, REF_MAX[kind]) ? number.trim() : undefined;
      if (kind === 'bill') {
        const bill = pickOurs(records(result, 'Bill'), guid, known);
        return bill && billPosted(bill);
      }
      const po = pickOurs(records(result, 'PurchaseOrder'), guid, known);
      return po && purchaseOrderPosted(po);
    }),

    createPurchase: (kind: PurchaseKind, draft: PurchaseDraft) => run(async (op) => {
      const guid = documentGuid(connectionId, kind, draft.vendorId, draft.number);
      if (kind === 'bill') {
        if (!draft.accounts.costOfGoodsSoldId) throw new LedgerRejection('A bill needs a cost of goods sold account: set one in the connection settings, or add one to the QuickBooks chart of accounts.', 'account');
        const result = await one(op, { kind: 'BillAdd', input: billAddInput(draft, guid) });
        expectOk(result);
        const bill = records(result, 'Bill')[0];
        if (!bill) throw new Error('QuickBooks answered BillAdd without a bill');
        return billPosted(bill);
      }
      const result = await one(op, { kind: 'PurchaseOrderAdd', input: purchaseOrderAddInput(draft, guid) });
      expectOk(result);
      const po = records(result, 'PurchaseOrder')[0];
      if (!po) throw new Error('QuickBooks answered PurchaseOrderAdd without a purchase order');
      return purchaseOrderPosted(po);
    }),

    updatePurchase: (kind: PurchaseKind, id, draft: PurchaseDraft) => run(async (op) => {
      if (kind === 'purchase_order') {
        throw new LedgerRejection('This purchase order is already in QuickBooks Desktop, and qbflow does not change purchase orders there (qbXML PurchaseOrderMod is not supported yet). Edit it in QuickBooks.', 'unsupported');
      }
      return modify(op, { kind: 'BillQuery', input: { txnIds: [id], includeLineItems: true } }, 'Bill',
        (current) => {
          const bill = current as BillRecord;
          return { kind: 'BillMod', input: billModInput(draft, { txnId: bill.txnId, editSequence: bill.editSequence, hasItemLines: bill.lines.some((l) => l.kind === 'item') }) };
        },
        (bill) => billPosted(bill as BillRecord));
    }),

    findPayment: (draft: PaymentDraft) => run(async (op) => {
      const result = await one(op, { kind: 'ReceivePaymentQuery', input: { entity: { listId: draft.customerId }, txnDateRange: { from: draft.date, to: draft.date } } });
      expectOk(result);
      const marker = paymentMarker(draft);
      const guid = documentGuid(connectionId, 'payment', marker);
      const mine = records(result, 'ReceivePayment').find((p) => sameGuid(p.externalGuid, guid) || (p.memo ?? '').startsWith(marker));
      return mine && paymentPosted(mine);
    }),

    createPayment: (draft: PaymentDraft) => run(async (op) => {
      const result = await one(op, { kind: 'ReceivePaymentAdd', input: paymentAddInput(draft, documentGuid(connectionId, 'payment', paymentMarker(draft))) });
      expectOk(result);
      const payment = records(result, 'ReceivePayment')[0];
      if (!payment) throw new Error('QuickBooks answered ReceivePaymentAdd without a payment');
      return paymentPosted(payment);
    }),

    async updatePayment() {
      throw new LedgerRejection('This payment is already recorded in QuickBooks Desktop, and qbflow does not change recorded payments there. Edit it in QuickBooks.', 'unsupported');
    },

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
      if (requests.length === 0) return [];
      const results = await op.send(requests);
      return results.flatMap((result) => {
        expectOk(result);
        return records(result, 'Invoice').map(invoiceSnapshotOf);
      });
    }),

    bulkLimits: { perRoundTrip: 50 },

    /** One Add or Mod per invoice, all queued at once: the queue packs them into as few messages as it can. */
    writeBillingInvoices: (writes) => run(async (op) => {
      if (writes.length === 0) return [];
      const results = await op.send(writes.map((w) => (w.kind === 'create'
        ? { kind: 'InvoiceAdd' as const, input: billingInvoiceAddInput(w, documentGuid(connectionId, 'billing', w.customerId, w.number)) }
        : { kind: 'InvoiceMod' as const, input: billingInvoiceModInput(w) })));
      return writes.map((w, i): BillingWriteResult => {
        const result = results[i]!;
        const invoice = records(result, 'Invoice')[0];
        if (result.statusCode === 0 && invoice) return { ref: w.ref, ok: true, invoice: invoiceSnapshotOf(invoice) };
        const status = classifyStatus(result);
        return { ref: w.ref, ok: false, code: String(result.statusCode), message: status.message, retryable: status.retryable };
      });
    }),
  };
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

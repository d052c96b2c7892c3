// The QuickBooks Desktop ledger as orders use it: customers, vendors and items found or created (3100 adopts the
// existing record), and the invoice, bill, purchase order and payment an order becomes; Mods re-read the
// EditSequence and retry on 3200.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft, ResolvedAccounts } from '../../domain/drafts.js';
import { LedgerRejection } from '../errors.js';
import type { DocumentIdentity, ItemInput, LedgerRef, OrderLedger, PartyInput, PurchaseKind } from '../ledger/index.js';
import {
  chunks,
  expectOk,
  invoicePosted,
  billPosted,
  paymentPosted,
  pickOurs,
  purchaseOrderPosted,
  records,
  toRef,
  ITEM_NAME_MAX,
  MOD_ATTEMPTS,
  NAME_IN_USE,
  NAME_MAX,
  STALE,
  type Of,
} from './answers.js';
import type { DesktopAccess } from './company.js';
import {
  billAddInput,
  billModInput,
  fitsRefNumber,
  invoiceAddInput,
  invoiceModInput,
  paymentAddInput,
  purchaseOrderAddInput,
  REF_MAX,
  type InvoiceItems,
} from './documents.js';
import type { QbdOperation } from './exchange.js';
import {
  classifyStatus,
  sanitizeListName,
  type AccountRecord,
  type BillRecord,
  type InvoiceRecord,
  type ItemRecord,
  type QbRef,
  type QbxmlRequestSpec,
} from './qbxml/index.js';
import { truncateChars } from './qbxml/xml.js';

/** The RefNumber a document of this number carries, if it fits one. */
const refNumberOf = (number: string, max: number) => (fitsRefNumber(number, max) ? number.trim() : undefined);

// Over 150 lines on purpose: the order port's members for Desktop, each a short query-then-add or query-then-mod over
// the same company access; the request builders and answer readers they use live in documents.ts and answers.ts.
export function createQbdOrderLedger(company: DesktopAccess): OrderLedger {
  const { connectionId, lists, run, one } = company;

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

    // Look-ups narrow by party and number, then keep only what carries this order's identity (see pickOurs).
    findInvoice: (draft, identity) => run(async (op) => {
      const result = await one(op, { kind: 'InvoiceQuery', input: txnFilter(draft.customerId, draft.number, REF_MAX.invoice) });
      expectOk(result);
      const { mine, others } = pickOurs(records(result, 'Invoice'), identity, refNumberOf(draft.number, REF_MAX.invoice));
      return { mine: mine && invoicePosted(mine), others: others.map(invoicePosted) };
    }),

    // QuickBooks Desktop accepts a RefNumber another invoice holds: ours is posted under the order's number anyway.
    createInvoice: (draft: InvoiceDraft, _key, identity) => run(async (op) => {
      const items = await invoiceItems(op, draft);
      const result = await one(op, { kind: 'InvoiceAdd', input: invoiceAddInput(draft, items, identity) });
      expectOk(result);
      const invoice = records(result, 'Invoice')[0];
      if (!invoice) throw new Error('QuickBooks answered InvoiceAdd without an invoice');
      return invoicePosted(invoice);
    }),

    updateInvoice: (id, draft: InvoiceDraft, _key, identity) => run(async (op) => {
      const items = await invoiceItems(op, draft);
      return modify(op, { kind: 'InvoiceQuery', input: { txnIds: [id] } }, 'Invoice',
        (current) => ({ kind: 'InvoiceMod', input: invoiceModInput(draft, items, current, identity) }),
        (invoice) => invoicePosted(invoice as InvoiceRecord));
    }),

    findPurchase: (kind: PurchaseKind, draft, identity) => run(async (op) => {
      const filter = txnFilter(draft.vendorId, draft.number, REF_MAX[kind]);
      const result = await one(op, kind === 'bill' ? { kind: 'BillQuery', input: filter } : { kind: 'PurchaseOrderQuery', input: filter });
      expectOk(result);
      if (kind === 'bill') {
        const { mine, others } = pickOurs(records(result, 'Bill'), identity, refNumberOf(draft.number, REF_MAX.bill));
        return { mine: mine && billPosted(mine), others: others.map(billPosted) };
      }
      const { mine, others } = pickOurs(records(result, 'PurchaseOrder'), identity, refNumberOf(draft.number, REF_MAX.purchase_order));
      return { mine: mine && purchaseOrderPosted(mine), others: others.map(purchaseOrderPosted) };
    }),

    createPurchase: (kind: PurchaseKind, draft: PurchaseDraft, _key, identity) => run(async (op) => {
      if (kind === 'bill') {
        if (!draft.accounts.costOfGoodsSoldId) throw new LedgerRejection('A bill needs a cost of goods sold account: set one in the connection settings, or add one to the QuickBooks chart of accounts.', 'account');
        const result = await one(op, { kind: 'BillAdd', input: billAddInput(draft, identity) });
        expectOk(result);
        const bill = records(result, 'Bill')[0];
        if (!bill) throw new Error('QuickBooks answered BillAdd without a bill');
        return billPosted(bill);
      }
      const result = await one(op, { kind: 'PurchaseOrderAdd', input: purchaseOrderAddInput(draft, identity) });
      expectOk(result);
      const po = records(result, 'PurchaseOrder')[0];
      if (!po) throw new Error('QuickBooks answered PurchaseOrderAdd without a purchase order');
      return purchaseOrderPosted(po);
    }),

    updatePurchase: (kind: PurchaseKind, id, draft: PurchaseDraft, _key, identity) => run(async (op) => {
      if (kind === 'purchase_order') {
        throw new LedgerRejection('This purchase order is already in QuickBooks Desktop, and qbflow does not change purchase orders there (qbXML PurchaseOrderMod is not supported yet). Edit it in QuickBooks.', 'unsupported');
      }
      return modify(op, { kind: 'BillQuery', input: { txnIds: [id], includeLineItems: true } }, 'Bill',
        (current) => {
          const bill = current as BillRecord;
          return { kind: 'BillMod', input: billModInput(draft, { txnId: bill.txnId, editSequence: bill.editSequence, hasItemLines: bill.lines.some((l) => l.kind === 'item') }, identity) };
        },
        (bill) => billPosted(bill as BillRecord));
    }),

    findPayment: (draft: PaymentDraft, identity: DocumentIdentity) => run(async (op) => {
      const result = await one(op, { kind: 'ReceivePaymentQuery', input: { entity: { listId: draft.customerId }, txnDateRange: { from: draft.date, to: draft.date } } });
      expectOk(result);
      const { mine } = pickOurs(records(result, 'ReceivePayment'), identity);
      return { mine: mine && paymentPosted(mine), others: [] }; // other payments that day are not look-alikes: no number
    }),

    createPayment: (draft: PaymentDraft, _key, identity) => run(async (op) => {
      const result = await one(op, { kind: 'ReceivePaymentAdd', input: paymentAddInput(draft, identity) });
      expectOk(result);
      const payment = records(result, 'ReceivePayment')[0];
      if (!payment) throw new Error('QuickBooks answered ReceivePaymentAdd without a payment');
      return paymentPosted(payment);
    }),

    async updatePayment() {
      throw new LedgerRejection('This payment is already recorded in QuickBooks Desktop, and qbflow does not change recorded payments there. Edit it in QuickBooks.', 'unsupported');
    },
  };
}

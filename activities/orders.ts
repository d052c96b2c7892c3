// Order activities: each step of sending an order, idempotent, through whichever ledger the connection uses.
import type { Repositories } from '../db/repositories/index.js';
import type { Mapping } from '../db/repositories/core/mappings.js';
import type { ConnectionType } from '../db/schema/index.js';
import { itemKey, type InvoiceDraft, type PaymentDraft, type PurchaseDraft, type ResolvedAccounts } from '../domain/drafts.js';
import type { OrderLine, Party } from '../domain/order.js';
import { defaultSettings, type Settings } from '../domain/settings.js';
import { taxDifference } from '../domain/tax.js';
import { idempotencyKey, postOnce, type PostResult } from './documents.js';
import { LedgerRejection } from '../quickbooks/errors.js';
import type { LedgerRef, PostedDocument, PurchaseKind } from '../quickbooks/ledger/index.js';
import { formatCents } from '../domain/money.js';
import type { LedgerFor } from '../quickbooks/resolver.js';
import { withLedgerSteps } from './ledger-steps.js';
import { singleFlight } from './single-flight.js';
import type { DesktopOperations } from '../quickbooks/desktop/index.js';

export interface OrderContext {
  settings: Settings;
  accounts: ResolvedAccounts;
  /** Which QuickBooks the connection is (the workflow picks the activity timeouts that suit it). */
  connectionType: ConnectionType;
  /** Whether the tenant has a webhook for document events (else the workflow does not publish them). */
  notifies: boolean;
  /** Steps of this order with an open sync error: when there are none, posts skip clearing them. */
  openErrorKinds: string[];
  /** What the order's customer, vendor and items are mapped to already (items only when every one is). */
  mapped: { customer?: LedgerRef; vendor?: LedgerRef; items?: Record<string, string> };
}

/** The order's parties and lines, for reading their mappings with the context. */
export interface OrderParties {
  customer?: Party;
  vendor?: Party;
  lines: OrderLine[];
}

/** What the workflow tells a post beside the document. */
export interface PostOptions {
  /** False when the order had no open sync error at its start: nothing to clear after posting. */
  errorsOpen?: boolean;
}

export interface OrderActivitiesDeps {
  repos: Repositories;
  ledgerFor: LedgerFor;
  operations: DesktopOperations;
  /** Default accounts found in a company, remembered for a while: an optimisation, not a source of truth. */
  accountsCache?: Map<string, { at: number; accounts: ResolvedAccounts }>;
  accountsCacheMs?: number;
}

// Just over 150 lines: the order's steps (resolve parties and items, post each document once) over the same
// repositories, caches and ledger; each is short.
export function createOrderActivities(deps: OrderActivitiesDeps) {
  const { repos, ledgerFor } = deps;
  const cache = deps.accountsCache ?? new Map<string, { at: number; accounts: ResolvedAccounts }>();
  const cacheMs = deps.accountsCacheMs ?? 10 * 60_000;

  const defaultAccounts = async (connectionId: string): Promise<ResolvedAccounts> => {
    const hit = cache.get(connectionId);
    if (hit && Date.now() - hit.at < cacheMs) return hit.accounts;
    const { ledger } = await ledgerFor(connectionId);
    const accounts = await ledger.defaultAccounts();
    cache.set(connectionId, { at: Date.now(), accounts });
    return accounts;
  };

  /**
   * A number this order's document shares in QuickBooks with documents that are not this order's: they are left
   * alone and ours is posted under the same number (where QuickBooks accepts it), and the bookkeeper is told.
   * Recorded under its own kind, so the document's success does not resolve it.
   */
  const reportSharedNumber = (connectionId: string, kind: 'invoice' | PurchaseKind, orderId: string, number: string, others: PostedDocument[]) => {
    const words = kind === 'purchase_order' ? 'purchase order' : kind;
    const held = others.map((o) => `id ${o.id}, total ${formatCents(o.totalCents)}`).join('; ');
    return repos.syncErrors.recordOpen({
      connectionId, documentKind: `${kind === 'purchase_order' ? 'purchaseOrder' : kind}-number`, externalId: orderId, code: 'shared-number',
      message: storableText(`${words[0]!.toUpperCase()}${words.slice(1)} number ${number} is also used in QuickBooks by another ${words} of the same ${kind === 'invoice' ? 'customer' : 'vendor'} (${held}) that is not this order's. qbflow left it unchanged and posted this order's own ${words} under the same number; renumber one of them in QuickBooks if they should differ.`),
    });
  };

  /** The order's customer, vendor and items as mapped already, in one read (what is not mapped is left out). */
  const mappedAlready = async (connectionId: string, parties: OrderParties, itemField: Settings['itemField']): Promise<OrderContext['mapped']> => {
    const itemKeys = [...new Set(parties.lines.map((line) => itemKey(line, itemField)))];
    const rows = await repos.mappings.findEach(connectionId, {
      customers: parties.customer ? [parties.customer.externalId] : [],
      vendors: parties.vendor ? [parties.vendor.externalId] : [],
      items: itemKeys,
    });
    const ref = (kind: string, party?: Party): LedgerRef | undefined => {
      const row = party && rows.find((r) => r.kind === kind && r.externalId === party.externalId);
      return row ? mappedParty(row, party) : undefined;
    };
    const items = Object.fromEntries(rows.filter((r) => r.kind === 'items').map((r) => [r.externalId, r.quickbooksId]));
    const customer = ref('customers', parties.customer);
    const vendor = ref('vendors', parties.vendor);
    return {
      ...(customer ? { customer } : {}),
      ...(vendor ? { vendor } : {}),
      ...(itemKeys.every((key) => items[key]) ? { items } : {}),
    };
  };

  const partyFlight = singleFlight<LedgerRef>();
  const itemFlight = singleFlight<LedgerRef>();

  const resolveParty = async (connectionId: string, kind: 'customers' | 'vendors', party: Party): Promise<LedgerRef> => {
    if (party.quickbooksId) return { id: party.quickbooksId, name: party.name };
    const { ledger } = await ledgerFor(connectionId);
    // a ledger that answers later wakes only the workflow whose operation asked: share look-ups within it only
    const attempt = (await ledger.operationAttempt()) ?? '';
    return partyFlight(`${attempt}/${connectionId}/${kind}/${party.externalId}`, async () => {
      const mapped = await repos.mappings.find(connectionId, kind, party.externalId);
      if (mapped) return mappedParty(mapped, party);
      const input = { name: party.name, ...(party.email ? { email: party.email } : {}) };
      const key = idempotencyKey(connectionId, kind, party.externalId, party.name);
      const ref = kind === 'customers' ? await ledger.ensureCustomer(input, key) : await ledger.ensureVendor(input, key);
      await repos.mappings.learn(connectionId, kind, party.externalId, ref);
      return ref;
    });
  };

  return {
    /**
     * Settings and the accounts documents will use (the configured ones, else the company's defaults by type), and
     * the mappings the order's parties and items have already.
     */
    async loadOrderContext(connectionId: string, orderId = '', parties?: OrderParties): Promise<OrderContext> {
      const context = await repos.orderContext.read(connectionId, orderId, ['document.posted', 'document.failed']);
      const settings = context?.settings ?? defaultSettings;
      const configured = settings.accounts;
      const complete = configured.receivable && configured.income && configured.payable && configured.costOfGoodsSold;
      const defaults = complete ? {} : await defaultAccounts(connectionId);
      return {
        settings, accounts: { ...defaults, ...configured }, connectionType: context?.type ?? 'qbo',
        notifies: context?.notifies ?? false, openErrorKinds: context?.openErrorKinds ?? [],
        mapped: parties ? await mappedAlready(connectionId, parties, settings.itemField) : {},
      };
    },

    /** Records why a document could not be posted, for the sync-errors list. */
    async recordSyncError(connectionId: string, documentKind: string, externalId: string, code: string, message: string): Promise<void> {
      await repos.syncErrors.record({ connectionId, documentKind, externalId, code, message: storableText(message) });
    },

    // the steps that talk to QuickBooks answer done or waiting (see ledger-steps.ts)
    ...withLedgerSteps({
    resolveCustomer: (connectionId: string, party: Party) => resolveParty(connectionId, 'customers', party),
    resolveVendor: (connectionId: string, party: Party) => resolveParty(connectionId, 'vendors', party),

    /** Item ids by item key: mapped, else found by name, else created with the default accounts. */
    async resolveItems(connectionId: string, lines: OrderLine[], itemField: Settings['itemField'], accounts: ResolvedAccounts): Promise<Record<string, string>> {
      const byKey = new Map(lines.map((line) => [itemKey(line, itemField), line] as const));
      const ids: Record<string, string> = {};
      for (const mapping of await repos.mappings.findMany(connectionId, 'items', [...byKey.keys()])) ids[mapping.externalId] = mapping.quickbooksId;
      const missing = [...byKey.keys()].filter((key) => !ids[key]);
      if (missing.length === 0) return ids;

      const { ledger } = await ledgerFor(connectionId);
      const attempt = (await ledger.operationAttempt()) ?? '';
      const lookup = singleFlight<Map<string, LedgerRef>>();
      const found = () => lookup('all', () => ledger.findItems(missing));
      await Promise.all(missing.map(async (key) => {
        const ref = await itemFlight(`${attempt}/${connectionId}/${key}`, async () => {
          let item = (await found()).get(key);
          if (!item) {
            if (!accounts.income) throw new LedgerRejection('No income account is set in the connection settings or found in QuickBooks to create items with: set one, then send the order again', 'account');
            const line = byKey.get(key)!;
            item = await ledger.createItem({
              name: key,
              description: line.description ?? line.productName,
              unitPrice: line.unitPrice,
              ...(line.unitCost ? { unitCost: line.unitCost } : {}),
              incomeAccountId: accounts.income,
              ...(accounts.costOfGoodsSold ? { expenseAccountId: accounts.costOfGoodsSold } : {}),
            }, idempotencyKey(connectionId, 'item', key));
          }
          await repos.mappings.learn(connectionId, 'items', key, item);
          return item;
        });
        ids[key] = ref.id;
      }));
      return ids;
    },

    async postInvoice(connectionId: string, revision: number, draft: InvoiceDraft, options: PostOptions = {}): Promise<PostResult & { warning?: string }> {
      const { ledger } = await ledgerFor(connectionId);
      const result = await postOnce(repos.documents, {
        key: { connectionId, kind: 'invoice', externalId: draft.orderId },
        revision,
        draft,
        attempt: await ledger.operationAttempt(),
        find: (identity) => ledger.findInvoice(draft, identity),
        create: (key, identity) => ledger.createInvoice(draft, key, identity),
        update: (id, key, identity) => ledger.updateInvoice(id, draft, key, identity),
        reportLookAlikes: (others) => reportSharedNumber(connectionId, 'invoice', draft.orderId, draft.number, others),
      });
      // a posted invoice proves its customer and items resolved too: their earlier errors are over, and so is an
      // earlier tax warning (one open per order at most; a stale revision leaves the newer one's alone)
      const settled = ['invoice', 'customer', 'items', ...(result.action === 'stale' ? [] : ['tax'])];
      if (options.errorsOpen !== false) await repos.syncErrors.resolveKinds(connectionId, settled, draft.orderId);
      if (result.action === 'stale') return result;
      // QuickBooks' tax against the order's figure: a difference is said (status and sync errors), never silent
      const warning = taxDifference(draft, result.totalCents);
      // recordOpen: a step run twice (a worker lost after writing it) still leaves one open warning
      if (warning) await repos.syncErrors.recordOpen({ connectionId, documentKind: 'tax', externalId: draft.orderId, code: 'tax_difference', message: warning });
      return warning ? { ...result, warning } : result;
    },

    async postPurchase(connectionId: string, kind: PurchaseKind, revision: number, draft: PurchaseDraft, options: PostOptions = {}): Promise<PostResult> {
      const { ledger } = await ledgerFor(connectionId);
      const result = await postOnce(repos.documents, {
        key: { connectionId, kind, externalId: draft.orderId },
        revision,
        draft,
        attempt: await ledger.operationAttempt(),
        find: (identity) => ledger.findPurchase(kind, draft, identity),
        create: (key, identity) => ledger.createPurchase(kind, draft, key, identity),
        update: (id, key, identity) => ledger.updatePurchase(kind, id, draft, key, identity),
        reportLookAlikes: (others) => reportSharedNumber(connectionId, kind, draft.orderId, draft.number, others),
      });
      // errors are recorded under the workflow's step names (purchaseOrder, not purchase_order)
      if (options.errorsOpen !== false) await repos.syncErrors.resolveKinds(connectionId, [kind === 'purchase_order' ? 'purchaseOrder' : 'bill', 'vendor', 'items'], draft.orderId);
      return result;
    },

    async postPayment(connectionId: string, revision: number, draft: PaymentDraft, options: PostOptions = {}): Promise<PostResult> {
      const { ledger } = await ledgerFor(connectionId);
      const result = await postOnce(repos.documents, {
        key: { connectionId, kind: 'payment', externalId: `${draft.orderId}/${draft.externalId}` },
        revision,
        draft,
        attempt: await ledger.operationAttempt(),
        find: (identity) => ledger.findPayment(draft, identity),
        create: (key, identity) => ledger.createPayment(draft, key, identity),
        update: (id, key, identity) => ledger.updatePayment(id, draft, key, identity),
      });
      if (options.errorsOpen !== false) await repos.syncErrors.resolveFor(connectionId, `payment:${draft.externalId}`, draft.orderId);
      return result;
    },
    }, deps.operations),
  };
}

export type OrderActivities = ReturnType<typeof createOrderActivities>;

/** A party as its mapping says (the QuickBooks name the mapping kept, else the order's). */
function mappedParty(mapping: Pick<Mapping, 'quickbooksId' | 'quickbooksName'>, party: Party): LedgerRef {
  return { id: mapping.quickbooksId, name: mapping.quickbooksName ?? party.name };
}

/** A reason may quote what QuickBooks echoed back; PostgreSQL takes no NUL and no half of a character. */
function storableText(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding NUL is the point
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

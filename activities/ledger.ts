// The ledger interface every QuickBooks adapter implements. Order and billing activities speak only this;
// which QuickBooks (Online over HTTP, Desktop through the Web Connector) sits behind it is the adapter's business.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft, ResolvedAccounts } from '../domain/drafts.js';
import type { Cents } from '../domain/money.js';

export interface LedgerRef {
  id: string;
  name: string;
}

export interface PartyInput {
  name: string;
  email?: string;
}

export interface ItemInput {
  name: string;
  description: string;
  unitPrice: string;
  unitCost?: string;
  incomeAccountId: string;
  expenseAccountId?: string;
}

export interface PostedDocument {
  id: string;
  number: string | null;
  totalCents: Cents;
  /** Open balance (invoices and bills), when the ledger reports it. */
  balanceCents?: Cents;
}

export type PurchaseKind = 'bill' | 'purchase_order';
export type LookupKind = 'customers' | 'vendors' | 'items' | 'accounts' | 'tax-codes';

export interface LookupEntry {
  id: string;
  name: string;
  type?: string;
  active: boolean;
}

/**
 * One QuickBooks company. `key` arguments are idempotency keys derived from business identity; adapters pass
 * them to QuickBooks where it supports them (Intuit's requestid) and may ignore them otherwise.
 */
export interface Ledger {
  defaultAccounts(): Promise<ResolvedAccounts>;
  lookup(kind: LookupKind, search: string | undefined): Promise<LookupEntry[]>;

  /** Finds a customer by name or creates it; a name already in use by a customer adopts that customer. */
  ensureCustomer(input: PartyInput, key: string): Promise<LedgerRef>;
  ensureVendor(input: PartyInput, key: string): Promise<LedgerRef>;
  /** Finds items by name; the map holds only those found. */
  findItems(names: string[]): Promise<Map<string, LedgerRef>>;
  createItem(input: ItemInput, key: string): Promise<LedgerRef>;
  /** The object if it exists and is active (a mapping may point at something deleted since). */
  get(kind: 'customers' | 'vendors' | 'items', id: string): Promise<LedgerRef | undefined>;

  findInvoice(number: string, customerId: string): Promise<PostedDocument | undefined>;
  createInvoice(draft: InvoiceDraft, key: string): Promise<PostedDocument>;
  updateInvoice(id: string, draft: InvoiceDraft, key: string): Promise<PostedDocument>;

  findPurchase(kind: PurchaseKind, number: string, vendorId: string): Promise<PostedDocument | undefined>;
  createPurchase(kind: PurchaseKind, draft: PurchaseDraft, key: string): Promise<PostedDocument>;
  updatePurchase(kind: PurchaseKind, id: string, draft: PurchaseDraft, key: string): Promise<PostedDocument>;

  findPayment(draft: PaymentDraft): Promise<PostedDocument | undefined>;
  createPayment(draft: PaymentDraft, key: string): Promise<PostedDocument>;
  updatePayment(id: string, draft: PaymentDraft, key: string): Promise<PostedDocument>;
}

/** QuickBooks refused the document for a reason a person must fix; retrying will not help. */
export class LedgerRejection extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'LedgerRejection';
  }
}

/** The marker we put in a document's private note, so we can recognise our own document later. */
export function documentMarker(kind: string, externalId: string): string {
  return `qbflow:${kind}:${externalId}`;
}

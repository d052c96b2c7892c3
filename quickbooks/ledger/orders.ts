// What order sending needs from a QuickBooks company: customers, vendors and items found or created, and the
// documents an order becomes (invoice, bill or purchase order, payments) found, created and updated.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft, ResolvedAccounts } from '../../domain/drafts.js';
import type { Cents } from '../../domain/money.js';

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
/** The ledger as the order send uses it. `key` arguments are idempotency keys derived from business identity. */
export interface OrderLedger {
  defaultAccounts(): Promise<ResolvedAccounts>;
  /** Finds a customer by name or creates it; a name already in use by a customer adopts that customer. */
  ensureCustomer(input: PartyInput, key: string): Promise<LedgerRef>;
  ensureVendor(input: PartyInput, key: string): Promise<LedgerRef>;
  /** Finds items by name; the map holds only those found. */
  findItems(names: string[]): Promise<Map<string, LedgerRef>>;
  createItem(input: ItemInput, key: string): Promise<LedgerRef>;

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

/** The marker we put in a document's private note, so we can recognise our own document later. */
export function documentMarker(kind: string, externalId: string): string {
  return `qbflow:${kind}:${externalId}`;
}

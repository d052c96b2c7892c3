// What order sending needs from a QuickBooks company: customers, vendors and items found or created, and the
// documents an order becomes (invoice, bill or purchase order, payments) found, created and updated.
import type { InvoiceDraft, PaymentDraft, PurchaseDraft, ResolvedAccounts } from '../../domain/drafts.js';
import { createHash } from 'node:crypto';
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

/** What a look-up after an uncertain outcome found: this document (by its identity), and others that only resemble it. */
export interface DocumentSearch {
  mine: PostedDocument | undefined;
  /** Same number and party, another marker or none: another order's or a person's; never adopted, never changed. */
  others: PostedDocument[];
}
/** The ledger as the order send uses it. `key` arguments are idempotency keys derived from business identity. */
export interface OrderLedger {
  defaultAccounts(): Promise<ResolvedAccounts>;
  /** Finds a customer by name or creates it; a name already in use by a customer adopts that customer. */
  ensureCustomer(input: PartyInput, key: string): Promise<LedgerRef>;
  ensureVendor(input: PartyInput, key: string): Promise<LedgerRef>;
  /** Finds items by name; the map holds only those found. */
  findItems(names: string[]): Promise<Map<string, LedgerRef>>;
  createItem(input: ItemInput, key: string): Promise<LedgerRef>;

  // Documents carry their identity (see DocumentIdentity); a find answers only a document that carries it.
  findInvoice(draft: InvoiceDraft, identity: DocumentIdentity): Promise<DocumentSearch>;
  createInvoice(draft: InvoiceDraft, key: string, identity: DocumentIdentity): Promise<PostedDocument>;
  updateInvoice(id: string, draft: InvoiceDraft, key: string, identity: DocumentIdentity): Promise<PostedDocument>;

  findPurchase(kind: PurchaseKind, draft: PurchaseDraft, identity: DocumentIdentity): Promise<DocumentSearch>;
  createPurchase(kind: PurchaseKind, draft: PurchaseDraft, key: string, identity: DocumentIdentity): Promise<PostedDocument>;
  updatePurchase(kind: PurchaseKind, id: string, draft: PurchaseDraft, key: string, identity: DocumentIdentity): Promise<PostedDocument>;

  findPayment(draft: PaymentDraft, identity: DocumentIdentity): Promise<DocumentSearch>;
  createPayment(draft: PaymentDraft, key: string, identity: DocumentIdentity): Promise<PostedDocument>;
  updatePayment(id: string, draft: PaymentDraft, key: string, identity: DocumentIdentity): Promise<PostedDocument>;
}

/** The marker we put in a document's private note, so we can recognise our own document later. */
export function documentMarker(kind: string, externalId: string): string {
  return `qbflow:${kind}:${externalId}`;
}

/**
 * Who a document an order posts belongs to. Its marker travels in a field QuickBooks really stores (PrivateNote on
 * Online, the memo on Desktop, which also gets an ExternalGUID derived from it) and names the connection, the kind
 * of document and the order: two orders that share a number and a customer never share a marker, so a look-up after
 * an uncertain outcome adopts only a document this order wrote.
 */
export interface DocumentIdentity {
  /** `qbflow:<kind>:<externalId>:<connection tag>` */
  marker: string;
  /** The marker earlier versions wrote (`qbflow:order:<orderId>`, `qbflow:payment:<orderId>/<id>`), still recognised. */
  legacyMarker: string;
}

export function documentIdentity(connectionId: string, kind: string, externalId: string, legacyMarker: string): DocumentIdentity {
  const tag = createHash('sha256').update(connectionId).digest('base64url').slice(0, 10);
  return { marker: `${documentMarker(kind, externalId)}:${tag}`, legacyMarker };
}

const MARKER_CHAR = /[A-Za-z0-9_:/.-]/;

/**
 * Whether a note carries this identity: the marker whole (not the start of a longer one), or a legacy note that is
 * exactly the legacy marker or ends with it in parentheses (the only shapes earlier versions wrote).
 */
export function carriesIdentity(note: string | undefined, identity: DocumentIdentity): boolean {
  if (!note) return false;
  for (let at = note.indexOf(identity.marker); at >= 0; at = note.indexOf(identity.marker, at + 1)) {
    const before = note[at - 1];
    const after = note[at + identity.marker.length];
    if ((before === undefined || !MARKER_CHAR.test(before)) && (after === undefined || !MARKER_CHAR.test(after))) return true;
  }
  const legacy = identity.legacyMarker;
  return note === legacy || note.endsWith(`(${legacy})`) || note.startsWith(`${legacy} (`);
}

/**
 * A note a bookkeeper reads with the marker kept whole: the text is cut (by `cut`, which counts as the field does)
 * so that `text (marker)` fits in `max`.
 */
export function markedNote(text: string | undefined, marker: string, max: number, cut: (text: string, max: number) => string): string {
  const trimmed = text?.trim();
  if (!trimmed) return marker;
  const room = max - marker.length - 3;
  return room > 0 ? `${cut(trimmed, room).trim()} (${marker})` : marker;
}

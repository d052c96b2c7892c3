// What invoice copy and payments back need from a QuickBooks company: customers and service items matched by exact
// name (or created), invoices created and updated in place, sent by QuickBooks' own e-mail, and the payments that
// pay them with the invoices each links (never matched by amount), plus a feed of what changed since a moment.
// Online implements it over the Accounting API (change data capture); Desktop will implement it through the Web
// Connector (ReceivePaymentQuery modified since the mark, TxnDeletedQuery for deletions) and cannot send e-mail.
import type { Cents } from '../../domain/money.js';
import type { LedgerRef, PartyInput } from './orders.js';

/** How sales tax reaches invoice lines: US companies (automated sales tax) or a tax code on every taxable line. */
export type TaxModel =
  | { kind: 'automated'; country: string }
  | { kind: 'line-codes'; country: string };

export interface CopiedLineInput {
  itemId: string;
  description: string;
  quantity: string;
  rate: string;
  amountCents: Cents;
}

/** An upstream invoice ready for QuickBooks: every reference resolved. */
export interface InvoiceCopyDraft {
  /** Put in the private note, to recognise our invoice after an uncertain create. */
  marker: string;
  number?: string;
  customerId: string;
  date: string;
  dueDate?: string;
  termId?: string;
  memo?: string;
  /** The first is the billing address (where QuickBooks sends it), the others are copied. */
  billingEmails: string[];
  lines: CopiedLineInput[];
  /** Outside the US: the tax code on every line. Absent: the company's automated sales tax decides. */
  lineTaxCodeId?: string;
  linesTotalCents: Cents;
}

export interface LedgerInvoice {
  id: string;
  number: string | null;
  customerId: string;
  date: string;
  totalCents: Cents;
  /** What is still open; total − balance has been paid (or credited). */
  balanceCents: Cents;
  /** Changes whenever the invoice changes (SyncToken, EditSequence). */
  version: string;
  /** When and to whom QuickBooks last e-mailed it; null when it never did. */
  emailed: { at: string; to: string | null } | null;
  /** Our marker, when the private note carries one. */
  marker: string | null;
}

/** A copy that was not made because it would take the invoice below what was paid: a person decides. */
export interface HeldCopy {
  held: true;
  paidCents: Cents;
  newLinesTotalCents: Cents;
  invoice: LedgerInvoice;
}

export interface LedgerPayment {
  id: string;
  customerId: string;
  date: string | null;
  totalCents: Cents;
  /** Voided: it keeps its id, its amounts are zero and it applies nothing. */
  voided: boolean;
  /** What it applies to each invoice, from its own links (summed per invoice). */
  applied: Map<string, Cents>;
}

/** What changed in the company since a moment. */
export interface LedgerChanges {
  /**
   * false when the ledger could not say everything since that moment (Online: more than 30 days back, or more
   * than its answer can hold): the caller re-syncs by query instead, and `through` is not to be trusted.
   */
  complete: boolean;
  /** The ledger's own time the answer covers up to: the next call starts from here. */
  through: string;
  payments: LedgerPayment[];
  deletedPaymentIds: string[];
  /** Invoices created, changed or deleted. */
  invoiceIds: string[];
}

export interface ItemMatch {
  id: string;
  name: string;
  active: boolean;
  type: string;
}

/** The ledger as invoice copy and payments back use it. `key` arguments are idempotency keys from business identity. */
export interface InvoiceLedger {
  /** Whether QuickBooks can e-mail invoices itself (Desktop cannot). */
  readonly canSendInvoices: boolean;
  taxModel(): Promise<TaxModel>;

  /** The customer whose display name is exactly `name` (case included), else a new one; a near miss is a LedgerRejection. */
  ensureCustomerByExactName(input: PartyInput, key: string): Promise<LedgerRef>;
  /** Items whose name is exactly one of `names`, inactive ones included (they hold the name). */
  findItemsByExactName(names: string[]): Promise<Map<string, ItemMatch>>;
  /** A Service item of that name, with that income account (checked to be an active income account). */
  createServiceItem(name: string, incomeAccountId: string, key: string): Promise<ItemMatch>;
  /** A payment term by exact name. */
  findTerm(name: string): Promise<LedgerRef | undefined>;

  /** An invoice carrying our marker, for the customer and date (after an uncertain create). */
  findInvoiceCopy(marker: string, customerId: string, date: string): Promise<LedgerInvoice | undefined>;
  createInvoiceCopy(draft: InvoiceCopyDraft, key: string): Promise<LedgerInvoice>;
  /** The invoice as QuickBooks has it now; undefined when it was deleted. */
  readInvoiceCopy(id: string): Promise<LedgerInvoice | undefined>;
  /**
   * Replaces the invoice's content from its current version (a stale version is re-read and tried once more);
   * held instead when the new lines would take it below what was paid.
   */
  updateInvoiceCopy(id: string, draft: InvoiceCopyDraft, key: string): Promise<LedgerInvoice | HeldCopy>;
  /** Asks QuickBooks to e-mail the invoice to `to` (it cannot be undone: `key` makes a retried request a replay). */
  sendInvoice(id: string, to: string, key: string): Promise<LedgerInvoice>;

  /** Invoices by id; deleted ones are absent. */
  readInvoices(ids: string[]): Promise<Map<string, LedgerInvoice>>;
  /** Payments by id; deleted ones are absent, voided ones present with nothing applied. */
  readPayments(ids: string[]): Promise<Map<string, LedgerPayment>>;
  /** Payments and invoices changed since `since` (a time the ledger answered before). */
  changesSince(since: string): Promise<LedgerChanges>;
  /** The re-sync when the change feed cannot answer: every payment changed since `since`, found by query. */
  paymentsChangedSince(since: string): Promise<{ payments: LedgerPayment[]; through: string }>;
}

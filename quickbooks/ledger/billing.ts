// What monthly billing needs from a QuickBooks company: items with their prices and purchase cost, invoices with
// their lines, and many invoices created or merged in as few round trips as QuickBooks allows.
import type { Cents } from '../../domain/money.js';

/** An item as billing needs it: its own sales price (what invoice lines use) and its purchase cost. */
export interface LedgerItem {
  id: string;
  name: string;
  active: boolean;
  /** The item's sales price as QuickBooks has it (decimal string); undefined when it has none. */
  unitPrice?: string;
  purchaseCost?: string;
  /** Whether the item can hold a purchase cost (Desktop: set up for purchases as well as sales). */
  purchasable: boolean;
}

export interface InvoiceLineSnapshot {
  /** Line.Id (Online) or TxnLineID (Desktop). */
  id: string;
  itemId?: string;
  description?: string;
  /** A canonical decimal ("2", "-0.6667"). */
  quantity?: string;
  amountCents: Cents;
  /** The adapter's own copy of the line, to send it back exactly as it was. */
  raw?: unknown;
}

export interface InvoiceSnapshot {
  id: string;
  number: string | null;
  customerId: string;
  date: string;
  /**
   * Not sent to the customer yet. Online: EmailStatus is not EmailSent (and it was not printed). Desktop: pending,
   * or still marked "to be printed" or "to be e-mailed" (QuickBooks clears the mark once it has gone out).
   */
  unsent: boolean;
  /** When QuickBooks created it, to tell the newest of several apart. */
  createdAt?: string;
  /** Changes whenever the invoice changes (SyncToken, EditSequence). */
  version: string;
  totalCents: Cents;
  lines: InvoiceLineSnapshot[];
  /** A credit memo (a period that credits the customer), else an invoice. */
  document?: BillingDocument;
  /**
   * Which qbflow flow made the invoice ("order", "billing", "invoice", …), from the marker in its note (Online
   * PrivateNote, Desktop memo); undefined for an invoice a person made. Billing merges only into its own or a person's.
   */
  owner?: string;
}

/** The flow named by a qbflow marker (`qbflow:<flow>:<id>`) found in a document's note, if any. */
export function markerOwner(note: unknown): string | undefined {
  if (typeof note !== 'string') return undefined;
  return /(?:^|[\s(])qbflow:([a-z][a-z-]*):/.exec(note)?.[1];
}

/** Invoices by id, by number, or those of some customers dated within a range (both days included). */
export type InvoiceSelection = { ids: string[] } | { numbers: string[] } | { customerIds: string[]; from: string; to: string };

/** A billed line: QuickBooks prices it at the item's own price; `amountCents` is quantity × that price, half-up. */
export interface BilledLineInput {
  itemId: string;
  description: string;
  quantity: string;
  /** The item's own price as read from QuickBooks for this run (never written to the item). */
  unitPrice: string;
  amountCents: Cents;
}

/** What billing writes: an invoice, or a credit memo for a period whose total is negative (QuickBooks refuses a negative invoice). */
export type BillingDocument = 'invoice' | 'creditMemo';

export type BillingInvoiceWrite =
  /** `document` creditMemo: the lines are the credit (positive amounts), the customer is owed their total. */
  | { kind: 'create'; ref: string; key: string; customerId: string; number: string; date: string; marker: string; lines: BilledLineInput[]; document?: BillingDocument }
  /** Lines of `invoice` whose item is in `replaceItemIds` give way to `lines`; every other line stays as it is. */
  | { kind: 'merge'; ref: string; key: string; invoice: InvoiceSnapshot; replaceItemIds: string[]; lines: BilledLineInput[] };

export type BillingWriteResult =
  | { ref: string; ok: true; invoice: InvoiceSnapshot }
  | { ref: string; ok: false; code: string; message: string; retryable: boolean };

/** How a ledger's bulk writes travel. */
export interface BulkLimits {
  /** Writes per round trip (Online: Intuit's batch of 30; Desktop: one qbXML message). */
  perRoundTrip: number;
  /** A per-minute limit on paced round trips, shared by every process under `key` (Intuit's 40 batch calls a minute). */
  pacing?: { key: string; perMinute: number };
}

/** The ledger as monthly billing uses it. */
export interface BillingLedger {
  /** Items with their price and purchase cost; ids QuickBooks does not have (or has made inactive) are left out. */
  getItems(ids: string[]): Promise<Map<string, LedgerItem>>;
  /** Writes an item's purchase cost, never its price. */
  setItemPurchaseCost(id: string, cost: string, key: string): Promise<LedgerItem>;
  /** Invoices with their lines. */
  findBillingInvoices(selection: InvoiceSelection): Promise<InvoiceSnapshot[]>;
  readonly bulkLimits: BulkLimits;
  /**
   * Creates and merges many invoices in as few round trips as QuickBooks allows; one result per write, in order.
   * A write QuickBooks refuses is a result, not an exception; `beforePacedRoundTrip` is awaited before each round
   * trip that `bulkLimits.pacing` limits.
   */
  writeBillingInvoices(writes: BillingInvoiceWrite[], beforePacedRoundTrip?: () => Promise<void>): Promise<BillingWriteResult[]>;
}

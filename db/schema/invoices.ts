// Invoice copy and payments back (a help desk's invoices copied into QuickBooks, sent from there, and what
// customers paid). The upstream invoices with what was submitted and what QuickBooks holds (id, number, total,
// balance), each send request (written `pending` before QuickBooks is asked, so a retried request never e-mails
// twice), what each payment applied to each invoice (so a voided or deleted payment is reversed from our own
// record), the notifications Intuit sent (a unique key per event: duplicates are stored once) and the change
// feed's high-water mark per connection.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';
import { connections } from './core.js';

export const invoicePaymentStatuses = ['open', 'partially_paid', 'paid'] as const;
export type InvoicePaymentStatus = (typeof invoicePaymentStatuses)[number];

/**
 * One upstream invoice on one connection: the newest revision accepted (and its content, so a send can re-copy
 * it), and the revision QuickBooks holds. `state` is `pending` while a create is in flight (an uncertain create is
 * looked for in QuickBooks before another is sent), `copied` once QuickBooks has it.
 */
export const upstreamInvoices = pgTable('upstream_invoices', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  invoiceId: text('invoice_id').notNull(),
  submittedRevision: integer('submitted_revision').notNull(),
  /** The newest accepted upstream invoice, as sent. */
  submitted: jsonb('submitted').notNull(),
  state: text('state').$type<'submitted' | 'pending' | 'copied'>().notNull().default('submitted'),
  revision: integer('revision'),
  contentHash: text('content_hash'),
  /** The ledger attempt that marked it pending (Desktop operations): its own create still waiting, not an uncertain one. */
  pendingAttempt: text('pending_attempt'),
  quickbooksId: text('quickbooks_id'),
  quickbooksNumber: text('quickbooks_number'),
  customerId: text('customer_id'),
  totalCents: bigint('total_cents', { mode: 'number' }),
  balanceCents: bigint('balance_cents', { mode: 'number' }),
  paymentStatus: text('payment_status').$type<InvoicePaymentStatus>().notNull().default('open'),
  copiedAt: timestamp('copied_at', { withTimezone: true }),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  sentTo: text('sent_to'),
  /** Set when QuickBooks no longer has the invoice (deleted there). */
  goneAt: timestamp('gone_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.connectionId, t.invoiceId] }),
  uniqueIndex('upstream_invoices_quickbooks_idx').on(t.connectionId, t.quickbooksId),
]);

/** One request to e-mail an invoice through QuickBooks: sent at most once, whatever retries. */
export const invoiceSends = pgTable('invoice_sends', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  invoiceId: text('invoice_id').notNull(),
  requestId: text('request_id').notNull(),
  state: text('state').$type<'pending' | 'sent'>().notNull(),
  sentTo: text('sent_to').notNull(),
  pendingSince: timestamp('pending_since', { withTimezone: true }).notNull().defaultNow(),
  /** QuickBooks' DeliveryInfo.DeliveryTime. */
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [primaryKey({ columns: [t.connectionId, t.invoiceId, t.requestId] })]);

/**
 * What one QuickBooks payment applies to one of our invoices, as last seen: the amount (0 once voided, deleted or
 * unapplied), bumped `version` on every change, and the event the upstream app was told of that change.
 */
export const paymentApplications = pgTable('payment_applications', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  paymentId: text('payment_id').notNull(),
  quickbooksInvoiceId: text('quickbooks_invoice_id').notNull(),
  invoiceId: text('invoice_id').notNull(),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  paymentDate: text('payment_date'),
  version: integer('version').notNull(),
  /** `applied`, or why it was taken back: `voided`, `deleted`, `changed`. */
  state: text('state').$type<'applied' | 'voided' | 'deleted' | 'changed'>().notNull(),
  lastEventId: text('last_event_id'),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.connectionId, t.paymentId, t.quickbooksInvoiceId] }),
  index('payment_applications_invoice_idx').on(t.connectionId, t.invoiceId),
]);

/** A change Intuit told us of (webhook) or we read (change data capture, re-sync), until processed. */
export const intuitEvents = pgTable('intuit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  /** CloudEvents `id`, or the legacy notification's realm/entity/id/operation/time: the same event twice is one row. */
  eventKey: text('event_key').notNull(),
  source: text('source').$type<'webhook' | 'cdc' | 'resync'>().notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  operation: text('operation').notNull(),
  occurredAt: text('occurred_at'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp('processed_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('intuit_events_key_idx').on(t.connectionId, t.eventKey),
  index('intuit_events_pending_idx').on(t.connectionId, t.id).where(sql`processed_at is null`),
]);

/** How far the change feed (CDC) of a connection has been read: the time of QuickBooks' own last answer. */
export const changeFeedMarks = pgTable('change_feed_marks', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  highWater: text('high_water').notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  /** What the last run did, in words (cdc, re-sync, the error). */
  lastOutcome: text('last_outcome'),
  updatedAt: updatedAt(),
});

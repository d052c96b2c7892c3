// Billing (monthly subscription invoices). A connection's billing configuration (its mode never changes once
// saved), offers → QuickBooks items, organizations → QuickBooks customers, subscriptions with their history of
// quantity changes, the runs and what each did per organization, and the invoice each (organization, period)
// has in QuickBooks (written `pending` before a create is sent, so a re-run never creates a second one).
// Dates are calendar dates in the billing time zone, as "YYYY-MM-DD" text (they sort as dates).
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';
import { connections } from './core.js';

export const billingModes = ['advance', 'arrears'] as const;
export type BillingModeName = (typeof billingModes)[number];

export const billingConfigs = pgTable('billing_configs', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  mode: text('mode').$type<BillingModeName>().notNull(),
  dayOfMonth: integer('day_of_month').notNull(),
  prorateIncreases: boolean('prorate_increases').notNull(),
  prorateDecreases: boolean('prorate_decreases').notNull(),
  timeZone: text('time_zone').notNull(),
  /** Local time of the billing run, "HH:MM". */
  time: text('time').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** An upstream offer (a product the reseller sells) → the QuickBooks item its lines use. */
export const billingOffers = pgTable('billing_offers', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  offerId: text('offer_id').notNull(),
  name: text('name'),
  itemId: text('item_id'),
  itemName: text('item_name'),
  sync: boolean('sync').notNull(),
  /** The unit cost last written to the item's purchase cost (the daily sync writes it only when it changed). */
  pushedUnitCost: text('pushed_unit_cost'),
  pushedAt: timestamp('pushed_at', { withTimezone: true }),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.connectionId, t.offerId] })]);

export const billingInvoiceModes = ['create', 'update'] as const;
export type BillingInvoiceMode = (typeof billingInvoiceModes)[number];

/** An upstream organization (the reseller's customer) → the QuickBooks customer it is billed as. */
export const billingOrganizations = pgTable('billing_organizations', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  organizationId: text('organization_id').notNull(),
  name: text('name'),
  customerId: text('customer_id'),
  customerName: text('customer_name'),
  invoice: text('invoice').$type<BillingInvoiceMode>().notNull(),
  sync: boolean('sync').notNull(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.connectionId, t.organizationId] }),
  index('billing_organizations_customer_idx').on(t.connectionId, t.customerId),
]);

export const billingTerms = ['monthly', 'annual'] as const;
export type BillingTerm = (typeof billingTerms)[number];

export const billingSubscriptions = pgTable('billing_subscriptions', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  subscriptionId: text('subscription_id').notNull(),
  organizationId: text('organization_id').notNull(),
  offerId: text('offer_id').notNull(),
  term: text('term').$type<BillingTerm>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.connectionId, t.subscriptionId] }),
  index('billing_subscriptions_organization_idx').on(t.connectionId, t.organizationId),
]);

/** A subscription's history: the quantity (and unit cost) from a date on, in the order received. */
export const billingSubscriptionChanges = pgTable('billing_subscription_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  subscriptionId: text('subscription_id').notNull(),
  effectiveDate: text('effective_date').notNull(),
  quantity: integer('quantity').notNull(),
  unitCost: text('unit_cost').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('billing_subscription_changes_idx').on(t.connectionId, t.subscriptionId, t.id),
]);

export const billingRunStatuses = ['running', 'completed', 'failed'] as const;
export type BillingRunStatus = (typeof billingRunStatuses)[number];

/** One run of one period (scheduled, caught up, by hand, or retrying organizations that failed). */
export const billingRuns = pgTable('billing_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  periodStart: text('period_start').notNull(),
  periodEnd: text('period_end').notNull(),
  /** schedule, manual, retry */
  trigger: text('trigger').notNull(),
  /** The schedule's time for this run (what the period was derived from), when a schedule started it. */
  scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
  workflowId: text('workflow_id').notNull(),
  status: text('status').$type<BillingRunStatus>().notNull().default('running'),
  organizations: integer('organizations').notNull().default(0),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [index('billing_runs_connection_idx').on(t.connectionId, t.startedAt)]);

export const billingOutcomes = ['created', 'updated', 'unchanged', 'sent', 'nothing', 'failed'] as const;
export type BillingOutcome = (typeof billingOutcomes)[number];

/** What a run did for one organization. */
export const billingRunResults = pgTable('billing_run_results', {
  runId: uuid('run_id').notNull().references(() => billingRuns.id, { onDelete: 'cascade' }),
  organizationId: text('organization_id').notNull(),
  outcome: text('outcome').$type<BillingOutcome>().notNull(),
  invoiceId: text('invoice_id'),
  invoiceNumber: text('invoice_number'),
  /** The billed lines' total (the invoice may carry other lines too). */
  billedCents: bigint('billed_cents', { mode: 'number' }),
  lines: integer('lines').notNull().default(0),
  detail: text('detail'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.runId, t.organizationId] })]);

/** The QuickBooks invoice of one (organization, period): pending while a create is in flight, then posted. */
export const billingInvoices = pgTable('billing_invoices', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  organizationId: text('organization_id').notNull(),
  periodStart: text('period_start').notNull(),
  state: text('state').$type<'pending' | 'posted'>().notNull(),
  /** The ledger attempt that wrote `pending` (Desktop operations): its own marker is not an uncertain outcome. */
  pendingAttempt: text('pending_attempt'),
  /** The number a created invoice carries; how an uncertain create is found again. */
  number: text('number').notNull(),
  customerId: text('customer_id').notNull(),
  invoiceId: text('invoice_id'),
  /** true when qbflow created the invoice, false when it updated one the bookkeeper had. */
  createdByUs: boolean('created_by_us').notNull(),
  linesHash: text('lines_hash'),
  billedCents: bigint('billed_cents', { mode: 'number' }),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.connectionId, t.organizationId, t.periodStart] })]);

// The database schema. Migrations are generated from this file with `npm run db:generate -- --name=<verb_noun>`.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  adminEmails: jsonb('admin_emails').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** Signs every event delivered to the tenant's endpoints (HMAC-SHA256); sealed like tokens. */
  webhookSecret: text('webhook_secret'),
  createdAt: createdAt(),
});

/** API keys are random; only a lookup prefix and a SHA-256 of the secret part are kept. */
export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('api_keys_prefix_idx').on(t.prefix)]);

export const connectionTypes = ['qbo', 'qbd'] as const;
export type ConnectionType = (typeof connectionTypes)[number];
export const connectionStatuses = ['pending', 'connected', 'expiring', 'needs_reauth', 'disconnected'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

export const connections = pgTable('connections', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  type: text('type').$type<ConnectionType>().notNull(),
  name: text('name').notNull(),
  status: text('status').$type<ConnectionStatus>().notNull().default('pending'),
  /** QuickBooks Online company id, known once the OAuth flow completes. */
  realmId: text('realm_id'),
  statusDetail: text('status_detail'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('connections_tenant_idx').on(t.tenantId)]);

/** OAuth tokens, each encrypted with AES-256-GCM under a key id (see db/secrets.ts). */
export const connectionTokens = pgTable('connection_tokens', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  accessToken: text('access_token').notNull(),
  refreshToken: text('refresh_token').notNull(),
  accessExpiresAt: timestamp('access_expires_at', { withTimezone: true }).notNull(),
  refreshExpiresAt: timestamp('refresh_expires_at', { withTimezone: true }).notNull(),
  hardExpiresAt: timestamp('hard_expires_at', { withTimezone: true }),
  /** Bumped on every write so readers can tell a newer token from the one they hold. */
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});

/** Single-use OAuth `state` values, bound to one tenant and connection. */
export const oauthStates = pgTable('oauth_states', {
  id: text('id').primaryKey(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const connectionSettings = pgTable('connection_settings', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').notNull(),
  updatedAt: updatedAt(),
});

export const mappingKinds = ['customers', 'vendors', 'items'] as const;
export type MappingKind = (typeof mappingKinds)[number];

/** Upstream thing → QuickBooks thing, set by people (manual) or learnt by the order workflow (auto). */
export const mappings = pgTable('mappings', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<MappingKind>().notNull(),
  externalId: text('external_id').notNull(),
  quickbooksId: text('quickbooks_id').notNull(),
  quickbooksName: text('quickbooks_name'),
  source: text('source').$type<'manual' | 'auto'>().notNull(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.connectionId, t.kind, t.externalId] })]);

export const documentKinds = ['invoice', 'bill', 'purchase_order', 'payment'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * What we posted: (connection, kind, external id) → the QuickBooks object and the revision it holds.
 * A row is written as `pending` before a create is sent: finding one pending later means the outcome was
 * uncertain, so the ledger is searched before anything is sent again.
 */
export const documents = pgTable('documents', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<DocumentKind>().notNull(),
  externalId: text('external_id').notNull(),
  state: text('state').$type<'pending' | 'posted'>().notNull(),
  revision: integer('revision').notNull(),
  contentHash: text('content_hash').notNull(),
  quickbooksId: text('quickbooks_id'),
  quickbooksNumber: text('quickbooks_number'),
  totalCents: bigint('total_cents', { mode: 'number' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.connectionId, t.kind, t.externalId] })]);

/** Problems that need a person, in words a bookkeeper can act on. */
export const syncErrors = pgTable('sync_errors', {
  id: uuid('id').primaryKey().defaultRandom(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  documentKind: text('document_kind').notNull(),
  externalId: text('external_id').notNull(),
  code: text('code').notNull(),
  message: text('message').notNull(),
  resolved: boolean('resolved').notNull().default(false),
  createdAt: createdAt(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
}, (t) => [index('sync_errors_connection_idx').on(t.connectionId, t.resolved)]);

/**
 * Request pacing per QuickBooks realm, shared by every worker process (GCRA: the theoretical arrival time of
 * the next request). Keeps us under Intuit's limits without any in-memory coordination.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  nextAt: timestamp('next_at', { withTimezone: true, precision: 6 }).notNull(),
});

/** Where a tenant wants events delivered (signed with the tenant's webhook secret). */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  /** Event types delivered here, e.g. connection.expiring, document.posted. */
  events: jsonb('events').$type<string[]>().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
}, (t) => [index('webhook_endpoints_tenant_idx').on(t.tenantId)]);

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One event to one endpoint, delivered by a durable workflow; the same event is recorded once per endpoint. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  eventId: text('event_id').notNull(),
  eventType: text('event_type').notNull(),
  payload: jsonb('payload').notNull(),
  status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: createdAt(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('webhook_deliveries_event_idx').on(t.endpointId, t.eventId),
  index('webhook_deliveries_tenant_idx').on(t.tenantId, t.createdAt),
]);

// ═══════════════════════════════════════════════════════════════════════════════════════════════════════════
// QuickBooks Desktop (Web Connector). The qbd adapter's tables: each connection's Web Connector credentials and
// the company file it is bound to, the Web Connector sessions, the durable per-connection request queue, holds
// that keep a session open while follow-up work is on its way, and the lists imported for pickers.
// ═══════════════════════════════════════════════════════════════════════════════════════════════════════════

/** A qbd connection's Web Connector side: who may poll (password hashed with scrypt) and which file it serves. */
export const qbdConnections = pgTable('qbd_connections', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  userName: text('user_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordSetAt: timestamp('password_set_at', { withTimezone: true }).notNull().defaultNow(),
  /** The QWC FileID: one GUID per connection. */
  fileId: uuid('file_id').notNull().defaultRandom(),
  runEveryMinutes: integer('run_every_minutes').notNull(),
  /** Bound by the first session: the file path and the company's identity from its strHCPResponse. */
  companyFilePath: text('company_file_path'),
  companyName: text('company_name'),
  companyFingerprint: text('company_fingerprint'),
  productName: text('product_name'),
  qbxmlVersion: text('qbxml_version'),
  boundAt: timestamp('bound_at', { withTimezone: true }),
  lastSessionAt: timestamp('last_session_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('qbd_connections_user_name_idx').on(t.userName)]);

/** Failed Web Connector log-ins, counted for the lockout (5 in 15 minutes). */
export const qbdAuthFailures = pgTable('qbd_auth_failures', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('qbd_auth_failures_connection_idx').on(t.connectionId, t.failedAt)]);

export const qbdSessionStates = ['open', 'ended'] as const;
export type QbdSessionState = (typeof qbdSessionStates)[number];

/** One Web Connector run: authenticate → send/receive → closeConnection. The ticket is kept as a SHA-256. */
export const qbdSessions = pgTable('qbd_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  ticketHash: text('ticket_hash').notNull(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  state: text('state').$type<QbdSessionState>().notNull().default('open'),
  /** closed, none, connectionError, refused, superseded, timedOut, error */
  endReason: text('end_reason'),
  companyFilePath: text('company_file_path'),
  qbxmlVersion: text('qbxml_version'),
  /** What getLastError answers: "NoOp" (wait and ask again) or words for the person at the Web Connector. */
  lastError: text('last_error'),
  connectionErrors: integer('connection_errors').notNull().default(0),
  messages: integer('messages').notNull().default(0),
  answered: integer('answered').notNull().default(0),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  /** When the session last had a message to send (sessions idle for too long are let go). */
  lastWorkAt: timestamp('last_work_at', { withTimezone: true }).notNull().defaultNow(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('qbd_sessions_ticket_idx').on(t.ticketHash),
  index('qbd_sessions_connection_idx').on(t.connectionId, t.state),
]);

export const qbdRequestStates = ['queued', 'sent', 'answered', 'failed'] as const;
export type QbdRequestState = (typeof qbdRequestStates)[number];
/** Why a request failed: its session ended before the answer (outcome unknown), a newer attempt replaced it, or QuickBooks refused the whole message. */
export type QbdRequestFailure = 'lost' | 'superseded' | 'rejected';

/**
 * The durable queue: one qbXML request per row, handed out in id order to one session at a time
 * (`FOR UPDATE SKIP LOCKED`), answered by requestID. The raw response and its parsed result are kept.
 */
export const qbdRequests = pgTable('qbd_requests', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  requestId: text('request_id').notNull(),
  kind: text('kind').notNull(),
  requestXml: text('request_xml').notNull(),
  state: text('state').$type<QbdRequestState>().notNull().default('queued'),
  sessionId: uuid('session_id').references(() => qbdSessions.id, { onDelete: 'set null' }),
  attempts: integer('attempts').notNull().default(0),
  /** Sent alone, after QuickBooks refused a whole message this request travelled in. */
  solo: boolean('solo').notNull().default(false),
  /** The activity waiting for the answer and its attempt: a retried activity supersedes its queued orphans. */
  owner: text('owner'),
  ownerAttempt: integer('owner_attempt'),
  /** Follow-up the endpoint does itself with the answer (a list import page). */
  job: jsonb('job'),
  statusCode: integer('status_code'),
  statusMessage: text('status_message'),
  result: jsonb('result'),
  response: text('response'),
  failure: text('failure').$type<QbdRequestFailure>(),
  error: text('error'),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('qbd_requests_request_id_idx').on(t.requestId),
  index('qbd_requests_queue_idx').on(t.connectionId, t.state, t.id),
  index('qbd_requests_session_idx').on(t.sessionId),
  index('qbd_requests_owner_idx').on(t.owner),
]);

/** "More is coming for this connection": keeps a Web Connector session open (NoOp) instead of ending it. */
export const qbdHolds = pgTable('qbd_holds', {
  id: uuid('id').primaryKey().defaultRandom(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
}, (t) => [index('qbd_holds_connection_idx').on(t.connectionId, t.expiresAt)]);

export const qbdListKinds = ['customers', 'vendors', 'items', 'accounts'] as const;
export type QbdListKind = (typeof qbdListKinds)[number];

/** Lists imported from the company file (iterators), and kept fresh by every answer that carries a list record. */
export const qbdListEntries = pgTable('qbd_list_entries', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<QbdListKind>().notNull(),
  listId: text('list_id').notNull(),
  name: text('name').notNull(),
  type: text('type'),
  active: boolean('active').notNull(),
  editSequence: text('edit_sequence'),
  record: jsonb('record').notNull(),
  importRun: text('import_run'),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.connectionId, t.kind, t.listId] }),
  index('qbd_list_entries_name_idx').on(t.connectionId, t.kind, t.name),
]);

/** The latest import of each list: a run pages through an iterator until nothing remains. */
export const qbdListImports = pgTable('qbd_list_imports', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<QbdListKind>().notNull(),
  runId: text('run_id').notNull(),
  state: text('state').$type<'running' | 'done' | 'failed'>().notNull(),
  pages: integer('pages').notNull().default(0),
  count: integer('count').notNull().default(0),
  restarts: integer('restarts').notNull().default(0),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [primaryKey({ columns: [t.connectionId, t.kind] })]);

// ═══════════════════════════════════════════════════════════════════════════════════════════════════════════
// Billing (monthly subscription invoices). A connection's billing configuration (its mode never changes once
// saved), offers → QuickBooks items, organizations → QuickBooks customers, subscriptions with their history of
// quantity changes, the runs and what each did per organization, and the invoice each (organization, period)
// has in QuickBooks (written `pending` before a create is sent, so a re-run never creates a second one).
// Dates are calendar dates in the billing time zone, as "YYYY-MM-DD" text (they sort as dates).
// ═══════════════════════════════════════════════════════════════════════════════════════════════════════════

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

// Core tables: tenants and their keys, connections with tokens and settings, mappings, documents, sync errors,
// pacing, webhooks.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ConnectionStatus, ConnectionType } from '../../domain/connections.js';
import { createdAt, updatedAt } from './columns.js';


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

export { connectionStatuses, connectionTypes, type ConnectionStatus, type ConnectionType } from '../../domain/connections.js';

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
  /** The ledger attempt that wrote `pending` (Desktop operations): its own marker is not an uncertain outcome. */
  pendingAttempt: text('pending_attempt'),
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

// The console (the hosted screens): single-use links an upstream app or an operator asks for, the browser sessions
// they open (cookie value and link token kept only as SHA-256), and each tenant's console settings (which origins
// may frame the console and receive people back from it).
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';
import { connections, tenants } from './core.js';

/** What a link or session may see: one tenant (optionally one connection and one page), or every tenant (operator). */
const scope = () => ({
  /** null for an operator's console over all tenants. */
  tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
  connectionId: uuid('connection_id').references(() => connections.id, { onDelete: 'cascade' }),
  page: text('page'),
  operator: boolean('operator').notNull().default(false),
  /** Operators' consoles are read-only unless asked otherwise; tenant consoles may change what the API may. */
  canWrite: boolean('can_write').notNull(),
  locale: text('locale'),
  returnUrl: text('return_url'),
  /** Opened inside an iframe of an allowed origin: the cookie must then be SameSite=None (partitioned). */
  embedded: boolean('embedded').notNull().default(false),
});

/** A link handed out once: short-lived, spent by its first opening. */
export const consoleLinks = pgTable('console_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull(),
  ...scope(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('console_links_token_idx').on(t.tokenHash)]);

/** A browser session opened by a link: idle and absolute expiry, and the CSRF token its forms carry. */
export const consoleSessions = pgTable('console_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  secretHash: text('secret_hash').notNull(),
  ...scope(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('console_sessions_secret_idx').on(t.secretHash),
  index('console_sessions_expiry_idx').on(t.expiresAt),
]);

/** Per tenant: the origins (scheme://host[:port]) that may frame the console and that return URLs may point to. */
export const consoleSettings = pgTable('console_settings', {
  tenantId: uuid('tenant_id').primaryKey().references(() => tenants.id, { onDelete: 'cascade' }),
  frameOrigins: jsonb('frame_origins').$type<string[]>().notNull(),
  updatedAt: updatedAt(),
});

// QuickBooks Desktop (Web Connector). The qbd adapter's tables: each connection's Web Connector credentials and
// the company file it is bound to, the Web Connector sessions, the durable per-connection request queue, holds
// that keep a session open while follow-up work is on its way, and the lists imported for pickers.
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';
import { connections } from './core.js';

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

/**
 * Failed Web Connector log-ins: from which source (client IP, or its IPv6 /64) and for which connection (none when
 * the user name is unknown). Counted per source (throttling) and per connection (the lockout of failed sources).
 */
export const qbdAuthFailures = pgTable('qbd_auth_failures', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  connectionId: uuid('connection_id').references(() => connections.id, { onDelete: 'cascade' }),
  source: text('source').notNull().default(''),
  failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('qbd_auth_failures_connection_idx').on(t.connectionId, t.failedAt),
  index('qbd_auth_failures_source_idx').on(t.source, t.failedAt),
]);

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
/** Why a request failed: its session ended before the answer (outcome unknown), or QuickBooks refused the whole message. */
export type QbdRequestFailure = 'lost' | 'rejected';

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
  /** The ledger operation that sent it, as `{operation key}:{generation}` (see qbd_operations). */
  owner: text('owner'),
  /** Which send of that operation it answers: the requests' content hash and occurrence (`{hash}#{n}`). */
  journalKey: text('journal_key'),
  /** The workflow to wake when it is answered (or lost). */
  workflowId: text('workflow_id'),
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
  index('qbd_requests_owner_idx').on(t.owner, t.journalKey),
]);

/** "More is coming for this connection": keeps a Web Connector session open (NoOp) instead of ending it. */
export const qbdHolds = pgTable('qbd_holds', {
  id: uuid('id').primaryKey().defaultRandom(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
}, (t) => [index('qbd_holds_connection_idx').on(t.connectionId, t.expiresAt), uniqueIndex('qbd_holds_holder_idx').on(t.holder)]);

/**
 * A ledger operation: one activity of one workflow (its key hashes the workflow id, the activity type and its
 * arguments), whose requests are journaled so that each run of the activity replays the answers it already has
 * and queues only what comes next; between runs the workflow waits, holding nothing. The generation moves on when
 * the operation ends or its outcome became unknown (a lost answer), so the next run starts afresh (and looks in
 * QuickBooks before sending a write again). `blockedSince`: waiting for room in the connection's queue.
 */
export const qbdOperations = pgTable('qbd_operations', {
  key: text('key').primaryKey(),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  workflowId: text('workflow_id').notNull(),
  generation: integer('generation').notNull().default(1),
  blockedSince: timestamp('blocked_since', { withTimezone: true, precision: 3 }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('qbd_operations_blocked_idx').on(t.connectionId, t.blockedSince)]);

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

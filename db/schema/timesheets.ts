// Lists in, hours out (a time tracker's QuickBooks). The list records imported per connection (customers and
// jobs, service items, classes, employees, vendors, other names, payroll wage items), each with a change sequence
// so the upstream app can follow a feed of what was created, updated, deactivated or deleted; the high-water mark
// of each list's last import; the checks in words on the company (time tracking on, first day of the week, payroll,
// employees left unset); the upstream users mapped to QuickBooks people; and the timesheet entries with what
// QuickBooks holds for each (id, EditSequence/SyncToken) and where their export stands.
import { bigint, boolean, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';
import { connections } from './core.js';
import type { TimeListKind } from '../../domain/timesheets.js';

export { timeListKinds, type TimeListKind } from '../../domain/timesheets.js';

export const timeListChanges = ['created', 'updated', 'deactivated', 'reactivated', 'deleted'] as const;
export type TimeListChange = (typeof timeListChanges)[number];

/** One number per change of any list record: the change feed's cursor. */
export const timeListChangeSeq = pgSequence('time_list_change_seq');

/** A QuickBooks list record as last imported; `seq` moves whenever its content, status or existence changes. */
export const timeListRecords = pgTable('time_list_records', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<TimeListKind>().notNull(),
  /** ListID (Desktop) or Id (Online). */
  quickbooksId: text('quickbooks_id').notNull(),
  name: text('name').notNull(),
  /** "Parent:Job" for jobs and sub-classes; the name otherwise. */
  fullName: text('full_name').notNull(),
  parentId: text('parent_id'),
  active: boolean('active').notNull(),
  deleted: boolean('deleted').notNull().default(false),
  /** Everything else the upstream app may use (addresses and printed blocks, job status, payroll set-up, rates…). */
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
  contentHash: text('content_hash').notNull(),
  /** QuickBooks' own TimeModified / LastUpdatedTime, as it wrote it. */
  modifiedAt: text('modified_at'),
  lastChange: text('last_change').$type<TimeListChange>().notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.connectionId, t.kind, t.quickbooksId] }),
  index('time_list_records_feed_idx').on(t.connectionId, t.kind, t.seq),
]);

/** Where the next incremental import of a list starts: QuickBooks' newest modification time seen (its own clock). */
export const timeListMarks = pgTable('time_list_marks', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<TimeListKind>().notNull(),
  highWater: text('high_water'),
  /** Deletions are read from here on (Desktop ListDeletedQuery). */
  deletionsFrom: text('deletions_from'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.connectionId, t.kind] })]);

export interface TimeCheck {
  code: string;
  ok: boolean;
  message: string;
}

/** The last import's result on the connection: counts, changes and the checks in words. */
export const timeImports = pgTable('time_imports', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  checks: jsonb('checks').$type<TimeCheck[]>().notNull(),
  preferences: jsonb('preferences').$type<Record<string, unknown>>().notNull(),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
});

export const timePersonKinds = ['employees', 'vendors', 'otherNames'] as const;
export type TimePersonKind = (typeof timePersonKinds)[number];

/** An upstream user → the QuickBooks person whose time they track. */
export const timePeople = pgTable('time_people', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull(),
  kind: text('kind').$type<TimePersonKind>().notNull(),
  quickbooksId: text('quickbooks_id').notNull(),
  name: text('name').notNull(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.connectionId, t.userId] })]);

export const timesheetStates = ['queued', 'exported', 'failed', 'deleted'] as const;
export type TimesheetState = (typeof timesheetStates)[number];

/**
 * One upstream timesheet entry: the newest revision accepted (its content and hash), whether the app wants it in
 * QuickBooks or removed, and what QuickBooks holds. `pendingAttempt` is written before an Add is sent: an entry
 * found pending from another attempt is looked for in QuickBooks (ExternalGUID / requestid) before anything is
 * sent again.
 */
export const timesheetEntries = pgTable('timesheet_entries', {
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  entryId: text('entry_id').notNull(),
  revision: integer('revision').notNull(),
  entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
  contentHash: text('content_hash').notNull(),
  /** The app asked for the entry to be removed from QuickBooks. */
  removed: boolean('removed').notNull().default(false),
  state: text('state').$type<TimesheetState>().notNull(),
  quickbooksId: text('quickbooks_id'),
  /** EditSequence (Desktop) or SyncToken (Online) of what QuickBooks holds. */
  editSequence: text('edit_sequence'),
  /** The content hash QuickBooks holds (unchanged re-sends send nothing). */
  exportedHash: text('exported_hash'),
  pendingAttempt: text('pending_attempt'),
  lastError: text('last_error'),
  exportedAt: timestamp('exported_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.connectionId, t.entryId] }),
  index('timesheet_entries_state_idx').on(t.connectionId, t.state),
]);

// Lists in and hours out, from outside the workflows: start a lists import (one at a time per connection), read the
// change feed and the last import's checks, map upstream users to QuickBooks people, accept timesheet entries
// (each revision once; what QuickBooks already holds is not sent again) and wake the connection's export.
import { createHash } from 'node:crypto';
import { ScheduleNotFoundError, ScheduleOverlapPolicy, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Connection } from '../db/repositories/core/connections.js';
import type { Repositories } from '../db/repositories/index.js';
import type { TimeListRecordRow, TimePersonRow } from '../db/repositories/timesheets/lists.js';
import type { SubmitOutcome, TimesheetRow } from '../db/repositories/timesheets/entries.js';
import type { TimePersonKind } from '../db/schema/index.js';
import { Refusal, type FieldProblem } from '../domain/refusals.js';
import { textProblem, windows1252Problem } from '../domain/text.js';
import type { TimeListKind, TimesheetEntry } from '../domain/timesheets.js';
import { exportTimesheets, timesheetsQueued } from '../workflows/export-timesheets.js';
import { importLists } from '../workflows/import-lists.js';
import { exportTimesheetsWorkflowId, importListsScheduledWorkflowId, importListsScheduleId, importListsWorkflowId } from './ids.js';
import { ConnectionId, DocumentKind, TenantId } from './search-attributes.js';


const FEED_PAGE = 500;

export interface FeedPage {
  records: TimeListRecordRow[];
  /** Pass back as `cursor` for the next page (or the next poll). */
  cursor: string | null;
  more: boolean;
}

/** A canonical hash of an entry's content (key order does not matter). */
export function entryHash(entry: TimesheetEntry): string {
  const { revision: _r, ...content } = entry;
  const sorted = Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url').slice(0, 27);
}

/** What the schema cannot say about an entry: real dates, text QuickBooks can store. */
export function entryFieldProblems(entry: TimesheetEntry, prefix: string, desktop: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const day = new Date(`${entry.date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== entry.date) problems.push({ field: `${prefix}/date`, message: 'is not a real date (YYYY-MM-DD)' });
  if (entry.hourlyRate !== undefined && Number(entry.hourlyRate) > 1_000_000) problems.push({ field: `${prefix}/hourlyRate`, message: 'is larger than any hourly rate QuickBooks keeps' });
  const texts: [string, string | undefined, 'identity' | 'text'][] = [['userId', entry.userId, 'identity'], ['notes', entry.notes, 'text']];
  for (const [field, value, kind] of texts) {
    if (value === undefined) continue;
    const problem = textProblem(value, kind) ?? (desktop ? windows1252Problem(value) : undefined);
    if (problem) problems.push({ field: `${prefix}/${field}`, message: problem });
  }
  return problems;
}

export function createTimesheetControl(deps: { client: Client; taskQueue: string; repos: Repositories; listPageSize: number }) {
  const { client, taskQueue, repos } = deps;
  const attributes = (connection: Connection, kind: string) => [
    { key: TenantId, value: connection.tenantId },
    { key: ConnectionId, value: connection.id },
    { key: DocumentKind, value: kind },
  ];

  const wakeExport = async (connection: Connection) => {
    await client.workflow.signalWithStart(exportTimesheets, {
      workflowId: exportTimesheetsWorkflowId(connection.id),
      taskQueue,
      args: [{ tenantId: connection.tenantId, connectionId: connection.id }],
      signal: timesheetsQueued,
      signalArgs: [],
      typedSearchAttributes: attributes(connection, 'timesheets'),
    });
  };

  return {
    /** Starts an import of the lists (or joins the one running). */
    async importLists(connection: Connection, options: { kinds?: TimeListKind[]; full?: boolean } = {}): Promise<{ workflowId: string; runId: string; started: boolean }> {
      const workflowId = importListsWorkflowId(connection.id);
      try {
        const handle = await client.workflow.start(importLists, {
          workflowId, taskQueue,
          args: [{ tenantId: connection.tenantId, connectionId: connection.id, pageSize: deps.listPageSize, ...options }],
          typedSearchAttributes: attributes(connection, 'lists'),
        });
        return { workflowId, runId: handle.firstExecutionRunId, started: true };
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        const running = await client.workflow.getHandle(workflowId).describe();
        return { workflowId, runId: running.runId, started: false };
      }
    },

    /** Imports the lists every `everyMinutes` (null: no schedule); returns the schedule id, if any. */
    async scheduleImports(connection: Connection, everyMinutes: number | null): Promise<string | null> {
      const handle = client.schedule.getHandle(importListsScheduleId(connection.id));
      await handle.delete().catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
      if (everyMinutes === null) return null;
      await client.schedule.create({
        scheduleId: importListsScheduleId(connection.id),
        spec: { intervals: [{ every: `${everyMinutes} minutes` }] },
        action: {
          type: 'startWorkflow', workflowType: importLists, workflowId: importListsScheduledWorkflowId(connection.id), taskQueue,
          args: [{ tenantId: connection.tenantId, connectionId: connection.id, pageSize: deps.listPageSize }],
          typedSearchAttributes: attributes(connection, 'lists'),
        },
        // a late import is not worth catching up: the next one reads everything since the marks anyway
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      });
      return importListsScheduleId(connection.id);
    },

    /** Where the import stands: the running one, and the last one's checks and counts. */
    async importStatus(connection: Connection) {
      const last = await repos.timeLists.lastImport(connection.id);
      let running = false;
      try {
        running = (await client.workflow.getHandle(importListsWorkflowId(connection.id)).describe()).status.name === 'RUNNING';
      } catch {
        running = false;
      }
      return { running, last: last ? { importedAt: last.importedAt.toISOString(), checks: last.checks, preferences: last.preferences, summary: last.summary } : null };
    },

    /** The change feed of one list: changes after `cursor` (and since `changedSince`), oldest first. */
    async feed(connection: Connection, kind: TimeListKind, options: { cursor?: string; changedSince?: string; limit?: number }): Promise<FeedPage> {
      const cursor = options.cursor === undefined ? undefined : Number(options.cursor);
      if (cursor !== undefined && (!Number.isSafeInteger(cursor) || cursor < 0)) throw new Refusal('invalid', 'cursor is not one this API gave', [{ field: 'querystring/cursor', message: 'is not a cursor from an earlier page' }]);
      const changedSince = options.changedSince ? new Date(options.changedSince) : undefined;
      if (changedSince && Number.isNaN(changedSince.getTime())) throw new Refusal('invalid', 'changedSince is not a date-time', [{ field: 'querystring/changedSince', message: 'is not an ISO 8601 date-time' }]);
      const limit = Math.min(options.limit ?? FEED_PAGE, FEED_PAGE);
      const rows = await repos.timeLists.feed(connection.id, kind, { ...(cursor !== undefined ? { cursor } : {}), ...(changedSince ? { changedSince } : {}), limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { records: page, cursor: last ? String(last.seq) : options.cursor ?? null, more: rows.length > limit };
    },

    /** Maps an upstream user to an imported, active employee, vendor or other name. */
    async setPerson(connection: Connection, userId: string, person: { kind: TimePersonKind; quickbooksId: string }): Promise<TimePersonRow> {
      const found = (await repos.timeLists.byIds(connection.id, person.kind, [person.quickbooksId])).get(person.quickbooksId);
      if (!found || found.deleted || !found.active) {
        throw new Refusal('unprocessable', `The ${person.kind} imported from QuickBooks have no active record with id ${person.quickbooksId}; if it is new, import the lists again (POST /v1/connections/${connection.id}/lists/import)`, [{ field: 'body/quickbooksId', message: 'is not an active record in the imported list' }]);
      }
      return repos.timeLists.setPerson(connection.id, userId, { ...person, name: found.name });
    },

    people: (connection: Connection): Promise<TimePersonRow[]> => repos.timeLists.people(connection.id),

    /** Active employees, vendors and other names from the imported lists whose name holds `search` (the console's picker). */
    async findPeople(connection: Connection, search: string | undefined, limit = 100): Promise<{ kind: TimePersonKind; record: TimeListRecordRow }[]> {
      const wanted = search?.trim().toLowerCase();
      const kinds: TimePersonKind[] = ['employees', 'vendors', 'otherNames'];
      const lists = await Promise.all(kinds.map(async (kind) => (await repos.timeLists.all(connection.id, kind)).map((record) => ({ kind, record }))));
      return lists.flat()
        .filter(({ record }) => record.active && (!wanted || record.fullName.toLowerCase().includes(wanted)))
        .sort((a, b) => a.record.fullName.localeCompare(b.record.fullName))
        .slice(0, limit);
    },

    /** Upstream users whose entries arrived but who are mapped to nobody yet. */
    unmappedUsers: (connection: Connection): Promise<string[]> => repos.timesheets.unmappedUsers(connection.id),

    /** Accepts entries (each checked first: nothing is stored when one is bad) and wakes the export. */
    async submit(connection: Connection, entries: { entryId: string; entry: TimesheetEntry }[]): Promise<Map<string, SubmitOutcome>> {
      const problems = entries.flatMap(({ entryId, entry }, i) => [
        ...entryFieldProblems(entry, entries.length === 1 ? 'body' : `body/entries/${i}`, connection.type === 'qbd'),
        ...(textProblem(entryId, 'identity') ? [{ field: entries.length === 1 ? 'params/entryId' : `body/entries/${i}/entryId`, message: textProblem(entryId, 'identity')! }] : []),
      ]);
      if (new Set(entries.map((e) => e.entryId)).size !== entries.length) problems.push({ field: 'body/entries', message: 'names the same entryId twice' });
      if (problems.length > 0) throw new Refusal('invalid', 'Some entries cannot go to QuickBooks as they are', problems);
      const outcomes = await repos.timesheets.submit(connection.id, entries.map(({ entryId, entry }) => ({ entryId, revision: entry.revision, entry: { ...entry }, contentHash: entryHash(entry) })));
      if ([...outcomes.values()].includes('queued')) await wakeExport(connection);
      return outcomes;
    },

    /** Removes an entry from QuickBooks (nothing to do when QuickBooks never had it). */
    async remove(connection: Connection, entryId: string): Promise<TimesheetRow> {
      const row = await repos.timesheets.remove(connection.id, entryId);
      if (!row) throw new Refusal('not_found', `No timesheet entry ${entryId} on this connection`);
      if (row.state === 'queued') await wakeExport(connection);
      return row;
    },

    get: (connection: Connection, entryId: string): Promise<TimesheetRow | undefined> => repos.timesheets.get(connection.id, entryId),

    /** Failed entries go again (once what stopped them is fixed in QuickBooks or in the lists). */
    async retryFailed(connection: Connection, entryIds?: string[]): Promise<number> {
      const count = await repos.timesheets.requeueFailed(connection.id, entryIds);
      if (count > 0) await wakeExport(connection);
      return count;
    },

    counts: (connection: Connection) => repos.timesheets.countByState(connection.id),
  };
}

export type TimesheetControl = ReturnType<typeof createTimesheetControl>;

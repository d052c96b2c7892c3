// Lists in, hours out (a time tracker): import the lists (202, a workflow reads them; Desktop through its Web
// Connector), read each list's change feed and the last import's checks, map upstream users to QuickBooks people,
// and put, bulk-put, delete and read timesheet entries (the connection's export workflow carries them).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TimeListRecordRow } from '../../../../db/repositories/timesheets/lists.js';
import type { TimesheetRow } from '../../../../db/repositories/timesheets/entries.js';
import { notFound } from '../../../errors.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { connectionOf } from '../connection.js';
import {
  BulkAccepted, BulkBody, EntryAccepted, EntryParams, EntryView, FeedPage, FeedQuery, ImportAccepted, ImportBody, ImportStatus,
  ListParams, Person, PersonBody, PersonParams, RetryBody, ScheduleBody, TimesheetEntrySchema,
} from './schemas.js';

const recordView = (r: TimeListRecordRow) => ({
  quickbooksId: r.quickbooksId, name: r.name, fullName: r.fullName, parentId: r.parentId, active: r.active, deleted: r.deleted,
  change: r.lastChange, changedAt: r.updatedAt.toISOString(), fields: r.fields,
});

const entryView = (r: TimesheetRow) => ({
  entryId: r.entryId, revision: r.revision, state: r.state, removed: r.removed, quickbooksId: r.quickbooksId,
  exportedAt: r.exportedAt?.toISOString() ?? null, error: r.state === 'failed' ? r.lastError : null, entry: r.entry,
});

export default async function timesheetRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { control } = app.deps;
  const entryUrl = (connectionId: string, entryId: string) => `/v1/connections/${connectionId}/timesheets/${encodeURIComponent(entryId)}`;

  app.post('/v1/connections/:id/lists/import', {
    schema: {
      operationId: 'importLists', tags: ['timesheets'],
      summary: 'Import the lists people track time against (the first import reads everything, later ones what changed)',
      description: 'Customers and jobs, service items, classes, employees (with their payroll set-up), vendors, other names and payroll wage items. Desktop reads them when its Web Connector next runs. Answers at once; GET …/lists/import says where it stands and what to check in QuickBooks.',
      params: ConnectionParams, body: ImportBody,
      response: { 202: ImportAccepted, ...problems(400, 401, 404) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    const started = await control.timesheets.importLists(connection, { ...(request.body.lists ? { kinds: request.body.lists } : {}), ...(request.body.full ? { full: true } : {}) });
    return reply.code(202).send({ workflowId: started.workflowId, started: started.started, statusUrl: `/v1/connections/${connection.id}/lists/import` });
  });

  app.put('/v1/connections/:id/lists/schedule', {
    schema: {
      operationId: 'scheduleListsImport', tags: ['timesheets'],
      summary: 'Import the lists on a schedule (every N minutes), or stop (everyMinutes null)',
      params: ConnectionParams, body: ScheduleBody,
      response: { 200: Type.Object({ scheduleId: Type.Union([Type.String(), Type.Null()]) }), ...problems(400, 401, 404) },
    },
  }, async (request) => ({ scheduleId: await control.timesheets.scheduleImports(connectionOf(request), request.body.everyMinutes) }));

  app.get('/v1/connections/:id/lists/import', {
    schema: {
      operationId: 'getListsImport', tags: ['timesheets'],
      summary: 'The last lists import: counts, changes, and the checks in words (time tracking, first day of the week, payroll, employees left unset)',
      params: ConnectionParams, response: { 200: ImportStatus, ...problems(401, 404) },
    },
  }, async (request) => control.timesheets.importStatus(connectionOf(request)));

  app.get('/v1/connections/:id/lists/:list', {
    schema: {
      operationId: 'listChanges', tags: ['timesheets'],
      summary: 'A list\'s change feed: records created, updated, deactivated or deleted after the cursor, oldest change first',
      params: ListParams, querystring: FeedQuery, response: { 200: FeedPage, ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const page = await control.timesheets.feed(connectionOf(request), request.params.list, request.query);
    return { ...page, records: page.records.map(recordView) };
  });

  app.put('/v1/connections/:id/timesheets/people/:userId', {
    schema: {
      operationId: 'mapTimesheetPerson', tags: ['timesheets'],
      summary: 'Map an upstream user to the QuickBooks employee, vendor or other name whose time they track',
      params: PersonParams, body: PersonBody, response: { 200: Person, ...problems(400, 401, 404, 422) },
    },
  }, async (request) => {
    const row = await control.timesheets.setPerson(connectionOf(request), request.params.userId, request.body);
    return { userId: row.userId, kind: row.kind, quickbooksId: row.quickbooksId, name: row.name };
  });

  app.get('/v1/connections/:id/timesheets/people', {
    schema: {
      operationId: 'listTimesheetPeople', tags: ['timesheets'], summary: 'Upstream users mapped to QuickBooks people',
      params: ConnectionParams, response: { 200: Type.Object({ people: Type.Array(Person) }), ...problems(401, 404) },
    },
  }, async (request) => ({ people: (await control.timesheets.people(connectionOf(request))).map((p) => ({ userId: p.userId, kind: p.kind, quickbooksId: p.quickbooksId, name: p.name })) }));

  app.put('/v1/connections/:id/timesheets/:entryId', {
    schema: {
      operationId: 'putTimesheetEntry', tags: ['timesheets'],
      summary: 'Send a timesheet entry to QuickBooks (again with a higher revision: QuickBooks\' entry is updated)',
      description: 'Idempotent: the same revision and content sends nothing. QuickBooks\' rules are checked before sending; an entry that cannot go fails with the person, the date and what to fix (GET the entry, sync errors, timesheet.failed).',
      params: EntryParams, body: TimesheetEntrySchema, response: { 202: EntryAccepted, ...problems(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    const outcomes = await control.timesheets.submit(connection, [{ entryId: request.params.entryId, entry: request.body }]);
    const outcome = outcomes.get(request.params.entryId)!;
    return reply.code(202).send({ entryId: request.params.entryId, outcome, statusUrl: entryUrl(connection.id, request.params.entryId) });
  });

  app.post('/v1/connections/:id/timesheets/bulk', {
    schema: {
      operationId: 'putTimesheetEntries', tags: ['timesheets'],
      summary: 'Send many timesheet entries at once (each as PUT …/timesheets/:entryId would)',
      description: 'Checked together: when one entry is malformed nothing is stored (400 names each field).',
      params: ConnectionParams, body: BulkBody, response: { 202: BulkAccepted, ...problems(400, 401, 404, 413) },
    },
  }, async (request, reply) => {
    const connection = connectionOf(request);
    const entries = request.body.entries.map(({ entryId, ...entry }) => ({ entryId, entry }));
    const outcomes = await control.timesheets.submit(connection, entries);
    return reply.code(202).send({ results: entries.map(({ entryId }) => ({ entryId, outcome: outcomes.get(entryId)! })) });
  });

  app.get('/v1/connections/:id/timesheets/:entryId', {
    schema: {
      operationId: 'getTimesheetEntry', tags: ['timesheets'],
      summary: 'Where an entry stands: queued, exported (with its QuickBooks id), failed (with what to fix) or deleted',
      params: EntryParams, response: { 200: EntryView, ...problems(401, 404) },
    },
  }, async (request) => {
    const row = await control.timesheets.get(connectionOf(request), request.params.entryId);
    if (!row) throw notFound(`No timesheet entry ${request.params.entryId} on this connection`);
    return entryView(row);
  });

  app.delete('/v1/connections/:id/timesheets/:entryId', {
    schema: {
      operationId: 'deleteTimesheetEntry', tags: ['timesheets'],
      summary: 'Remove an entry from QuickBooks',
      params: EntryParams, response: { 202: EntryView, ...problems(401, 404) },
    },
  }, async (request, reply) => reply.code(202).send(entryView(await control.timesheets.remove(connectionOf(request), request.params.entryId))));

  app.post('/v1/connections/:id/timesheets/retry', {
    schema: {
      operationId: 'retryTimesheets', tags: ['timesheets'],
      summary: 'Send failed entries again, once what stopped them is fixed (all, or the ones named)',
      params: ConnectionParams, body: RetryBody, response: { 202: Type.Object({ requeued: Type.Integer() }), ...problems(400, 401, 404) },
    },
  }, async (request, reply) => reply.code(202).send({ requeued: await control.timesheets.retryFailed(connectionOf(request), request.body.entryIds) }));
}

// Schemas of the lists and timesheets routes.
import { Type } from 'typebox';
import { billableStatuses, timeListKinds } from '../../../../domain/timesheets.js';
import { Uuid } from '../../../schemas.js';

const Id = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s/][^/]*$' });
const QuickBooksId = Type.String({ minLength: 1, maxLength: 64, description: 'A QuickBooks id from the lists feed (ListID on Desktop, Id on Online)' });

export const ListKind = Type.Union(timeListKinds.map((k) => Type.Literal(k)));

export const ImportBody = Type.Object({
  lists: Type.Optional(Type.Array(ListKind, { minItems: 1, maxItems: timeListKinds.length, uniqueItems: true, description: 'Which lists (default: all)' })),
  full: Type.Optional(Type.Boolean({ description: 'Read everything again instead of what changed since the last import' })),
}, { additionalProperties: false });

export const ImportAccepted = Type.Object({
  workflowId: Type.String(),
  started: Type.Boolean({ description: 'false: an import was already running; this request joins it' }),
  statusUrl: Type.String(),
});

const Check = Type.Object({ code: Type.String(), ok: Type.Boolean(), message: Type.String() });

export const ImportStatus = Type.Object({
  running: Type.Boolean(),
  last: Type.Union([Type.Object({
    importedAt: Type.String(),
    checks: Type.Array(Check, { description: 'What the bookkeeper should check in QuickBooks, checked, in words' }),
    preferences: Type.Record(Type.String(), Type.Unknown()),
    summary: Type.Record(Type.String(), Type.Unknown(), { description: 'Counts per list, changes, lists QuickBooks could not answer' }),
  }), Type.Null()]),
});

export const ListParams = Type.Object({ id: Uuid, list: ListKind });

export const FeedQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 20, description: 'From the previous page (or poll): changes after it' })),
  changedSince: Type.Optional(Type.String({ format: 'date-time', description: 'Only records changed at or after this time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

export const ListRecord = Type.Object({
  quickbooksId: Type.String(),
  name: Type.String(),
  fullName: Type.String({ description: '"Parent:Job" for jobs and sub-classes' }),
  parentId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  deleted: Type.Boolean(),
  change: Type.String({ description: 'created, updated, deactivated, reactivated or deleted' }),
  changedAt: Type.String(),
  fields: Type.Record(Type.String(), Type.Unknown(), { description: 'Everything else: addresses and printed blocks, job status, payroll set-up, rates…' }),
});

export const FeedPage = Type.Object({
  records: Type.Array(ListRecord),
  cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass back to get what changed next' }),
  more: Type.Boolean(),
});

export const PersonParams = Type.Object({ id: Uuid, userId: Id });
export const PersonBody = Type.Object({
  kind: Type.Union([Type.Literal('employees'), Type.Literal('vendors'), Type.Literal('otherNames')]),
  quickbooksId: QuickBooksId,
}, { additionalProperties: false });
export const Person = Type.Object({ userId: Type.String(), kind: Type.String(), quickbooksId: Type.String(), name: Type.String() });

export const TimesheetEntrySchema = Type.Object({
  revision: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Higher revisions update; the same revision and content changes nothing' }),
  userId: Type.String({ minLength: 1, maxLength: 100, description: 'The upstream user (mapped to a QuickBooks person: PUT …/timesheets/people/:userId)' }),
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The day worked' }),
  minutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  customerId: Type.Optional(QuickBooksId),
  itemId: Type.Optional(QuickBooksId),
  payrollItemId: Type.Optional(QuickBooksId),
  classId: Type.Optional(QuickBooksId),
  billable: Type.Union(billableStatuses.map((b) => Type.Literal(b))),
  hourlyRate: Type.Optional(Type.String({ pattern: '^\\d{1,7}(\\.\\d{1,2})?$', description: 'Decimal string; QuickBooks Online needs one for billable time' })),
  notes: Type.Optional(Type.String({ maxLength: 4000 })),
}, { additionalProperties: false });

export const EntryParams = Type.Object({ id: Uuid, entryId: Id });

export const BulkBody = Type.Object({
  entries: Type.Array(Type.Object({ entryId: Id, ...TimesheetEntrySchema.properties }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }),
}, { additionalProperties: false });

const Outcome = Type.String({ description: 'queued (QuickBooks will get it), unchanged (QuickBooks holds it already), stale (a higher revision is stored), conflict (same revision, other content)' });
export const EntryAccepted = Type.Object({ entryId: Type.String(), outcome: Outcome, statusUrl: Type.String() });
export const BulkAccepted = Type.Object({ results: Type.Array(Type.Object({ entryId: Type.String(), outcome: Outcome })) });

export const EntryView = Type.Object({
  entryId: Type.String(),
  revision: Type.Integer(),
  state: Type.String({ description: 'queued, exported, failed or deleted' }),
  removed: Type.Boolean(),
  quickbooksId: Type.Union([Type.String(), Type.Null()]),
  exportedAt: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why it failed: the person, the date and what to fix' }),
  entry: Type.Record(Type.String(), Type.Unknown()),
});

export const RetryBody = Type.Object({ entryIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })) }, { additionalProperties: false });

export const ScheduleBody = Type.Object({
  everyMinutes: Type.Union([Type.Integer({ minimum: 5, maximum: 10_080 }), Type.Null()], { description: 'How often to import the lists (5 minutes to a week); null stops the schedule' }),
}, { additionalProperties: false });

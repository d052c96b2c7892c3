// Request and response schemas of the billing routes.
import { Type } from 'typebox';
import { DateString } from '../../../../domain/order.js';

const Id = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s/][^/]*$' });
const QuickBooksId = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const OfferParams = Type.Object({ id: Type.String({ format: 'uuid' }), offerId: Id });
export const OrganizationParams = Type.Object({ id: Type.String({ format: 'uuid' }), organizationId: Id });
export const SubscriptionParams = Type.Object({ id: Type.String({ format: 'uuid' }), subscriptionId: Id });
export const RunParams = Type.Object({ id: Type.String({ format: 'uuid' }), runId: Type.String({ format: 'uuid' }) });
export const SyncErrorParams = Type.Object({ id: Type.String({ format: 'uuid' }), errorId: Type.String({ format: 'uuid' }) });

export const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Local time of day, HH:MM (24 h)' });

export const BillingConfigBody = Type.Object({
  mode: Type.Union([Type.Literal('advance'), Type.Literal('arrears')], {
    description: 'advance: each run bills the coming period; arrears: the period that just ended. Cannot change once saved.',
  }),
  dayOfMonth: Type.Integer({ minimum: 1, maximum: 28, description: 'The billing day: periods run from it to the day before the next one' }),
  prorate: Type.Optional(Type.Object({
    increases: Type.Boolean(),
    decreases: Type.Boolean(),
  }, { additionalProperties: false, description: 'Which changes are billed prorated; one that is not counts from the next period. Default: neither.' })),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone of the billing day and hour (default America/New_York)' })),
  hour: Type.Optional(Time),
}, { additionalProperties: false });

export const BillingConfigView = Type.Object({
  mode: Type.String(),
  dayOfMonth: Type.Integer(),
  prorate: Type.Object({ increases: Type.Boolean(), decreases: Type.Boolean() }),
  timeZone: Type.String(),
  hour: Type.String(),
  schedule: Nullable(Type.Object({
    scheduleId: Type.String(),
    syncScheduleId: Type.String(),
    nextRuns: Type.Array(Type.String()),
    nextSyncs: Type.Array(Type.String()),
  })),
  updatedAt: Type.String(),
});

export const OfferBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'How invoice lines name the offer' })),
  itemId: Type.Optional(Nullable(QuickBooksId)),
  sync: Type.Boolean({ description: 'Bill this offer (and keep its item\'s purchase cost up to date)' }),
}, { additionalProperties: false });

export const OfferView = Type.Object({
  offerId: Type.String(),
  name: Nullable(Type.String()),
  itemId: Nullable(Type.String()),
  itemName: Nullable(Type.String()),
  sync: Type.Boolean(),
  pushedUnitCost: Nullable(Type.String()),
  pushedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const OrganizationBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  customerId: Type.Optional(Nullable(QuickBooksId)),
  invoice: Type.Optional(Type.Union([Type.Literal('create'), Type.Literal('update')], {
    description: 'create: a new invoice per period; update: the customer\'s newest unsent invoice dated in the period (one is created when there is none)',
  })),
  sync: Type.Boolean({ description: 'Bill this organization' }),
}, { additionalProperties: false });

export const OrganizationView = Type.Object({
  organizationId: Type.String(),
  name: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  invoice: Type.String(),
  sync: Type.Boolean(),
  updatedAt: Type.String(),
});

export const SubscriptionBody = Type.Object({
  organizationId: Id,
  offerId: Id,
  term: Type.Union([Type.Literal('monthly'), Type.Literal('annual')]),
  quantity: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Seats from effectiveDate on (0 = cancelled)' }),
  unitCost: Type.String({ pattern: '^\\d{1,10}(\\.\\d{1,5})?$', description: 'What the reseller pays per seat, e.g. "9.75"' }),
  effectiveDate: DateString,
}, { additionalProperties: false });

export const SubscriptionView = Type.Object({
  subscriptionId: Type.String(),
  organizationId: Type.String(),
  offerId: Type.String(),
  term: Type.String(),
  /** false when the same change had already been recorded. */
  recorded: Type.Optional(Type.Boolean()),
  history: Type.Array(Type.Object({ effectiveDate: Type.String(), quantity: Type.Integer(), unitCost: Type.String(), receivedAt: Type.String() })),
});

/** `period`: the billed period's first day (a billing day). */
export const RunBody = Type.Object({ period: DateString }, { additionalProperties: false });

const Counts = Type.Object({
  created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), sent: Type.Integer(), nothing: Type.Integer(), failed: Type.Integer(),
});

export const RunResultView = Type.Object({
  organizationId: Type.String(),
  outcome: Type.String({ description: 'created, updated, unchanged, sent, nothing or failed' }),
  invoiceId: Nullable(Type.String()),
  invoiceNumber: Nullable(Type.String()),
  billed: Nullable(Type.String({ description: 'Total of the billed lines' })),
  lines: Type.Integer(),
  detail: Nullable(Type.String()),
});

export const RunView = Type.Object({
  id: Type.String(),
  period: Type.Object({ start: Type.String(), end: Type.String() }),
  trigger: Type.String(),
  scheduledFor: Nullable(Type.String()),
  status: Type.String(),
  organizations: Type.Integer(),
  counts: Counts,
  error: Nullable(Type.String()),
  workflowId: Type.String(),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  results: Type.Optional(Type.Array(RunResultView)),
});

export const Accepted = Type.Object({
  workflowId: Type.String(),
  period: Type.Object({ start: Type.String(), end: Type.String() }),
  runsUrl: Type.String(),
  temporalUiUrl: Type.Optional(Type.String()),
});

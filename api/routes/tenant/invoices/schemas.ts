// Schemas of the invoice routes: what is accepted, and what a status answer holds.
import { Type } from 'typebox';
import { UpstreamInvoiceSchema } from '../../../../domain/invoice.js';
import { Uuid } from '../../../schemas.js';

export const InvoiceParams = Type.Object({
  id: Uuid,
  invoiceId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s/][^/]*$', description: 'The upstream invoice id' }),
});

export const Accepted = Type.Object({
  workflowId: Type.String(),
  revision: Type.Integer(),
  statusUrl: Type.String(),
  temporalUiUrl: Type.Optional(Type.String()),
});

export const SendBody = Type.Object({
  requestId: Type.Optional(Type.String({
    minLength: 1, maxLength: 100, pattern: '^[\\x21-\\x7e]+$',
    description: 'Sent at most once per id, however often this request is retried (default: one send per revision)',
  })),
  invoice: Type.Optional(UpstreamInvoiceSchema),
}, { additionalProperties: false });

export const SendAccepted = Type.Object({
  ...Accepted.properties,
  requestId: Type.String(),
  sending: Type.Boolean({ description: 'false: the invoice is copied but not sent (see reason)' }),
  reason: Type.Optional(Type.String()),
});

const Money = Type.Union([Type.String(), Type.Null()]);

export const InvoiceView = Type.Object({
  invoiceId: Type.String(),
  workflowId: Type.String(),
  run: Type.Union([Type.String(), Type.Null()], { description: 'Temporal run status of the copy: RUNNING, COMPLETED, …' }),
  revision: Type.Integer(),
  outcome: Type.String({ description: 'running, copied, sent, held (a person must decide) or failed' }),
  steps: Type.Array(Type.Object({
    step: Type.String(),
    state: Type.String(),
    quickbooksId: Type.Optional(Type.String()),
    action: Type.Optional(Type.String()),
    detail: Type.Optional(Type.String()),
    error: Type.Optional(Type.String()),
  })),
  error: Type.Optional(Type.String()),
  copied: Type.Union([Type.Object({ quickbooksId: Type.String(), number: Type.Union([Type.String(), Type.Null()]), revision: Type.Integer(), at: Type.String() }), Type.Null()]),
  sent: Type.Union([Type.Object({ at: Type.String(), to: Type.String() }), Type.Null()]),
  total: Money,
  balance: Money,
  paid: Money,
  status: Type.String({ description: 'not_copied, open, partially_paid or paid' }),
  payments: Type.Array(Type.Object({
    paymentId: Type.String({ description: 'The QuickBooks payment' }),
    quickbooksInvoiceId: Type.String(),
    amount: Type.String({ description: 'What it applies to this invoice now (0.00 once taken back)' }),
    date: Type.Union([Type.String(), Type.Null()]),
    state: Type.String({ description: 'applied, voided, deleted or changed' }),
  })),
  temporalUiUrl: Type.Optional(Type.String()),
});

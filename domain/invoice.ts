// The invoice contract a help desk or project tool sends (its invoice, to be copied into QuickBooks and sent from
// there), the checks a JSON schema cannot express, and the rules about amounts: line totals, paid status, and
// never lowering an invoice below what was already paid.
import { Type, type Static } from 'typebox';
import { lineAmountCents, MoneyFormatError, parseDecimal, type Cents } from './money.js';
import { DateString, DecimalString } from './order.js';
import { Refusal } from './refusals.js';

const Id = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s/][^/]*$' });
const Email = Type.String({ format: 'email', maxLength: 100 });

export const InvoiceCustomerSchema = Type.Object({
  externalId: Id,
  /** Matched to a QuickBooks customer by display name, exactly (a customer mapping overrides it). */
  name: Type.String({ minLength: 1, maxLength: 100 }),
  email: Type.Optional(Email),
}, { additionalProperties: false });

export const InvoiceLineSchema = Type.Object({
  /** What was done, e.g. the ticket or task name. */
  description: Type.String({ minLength: 1, maxLength: 4000 }),
  quantity: DecimalString,
  rate: DecimalString,
  /** The service type: a QuickBooks product/service of exactly this name (created as a Service item if none). */
  serviceType: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s].*[^\\s]$|^[^\\s]$' }),
}, { additionalProperties: false });
export type InvoiceLine = Static<typeof InvoiceLineSchema>;

export const UpstreamInvoiceSchema = Type.Object({
  /** Higher revisions update what lower ones copied; a lower one than already copied is refused. */
  revision: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  /** The invoice number (QuickBooks allows 21 characters); QuickBooks numbers it when absent. */
  number: Type.Optional(Type.String({ minLength: 1, maxLength: 21, pattern: '^[^\\s].*$' })),
  customer: InvoiceCustomerSchema,
  date: DateString,
  dueDate: Type.Optional(DateString),
  /** A QuickBooks payment term by its exact name, e.g. "Net 30". */
  terms: Type.Optional(Type.String({ minLength: 1, maxLength: 31 })),
  /** Shown to the customer on the invoice. */
  memo: Type.Optional(Type.String({ maxLength: 1000 })),
  /** Where QuickBooks sends the invoice: the first is the billing address, others are copied. */
  billingEmails: Type.Optional(Type.Array(Email, { maxItems: 3, uniqueItems: true })),
  lines: Type.Array(InvoiceLineSchema, { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });
export type UpstreamInvoice = Static<typeof UpstreamInvoiceSchema>;

export interface InvoiceProblem {
  field: string;
  message: string;
}

/** Rules beyond the schema: real calendar dates, due after issued, positive quantities, a total QuickBooks takes. */
export function checkInvoice(invoice: UpstreamInvoice): InvoiceProblem[] {
  const problems: InvoiceProblem[] = [];
  for (const field of ['date', 'dueDate'] as const) {
    const value = invoice[field];
    if (value && !isCalendarDate(value)) problems.push({ field, message: `"${value}" is not a calendar date` });
  }
  if (invoice.dueDate && invoice.dueDate < invoice.date) problems.push({ field: 'dueDate', message: 'is before the invoice date' });
  invoice.lines.forEach((line, i) => {
    if (isZero(line.quantity)) problems.push({ field: `lines/${i}/quantity`, message: 'must be more than 0' });
  });
  if (problems.length === 0 && invoiceLinesTotal(invoice.lines) > 99_999_999_999) {
    problems.push({ field: 'lines', message: 'add up to more than QuickBooks can hold' });
  }
  return problems;
}

/** One line's amount: quantity × rate, half-up to cents (the rule QuickBooks checks, 6070 otherwise). */
export const invoiceLineAmount = (line: Pick<InvoiceLine, 'quantity' | 'rate'>): Cents => lineAmountCents(line.quantity, line.rate);

export function invoiceLinesTotal(lines: readonly Pick<InvoiceLine, 'quantity' | 'rate'>[]): Cents {
  return lines.reduce((total, line) => total + invoiceLineAmount(line), 0);
}

/** Paid, partly paid or open, from QuickBooks' own total and open balance. */
export function paymentStatusOf(totalCents: Cents, balanceCents: Cents): 'open' | 'partially_paid' | 'paid' {
  if (totalCents > 0 && balanceCents <= 0) return 'paid';
  if (balanceCents < totalCents) return 'partially_paid';
  return 'open';
}

/**
 * A re-copy must not take an invoice below what customers already paid on it: QuickBooks would refuse (or a
 * payment would have to be unapplied), which is a bookkeeper's decision. Compares the new lines' total (before
 * tax, so the check errs on the side of asking a person) with the amount paid.
 */
export function lowersBelowPaid(newLinesTotalCents: Cents, current: { totalCents: Cents; balanceCents: Cents }): boolean {
  const paid = current.totalCents - current.balanceCents;
  return paid > 0 && newLinesTotalCents < paid;
}

function isZero(text: string): boolean {
  try {
    return parseDecimal(text).units === 0n;
  } catch (error) {
    if (error instanceof MoneyFormatError) return false;
    throw error;
  }
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export interface InvoiceAcceptanceContext {
  connection: { status: string; type: string };
  /** The revision QuickBooks holds (0 when none). */
  newestCopiedRevision: number;
}

/** Throws why the invoice cannot be accepted; returns the revision it is accepted as. */
export function acceptInvoice(invoice: UpstreamInvoice, context: InvoiceAcceptanceContext): number {
  const problems = checkInvoice(invoice);
  if (problems.length > 0) {
    throw new Refusal('invalid', `The invoice is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  }
  const { connection } = context;
  if (connection.status === 'pending' || connection.status === 'disconnected') {
    throw new Refusal('conflict', connection.type === 'qbd'
      ? 'The Web Connector has not reached this QuickBooks Desktop connection yet: add its QWC file to the Web Connector and let it run once'
      : 'This connection is not authorised yet; finish connecting it to QuickBooks first');
  }
  const revision = invoice.revision ?? 1;
  if (revision < context.newestCopiedRevision) {
    throw new Refusal('conflict', `Revision ${revision} is older than revision ${context.newestCopiedRevision}, which is already in QuickBooks`);
  }
  return revision;
}


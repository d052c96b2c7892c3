// The order contract an upstream order system sends, and the checks a JSON schema cannot express.
import { Type, type Static } from 'typebox';
import { MoneyFormatError, parseCents, parseDecimal } from './money.js';

/** Money: a decimal string with at most two places. */
export const MoneyString = Type.String({ pattern: '^\\d{1,11}(\\.\\d{1,2})?$', description: 'Amount, e.g. "218.50"' });
/** A quantity or a rate: positive decimal, at most five places (QuickBooks' precision). */
export const DecimalString = Type.String({ pattern: '^\\d{1,10}(\\.\\d{1,5})?$', description: 'e.g. "100" or "2.30"' });
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description: 'YYYY-MM-DD' });
const Id = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s/][^/]*$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });

export const OrderDocumentSchema = Type.Union([
  Type.Literal('invoice'), Type.Literal('bill'), Type.Literal('purchaseOrder'),
]);
export type OrderDocument = Static<typeof OrderDocumentSchema>;

export const PartySchema = Type.Object({
  externalId: Id,
  name: Name,
  email: Type.Optional(Type.String({ format: 'email', maxLength: 100 })),
  /** Force a QuickBooks object for this send (the "select an existing customer" choice). */
  quickbooksId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
}, { additionalProperties: false });
export type Party = Static<typeof PartySchema>;

export const OrderLineSchema = Type.Object({
  productNumber: Type.String({ minLength: 1, maxLength: 100 }),
  productName: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  quantity: DecimalString,
  unitPrice: DecimalString,
  /** What the supplier charges per unit; needed for bills and purchase orders. */
  unitCost: Type.Optional(DecimalString),
}, { additionalProperties: false });
export type OrderLine = Static<typeof OrderLineSchema>;

export const PaymentSchema = Type.Object({
  externalId: Id,
  amount: MoneyString,
  date: DateString,
  reference: Type.Optional(Type.String({ maxLength: 21 })),
}, { additionalProperties: false });
export type OrderPayment = Static<typeof PaymentSchema>;

export const OrderSchema = Type.Object({
  orderId: Id,
  /** The document number printed on the invoice and bill (QuickBooks allows 21 characters). */
  number: Type.String({ minLength: 1, maxLength: 21, pattern: '^[^\\s].*$' }),
  /** Higher revisions update what lower ones posted; a lower one than already posted is refused. */
  revision: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  date: DateString,
  dueDate: Type.Optional(DateString),
  sentBy: Type.Object({
    userId: Type.String({ minLength: 1, maxLength: 100 }),
    teamIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
  }, { additionalProperties: false }),
  documents: Type.Array(OrderDocumentSchema, { minItems: 1, maxItems: 3, uniqueItems: true }),
  customer: PartySchema,
  vendor: Type.Optional(PartySchema),
  lines: Type.Array(OrderLineSchema, { minItems: 1, maxItems: 500 }),
  discount: Type.Optional(MoneyString),
  tax: Type.Optional(MoneyString),
  memo: Type.Optional(Type.String({ maxLength: 1000 })),
  payments: Type.Optional(Type.Array(PaymentSchema, { maxItems: 100 })),
}, { additionalProperties: false });
export type Order = Static<typeof OrderSchema>;

/** A problem with one field of an otherwise well-formed order. */
export interface OrderProblem {
  field: string;
  message: string;
}

/** Rules beyond the schema: positive quantities, vendor and costs for purchases, totals that make sense. */
export function checkOrder(order: Order): OrderProblem[] {
  const problems: OrderProblem[] = [];
  const wantsPurchase = order.documents.includes('bill') || order.documents.includes('purchaseOrder');
  order.lines.forEach((line, i) => {
    if (isZero(line.quantity)) problems.push({ field: `lines/${i}/quantity`, message: 'must be more than 0' });
    if (wantsPurchase && line.unitCost === undefined) {
      problems.push({ field: `lines/${i}/unitCost`, message: 'is required to send a bill or purchase order' });
    }
  });
  if (wantsPurchase && !order.vendor) problems.push({ field: 'vendor', message: 'is required to send a bill or purchase order' });
  if (order.dueDate && order.dueDate < order.date) problems.push({ field: 'dueDate', message: 'is before the order date' });
  for (const field of ['date', 'dueDate'] as const) {
    const value = order[field];
    if (value && !isCalendarDate(value)) problems.push({ field, message: `"${value}" is not a calendar date` });
  }
  order.payments?.forEach((payment, i) => {
    if (!isCalendarDate(payment.date)) problems.push({ field: `payments/${i}/date`, message: `"${payment.date}" is not a calendar date` });
    if (parseCents(payment.amount) === 0) problems.push({ field: `payments/${i}/amount`, message: 'must be more than 0' });
  });
  if (order.payments?.length && !order.documents.includes('invoice')) {
    problems.push({ field: 'payments', message: 'can only be applied when the invoice is sent too' });
  }
  const paymentIds = order.payments?.map((p) => p.externalId) ?? [];
  if (new Set(paymentIds).size !== paymentIds.length) problems.push({ field: 'payments', message: 'have repeated externalId values' });
  return problems;
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

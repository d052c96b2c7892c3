// The order contract an upstream order system sends, and the checks a JSON schema cannot express.
import { Type, type Static } from 'typebox';
import type { ConnectionType } from './connections.js';
import { formatExactCents, lineAmountExact, MAX_AMOUNT_CENTS, MoneyFormatError, parseCents, parseDecimal, parseExactCents } from './money.js';
import { textProblem, windows1252Problem, type TextKind } from './text.js';

/** Money: a decimal string with at most two places (its bound, and the totals', are checked in checkOrder). */
export const MoneyString = Type.String({ pattern: '^\\d{1,11}(\\.\\d{1,2})?$', description: 'Amount, e.g. "218.50"; QuickBooks accepts at most 9999999999.99' });
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

/**
 * Rules beyond the schema: positive quantities, vendor and costs for purchases, totals that make sense and that
 * QuickBooks accepts, text QuickBooks (and our database) can hold. `ledger` adds the rules of one QuickBooks: Desktop
 * stores only Windows-1252 text.
 */
export function checkOrder(order: Order, options: { ledger?: ConnectionType } = {}): OrderProblem[] {
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
  return [...problems, ...textProblems(order, options.ledger), ...amountProblems(order)];
}

interface TextField {
  field: string;
  value: string | undefined;
  kind: TextKind;
  /** Whether the text is written to QuickBooks (and so must be storable there). */
  written: boolean;
}

/** Every text of the order, how it is used, and whether it reaches QuickBooks. */
function textFields(order: Order): TextField[] {
  const invoice = order.documents.includes('invoice');
  const purchase = order.documents.includes('bill') || order.documents.includes('purchaseOrder');
  const party = (name: string, p: Party | undefined, written: boolean): TextField[] => (p ? [
    { field: `${name}/externalId`, value: p.externalId, kind: 'identity', written: false },
    { field: `${name}/name`, value: p.name, kind: 'name', written },
    { field: `${name}/email`, value: p.email, kind: 'identity', written },
    { field: `${name}/quickbooksId`, value: p.quickbooksId, kind: 'identity', written: false },
  ] : []);
  return [
    { field: 'orderId', value: order.orderId, kind: 'identity', written: true }, // in every document's marker
    { field: 'number', value: order.number, kind: 'identity', written: true },
    { field: 'sentBy/userId', value: order.sentBy.userId, kind: 'identity', written: false },
    ...(order.sentBy.teamIds ?? []).map((value, i): TextField => ({ field: `sentBy/teamIds/${i}`, value, kind: 'identity', written: false })),
    ...party('customer', order.customer, invoice),
    ...party('vendor', order.vendor, purchase),
    ...order.lines.flatMap((line, i): TextField[] => [
      { field: `lines/${i}/productNumber`, value: line.productNumber, kind: 'name', written: true },
      { field: `lines/${i}/productName`, value: line.productName, kind: 'name', written: true },
      { field: `lines/${i}/description`, value: line.description, kind: 'text', written: true },
    ]),
    { field: 'memo', value: order.memo, kind: 'text', written: true },
    ...(order.payments ?? []).flatMap((payment, i): TextField[] => [
      { field: `payments/${i}/externalId`, value: payment.externalId, kind: 'identity', written: true },
      { field: `payments/${i}/reference`, value: payment.reference, kind: 'identity', written: true },
    ]),
  ];
}

/**
 * Control characters, halves of characters, non-characters and blank names or ids are refused for every ledger (a
 * NUL cannot even be stored by PostgreSQL); QuickBooks Desktop keeps Windows-1252 text, so for a Desktop connection
 * any other character is refused here, named, rather than lost there as "?" or refused with the whole message.
 */
function textProblems(order: Order, ledger: ConnectionType | undefined): OrderProblem[] {
  const problems: OrderProblem[] = [];
  for (const { field, value, kind, written } of textFields(order)) {
    if (value === undefined || value === '') continue;
    const problem = textProblem(value, kind) ?? (ledger === 'qbd' && written ? windows1252Problem(value) : undefined);
    if (problem) problems.push({ field, message: problem });
  }
  return problems;
}

/**
 * Every amount QuickBooks would store (each line, the sums, discount, tax, each payment, the totals) within what it
 * accepts; a discount no larger than the lines; payments no larger than the invoice total. Computed exactly, before
 * anything is converted to cents in a number.
 */
function amountProblems(order: Order): OrderProblem[] {
  const problems: OrderProblem[] = [];
  const max = BigInt(MAX_AMOUNT_CENTS);
  const limit = `QuickBooks accepts at most ${formatExactCents(max)}`;
  const exact = (compute: () => bigint): bigint | undefined => {
    try {
      return compute();
    } catch (error) {
      if (error instanceof MoneyFormatError) return undefined; // the schema has already named it
      throw error;
    }
  };
  const sum = (values: (bigint | undefined)[]) => values.reduce<bigint>((total, value) => total + (value ?? 0n), 0n);

  const sales = order.lines.map((line, i) => {
    const amount = exact(() => lineAmountExact(line.quantity, line.unitPrice));
    if (amount !== undefined && amount > max) {
      problems.push({ field: `lines/${i}`, message: `amounts to ${formatExactCents(amount)} (quantity × unitPrice); ${limit} for one line` });
    }
    return amount;
  });
  const subtotal = sum(sales);
  if (sales.every((a) => a === undefined || a <= max) && subtotal > max) {
    problems.push({ field: 'lines', message: `add up to ${formatExactCents(subtotal)}; ${limit} for one invoice` });
  }

  if (order.documents.includes('bill') || order.documents.includes('purchaseOrder')) {
    const costs = order.lines.map((line, i) => {
      if (line.unitCost === undefined) return undefined;
      const amount = exact(() => lineAmountExact(line.quantity, line.unitCost!));
      if (amount !== undefined && amount > max) {
        problems.push({ field: `lines/${i}/unitCost`, message: `makes the line cost ${formatExactCents(amount)} (quantity × unitCost); ${limit} for one line` });
      }
      return amount;
    });
    const cost = sum(costs);
    if (costs.every((a) => a === undefined || a <= max) && cost > max) {
      problems.push({ field: 'lines', message: `cost ${formatExactCents(cost)} in all; ${limit} for one bill or purchase order` });
    }
  }

  const money = (field: string, text: string | undefined): bigint => {
    const amount = text === undefined ? undefined : exact(() => parseExactCents(text));
    if (amount !== undefined && amount > max) problems.push({ field, message: `is ${formatExactCents(amount)}; ${limit}` });
    return amount ?? 0n;
  };
  const discount = money('discount', order.discount);
  const tax = money('tax', order.tax);
  if (discount > subtotal && discount <= max) {
    problems.push({ field: 'discount', message: `(${formatExactCents(discount)}) is more than the lines add up to (${formatExactCents(subtotal)})` });
  }
  const total = subtotal - discount + tax;
  if (subtotal <= max && tax <= max && total > max) {
    problems.push({ field: 'tax', message: `brings the invoice total to ${formatExactCents(total)}; ${limit} for one invoice` });
  }

  const payments = (order.payments ?? []).map((payment, i) => money(`payments/${i}/amount`, payment.amount));
  const paid = sum(payments);
  if (order.documents.includes('invoice') && payments.length > 0 && paid > total && total >= 0n) {
    problems.push({ field: 'payments', message: `add up to ${formatExactCents(paid)}, more than the invoice total of ${formatExactCents(total)} (lines − discount + tax)` });
  }
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

// The lines a subscription puts on an invoice for one run: a base line for the billed period, and prorated
// adjustments for quantity changes. Pure arithmetic on integers; quantities are decimal strings.
//
// Base lines: a monthly subscription bills the quantity in effect on the billed period's first day (a change
// dated that day is part of it). An annual subscription bills once per term, in the billed period that contains
// the term's first day (its start or a renewal), with the quantity in effect that day.
// Adjustments: a change of Δ seats on day e of the changes period (after its first day), with r days from e
// through the period's last day and D days in the period, bills Δ × r / D seats, 4 decimals, half-up; decreases
// are negative (credits). Each kind only when it is prorated; otherwise the change counts from the next period.
// Annual changes prorate over the days left in the annual term instead (a change on the term's first day is part
// of that term's base line).
import { lineAmountCents, type Cents } from '../money.js';
import { addDays, addYears, daysInclusive, parseDate } from './dates.js';
import type { Period, RunPeriods } from './periods.js';

export type Term = 'monthly' | 'annual';

/** The quantity a subscription has from `effectiveDate` on. Same date more than once: the last one received wins. */
export interface QuantityChange {
  effectiveDate: string;
  quantity: number;
}

export interface SubscriptionHistory {
  subscriptionId: string;
  offerId: string;
  /** The offer's name as the bookkeeper knows it (descriptions). */
  offerName: string;
  term: Term;
  /** In the order they were received. */
  changes: readonly QuantityChange[];
}

export interface Proration {
  increases: boolean;
  decreases: boolean;
}

export type LineKind = 'base' | 'increase' | 'decrease';

export interface BillingLine {
  subscriptionId: string;
  offerId: string;
  kind: LineKind;
  /** Seats: a whole number for base lines, 4 decimals for adjustments ("2.0000", "-0.6667"). */
  quantity: string;
  description: string;
}

export interface PricedLine extends BillingLine {
  amountCents: Cents;
}

interface Step {
  date: string;
  quantity: number;
}

/** The quantity in force from each date on, oldest first. */
export function timeline(changes: readonly QuantityChange[]): Step[] {
  const byDate = new Map<string, number>();
  for (const change of changes) {
    if (!Number.isSafeInteger(change.quantity) || change.quantity < 0) throw new RangeError(`a quantity must be a whole number of seats, 0 or more (got ${change.quantity})`);
    parseDate(change.effectiveDate);
    byDate.set(change.effectiveDate, change.quantity);
  }
  return [...byDate].map(([date, quantity]) => ({ date, quantity })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The quantity in effect on `date` (0 before the first change). */
export function quantityOn(steps: readonly Step[], date: string): number {
  let quantity = 0;
  for (const step of steps) {
    if (step.date > date) break;
    quantity = step.quantity;
  }
  return quantity;
}

/** Δ × r / D rounded half-up (away from zero) to 4 decimals, as a decimal string. */
export function proratedQuantity(delta: number, remainingDays: number, periodDays: number): string {
  if (!Number.isSafeInteger(delta) || !Number.isSafeInteger(remainingDays) || !Number.isSafeInteger(periodDays) || periodDays <= 0) {
    throw new RangeError('proration needs whole numbers and a period of at least one day');
  }
  const numerator = BigInt(delta) * BigInt(remainingDays) * 10_000n;
  const denominator = BigInt(periodDays);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (2n * denominator);
  const digits = rounded.toString().padStart(5, '0');
  return `${negative && rounded !== 0n ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

const seats = (n: number) => `${n} seat${n === 1 ? '' : 's'}`;

function adjustment(history: SubscriptionHistory, delta: number, date: string, span: Period, proration: Proration, ofTerm: boolean): BillingLine | undefined {
  const kind: LineKind = delta > 0 ? 'increase' : 'decrease';
  if (delta === 0 || !(kind === 'increase' ? proration.increases : proration.decreases)) return undefined;
  const remaining = daysInclusive(date, span.end);
  const quantity = proratedQuantity(delta, remaining, span.days);
  if (/^-?0\.0000$/.test(quantity)) return undefined;
  const change = `${delta > 0 ? '+' : '-'}${seats(Math.abs(delta))} from ${date}`;
  const prorated = ofTerm
    ? `prorated ${remaining}/${span.days} days of the annual term ${span.start} to ${span.end}`
    : `prorated ${remaining}/${span.days} days (${date} to ${span.end})`;
  return {
    subscriptionId: history.subscriptionId,
    offerId: history.offerId,
    kind,
    quantity,
    description: `${history.offerName}: ${change}, ${prorated}${delta < 0 ? ', credit' : ''}`,
  };
}

/** Dates in the changes period on which the quantity changed, with the change (its first day only when asked). */
function changesWithin(steps: readonly Step[], period: Period, includeFirstDay: boolean): { date: string; delta: number }[] {
  return steps
    .filter((s) => (includeFirstDay ? s.date >= period.start : s.date > period.start) && s.date <= period.end)
    .map((s) => ({ date: s.date, delta: s.quantity - quantityOn(steps, addDays(s.date, -1)) }))
    .filter((c) => c.delta !== 0);
}

function monthlyLines(history: SubscriptionHistory, steps: readonly Step[], periods: RunPeriods, proration: Proration): BillingLine[] {
  const lines: BillingLine[] = [];
  const base = quantityOn(steps, periods.billed.start);
  if (base > 0) {
    lines.push({
      subscriptionId: history.subscriptionId,
      offerId: history.offerId,
      kind: 'base',
      quantity: String(base),
      description: `${history.offerName}: ${seats(base)}, ${periods.billed.start} to ${periods.billed.end}`,
    });
  }
  for (const { date, delta } of changesWithin(steps, periods.changes, false)) {
    const line = adjustment(history, delta, date, periods.changes, proration, false);
    if (line) lines.push(line);
  }
  return lines;
}

/** The annual term (start's anniversary to the day before the next one) that contains `date`. */
export function annualTermContaining(start: string, date: string): Period {
  let years = Math.max(0, parseDate(date).year - parseDate(start).year - 1);
  while (addYears(start, years + 1) <= date) years += 1;
  const first = addYears(start, years);
  const last = addDays(addYears(start, years + 1), -1);
  return { start: first, end: last, days: daysInclusive(first, last) };
}

function annualLines(history: SubscriptionHistory, steps: readonly Step[], periods: RunPeriods, proration: Proration): BillingLine[] {
  const first = steps.find((s) => s.quantity > 0);
  if (!first) return [];
  const start = first.date;
  const lines: BillingLine[] = [];
  const { billed } = periods;
  for (let years = Math.max(0, parseDate(billed.start).year - parseDate(start).year - 1); addYears(start, years) <= billed.end; years++) {
    const anniversary = addYears(start, years);
    if (anniversary < billed.start) continue;
    const quantity = quantityOn(steps, anniversary);
    if (quantity <= 0) continue;
    const term = annualTermContaining(start, anniversary);
    lines.push({
      subscriptionId: history.subscriptionId,
      offerId: history.offerId,
      kind: 'base',
      quantity: String(quantity),
      description: `${history.offerName}: ${seats(quantity)}, annual term ${term.start} to ${term.end}`,
    });
  }
  // every day of the changes period counts: annual base lines only come at the term's first day
  for (const { date, delta } of changesWithin(steps, periods.changes, true)) {
    if (date < start) continue;
    const term = annualTermContaining(start, date);
    if (date === term.start) continue; // a change on the term's first day is part of that term's base line
    const line = adjustment(history, delta, date, term, proration, true);
    if (line) lines.push(line);
  }
  return lines;
}

/** The lines one subscription puts on the invoice of a run. */
export function subscriptionLines(history: SubscriptionHistory, periods: RunPeriods, proration: Proration): BillingLine[] {
  const steps = timeline(history.changes);
  return history.term === 'annual' ? annualLines(history, steps, periods, proration) : monthlyLines(history, steps, periods, proration);
}

/** Amount per line: quantity × the item's own price in QuickBooks, half-up to cents. */
export function priceLine(line: BillingLine, unitPrice: string): PricedLine {
  return { ...line, amountCents: lineAmountCents(line.quantity, unitPrice) };
}

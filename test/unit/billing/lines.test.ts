// The billing arithmetic: base lines, prorated adjustments, annual terms, amounts at the item's price.
import { describe, expect, it } from 'vitest';
import {
  annualTermContaining,
  periodContaining,
  periodsForBilled,
  periodsForRunDate,
  periodStartingOn,
  priceLine,
  proratedQuantity,
  subscriptionLines,
  type Proration,
  type QuantityChange,
  type SubscriptionHistory,
} from '../../../domain/billing/index.js';
import { formatCents, sumCents } from '../../../domain/money.js';

const both: Proration = { increases: true, decreases: true };
const increasesOnly: Proration = { increases: true, decreases: false };
const none: Proration = { increases: false, decreases: false };

function sub(changes: QuantityChange[], term: 'monthly' | 'annual' = 'monthly'): SubscriptionHistory {
  return { subscriptionId: 'S1', offerId: 'O365', offerName: 'Microsoft 365 Business', term, changes };
}

const total = (history: SubscriptionHistory, runDate: string, mode: 'advance' | 'arrears', proration: Proration, price = '12.50', day = 1) =>
  formatCents(sumCents(subscriptionLines(history, periodsForRunDate(runDate, mode, day), proration).map((l) => priceLine(l, price).amountCents)));

// The worked example: 10 seats since October; +4 on 16 November, −2 on 21 November (12 seats from then on).
const example = sub([
  { effectiveDate: '2026-10-01', quantity: 10 },
  { effectiveDate: '2026-11-16', quantity: 14 },
  { effectiveDate: '2026-11-21', quantity: 12 },
]);

describe('the worked example (advance, day 1, item price 12.50)', () => {
  it('the December run bills 12 × 12.50, +2.0000 → 25.00 and −0.6667 → −8.33: 166.67', () => {
    const periods = periodsForRunDate('2026-12-01', 'advance', 1);
    expect(periods.billed).toEqual({ start: '2026-12-01', end: '2026-12-31', days: 31 });
    expect(periods.changes).toEqual({ start: '2026-11-01', end: '2026-11-30', days: 30 });
    const lines = subscriptionLines(example, periods, both).map((l) => priceLine(l, '12.50'));
    expect(lines.map((l) => [l.kind, l.quantity, formatCents(l.amountCents)])).toEqual([
      ['base', '12', '150.00'],
      ['increase', '2.0000', '25.00'],
      ['decrease', '-0.6667', '-8.33'],
    ]);
    expect(lines.map((l) => l.description)).toEqual([
      'Microsoft 365 Business: 12 seats, 2026-12-01 to 2026-12-31',
      'Microsoft 365 Business: +4 seats from 2026-11-16, prorated 15/30 days (2026-11-16 to 2026-11-30)',
      'Microsoft 365 Business: -2 seats from 2026-11-21, prorated 10/30 days (2026-11-21 to 2026-11-30), credit',
    ]);
    expect(formatCents(sumCents(lines.map((l) => l.amountCents)))).toBe('166.67');
  });

  it('with only increases prorated: 175.00 (the decrease counts from December)', () => {
    expect(total(example, '2026-12-01', 'advance', increasesOnly)).toBe('175.00');
  });

  it('with nothing prorated: the base only, 150.00', () => {
    expect(total(example, '2026-12-01', 'advance', none)).toBe('150.00');
  });

  it('the November run (advance) bills 10 seats and no adjustment', () => {
    expect(total(example, '2026-11-01', 'advance', both)).toBe('125.00');
  });
});

describe('arrears', () => {
  it('the December run bills November: the quantity on 1 November plus November’s changes', () => {
    const periods = periodsForRunDate('2026-12-01', 'arrears', 1);
    expect(periods.billed).toEqual({ start: '2026-11-01', end: '2026-11-30', days: 30 });
    expect(periods.changes).toEqual(periods.billed);
    const lines = subscriptionLines(example, periods, both).map((l) => priceLine(l, '12.50'));
    expect(lines.map((l) => [l.kind, l.quantity, formatCents(l.amountCents)])).toEqual([
      ['base', '10', '125.00'],
      ['increase', '2.0000', '25.00'],
      ['decrease', '-0.6667', '-8.33'],
    ]);
    expect(lines[0]!.description).toBe('Microsoft 365 Business: 10 seats, 2026-11-01 to 2026-11-30');
  });

  it('only increases prorated: 150.00; the January run then bills 12 seats', () => {
    expect(total(example, '2026-12-01', 'arrears', increasesOnly)).toBe('150.00');
    expect(total(example, '2027-01-01', 'arrears', both)).toBe('150.00');
  });
});

describe('month lengths and leap years', () => {
  const cases: [string, number][] = [
    ['2027-02-01', 28], // February, common year
    ['2028-02-01', 29], // February, leap year
    ['2026-04-01', 30],
    ['2026-12-01', 31],
  ];
  for (const [start, days] of cases) {
    it(`a change on day 15 of the period starting ${start} (${days} days) prorates over ${days} days`, () => {
      const period = periodStartingOn(start, 1);
      expect(period.days).toBe(days);
      const change = start.replace(/-01$/, '-15');
      const history = sub([{ effectiveDate: '2026-01-01', quantity: 3 }, { effectiveDate: change, quantity: 6 }]);
      const [, adjustment] = subscriptionLines(history, periodsForBilled(period, 'arrears', 1), both);
      const remaining = days - 14;
      expect(adjustment!.quantity).toBe(proratedQuantity(3, remaining, days));
      expect(adjustment!.description).toContain(`prorated ${remaining}/${days} days`);
    });
  }

  it('periods follow the billing day across month ends and leap years', () => {
    expect(periodContaining('2028-02-20', 15)).toEqual({ start: '2028-02-15', end: '2028-03-14', days: 29 });
    expect(periodContaining('2027-02-20', 15)).toEqual({ start: '2027-02-15', end: '2027-03-14', days: 28 });
    expect(periodContaining('2026-01-10', 15)).toEqual({ start: '2025-12-15', end: '2026-01-14', days: 31 });
    expect(periodContaining('2026-03-28', 28)).toEqual({ start: '2026-03-28', end: '2026-04-27', days: 31 });
    expect(periodsForRunDate('2026-01-15', 'advance', 15).changes).toEqual({ start: '2025-12-15', end: '2026-01-14', days: 31 });
  });
});

describe('changes on the first and last day', () => {
  it('a change on the changes period’s first day belongs to that period’s base: no adjustment', () => {
    const history = sub([{ effectiveDate: '2026-10-01', quantity: 10 }, { effectiveDate: '2026-11-01', quantity: 13 }]);
    const lines = subscriptionLines(history, periodsForRunDate('2026-12-01', 'advance', 1), both);
    expect(lines.map((l) => [l.kind, l.quantity])).toEqual([['base', '13']]);
    // and the November invoice (advance) billed the 13 seats as its base
    expect(subscriptionLines(history, periodsForRunDate('2026-11-01', 'advance', 1), both).map((l) => l.quantity)).toEqual(['13']);
  });

  it('a change on the billed period’s first day is in the base (advance)', () => {
    const history = sub([{ effectiveDate: '2026-10-01', quantity: 10 }, { effectiveDate: '2026-12-01', quantity: 7 }]);
    expect(subscriptionLines(history, periodsForRunDate('2026-12-01', 'advance', 1), both).map((l) => [l.kind, l.quantity])).toEqual([['base', '7']]);
  });

  it('a change on the last day prorates 1/D', () => {
    const history = sub([{ effectiveDate: '2026-10-01', quantity: 10 }, { effectiveDate: '2026-11-30', quantity: 13 }]);
    const lines = subscriptionLines(history, periodsForRunDate('2026-12-01', 'advance', 1), both).map((l) => priceLine(l, '12.50'));
    expect(lines.map((l) => [l.kind, l.quantity, formatCents(l.amountCents)])).toEqual([
      ['base', '13', '162.50'],
      ['increase', '0.1000', '1.25'],
    ]);
    expect(lines[1]!.description).toContain('prorated 1/30 days (2026-11-30 to 2026-11-30)');
  });

  it('several changes on one day: the last one received wins, and only the net change is billed', () => {
    const history = sub([
      { effectiveDate: '2026-10-01', quantity: 10 },
      { effectiveDate: '2026-11-16', quantity: 20 },
      { effectiveDate: '2026-11-16', quantity: 14 },
    ]);
    const lines = subscriptionLines(history, periodsForRunDate('2026-12-01', 'advance', 1), both);
    expect(lines.map((l) => [l.kind, l.quantity])).toEqual([['base', '14'], ['increase', '2.0000']]);
  });
});

describe('a subscription started and cancelled in the same period', () => {
  const history = sub([{ effectiveDate: '2026-11-10', quantity: 5 }, { effectiveDate: '2026-11-20', quantity: 0 }]);

  it('both kinds prorated: 5 seats for the 10 days it ran (3.5000 − 1.8333 = 1.6667)', () => {
    const lines = subscriptionLines(history, periodsForRunDate('2026-12-01', 'advance', 1), both).map((l) => priceLine(l, '12.00'));
    expect(lines.map((l) => [l.kind, l.quantity, formatCents(l.amountCents)])).toEqual([
      ['increase', '3.5000', '42.00'],
      ['decrease', '-1.8333', '-22.00'],
    ]);
    expect(formatCents(sumCents(lines.map((l) => l.amountCents)))).toBe('20.00'); // 5 × 12.00 × 10/30
  });

  it('arrears bills the same lines with the period it happened in, and no base', () => {
    const lines = subscriptionLines(history, periodsForRunDate('2026-12-01', 'arrears', 1), both);
    expect(lines.map((l) => l.kind)).toEqual(['increase', 'decrease']);
  });

  it('nothing prorated: nothing billed at all', () => {
    expect(subscriptionLines(history, periodsForRunDate('2026-12-01', 'advance', 1), none)).toEqual([]);
  });
});

describe('annual terms', () => {
  const annual = sub([{ effectiveDate: '2026-03-10', quantity: 5 }, { effectiveDate: '2026-09-01', quantity: 7 }], 'annual');

  it('bills once, in the period that contains the start date', () => {
    expect(subscriptionLines(annual, periodsForRunDate('2026-02-01', 'advance', 1), none)).toEqual([]);
    const lines = subscriptionLines(annual, periodsForRunDate('2026-03-01', 'advance', 1), none);
    expect(lines.map((l) => [l.kind, l.quantity, l.description])).toEqual([
      ['base', '5', 'Microsoft 365 Business: 5 seats, annual term 2026-03-10 to 2027-03-09'],
    ]);
    for (const month of ['04', '05', '06', '07', '08', '10', '11', '12']) {
      expect(subscriptionLines(annual, periodsForRunDate(`2026-${month}-01`, 'advance', 1), none)).toEqual([]);
    }
  });

  it('bills the renewal with the quantity on the renewal date', () => {
    const lines = subscriptionLines(annual, periodsForRunDate('2027-03-01', 'advance', 1), both);
    expect(lines.map((l) => [l.kind, l.quantity, l.description])).toEqual([
      ['base', '7', 'Microsoft 365 Business: 7 seats, annual term 2027-03-10 to 2028-03-09'],
    ]);
  });

  it('prorates a change over the days left in the annual term (advance: on the next invoice)', () => {
    // +2 on 1 September 2026: 190 of the term's 365 days left
    const lines = subscriptionLines(annual, periodsForRunDate('2026-10-01', 'advance', 1), both).map((l) => priceLine(l, '120.00'));
    expect(lines.map((l) => [l.kind, l.quantity, formatCents(l.amountCents)])).toEqual([['increase', '1.0411', '124.93']]);
    expect(lines[0]!.description).toBe('Microsoft 365 Business: +2 seats from 2026-09-01, prorated 190/365 days of the annual term 2026-03-10 to 2027-03-09');
    expect(subscriptionLines(annual, periodsForRunDate('2026-10-01', 'arrears', 1), both).map((l) => l.quantity)).toEqual(['1.0411']);
  });

  it('a term over 29 February counts 366 days', () => {
    const leap = sub([{ effectiveDate: '2027-06-01', quantity: 1 }, { effectiveDate: '2028-02-29', quantity: 2 }], 'annual');
    expect(annualTermContaining('2027-06-01', '2028-02-29')).toEqual({ start: '2027-06-01', end: '2028-05-31', days: 366 });
    const lines = subscriptionLines(leap, periodsForRunDate('2028-03-01', 'arrears', 1), both);
    expect(lines.map((l) => l.description)).toEqual(['Microsoft 365 Business: +1 seat from 2028-02-29, prorated 93/366 days of the annual term 2027-06-01 to 2028-05-31']);
    expect(lines[0]!.quantity).toBe('0.2541');
  });

  it('a term started on 29 February renews on 28 February', () => {
    expect(annualTermContaining('2028-02-29', '2029-03-01')).toEqual({ start: '2029-02-28', end: '2030-02-27', days: 365 });
    const leapStart = sub([{ effectiveDate: '2028-02-29', quantity: 4 }], 'annual');
    expect(subscriptionLines(leapStart, periodsForRunDate('2029-02-01', 'advance', 1), none).map((l) => l.description))
      .toEqual(['Microsoft 365 Business: 4 seats, annual term 2029-02-28 to 2030-02-27']);
  });

  it('a cancellation mid-term is a credit for the days left, when decreases are prorated', () => {
    const cancelled = sub([{ effectiveDate: '2026-03-10', quantity: 5 }, { effectiveDate: '2026-12-10', quantity: 0 }], 'annual');
    const lines = subscriptionLines(cancelled, periodsForRunDate('2027-01-01', 'advance', 1), both);
    expect(lines.map((l) => [l.kind, l.quantity])).toEqual([['decrease', '-1.2329']]); // 5 × 90/365
    expect(subscriptionLines(cancelled, periodsForRunDate('2027-03-01', 'advance', 1), both)).toEqual([]); // no renewal
  });
});

describe('rounding', () => {
  it('prorates to 4 decimals half-up, away from zero for credits', () => {
    expect(proratedQuantity(2, 10, 30)).toBe('0.6667');
    expect(proratedQuantity(-2, 10, 30)).toBe('-0.6667');
    expect(proratedQuantity(1, 1, 8)).toBe('0.1250');
    expect(proratedQuantity(1, 1, 16)).toBe('0.0625');
    expect(proratedQuantity(1, 1, 32)).toBe('0.0313'); // 0.03125 → up
    expect(proratedQuantity(-1, 1, 32)).toBe('-0.0313');
    expect(proratedQuantity(4, 15, 30)).toBe('2.0000');
  });

  it('line amounts are quantity × price, half-up to cents (never floats)', () => {
    const line = { subscriptionId: 's', offerId: 'o', kind: 'decrease' as const, quantity: '-0.6667', description: '' };
    expect(priceLine(line, '12.50').amountCents).toBe(-833); // −8.33375
    expect(priceLine({ ...line, quantity: '0.3333' }, '0.15').amountCents).toBe(5); // 0.049995 → 0.05
    expect(priceLine({ ...line, quantity: '3' }, '19.99').amountCents).toBe(5997);
  });
});

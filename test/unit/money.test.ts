import { describe, expect, it } from 'vitest';
import {
  centsFromJsonNumber, centsToJsonNumber, decimalToJsonNumber, formatCents, lineAmountCents, MoneyFormatError, parseCents, parseDecimal,
} from '../../domain/money.js';

describe('money', () => {
  it('parses money strings into exact cents', () => {
    expect(parseCents('218.50')).toBe(21850);
    expect(parseCents('218.5')).toBe(21850);
    expect(parseCents('0')).toBe(0);
    expect(parseCents('-11.50')).toBe(-1150);
    expect(parseCents('99999999999.99')).toBe(9999999999999);
  });

  it('refuses three decimals, exponents, blanks and words', () => {
    for (const bad of ['1.005', '1e3', ' 1.00', '1.00 ', '', 'abc', '1,00', '.5', '--1']) {
      expect(() => parseCents(bad), bad).toThrow(MoneyFormatError);
    }
  });

  it('formats cents with exactly two places', () => {
    expect(formatCents(21850)).toBe('218.50');
    expect(formatCents(-1150)).toBe('-11.50');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-5)).toBe('-0.05');
    expect(() => formatCents(1.5)).toThrow(MoneyFormatError);
  });

  it('computes quantity × price half-up at the cent', () => {
    expect(lineAmountCents('100', '2.30')).toBe(23000);
    expect(lineAmountCents('3', '0.335')).toBe(101); // 1.005 → 1.01
    expect(lineAmountCents('0.6667', '12.50')).toBe(833); // 8.33375 → 8.33
    expect(lineAmountCents('2', '12.50')).toBe(2500);
    expect(lineAmountCents('1.5', '0.01')).toBe(2); // 0.015 → 0.02
  });

  it('moves amounts to and from Intuit JSON numbers without float drift', () => {
    expect(centsToJsonNumber(21850)).toBe(218.5);
    expect(JSON.stringify(centsToJsonNumber(1))).toBe('0.01');
    expect(centsFromJsonNumber(218.5)).toBe(21850);
    expect(centsFromJsonNumber(0.1 + 0.2)).toBe(30); // 0.30000000000000004 rounds to the cent
    expect(centsFromJsonNumber(1e-7)).toBe(0);
    for (let cents = 0; cents < 100_000; cents += 37) expect(centsFromJsonNumber(centsToJsonNumber(cents))).toBe(cents);
  });

  it('keeps quantities and rates exact up to five places', () => {
    expect(parseDecimal('2.30')).toEqual({ units: 230n, scale: 2 });
    expect(decimalToJsonNumber('2.30')).toBe(2.3);
    expect(decimalToJsonNumber('0.00001')).toBe(0.00001);
    expect(() => parseDecimal('1.000001')).toThrow(MoneyFormatError);
  });
});

// Amounts arrive as JSON numbers; they are read through their decimal text and computed in integer cents.
import {
  centsToJsonNumber,
  formatDecimal,
  MoneyFormatError,
  parseDecimal,
  roundHalfUp,
  type Cents,
  type Decimal,
} from '../../domain/money.js';
import { fault } from './faults.js';

function plainText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(12).replace(/\.?0+$/, '');
}

/** Reads a JSON number (or numeric string) exactly; anything else is Intuit's 2010. */
export function readDecimal(value: unknown, element: string): Decimal {
  const text = typeof value === 'number' && Number.isFinite(value) ? plainText(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null) throw fault.invalidProperty(element, `${element} with value ${JSON.stringify(value)}`);
  try {
    return parseDecimal(text, 10);
  } catch (error) {
    if (error instanceof MoneyFormatError) throw fault.invalidProperty(element, `${element} with value ${JSON.stringify(value)}`);
    throw error;
  }
}

/** A money amount, rounded half-up to cents as QuickBooks stores it. */
export function readCents(value: unknown, element: string): Cents {
  return Number(roundHalfUp(readDecimal(value, element), 2));
}

export function decimalToJson(value: Decimal): number {
  return Number(formatDecimal(value));
}

export const money = centsToJsonNumber;

/** quantity × price, half-up to cents. */
export function productCents(a: Decimal, b: Decimal): Cents {
  return Number(roundHalfUp({ units: a.units * b.units, scale: a.scale + b.scale }, 2));
}

/** cents × percent / 100, half-up to cents. */
export function percentOf(cents: Cents, percent: Decimal): Cents {
  return Number(roundHalfUp({ units: BigInt(cents) * percent.units, scale: percent.scale + 2 }, 0));
}

/** How Intuit prints an amount inside a message: `1,861.07`, `1,000`. */
export function suppliedText(cents: Cents): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100).toLocaleString('en-US');
  const fraction = abs % 100 === 0 ? '' : `.${String(abs % 100).padStart(2, '0').replace(/0$/, '')}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

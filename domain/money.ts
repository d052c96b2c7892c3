// Money is integer cents; quantities and rates are exact decimals held as scaled bigints.
// Decimal strings are the only way money enters or leaves the product, so parsing is strict.

/** Integer number of cents (never a float). */
export type Cents = number;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export class MoneyFormatError extends Error {}

/** A decimal held exactly as `units / 10^scale`. */
export interface Decimal {
  units: bigint;
  scale: number;
}

/** Parses "12", "-0.5", "2.30" exactly; rejects exponents, spaces, and more than `maxScale` decimals. */
export function parseDecimal(text: string, maxScale = 5): Decimal {
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyFormatError(`"${text}" is not a decimal number`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > maxScale) {
    throw new MoneyFormatError(`"${text}" has more than ${maxScale} decimal places`);
  }
  const units = BigInt(whole + fraction) * (sign ? -1n : 1n);
  return { units, scale: fraction.length };
}

/**
 * The largest amount qbflow sends to QuickBooks, on either ledger: 9,999,999,999.99 for one line, a discount, a tax,
 * a payment or a document's total. qbXML's AMTTYPE allows 13 whole digits, but quantities and rates (QUANTYPE,
 * PRICETYPE; QuickBooks Online's "10.5" decimals) stop at 10, and Intuit publishes no per-product maximum amount
 * (9,999,999,999.99 is the figure reported for Desktop, 99,999,999,999.99 for Online): we hold every amount to the
 * stricter one, so an order valid for one ledger is valid for the other. Far inside what cents in a safe integer
 * can hold (90,071,992,547,409.91).
 */
export const MAX_AMOUNT_CENTS: Cents = 999_999_999_999;

/** Parses a money string with at most two decimals into cents. */
export function parseCents(text: string): Cents {
  const { units, scale } = parseDecimal(text, 2);
  return safeCents(units * 10n ** BigInt(2 - scale), text);
}

/** Parses a money string into exact cents, however large (for checking bounds before anything is computed). */
export function parseExactCents(text: string): bigint {
  const { units, scale } = parseDecimal(text, 2);
  return units * 10n ** BigInt(2 - scale);
}

/** Formats cents as a decimal string with exactly two places ("-11.50"). */
export function formatCents(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Cents as a JSON number for Intuit's REST API: the shortest decimal form of n/100 is exact. */
export function centsToJsonNumber(cents: Cents): number {
  assertCents(cents);
  return cents / 100;
}

/** Reads a money amount Intuit sent as a JSON number, through its decimal text, never by float arithmetic. */
export function centsFromJsonNumber(value: number | string): Cents {
  const text = typeof value === 'number' ? numberToPlainString(value) : value;
  return divideHalfUp(parseDecimal(text, 30), 2);
}

/** Rounds a decimal half-up (away from zero on .5) to `scale` places, returned as scaled units. */
export function roundHalfUp(value: Decimal, scale: number): bigint {
  return divideHalfUpUnits(value.units, value.scale, scale);
}

/** quantity × unit price, half-up to cents: the line rule QuickBooks applies. */
export function lineAmountCents(quantity: string, unitPrice: string): Cents {
  return safeCents(lineAmountExact(quantity, unitPrice), `${quantity} × ${unitPrice}`);
}

/** quantity × unit price, half-up to cents, exactly: 9999999999 × 9999999999 is beyond any float. */
export function lineAmountExact(quantity: string, unitPrice: string): bigint {
  const q = parseDecimal(quantity);
  const p = parseDecimal(unitPrice);
  return roundHalfUp({ units: q.units * p.units, scale: q.scale + p.scale }, 2);
}

/** Exact cents as a decimal string with two places ("99999999980000000001.00"), for messages about amounts. */
export function formatExactCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Formats a decimal without trailing zeros beyond what is needed ("2.3" stays "2.3", "100" stays "100"). */
export function formatDecimal(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A decimal string as a JSON number for Intuit (quantities and rates): exact up to 15 significant digits. */
export function decimalToJsonNumber(text: string): number {
  const value = parseDecimal(text);
  const number = Number(formatDecimal(value));
  if (numberToPlainString(number) !== formatDecimal(value)) {
    throw new MoneyFormatError(`"${text}" has too many significant digits to send to QuickBooks`);
  }
  return number;
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((total, value) => total + value, 0);
}

function divideHalfUp(value: Decimal, scale: number): Cents {
  return Number(divideHalfUpUnits(value.units, value.scale, scale));
}

function divideHalfUpUnits(units: bigint, fromScale: number, toScale: number): bigint {
  if (fromScale <= toScale) return units * 10n ** BigInt(toScale - fromScale);
  const divisor = 10n ** BigInt(fromScale - toScale);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const quotient = (abs + divisor / 2n) / divisor;
  return negative ? -quotient : quotient;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new MoneyFormatError(`${value} is not a finite amount`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(10).replace(/\.?0+$/, '');
}

/** Exact cents as a number, refused (never rounded) when a safe integer cannot hold them. */
function safeCents(cents: bigint, what: string): Cents {
  const number = Number(cents);
  if (!Number.isSafeInteger(number)) throw new MoneyFormatError(`${what} is ${formatExactCents(cents)}, too large to count in cents exactly`);
  return number;
}

function assertCents(cents: Cents): void {
  if (!Number.isSafeInteger(cents)) throw new MoneyFormatError(`${cents} is not a whole number of cents`);
}

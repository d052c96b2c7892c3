// A period whose lines add up to less than nothing (seats removed and prorated, nothing else) is a credit: QuickBooks
// refuses a negative invoice (6000), so it becomes a credit memo whose lines are the same lines, signs turned, and
// whose total the customer is owed (applied to their next invoice in QuickBooks).
import { canonicalQuantity } from './merge.js';

interface SignedLine {
  quantity: string;
  amountCents: number;
}

/** Whether the period's lines add up to a credit (below zero). */
export function isCredit(lines: readonly { amountCents: number }[]): boolean {
  return lines.reduce((sum, line) => sum + line.amountCents, 0) < 0;
}

/** The same lines as a credit memo carries them: quantity and amount with the sign turned. */
export function creditLines<T extends SignedLine>(lines: readonly T[]): T[] {
  return lines.map((line) => ({
    ...line,
    quantity: canonicalQuantity(line.quantity.startsWith('-') ? line.quantity.slice(1) : `-${line.quantity}`) ?? line.quantity,
    amountCents: -line.amountCents,
  }));
}

// What each tax mode promises, and how the invoice QuickBooks kept is checked against the order's own tax figure.
//  - quickbooks: QuickBooks computes the tax (its rates, the customer's exemption); the order's figure, when it gives
//    one, is only compared, and a difference is reported as a warning (the document stays posted).
//  - orderTotal: the order's total tax is posted as tax (Online: the transaction's TotalTax, which overrides what
//    automated sales tax computed; Desktop: a line with the chosen Sales Tax item), never as an income line.
// In both modes a total that does not add up to the order's (lines − discount + tax) is said, never silent.
import { formatCents, sumCents, type Cents } from './money.js';

export interface TaxCheckInput {
  lines: readonly { amountCents: Cents }[];
  discountCents: Cents;
  /** The order's tax figure; undefined when the order gives none (nothing to compare). */
  orderTaxCents?: Cents;
}

/** The sales tax QuickBooks put on the invoice: its total less the lines and the discount. */
export function ledgerTaxCents(draft: TaxCheckInput, ledgerTotalCents: Cents): Cents {
  return ledgerTotalCents - (sumCents(draft.lines.map((l) => l.amountCents)) - draft.discountCents);
}

/** A warning when QuickBooks' tax differs from the order's figure; undefined when they agree or there is none. */
export function taxDifference(draft: TaxCheckInput, ledgerTotalCents: Cents): string | undefined {
  if (draft.orderTaxCents === undefined) return undefined;
  const ledgerTax = ledgerTaxCents(draft, ledgerTotalCents);
  if (ledgerTax === draft.orderTaxCents) return undefined;
  const difference = ledgerTax - draft.orderTaxCents;
  return `QuickBooks' sales tax on this invoice is ${formatCents(ledgerTax)}; the order says ${formatCents(draft.orderTaxCents)} `
    + `(${difference > 0 ? '+' : '−'}${formatCents(Math.abs(difference))}). Check the customer's tax settings in QuickBooks, `
    + 'or choose the order\'s total tax in the connection settings.';
}

// What the invoice copy workflow says in words: why an invoice cannot be sent, why a re-copy was held. Apart from
// invoice.ts (the contract and its schema) so that workflows can use them without bundling the schema library.
import { formatCents, type Cents } from './money.js';

/** What sending needs from the upstream invoice. */
export interface SendableInvoice {
  billingEmails?: readonly string[] | undefined;
}

/** Why an invoice cannot be sent by e-mail through QuickBooks, or undefined when it can. */
export function whyNotSendable(invoice: SendableInvoice): string | undefined {
  if (!invoice.billingEmails?.length) {
    return 'The invoice has no billing e-mail address, so it was copied to QuickBooks but not sent. Add the customer\'s billing contact e-mail to the invoice and send it again (the e-mail address QuickBooks may hold for the customer is not used).';
  }
  return undefined;
}

/** The words a bookkeeper reads when a re-copy was held because it would go below what was paid. */
export function heldMessage(held: { paidCents: Cents; newLinesTotalCents: Cents }): string {
  return `Not updated in QuickBooks: customers already paid ${formatCents(held.paidCents)} on this invoice and the new lines add up to ${formatCents(held.newLinesTotalCents)}. Decide in QuickBooks (unapply or refund the payment), or send a revision that is not below what was paid.`;
}

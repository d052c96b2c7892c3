// What one organization's invoice for a period should carry: its subscriptions' lines, priced at the items' own
// prices, or the problems that stop it (in words a bookkeeper can act on). Pure: the activity loads and writes.
import {
  subscriptionLines,
  type RunPeriods,
  type Proration,
} from '../../domain/billing/index.js';
import { lineAmountCents } from '../../domain/money.js';
import type { BillingOfferRow, BillingOrganizationRow, SubscriptionWithHistory } from '../../db/repositories/billing/setup.js';
import type { BilledLineInput, LedgerItem } from '../../quickbooks/ledger/index.js';

export type ProblemCode = 'organization_not_mapped' | 'offer_not_mapped' | 'item_missing' | 'item_has_no_price';

export interface Problem {
  code: ProblemCode;
  message: string;
}

export interface OrganizationBill {
  organizationId: string;
  organization?: BillingOrganizationRow;
  problems: Problem[];
  lines: BilledLineInput[];
  /** The items of the offers this organization's lines use (all synced offers' items are replaced on merge). */
  itemIds: string[];
}

const offerName = (offer: BillingOfferRow | undefined, offerId: string) => offer?.name ?? offer?.itemName ?? offerId;

/** Lines before prices: which offer each comes from, or why there are none. */
export function planOrganization(
  organizationId: string,
  organization: BillingOrganizationRow | undefined,
  subscriptions: SubscriptionWithHistory[],
  offers: Map<string, BillingOfferRow>,
  periods: RunPeriods,
  proration: Proration,
): { problems: Problem[]; lines: { itemId: string; offerId: string; quantity: string; description: string }[] } {
  const problems: Problem[] = [];
  if (!organization) {
    problems.push({ code: 'organization_not_mapped', message: `Organization ${organizationId} has subscriptions but is not set up for billing: map it to a QuickBooks customer.` });
  } else if (!organization.customerId) {
    problems.push({ code: 'organization_not_mapped', message: `Organization ${organization.name ?? organizationId} has no QuickBooks customer: map it to one.` });
  }
  const lines: { itemId: string; offerId: string; quantity: string; description: string }[] = [];
  const unmapped = new Set<string>();
  for (const subscription of subscriptions) {
    const offer = offers.get(subscription.offerId);
    if (offer && !offer.sync) continue;
    if (!offer || !offer.itemId) {
      if (!unmapped.has(subscription.offerId)) {
        problems.push({ code: 'offer_not_mapped', message: `Offer "${offerName(offer, subscription.offerId)}" is not mapped to a QuickBooks item: map it to one, or turn its sync off.` });
        unmapped.add(subscription.offerId);
      }
      continue;
    }
    const history = {
      subscriptionId: subscription.subscriptionId,
      offerId: subscription.offerId,
      offerName: offerName(offer, subscription.offerId),
      term: subscription.term,
      changes: subscription.changes.map((c) => ({ effectiveDate: c.effectiveDate, quantity: c.quantity })),
    };
    for (const line of subscriptionLines(history, periods, proration)) {
      lines.push({ itemId: offer.itemId, offerId: offer.offerId, quantity: line.quantity, description: line.description });
    }
  }
  return { problems, lines };
}

/** Prices each line at its item's own price; a missing item or one without a price is a problem. */
export function priceOrganization(
  planned: ReturnType<typeof planOrganization>,
  items: Map<string, LedgerItem>,
  offers: Map<string, BillingOfferRow>,
): { problems: Problem[]; lines: BilledLineInput[] } {
  const problems = [...planned.problems];
  const lines: BilledLineInput[] = [];
  const reported = new Set<string>();
  for (const line of planned.lines) {
    const item = items.get(line.itemId);
    const name = offerName(offers.get(line.offerId), line.offerId);
    if (!item) {
      if (!reported.has(line.itemId)) problems.push({ code: 'item_missing', message: `The QuickBooks item mapped to offer "${name}" (id ${line.itemId}) no longer exists or is inactive: map the offer to another item, or make the item active again.` });
      reported.add(line.itemId);
      continue;
    }
    if (!item.unitPrice || Number(item.unitPrice) === 0) {
      if (!reported.has(line.itemId)) problems.push({ code: 'item_has_no_price', message: `The QuickBooks item "${item.name}" (offer "${name}") has no sales price; invoices use the item's own price, so set one in QuickBooks.` });
      reported.add(line.itemId);
      continue;
    }
    lines.push({ itemId: line.itemId, description: line.description, quantity: line.quantity, unitPrice: item.unitPrice, amountCents: lineAmountCents(line.quantity, item.unitPrice) });
  }
  return { problems, lines };
}

/** Whether an invoice's synced lines are already exactly the lines we would write. */
export function sameLines(existing: { itemId?: string; description?: string; quantity?: string; amountCents: number }[], wanted: BilledLineInput[], canonical: (q: string) => string | undefined): boolean {
  if (existing.length !== wanted.length) return false;
  return existing.every((line, i) => {
    const want = wanted[i]!;
    return line.itemId === want.itemId && (line.description ?? '') === want.description && line.quantity === canonical(want.quantity) && line.amountCents === want.amountCents;
  });
}

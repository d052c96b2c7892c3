// Stable identities for what a billing run writes: the invoice number (so a re-run finds its own invoice) and
// the marker we leave on it. Pure (no Node builtins) so workflows and activities can both use it.
import { parseDate } from './dates.js';

/** 32-bit FNV-1a over the UTF-16 code units: enough to tell organizations apart within one customer. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The number of the invoice a run creates for one organization and period: "YYMMDD-XXXX" (11 characters, the
 * most QuickBooks Desktop's RefNumber takes; QuickBooks Online takes 21). The same inputs always give the same
 * number, and it reads as the period it bills.
 */
export function billingInvoiceNumber(periodStart: string, organizationId: string): string {
  const { year, month, day } = parseDate(periodStart);
  const suffix = fnv1a(organizationId).toString(36).toUpperCase().padStart(4, '0').slice(-4);
  return `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}-${suffix}`;
}

/** The marker in a created invoice's private note / memo. */
export function billingMarker(organizationId: string, periodStart: string): string {
  return `qbflow:billing:${organizationId}@${periodStart}`;
}

/** The sync-error external id of an organization's billing for a period, and back. */
export function billingErrorId(organizationId: string, periodStart: string): string {
  return `${organizationId}@${periodStart}`;
}

export function parseBillingErrorId(externalId: string): { organizationId: string; periodStart: string } | undefined {
  const at = externalId.lastIndexOf('@');
  if (at <= 0) return undefined;
  const periodStart = externalId.slice(at + 1);
  try {
    parseDate(periodStart);
  } catch {
    return undefined;
  }
  return { organizationId: externalId.slice(0, at), periodStart };
}

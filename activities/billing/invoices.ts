// Bills a chunk of organizations for one period, idempotently: each (organization, period) has at most one
// invoice we created or updated, remembered in billing_invoices (pending before a create is sent). A re-run
// reads that invoice back and writes only if the billed lines differ; it never adds a second invoice or line.
import { bulkPacer } from '../bulk-pacing.js';
import { reportProgress } from '../../quickbooks/progress.js';
import type { BillingInvoiceRow, BillingResultInput } from '../../db/repositories/billing/runs.js';
import type { Repositories } from '../../db/repositories/index.js';
import {
  billingErrorId,
  creditLines,
  isCredit,
  billingInvoiceNumber,
  billingMarker,
  parseDate,
  periodsForBilled,
  periodStartingOn,
  type RunPeriods,
} from '../../domain/billing/index.js';
import { canonicalQuantity } from '../../domain/billing/merge.js';
import { formatCents, sumCents } from '../../domain/money.js';
import type { BillingOutcome } from '../../db/schema/index.js';
import { contentHash, idempotencyKey } from '../documents.js';
import type { BillingInvoiceWrite, InvoiceSnapshot, Ledger } from '../../quickbooks/ledger/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';
import { planOrganization, priceOrganization, sameLines, type OrganizationBill } from './organizations.js';

export interface BillChunkInput {
  connectionId: string;
  runId: string;
  /** First day of the billed period. */
  periodStart: string;
  organizationIds: string[];
}

export type OutcomeCounts = Record<BillingOutcome, number>;

export const emptyCounts = (): OutcomeCounts => ({ created: 0, updated: 0, unchanged: 0, sent: 0, nothing: 0, failed: 0 });

/** Retryable refusals (someone changed the invoice meanwhile) are re-read and tried again this many times. */
const PASSES = 3;

interface Target {
  invoice: InvoiceSnapshot;
  createdByUs: boolean;
  /** Created by an earlier attempt whose answer was lost (found by its number). */
  adopted?: boolean;
  /** Why this invoice (for the run's result). */
  note?: string;
}

/** Newest first: latest date, then latest created, then highest id. */
function newest(a: InvoiceSnapshot, b: InvoiceSnapshot): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if ((a.createdAt ?? '') !== (b.createdAt ?? '')) return (a.createdAt ?? '') < (b.createdAt ?? '') ? 1 : -1;
  return b.id.localeCompare(a.id, 'en', { numeric: true });
}

// Over 150 lines on purpose: one chunk of organizations is billed as one idempotent pass (find, decide, create or
// merge in bulk, record); its steps share the chunk's look-ups, and the decisions themselves are pure (domain/billing).
export function createBillingInvoiceActivities(deps: { repos: Repositories; ledgerFor: LedgerFor }) {
  const { repos, ledgerFor } = deps;

  const pacer = (ledger: Ledger) => bulkPacer(repos, ledger);

  async function load(input: BillChunkInput) {
    const { connectionId, periodStart, organizationIds } = input;
    const config = await repos.billing.readConfig(connectionId);
    if (!config) throw new Error('This connection has no billing configuration');
    // the period carries its own billing day (the configured day may have changed since the run began)
    const day = parseDate(periodStart).day;
    const periods = periodsForBilled(periodStartingOn(periodStart, day), config.mode, day);
    const [organizations, subscriptions, offers] = await Promise.all([
      repos.billing.listOrganizations(connectionId, organizationIds),
      repos.billing.subscriptionsOf(connectionId, organizationIds),
      repos.billing.listOffers(connectionId),
    ]);
    return {
      config,
      periods,
      proration: { increases: config.prorateIncreases, decreases: config.prorateDecreases },
      organizations: new Map(organizations.map((o) => [o.organizationId, o])),
      subscriptions,
      offers: new Map(offers.map((o) => [o.offerId, o])),
      syncedItemIds: [...new Set(offers.filter((o) => o.sync && o.itemId).map((o) => o.itemId!))],
    };
  }

  /** The invoice each organization's lines go to: the one remembered, the one an uncertain create made, or (update mode) the customer's newest unsent invoice in the period. */
  async function findTargets(ledger: Ledger, bills: OrganizationBill[], rows: Map<string, BillingInvoiceRow>, periods: RunPeriods, attempt: string | undefined): Promise<Map<string, Target>> {
    const targets = new Map<string, Target>();
    const known = bills.map((b) => rows.get(b.organizationId)).filter((r): r is BillingInvoiceRow => r?.state === 'posted' && !!r.invoiceId);
    // a create this same attempt marked is still waiting for its own answer: not an uncertain outcome to look for
    const pending = bills.map((b) => rows.get(b.organizationId))
      .filter((r): r is BillingInvoiceRow => r?.state === 'pending' && !(attempt !== undefined && r.pendingAttempt === attempt));
    const [byId, byNumber] = await Promise.all([
      known.length ? ledger.findBillingInvoices({ ids: known.map((r) => r.invoiceId!) }) : [],
      pending.length ? ledger.findBillingInvoices({ numbers: pending.map((r) => r.number) }) : [],
    ]);
    const ids = new Map(byId.map((i) => [i.id, i]));
    for (const row of known) {
      const invoice = ids.get(row.invoiceId!);
      if (invoice && invoice.customerId === row.customerId) targets.set(row.organizationId, { invoice, createdByUs: row.createdByUs });
    }
    for (const row of pending) {
      const invoice = byNumber.find((i) => i.number === row.number && i.customerId === row.customerId);
      if (invoice) targets.set(row.organizationId, { invoice, createdByUs: true, adopted: true, note: 'found after an interrupted attempt' });
    }
    const searching = bills.filter((b) => b.organization?.invoice === 'update' && !targets.has(b.organizationId));
    if (searching.length > 0) {
      const found = await ledger.findBillingInvoices({ customerIds: searching.map((b) => b.organization!.customerId!), from: periods.billed.start, to: periods.billed.end });
      for (const bill of searching) {
        // Each flow owns its documents: billing merges into its own invoices or a person's, never into one an order
        // or a copied invoice made (that flow's next revision replaces all lines and would drop ours).
        const candidates = found.filter((i) => i.customerId === bill.organization!.customerId && i.unsent && (i.owner === undefined || i.owner === 'billing')).sort(newest);
        const chosen = candidates[0];
        if (chosen) {
          const others = candidates.length > 1 ? ` (the newest of ${candidates.length} unsent invoices dated in the period)` : '';
          targets.set(bill.organizationId, { invoice: chosen, createdByUs: false, note: `updated the customer's unsent invoice${chosen.number ? ` #${chosen.number}` : ''}${others}` });
        }
      }
    }
    return targets;
  }

  return {
    /** Bills these organizations for the period starting `periodStart`; records a result for each. */
    async billOrganizations(input: BillChunkInput): Promise<OutcomeCounts> {
      const { connectionId, runId, periodStart } = input;
      const counts = emptyCounts();
      const loaded = await load(input);
      const { ledger } = await ledgerFor(connectionId);
      const attempt = await ledger.operationAttempt();
      const results: BillingResultInput[] = [];
      const result = (r: BillingResultInput) => {
        results.push(r);
        counts[r.outcome] += 1;
      };

      // 1. lines, before prices
      const planned = input.organizationIds.map((organizationId) => {
        const organization = loaded.organizations.get(organizationId);
        const mine = loaded.subscriptions.filter((s) => s.organizationId === organizationId);
        return { organizationId, organization, ...planOrganization(organizationId, organization, mine, loaded.offers, loaded.periods, loaded.proration) };
      });
      // 2. the items' own prices, read from QuickBooks once for the chunk
      const itemIds = [...new Set(planned.flatMap((p) => (p.problems.length ? [] : p.lines.map((l) => l.itemId))))];
      const items = itemIds.length ? await ledger.getItems(itemIds) : new Map();
      let bills: OrganizationBill[] = [];
      for (const p of planned) {
        if (p.organization && !p.organization.sync) {
          result({ organizationId: p.organizationId, outcome: 'nothing', lines: 0, detail: 'Billing is switched off for this organization.' });
          continue;
        }
        const priced = p.problems.length ? { problems: p.problems, lines: [] } : priceOrganization(p, items, loaded.offers);
        if (priced.problems.length) {
          result({ organizationId: p.organizationId, outcome: 'failed', lines: 0, detail: priced.problems.map((x) => x.message).join(' ') });
          await repos.syncErrors.recordOpen({ connectionId, documentKind: 'billing', externalId: billingErrorId(p.organizationId, periodStart), code: priced.problems[0]!.code, message: `${periodStart}: ${priced.problems.map((x) => x.message).join(' ')}` });
          continue;
        }
        bills.push({ organizationId: p.organizationId, organization: p.organization!, problems: [], lines: priced.lines, itemIds: [...new Set(priced.lines.map((l) => l.itemId))] });
      }
      reportProgress({ planned: bills.length });

      // 3. find each invoice, decide, write; refusals that a re-read can fix get another pass
      const rows = new Map((await repos.billingRuns.invoicesOf(connectionId, periodStart, bills.map((b) => b.organizationId))).map((r) => [r.organizationId, r]));
      const pace = pacer(ledger);
      for (let pass = 1; bills.length > 0; pass++) {
        const targets = await findTargets(ledger, bills, rows, loaded.periods, attempt);
        const writes: { bill: OrganizationBill; write: BillingInvoiceWrite; target?: Target; hash: string }[] = [];
        const posted: Parameters<typeof repos.billingRuns.markPosted>[0] = [];
        const resolved: string[] = [];
        for (const bill of bills) {
          const customerId = bill.organization!.customerId!;
          const billed = sumCents(bill.lines.map((l) => l.amountCents));
          const hash = contentHash(bill.lines);
          const target = targets.get(bill.organizationId);
          const number = billingInvoiceNumber(periodStart, bill.organizationId);
          if (target && !target.invoice.unsent) {
            result({ organizationId: bill.organizationId, outcome: 'sent', invoiceId: target.invoice.id, invoiceNumber: target.invoice.number, billedCents: billed, lines: bill.lines.length, detail: `Invoice${target.invoice.number ? ` #${target.invoice.number}` : ''} was already sent to the customer; qbflow does not change sent invoices.` });
            continue;
          }
          if (target) {
            // a credit memo written for this period carries the lines with their signs turned
            const lines = target.invoice.document === 'creditMemo' ? creditLines(bill.lines) : bill.lines;
            const synced = target.invoice.lines.filter((l) => l.itemId !== undefined && loaded.syncedItemIds.includes(l.itemId));
            if (sameLines(synced, lines, canonicalQuantity)) {
              posted.push({ connectionId, organizationId: bill.organizationId, periodStart, number: target.invoice.number ?? number, customerId, invoiceId: target.invoice.id, createdByUs: target.createdByUs, linesHash: hash, billedCents: billed });
              const detail = target.adopted
                ? `Created invoice #${target.invoice.number ?? target.invoice.id} (${target.note}). ${bill.lines.length} line(s), ${formatCents(billed)}.`
                : `Already billed: ${bill.lines.length} line(s), ${formatCents(billed)}.`;
              result({ organizationId: bill.organizationId, outcome: target.adopted ? 'created' : 'unchanged', invoiceId: target.invoice.id, invoiceNumber: target.invoice.number, billedCents: billed, lines: bill.lines.length, detail });
              resolved.push(billingErrorId(bill.organizationId, periodStart));
              continue;
            }
            writes.push({ bill, target, hash, write: { kind: 'merge', ref: bill.organizationId, key: idempotencyKey(connectionId, 'billing-merge', bill.organizationId, periodStart, hash), invoice: target.invoice, replaceItemIds: loaded.syncedItemIds, lines } });
            continue;
          }
          if (bill.lines.length === 0) {
            result({ organizationId: bill.organizationId, outcome: 'nothing', lines: 0, detail: 'Nothing to bill for this period.' });
            continue;
          }
          // a period that credits the customer (QuickBooks refuses a negative invoice) is a credit memo
          const credit = isCredit(bill.lines);
          writes.push({ bill, hash, write: { kind: 'create', ref: bill.organizationId, key: idempotencyKey(connectionId, 'billing-create', bill.organizationId, periodStart, hash), customerId, number, date: invoiceDate(loaded.config.mode, loaded.periods), marker: billingMarker(bill.organizationId, periodStart), lines: credit ? creditLines(bill.lines) : bill.lines, ...(credit ? { document: 'creditMemo' as const } : {}) } });
        }
        const creates = writes.filter((w) => w.write.kind === 'create');
        await repos.billingRuns.markPending(creates.map((w) => ({ connectionId, organizationId: w.bill.organizationId, periodStart, number: (w.write as { number: string }).number, customerId: w.bill.organization!.customerId! })), attempt);
        for (const w of creates) rows.set(w.bill.organizationId, { ...rows.get(w.bill.organizationId), connectionId, organizationId: w.bill.organizationId, periodStart, state: 'pending', number: (w.write as { number: string }).number, customerId: w.bill.organization!.customerId!, invoiceId: null, createdByUs: true, linesHash: null, billedCents: null, pendingAttempt: attempt ?? null, updatedAt: new Date() });

        const written = writes.length ? await ledger.writeBillingInvoices(writes.map((w) => w.write), pace) : [];
        const again: OrganizationBill[] = [];
        for (const [i, outcome] of written.entries()) {
          const { bill, write, target, hash } = writes[i]!;
          const billed = sumCents(bill.lines.map((l) => l.amountCents));
          const errorId = billingErrorId(bill.organizationId, periodStart);
          if (outcome.ok) {
            posted.push({ connectionId, organizationId: bill.organizationId, periodStart, number: outcome.invoice.number ?? billingInvoiceNumber(periodStart, bill.organizationId), customerId: outcome.invoice.customerId, invoiceId: outcome.invoice.id, createdByUs: write.kind === 'create' || !!target?.createdByUs, linesHash: hash, billedCents: billed });
            rows.set(bill.organizationId, { ...posted[posted.length - 1]!, state: 'posted', pendingAttempt: null, updatedAt: new Date() });
            const created = write.kind === 'create';
            const what = outcome.invoice.document === 'creditMemo' ? 'credit memo' : 'invoice';
            const why = created && outcome.invoice.document === 'creditMemo'
              ? `The period credits the customer ${formatCents(-billed)}: created credit memo #${outcome.invoice.number ?? outcome.invoice.id}.`
              : created && bill.organization!.invoice === 'update'
                ? `No unsent invoice dated ${loaded.periods.billed.start} to ${loaded.periods.billed.end} for this customer: created invoice #${outcome.invoice.number ?? outcome.invoice.id}.`
                : created ? `Created invoice #${outcome.invoice.number ?? outcome.invoice.id}.` : `Updated ${what} #${outcome.invoice.number ?? outcome.invoice.id}${target?.note ? `: ${target.note}` : ''}.`;
            result({ organizationId: bill.organizationId, outcome: created ? 'created' : 'updated', invoiceId: outcome.invoice.id, invoiceNumber: outcome.invoice.number, billedCents: billed, lines: bill.lines.length, detail: `${why} ${bill.lines.length} line(s), ${formatCents(billed)}.` });
            resolved.push(errorId);
          } else if (outcome.retryable && pass < PASSES) {
            again.push(bill);
          } else {
            result({ organizationId: bill.organizationId, outcome: 'failed', lines: bill.lines.length, billedCents: billed, detail: outcome.message });
            await repos.syncErrors.recordOpen({ connectionId, documentKind: 'billing', externalId: errorId, code: `quickbooks_${outcome.code}`, message: `${periodStart}: QuickBooks refused the invoice for organization ${bill.organization!.name ?? bill.organizationId}. ${outcome.message}` });
          }
        }
        await repos.billingRuns.markPosted(posted);
        await repos.syncErrors.resolveMany(connectionId, 'billing', resolved);
        bills = again;
        reportProgress({ pass, written: written.length });
      }
      await repos.billingRuns.recordResults(runId, results);
      return counts;
    },

    /** A chunk whose activity failed outright (QuickBooks disconnected, …): every organization in it failed, with why. */
    async recordChunkFailure(input: BillChunkInput & { message: string }): Promise<void> {
      const { connectionId, runId, periodStart, organizationIds, message } = input;
      await repos.billingRuns.recordResults(runId, organizationIds.map((organizationId) => ({ organizationId, outcome: 'failed' as const, lines: 0, detail: message })));
      for (const organizationId of organizationIds) {
        await repos.syncErrors.recordOpen({ connectionId, documentKind: 'billing', externalId: billingErrorId(organizationId, periodStart), code: 'billing_failed', message: `${periodStart}: ${message}` });
      }
    },
  };
}

/** A created invoice is dated within the period it bills: its first day (advance) or its last day (arrears). */
export function invoiceDate(mode: 'advance' | 'arrears', periods: RunPeriods): string {
  return mode === 'advance' ? periods.billed.start : periods.billed.end;
}

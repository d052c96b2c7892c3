// Payments back, as activities: process the Intuit events recorded for a connection (read the payments and the
// invoices they link, record what changed per payment and invoice, tell the upstream app in the same transaction,
// then start the deliveries), read the change feed since its high-water mark (or re-sync by query when it cannot
// answer), and wake a connection's sync.
import { Context } from '@temporalio/activity';
import { startDelivery } from '../../control/webhooks.js';
import { desktopPollHolder, wakePaymentsSync } from '../../control/payments.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { UpstreamInvoiceRow } from '../../db/repositories/invoices/copies.js';
import { paymentStatusOf } from '../../domain/invoice.js';
import { formatCents } from '../../domain/money.js';
import { applicationChanges, applicationEventId, invoiceEvents, type ApplicationChange, type InvoiceEventType, type PaymentNow } from '../../domain/payments.js';
import type { LedgerInvoice, LedgerPayment } from '../../quickbooks/ledger/index.js';
import type { DesktopOperations } from '../../quickbooks/desktop/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';
import { withLedgerSteps } from '../ledger-steps.js';

/** Events processed per round (payments and invoices are read 100 per query). */
const ROUND = 500;
/** Delivery workflows started at once (each start is one call to Temporal). */
const START_CONCURRENCY = 16;
/** Processed events are kept this long (their keys catch Intuit's late retries), then forgotten. */
const KEEP_PROCESSED_MS = 30 * 86_400_000;

export interface ProcessRound {
  events: number;
  payments: number;
  changes: number;
  /** More events were waiting than one round takes. */
  more: boolean;
}

export interface FeedRead {
  source: 'cdc' | 'resync';
  recorded: number;
  /** Events waiting for the sync after this read (recorded now or earlier). */
  pending: number;
  through: string;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

export function createPaymentActivities(deps: { repos: Repositories; ledgerFor: LedgerFor; taskQueue: string; operations: DesktopOperations }) {
  const { repos, ledgerFor } = deps;

  const eventPayload = (connectionId: string, row: UpstreamInvoiceRow, change: ApplicationChange, type: InvoiceEventType, invoice: { totalCents: number; balanceCents: number }) => ({
    connectionId,
    invoiceId: row.invoiceId,
    quickbooksInvoiceId: change.quickbooksInvoiceId,
    invoiceNumber: row.quickbooksNumber,
    paymentId: change.paymentId,
    paymentDate: change.paymentDate,
    /** What this change paid (or took back). */
    amount: formatCents(Math.abs(change.afterCents - change.beforeCents)),
    /** What this payment applies to the invoice now. */
    paymentApplied: formatCents(change.afterCents),
    ...(type === 'invoice.payment_reversed' ? { reason: change.reason } : {}),
    total: formatCents(invoice.totalCents),
    paid: formatCents(invoice.totalCents - invoice.balanceCents),
    balance: formatCents(invoice.balanceCents),
    status: paymentStatusOf(invoice.totalCents, invoice.balanceCents),
  });

  /** Brings our record of these payments (and these invoices' balances) up to what QuickBooks says; returns changes made. */
  const settle = async (connectionId: string, tenantId: string, paymentIds: string[], invoiceIds: string[]): Promise<number> => {
    const recorded = await repos.paymentApplications.forPayments(connectionId, paymentIds);
    const { ledger } = await ledgerFor(connectionId);
    const found = paymentIds.length > 0 ? await ledger.readPayments(paymentIds) : new Map<string, LedgerPayment>();
    const now = new Map<string, PaymentNow>(paymentIds.map((id) => {
      const payment = found.get(id);
      return [id, payment ? { kind: 'present', date: payment.date, voided: payment.voided, applied: payment.applied } : { kind: 'deleted' }];
    }));
    const candidates = unique([...[...found.values()].flatMap((p) => [...p.applied.keys()]), ...recorded.map((r) => r.quickbooksInvoiceId), ...invoiceIds]);
    const ours = new Map((await repos.invoiceCopies.byQuickbooksIds(connectionId, candidates)).map((row) => [row.quickbooksId!, row]));
    if (ours.size === 0) return 0;
    const changes = applicationChanges(recorded, now, (id) => ours.has(id));
    const touched = unique([...changes.map((c) => c.quickbooksInvoiceId), ...invoiceIds.filter((id) => ours.has(id))]);
    const invoices = touched.length > 0 ? await ledger.readInvoices(touched) : new Map<string, LedgerInvoice>();

    const deliveries: string[] = [];
    let made = 0;
    // One transaction for the round: each change, the invoice's balance and the upstream event commit together.
    await repos.transaction(async (tx) => {
      for (const quickbooksId of touched) {
        const row = ours.get(quickbooksId)!;
        const invoice = invoices.get(quickbooksId);
        const balance = invoice
          ? { totalCents: invoice.totalCents, balanceCents: invoice.balanceCents }
          : { totalCents: row.totalCents ?? 0, balanceCents: row.balanceCents ?? 0 };
        if (invoice) await repos.invoiceCopies.updateBalance(connectionId, quickbooksId, { ...balance, paymentStatus: paymentStatusOf(balance.totalCents, balance.balanceCents) }, tx);
        else await repos.invoiceCopies.markGone({ connectionId, invoiceId: row.invoiceId }, tx);
        for (const { change, type } of invoiceEvents(changes.filter((c) => c.quickbooksInvoiceId === quickbooksId), balance)) {
          const id = applicationEventId(connectionId, change);
          // written only from the version it was computed against: a concurrent processor cannot tell it twice
          if (!(await repos.paymentApplications.record(connectionId, row.invoiceId, change, id, tx))) continue;
          const payload = { id, type, createdAt: new Date().toISOString(), data: eventPayload(connectionId, row, change, type, balance) };
          deliveries.push(...await repos.webhooks.recordEvent(tenantId, { id, type, payload }, tx));
          made += 1;
        }
      }
    });
    // Deliveries recorded by an earlier attempt that stopped before starting them are started now.
    const earlier = recorded.map((r) => r.lastEventId).filter((id): id is string => !!id);
    deliveries.push(...await repos.intuitEvents.pendingDeliveries(tenantId, earlier));
    const client = Context.current().client;
    const starts = unique(deliveries);
    for (let i = 0; i < starts.length; i += START_CONCURRENCY) {
      await Promise.all(starts.slice(i, i + START_CONCURRENCY).map((id) => startDelivery(client, deps.taskQueue, id)));
    }
    return made;
  };

  /** Records change-feed findings that concern our invoices (and payments we recorded) as events for the sync. */
  const recordFindings = async (connectionId: string, source: 'cdc' | 'resync', through: string, payments: LedgerPayment[], deletedIds: string[], invoiceIds: string[]): Promise<number> => {
    const paymentIds = unique([...payments.map((p) => p.id), ...deletedIds]);
    const recorded = new Set((await repos.paymentApplications.forPayments(connectionId, paymentIds)).map((r) => r.paymentId));
    const linked = unique([...payments.flatMap((p) => [...p.applied.keys()]), ...invoiceIds]);
    const ours = new Set((await repos.invoiceCopies.byQuickbooksIds(connectionId, linked)).map((r) => r.quickbooksId!));
    const relevant = (p: LedgerPayment) => recorded.has(p.id) || [...p.applied.keys()].some((id) => ours.has(id));
    const event = (entity: string, entityId: string, operation: string) => ({
      connectionId, eventKey: `${source}:${through}:${entity}:${entityId}`, source, entity, entityId, operation, occurredAt: through,
    });
    return repos.intuitEvents.record([
      ...payments.filter(relevant).map((p) => event('Payment', p.id, p.voided ? 'Void' : 'Update')),
      ...deletedIds.filter((id) => recorded.has(id)).map((id) => event('Payment', id, 'Delete')),
      ...invoiceIds.filter((id) => ours.has(id)).map((id) => event('Invoice', id, 'Update')),
    ]);
  };

  return {
    // the steps that talk to QuickBooks: done, or waiting for the Web Connector (holding nothing)
    ...withLedgerSteps({
      /** One round: up to 500 recorded events of the connection, settled against QuickBooks, then marked processed. */
      async processIntuitEvents(connectionId: string): Promise<ProcessRound> {
        const events = await repos.intuitEvents.pending(connectionId, ROUND);
        if (events.length === 0) return { events: 0, payments: 0, changes: 0, more: false };
        const connection = await repos.connections.findById(connectionId);
        const paymentIds = unique(events.filter((e) => e.entity === 'Payment').map((e) => e.entityId));
        const invoiceIds = unique(events.filter((e) => e.entity === 'Invoice').map((e) => e.entityId));
        const changes = connection ? await settle(connectionId, connection.tenantId, paymentIds, invoiceIds) : 0;
        await repos.intuitEvents.markProcessed(events.map((e) => e.id));
        return { events: events.length, payments: paymentIds.length, changes, more: events.length === ROUND };
      },

      /**
       * The change feed since the connection's high-water mark (QuickBooks' own time of its last answer): CDC when it
       * can answer in full, else a re-sync by query plus a re-check of every payment we recorded (deletions show
       * only as absence there). Advances the mark to the answer's time.
       */
      async readChangeFeed(connectionId: string): Promise<FeedRead> {
        const mark = await repos.intuitEvents.mark(connectionId);
        if (!mark) return { source: 'cdc', recorded: 0, pending: await repos.intuitEvents.pendingCount(connectionId), through: '' };
        const { ledger } = await ledgerFor(connectionId);
        let changes;
        try {
          changes = await ledger.changesSince(mark.highWater);
        } finally {
          // Desktop: the Web Connector session was held open for these reads; they are queued (or answered) now
          // (nothing holds it for Online: no-op)
          await repos.qbdQueue.releaseHold(desktopPollHolder(connectionId), connectionId, 0);
        }
        let read: Omit<FeedRead, 'pending'>;
        if (changes.complete) {
          const recorded = await recordFindings(connectionId, 'cdc', changes.through, changes.payments, changes.deletedPaymentIds, changes.invoiceIds);
          read = { source: 'cdc', recorded, through: changes.through };
        } else {
          const resync = await ledger.paymentsChangedSince(mark.highWater);
          const known = await repos.paymentApplications.appliedPaymentIds(connectionId);
          const present = new Set(resync.payments.map((p) => p.id));
          const missing = known.filter((id) => !present.has(id));
          // a payment unchanged since the mark is not in the answer; one deleted since is not anywhere any more
          const stillThere = missing.length > 0 ? await ledger.readPayments(missing) : new Map<string, LedgerPayment>();
          const recorded = await recordFindings(connectionId, 'resync', resync.through, resync.payments, missing.filter((id) => !stillThere.has(id)), []);
          read = { source: 'resync', recorded, through: resync.through };
        }
        await repos.intuitEvents.advanceMark(connectionId, read.through, `${read.source}: ${read.recorded} change(s) recorded`);
        await repos.intuitEvents.purgeProcessed(connectionId, new Date(Date.now() - KEEP_PROCESSED_MS));
        return { ...read, pending: await repos.intuitEvents.pendingCount(connectionId) };
      },

    }, deps.operations),

    /** Starts or wakes the connection's payments sync. */
    async wakePaymentsSync(tenantId: string, connectionId: string): Promise<void> {
      await wakePaymentsSync(Context.current().client, deps.taskQueue, { id: connectionId, tenantId });
    },
  };
}

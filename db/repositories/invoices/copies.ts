// Upstream invoices and their QuickBooks copies: the newest submission (so a send can re-copy it), the revision
// QuickBooks holds, its balance and paid status, and each send request (pending before QuickBooks is asked).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { invoiceSends, upstreamInvoices, type InvoicePaymentStatus } from '../../schema/index.js';

export type UpstreamInvoiceRow = typeof upstreamInvoices.$inferSelect;
export type InvoiceSendRow = typeof invoiceSends.$inferSelect;

export interface InvoiceKey {
  connectionId: string;
  invoiceId: string;
}

export interface CopiedState {
  revision: number;
  contentHash: string;
  quickbooksId: string;
  quickbooksNumber: string | null;
  customerId: string;
  totalCents: number;
  balanceCents: number;
  paymentStatus: InvoicePaymentStatus;
}

export function createInvoiceCopiesRepository(db: Database) {
  const where = (key: InvoiceKey) => and(eq(upstreamInvoices.connectionId, key.connectionId), eq(upstreamInvoices.invoiceId, key.invoiceId));
  const sendWhere = (key: InvoiceKey, requestId: string) => and(
    eq(invoiceSends.connectionId, key.connectionId), eq(invoiceSends.invoiceId, key.invoiceId), eq(invoiceSends.requestId, requestId),
  );

  return {
    /** A connection's invoices, the most recently changed first (the console's activity list). */
    async list(connectionId: string, limit: number, executor: Executor = db): Promise<UpstreamInvoiceRow[]> {
      return executor.select().from(upstreamInvoices).where(eq(upstreamInvoices.connectionId, connectionId))
        .orderBy(desc(upstreamInvoices.updatedAt)).limit(limit);
    },

    async find(key: InvoiceKey, executor: Executor = db): Promise<UpstreamInvoiceRow | undefined> {
      const [row] = await executor.select().from(upstreamInvoices).where(where(key));
      return row;
    },

    /** Keeps the newest submission (an older revision arriving late never replaces a newer one). */
    async recordSubmission(key: InvoiceKey, revision: number, submitted: object, executor: Executor = db): Promise<void> {
      await executor.insert(upstreamInvoices).values({ ...key, submittedRevision: revision, submitted })
        .onConflictDoUpdate({
          target: [upstreamInvoices.connectionId, upstreamInvoices.invoiceId],
          set: { submittedRevision: revision, submitted, updatedAt: new Date() },
          setWhere: sql`${upstreamInvoices.submittedRevision} <= ${revision}`,
        });
    },

    /** A create is about to be sent: a later attempt that finds this looks in QuickBooks first. */
    async markPending(key: InvoiceKey, revision: number, contentHash: string, attempt?: string, executor: Executor = db): Promise<void> {
      await executor.update(upstreamInvoices).set({ state: 'pending', revision, contentHash, pendingAttempt: attempt ?? null, updatedAt: new Date() })
        .where(and(where(key), sql`${upstreamInvoices.state} <> 'copied'`));
    },

    async markCopied(key: InvoiceKey, state: CopiedState, executor: Executor = db): Promise<void> {
      await executor.update(upstreamInvoices).set({ ...state, state: 'copied', goneAt: null, copiedAt: new Date(), updatedAt: new Date() }).where(where(key));
    },

    /** QuickBooks no longer has the copy: the next copy creates a new one. */
    async markGone(key: InvoiceKey, executor: Executor = db): Promise<void> {
      await executor.update(upstreamInvoices).set({ state: 'submitted', quickbooksId: null, goneAt: new Date(), updatedAt: new Date() }).where(where(key));
    },

    async updateBalance(connectionId: string, quickbooksId: string, balance: { totalCents: number; balanceCents: number; paymentStatus: InvoicePaymentStatus }, executor: Executor = db): Promise<void> {
      await executor.update(upstreamInvoices).set({ ...balance, updatedAt: new Date() })
        .where(and(eq(upstreamInvoices.connectionId, connectionId), eq(upstreamInvoices.quickbooksId, quickbooksId)));
    },

    /** Our copies among these QuickBooks invoice ids. */
    async byQuickbooksIds(connectionId: string, quickbooksIds: string[], executor: Executor = db): Promise<UpstreamInvoiceRow[]> {
      if (quickbooksIds.length === 0) return [];
      return executor.select().from(upstreamInvoices)
        .where(and(eq(upstreamInvoices.connectionId, connectionId), inArray(upstreamInvoices.quickbooksId, quickbooksIds)));
    },

    async findSend(key: InvoiceKey, requestId: string, executor: Executor = db): Promise<InvoiceSendRow | undefined> {
      const [row] = await executor.select().from(invoiceSends).where(sendWhere(key, requestId));
      return row;
    },

    /** Notes that QuickBooks is about to be asked to send (once per request id). */
    async markSendPending(key: InvoiceKey, requestId: string, sentTo: string, executor: Executor = db): Promise<InvoiceSendRow> {
      await executor.insert(invoiceSends).values({ ...key, requestId, state: 'pending', sentTo }).onConflictDoNothing();
      const [row] = await executor.select().from(invoiceSends).where(sendWhere(key, requestId));
      return row!;
    },

    async markSent(key: InvoiceKey, requestId: string, sent: { to: string; at: Date }): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.update(invoiceSends).set({ state: 'sent', sentTo: sent.to, sentAt: sent.at }).where(sendWhere(key, requestId));
        await tx.update(upstreamInvoices).set({ sentAt: sent.at, sentTo: sent.to, updatedAt: new Date() }).where(where(key));
      });
    },

    async listSends(key: InvoiceKey, executor: Executor = db): Promise<InvoiceSendRow[]> {
      return executor.select().from(invoiceSends)
        .where(and(eq(invoiceSends.connectionId, key.connectionId), eq(invoiceSends.invoiceId, key.invoiceId)))
        .orderBy(invoiceSends.pendingSince);
    },
  };
}

export type InvoiceCopiesRepository = ReturnType<typeof createInvoiceCopiesRepository>;

// What each QuickBooks payment applied to each of our invoices, as last seen. A change is written only from the
// version it was computed against, so two processors never record (and announce) the same change twice.
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { ApplicationChange } from '../../../domain/payments.js';
import type { Database, Executor } from '../../client.js';
import { paymentApplications } from '../../schema/index.js';

export type PaymentApplicationRow = typeof paymentApplications.$inferSelect;

export function createPaymentApplicationsRepository(db: Database) {
  return {
    async forPayments(connectionId: string, paymentIds: string[], executor: Executor = db): Promise<PaymentApplicationRow[]> {
      if (paymentIds.length === 0) return [];
      return executor.select().from(paymentApplications)
        .where(and(eq(paymentApplications.connectionId, connectionId), inArray(paymentApplications.paymentId, paymentIds)));
    },

    async forInvoice(connectionId: string, invoiceId: string, executor: Executor = db): Promise<PaymentApplicationRow[]> {
      return executor.select().from(paymentApplications)
        .where(and(eq(paymentApplications.connectionId, connectionId), eq(paymentApplications.invoiceId, invoiceId)))
        .orderBy(desc(paymentApplications.updatedAt));
    },

    /** Payments that still apply something to one of our invoices (a re-sync checks they still exist). */
    async appliedPaymentIds(connectionId: string, executor: Executor = db): Promise<string[]> {
      const rows = await executor.select({ id: paymentApplications.paymentId }).from(paymentApplications)
        .where(and(eq(paymentApplications.connectionId, connectionId), gt(paymentApplications.amountCents, 0)));
      return [...new Set(rows.map((r) => r.id))];
    },

    /** Records one change if the row is still at the version it was computed from; false when someone else did. */
    async record(connectionId: string, invoiceId: string, change: ApplicationChange, eventId: string, executor: Executor = db): Promise<boolean> {
      const state = change.afterCents > 0 ? 'applied' as const : change.reason === 'applied' ? 'changed' as const : change.reason;
      const values = { amountCents: change.afterCents, paymentDate: change.paymentDate, version: change.version, state, lastEventId: eventId, updatedAt: new Date() };
      if (change.version === 1) {
        const inserted = await executor.insert(paymentApplications)
          .values({ connectionId, paymentId: change.paymentId, quickbooksInvoiceId: change.quickbooksInvoiceId, invoiceId, ...values })
          .onConflictDoNothing().returning({ id: paymentApplications.paymentId });
        return inserted.length > 0;
      }
      const updated = await executor.update(paymentApplications).set(values).where(and(
        eq(paymentApplications.connectionId, connectionId), eq(paymentApplications.paymentId, change.paymentId),
        eq(paymentApplications.quickbooksInvoiceId, change.quickbooksInvoiceId), eq(paymentApplications.version, change.version - 1),
      )).returning({ id: paymentApplications.paymentId });
      return updated.length > 0;
    },
  };
}

export type PaymentApplicationsRepository = ReturnType<typeof createPaymentApplicationsRepository>;

// Billing runs and what they wrote: one row per run, one result per organization, and the invoice each
// (organization, period) has in QuickBooks. Also the shared pacing of bulk calls (Intuit's batch limit).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { billingInvoices, billingRunResults, billingRuns, type BillingRunStatus } from '../../schema/index.js';

export type BillingRunRow = typeof billingRuns.$inferSelect;
export type BillingRunResultRow = typeof billingRunResults.$inferSelect;
export type BillingInvoiceRow = typeof billingInvoices.$inferSelect;
export type BillingResultInput = Omit<typeof billingRunResults.$inferInsert, 'runId' | 'at'>;

export function createBillingRunsRepository(db: Database) {
  return {
    async startRun(input: { connectionId: string; periodStart: string; periodEnd: string; trigger: string; scheduledFor: Date | null; workflowId: string; organizations: number }, executor: Executor = db): Promise<BillingRunRow> {
      const [row] = await executor.insert(billingRuns).values(input).returning();
      return row!;
    },

    async finishRun(runId: string, status: BillingRunStatus, error: string | null, executor: Executor = db): Promise<void> {
      await executor.update(billingRuns).set({ status, error, finishedAt: new Date() }).where(eq(billingRuns.id, runId));
    },

    async recordResults(runId: string, results: BillingResultInput[], executor: Executor = db): Promise<void> {
      if (results.length === 0) return;
      await executor.insert(billingRunResults).values(results.map((r) => ({ ...r, runId, at: new Date() })))
        .onConflictDoUpdate({
          target: [billingRunResults.runId, billingRunResults.organizationId],
          set: {
            outcome: sql`excluded.outcome`, invoiceId: sql`excluded.invoice_id`, invoiceNumber: sql`excluded.invoice_number`,
            billedCents: sql`excluded.billed_cents`, lines: sql`excluded.lines`, detail: sql`excluded.detail`, at: sql`excluded.at`,
          },
        });
    },

    async listRuns(connectionId: string, limit: number, executor: Executor = db): Promise<BillingRunRow[]> {
      return executor.select().from(billingRuns).where(eq(billingRuns.connectionId, connectionId)).orderBy(desc(billingRuns.startedAt)).limit(limit);
    },

    async getRun(connectionId: string, runId: string, executor: Executor = db): Promise<BillingRunRow | undefined> {
      const [row] = await executor.select().from(billingRuns).where(and(eq(billingRuns.connectionId, connectionId), eq(billingRuns.id, runId)));
      return row;
    },

    /** Whether a run of this period is still going (its record says so). */
    async isRunning(connectionId: string, periodStart: string, executor: Executor = db): Promise<boolean> {
      const [row] = await executor.select({ id: billingRuns.id }).from(billingRuns).where(and(
        eq(billingRuns.connectionId, connectionId), eq(billingRuns.periodStart, periodStart), eq(billingRuns.status, 'running'),
      )).limit(1);
      return !!row;
    },

    async resultsOf(runIds: string[], executor: Executor = db): Promise<BillingRunResultRow[]> {
      if (runIds.length === 0) return [];
      return executor.select().from(billingRunResults).where(inArray(billingRunResults.runId, runIds)).orderBy(billingRunResults.organizationId);
    },

    async invoicesOf(connectionId: string, periodStart: string, organizationIds: string[], executor: Executor = db): Promise<BillingInvoiceRow[]> {
      if (organizationIds.length === 0) return [];
      return executor.select().from(billingInvoices).where(and(
        eq(billingInvoices.connectionId, connectionId), eq(billingInvoices.periodStart, periodStart), inArray(billingInvoices.organizationId, organizationIds),
      ));
    },

    /** Notes that invoice creates are about to be sent (state pending, no invoice id yet). */
    /** Creates about to be sent, by `attempt` when the ledger journals (its own markers are not uncertain outcomes). */
    async markPending(rows: { connectionId: string; organizationId: string; periodStart: string; number: string; customerId: string }[], attempt?: string, executor: Executor = db): Promise<void> {
      if (rows.length === 0) return;
      const pendingAttempt = attempt ?? null;
      await executor.insert(billingInvoices).values(rows.map((r) => ({ ...r, state: 'pending' as const, createdByUs: true, invoiceId: null, pendingAttempt })))
        .onConflictDoUpdate({
          target: [billingInvoices.connectionId, billingInvoices.organizationId, billingInvoices.periodStart],
          set: { state: 'pending', number: sql`excluded.number`, customerId: sql`excluded.customer_id`, createdByUs: true, invoiceId: null, pendingAttempt, updatedAt: new Date() },
        });
    },

    async markPosted(rows: { connectionId: string; organizationId: string; periodStart: string; number: string; customerId: string; invoiceId: string; createdByUs: boolean; linesHash: string; billedCents: number }[], executor: Executor = db): Promise<void> {
      if (rows.length === 0) return;
      await executor.insert(billingInvoices).values(rows.map((r) => ({ ...r, state: 'posted' as const })))
        .onConflictDoUpdate({
          target: [billingInvoices.connectionId, billingInvoices.organizationId, billingInvoices.periodStart],
          set: {
            state: 'posted', number: sql`excluded.number`, customerId: sql`excluded.customer_id`, invoiceId: sql`excluded.invoice_id`,
            createdByUs: sql`excluded.created_by_us`, linesHash: sql`excluded.lines_hash`, billedCents: sql`excluded.billed_cents`, updatedAt: new Date(),
          },
        });
    },

    /**
     * Books the next slot for `key` at `perMinute` and returns how long to wait for it (ms): the same GCRA as the
     * request pacer, in the shared rate_limits table, so every process sees one budget (Intuit's batch limit).
     */
    async reserveSlot(key: string, perMinute: number, executor: Executor = db): Promise<number> {
      const interval = 60 / perMinute;
      const rows = await executor.execute<{ wait_ms: number }>(sql`
        INSERT INTO rate_limits (key, next_at)
        VALUES (${key}, clock_timestamp() + make_interval(secs => ${interval}))
        ON CONFLICT (key) DO UPDATE
          SET next_at = greatest(rate_limits.next_at, clock_timestamp()) + make_interval(secs => ${interval})
        RETURNING (extract(epoch from (next_at - clock_timestamp())) * 1000)::float8 - ${interval * 1000} AS wait_ms`);
      return Math.max(0, Number(rows[0]?.wait_ms ?? 0));
    },
  };
}

export type BillingRunsRepository = ReturnType<typeof createBillingRunsRepository>;

// Billing set-up: the configuration, offers → items, organizations → customers, subscriptions and their history.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import {
  billingConfigs,
  billingOffers,
  billingOrganizations,
  billingSubscriptionChanges,
  billingSubscriptions,
  type BillingInvoiceMode,
  type BillingTerm,
} from '../../schema/index.js';

export type BillingConfigRow = typeof billingConfigs.$inferSelect;
export type BillingOfferRow = typeof billingOffers.$inferSelect;
export type BillingOrganizationRow = typeof billingOrganizations.$inferSelect;
export type BillingSubscriptionRow = typeof billingSubscriptions.$inferSelect;
export type BillingChangeRow = typeof billingSubscriptionChanges.$inferSelect;

export interface BillingConfigInput {
  mode: BillingConfigRow['mode'];
  dayOfMonth: number;
  prorateIncreases: boolean;
  prorateDecreases: boolean;
  timeZone: string;
  time: string;
}

export interface SubscriptionChangeInput {
  organizationId: string;
  offerId: string;
  term: BillingTerm;
  quantity: number;
  unitCost: string;
  effectiveDate: string;
}

export interface SubscriptionWithHistory extends BillingSubscriptionRow {
  changes: BillingChangeRow[];
}

export type SubscriptionChangeOutcome =
  | { kind: 'recorded' | 'duplicate'; subscription: SubscriptionWithHistory }
  | { kind: 'conflict'; field: 'organizationId' | 'offerId' | 'term'; current: string };

export function createBillingRepository(db: Database) {
  const historyOf = async (executor: Executor, connectionId: string, subscriptionIds: string[]): Promise<Map<string, BillingChangeRow[]>> => {
    const out = new Map<string, BillingChangeRow[]>();
    if (subscriptionIds.length === 0) return out;
    const rows = await executor.select().from(billingSubscriptionChanges)
      .where(and(eq(billingSubscriptionChanges.connectionId, connectionId), inArray(billingSubscriptionChanges.subscriptionId, subscriptionIds)))
      .orderBy(asc(billingSubscriptionChanges.id));
    for (const row of rows) out.set(row.subscriptionId, [...(out.get(row.subscriptionId) ?? []), row]);
    return out;
  };

  return {
    async readConfig(connectionId: string, executor: Executor = db): Promise<BillingConfigRow | undefined> {
      const [row] = await executor.select().from(billingConfigs).where(eq(billingConfigs.connectionId, connectionId));
      return row;
    },

    /** Saves the configuration; undefined (nothing saved) when one is saved already with another mode. */
    async saveConfig(connectionId: string, input: BillingConfigInput, executor: Executor = db): Promise<BillingConfigRow | undefined> {
      const [row] = await executor.insert(billingConfigs).values({ connectionId, ...input })
        .onConflictDoUpdate({ target: billingConfigs.connectionId, set: { ...input, updatedAt: new Date() }, setWhere: eq(billingConfigs.mode, input.mode) })
        .returning();
      return row;
    },

    async listOffers(connectionId: string, executor: Executor = db): Promise<BillingOfferRow[]> {
      return executor.select().from(billingOffers).where(eq(billingOffers.connectionId, connectionId)).orderBy(asc(billingOffers.offerId));
    },

    async getOffer(connectionId: string, offerId: string, executor: Executor = db): Promise<BillingOfferRow | undefined> {
      const [row] = await executor.select().from(billingOffers).where(and(eq(billingOffers.connectionId, connectionId), eq(billingOffers.offerId, offerId)));
      return row;
    },

    async saveOffer(connectionId: string, offerId: string, input: { name: string | null; itemId: string | null; itemName: string | null; sync: boolean }, executor: Executor = db): Promise<BillingOfferRow> {
      const [row] = await executor.insert(billingOffers).values({ connectionId, offerId, ...input })
        .onConflictDoUpdate({ target: [billingOffers.connectionId, billingOffers.offerId], set: { ...input, updatedAt: new Date() } })
        .returning();
      return row!;
    },

    async notePushedCost(connectionId: string, offerId: string, unitCost: string, executor: Executor = db): Promise<void> {
      await executor.update(billingOffers).set({ pushedUnitCost: unitCost, pushedAt: new Date() })
        .where(and(eq(billingOffers.connectionId, connectionId), eq(billingOffers.offerId, offerId)));
    },

    async listOrganizations(connectionId: string, organizationIds?: string[], executor: Executor = db): Promise<BillingOrganizationRow[]> {
      if (organizationIds && organizationIds.length === 0) return [];
      return executor.select().from(billingOrganizations).where(and(
        eq(billingOrganizations.connectionId, connectionId),
        organizationIds ? inArray(billingOrganizations.organizationId, organizationIds) : undefined,
      )).orderBy(asc(billingOrganizations.organizationId));
    },

    async findOrganizationByCustomer(connectionId: string, customerId: string, executor: Executor = db): Promise<BillingOrganizationRow | undefined> {
      const [row] = await executor.select().from(billingOrganizations)
        .where(and(eq(billingOrganizations.connectionId, connectionId), eq(billingOrganizations.customerId, customerId)));
      return row;
    },

    async saveOrganization(connectionId: string, organizationId: string, input: { name: string | null; customerId: string | null; customerName: string | null; invoice: BillingInvoiceMode; sync: boolean }, executor: Executor = db): Promise<BillingOrganizationRow> {
      const [row] = await executor.insert(billingOrganizations).values({ connectionId, organizationId, ...input })
        .onConflictDoUpdate({ target: [billingOrganizations.connectionId, billingOrganizations.organizationId], set: { ...input, updatedAt: new Date() } })
        .returning();
      return row!;
    },

    /**
     * Records a change in a subscription's history, once: the same change (quantity and unit cost from the same
     * date) sent again while it is still the latest word for that date is not recorded twice. Concurrent calls
     * for one subscription are serialised by a row lock.
     */
    async recordChange(connectionId: string, subscriptionId: string, input: SubscriptionChangeInput): Promise<SubscriptionChangeOutcome> {
      return db.transaction(async (tx) => {
        await tx.insert(billingSubscriptions)
          .values({ connectionId, subscriptionId, organizationId: input.organizationId, offerId: input.offerId, term: input.term })
          .onConflictDoNothing();
        const [subscription] = await tx.select().from(billingSubscriptions)
          .where(and(eq(billingSubscriptions.connectionId, connectionId), eq(billingSubscriptions.subscriptionId, subscriptionId)))
          .for('update');
        for (const field of ['organizationId', 'offerId', 'term'] as const) {
          if (subscription![field] !== input[field]) return { kind: 'conflict' as const, field, current: subscription![field] };
        }
        const [latest] = await tx.select().from(billingSubscriptionChanges).where(and(
          eq(billingSubscriptionChanges.connectionId, connectionId),
          eq(billingSubscriptionChanges.subscriptionId, subscriptionId),
          eq(billingSubscriptionChanges.effectiveDate, input.effectiveDate),
        )).orderBy(desc(billingSubscriptionChanges.id)).limit(1);
        const duplicate = latest && latest.quantity === input.quantity && latest.unitCost === input.unitCost;
        if (!duplicate) {
          await tx.insert(billingSubscriptionChanges).values({ connectionId, subscriptionId, effectiveDate: input.effectiveDate, quantity: input.quantity, unitCost: input.unitCost });
          await tx.update(billingSubscriptions).set({ updatedAt: new Date() })
            .where(and(eq(billingSubscriptions.connectionId, connectionId), eq(billingSubscriptions.subscriptionId, subscriptionId)));
        }
        const changes = (await historyOf(tx, connectionId, [subscriptionId])).get(subscriptionId) ?? [];
        return { kind: duplicate ? 'duplicate' as const : 'recorded' as const, subscription: { ...subscription!, changes } };
      });
    },

    async getSubscription(connectionId: string, subscriptionId: string, executor: Executor = db): Promise<SubscriptionWithHistory | undefined> {
      const [row] = await executor.select().from(billingSubscriptions)
        .where(and(eq(billingSubscriptions.connectionId, connectionId), eq(billingSubscriptions.subscriptionId, subscriptionId)));
      if (!row) return undefined;
      return { ...row, changes: (await historyOf(executor, connectionId, [subscriptionId])).get(subscriptionId) ?? [] };
    },

    /** The subscriptions of these organizations, each with its history in the order received. */
    async subscriptionsOf(connectionId: string, organizationIds: string[], executor: Executor = db): Promise<SubscriptionWithHistory[]> {
      if (organizationIds.length === 0) return [];
      const subscriptions = await executor.select().from(billingSubscriptions)
        .where(and(eq(billingSubscriptions.connectionId, connectionId), inArray(billingSubscriptions.organizationId, organizationIds)))
        .orderBy(asc(billingSubscriptions.organizationId), asc(billingSubscriptions.subscriptionId));
      const history = await historyOf(executor, connectionId, subscriptions.map((s) => s.subscriptionId));
      return subscriptions.map((s) => ({ ...s, changes: history.get(s.subscriptionId) ?? [] }));
    },

    /** Organizations that have subscriptions on this connection, in id order. */
    async subscribedOrganizations(connectionId: string): Promise<string[]> {
      const rows = await db.selectDistinct({ organizationId: billingSubscriptions.organizationId }).from(billingSubscriptions)
        .where(eq(billingSubscriptions.connectionId, connectionId)).orderBy(asc(billingSubscriptions.organizationId));
      return rows.map((r) => r.organizationId);
    },

    /**
     * Each offer's current unit cost: the one of the latest change in effect on `asOf` among its subscriptions
     * (latest effective date, then latest received).
     */
    async currentUnitCosts(connectionId: string, asOf: string): Promise<Map<string, string>> {
      const rows = await db.selectDistinctOn([billingSubscriptions.offerId], { offerId: billingSubscriptions.offerId, unitCost: billingSubscriptionChanges.unitCost })
        .from(billingSubscriptionChanges)
        .innerJoin(billingSubscriptions, and(
          eq(billingSubscriptions.connectionId, billingSubscriptionChanges.connectionId),
          eq(billingSubscriptions.subscriptionId, billingSubscriptionChanges.subscriptionId),
        ))
        .where(and(eq(billingSubscriptionChanges.connectionId, connectionId), lte(billingSubscriptionChanges.effectiveDate, asOf)))
        .orderBy(billingSubscriptions.offerId, desc(billingSubscriptionChanges.effectiveDate), desc(billingSubscriptionChanges.id));
      return new Map(rows.map((r) => [r.offerId, r.unitCost]));
    },

    /** Counts for the bench and the status pages. */
    async counts(connectionId: string, executor: Executor = db): Promise<{ organizations: number; subscriptions: number }> {
      const [row] = await executor.execute<{ organizations: number; subscriptions: number }>(sql`
        SELECT (SELECT count(*)::int FROM billing_organizations WHERE connection_id = ${connectionId}) AS organizations,
               (SELECT count(*)::int FROM billing_subscriptions WHERE connection_id = ${connectionId}) AS subscriptions`);
      return { organizations: Number(row?.organizations ?? 0), subscriptions: Number(row?.subscriptions ?? 0) };
    },
  };
}

export type BillingRepository = ReturnType<typeof createBillingRepository>;

// Webhook endpoints, the tenant's signing secret, and deliveries with their status.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { tenants, webhookDeliveries, webhookEndpoints, type DeliveryStatus } from '../../schema/index.js';
import type { SecretBox } from '../../secrets.js';

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

export function createWebhooksRepository(db: Database, box: SecretBox) {
  const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

  return {
    async addEndpoint(tenantId: string, url: string, events: string[]): Promise<{ endpoint: WebhookEndpoint; newSecret: string | null }> {
      return db.transaction(async (tx) => {
        // The first endpoint gets the tenant a signing secret, shown once in the answer.
        const secret = newSecret();
        const [created] = await tx.update(tenants).set({ webhookSecret: box.seal(secret) })
          .where(and(eq(tenants.id, tenantId), sql`${tenants.webhookSecret} is null`)).returning({ id: tenants.id });
        const [endpoint] = await tx.insert(webhookEndpoints).values({ tenantId, url, events }).returning();
        return { endpoint: endpoint!, newSecret: created ? secret : null };
      });
    },

    async rotateSecret(tenantId: string): Promise<string> {
      const secret = newSecret();
      await db.update(tenants).set({ webhookSecret: box.seal(secret) }).where(eq(tenants.id, tenantId));
      return secret;
    },

    async secretOf(tenantId: string): Promise<string | undefined> {
      const [row] = await db.select({ secret: tenants.webhookSecret }).from(tenants).where(eq(tenants.id, tenantId));
      return row?.secret ? box.open(row.secret) : undefined;
    },

    async listEndpoints(tenantId: string): Promise<WebhookEndpoint[]> {
      return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.tenantId, tenantId)).orderBy(webhookEndpoints.createdAt);
    },

    /** Whether any active endpoint of the tenant listens for one of these event types. */
    async hasSubscribers(tenantId: string, types: string[]): Promise<boolean> {
      const [row] = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(
        eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.active, true),
        sql`${webhookEndpoints.events} ?| ${sql.raw(`array[${types.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}]`)}`,
      )).limit(1);
      return row !== undefined;
    },

    async removeEndpoint(tenantId: string, id: string): Promise<boolean> {
      const removed = await db.delete(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.tenantId, tenantId))).returning({ id: webhookEndpoints.id });
      return removed.length > 0;
    },

    /** Records the event once per subscribed endpoint; returns the deliveries to make (new ones and unfinished ones). */
    async recordEvent(tenantId: string, event: { id: string; type: string; payload: object }, executor: Executor = db): Promise<string[]> {
      const endpoints = await executor.select().from(webhookEndpoints).where(and(
        eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.active, true),
        sql`${webhookEndpoints.events} @> ${JSON.stringify([event.type])}::jsonb`,
      ));
      if (endpoints.length === 0) return [];
      await executor.insert(webhookDeliveries)
        .values(endpoints.map((e) => ({ endpointId: e.id, tenantId, eventId: event.id, eventType: event.type, payload: event.payload })))
        .onConflictDoNothing();
      const rows = await executor.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(and(
        eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.eventId, event.id), eq(webhookDeliveries.status, 'pending'),
      ));
      return rows.map((r) => r.id);
    },

    async findDelivery(id: string): Promise<{ delivery: WebhookDelivery; endpoint: WebhookEndpoint } | undefined> {
      const [row] = await db.select({ delivery: webhookDeliveries, endpoint: webhookEndpoints }).from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(eq(webhookDeliveries.id, id));
      return row;
    },

    async recordAttempt(id: string, outcome: { status: DeliveryStatus; statusCode: number | null; error: string | null }): Promise<void> {
      await db.update(webhookDeliveries).set({
        status: outcome.status,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        ...(outcome.status === 'delivered' ? { deliveredAt: new Date() } : {}),
      }).where(eq(webhookDeliveries.id, id));
    },

    async markFailed(id: string, error: string): Promise<void> {
      await db.update(webhookDeliveries).set({ status: 'failed', lastError: error }).where(eq(webhookDeliveries.id, id));
    },

    async listDeliveries(tenantId: string, filter: { status?: DeliveryStatus; limit: number }): Promise<WebhookDelivery[]> {
      return db.select().from(webhookDeliveries).where(and(
        eq(webhookDeliveries.tenantId, tenantId),
        ...(filter.status ? [eq(webhookDeliveries.status, filter.status)] : []),
      )).orderBy(desc(webhookDeliveries.createdAt)).limit(filter.limit);
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;

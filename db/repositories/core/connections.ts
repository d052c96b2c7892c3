// Connections: one QuickBooks company linked to a tenant. Every read is scoped by tenant.
import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { connections, type ConnectionStatus, type ConnectionType } from '../../schema/index.js';

export type Connection = typeof connections.$inferSelect;

export function createConnectionsRepository(db: Database) {
  return {
    async create(input: { tenantId: string; type: ConnectionType; name: string }, executor: Executor = db): Promise<Connection> {
      const [row] = await executor.insert(connections).values(input).returning();
      return row!;
    },

    /** The connection if it belongs to the tenant; another tenant's id reads as absent. */
    async findForTenant(tenantId: string, id: string, executor: Executor = db): Promise<Connection | undefined> {
      const [row] = await executor.select().from(connections)
        .where(and(eq(connections.id, id), eq(connections.tenantId, tenantId)));
      return row;
    },

    async findById(id: string, executor: Executor = db): Promise<Connection | undefined> {
      const [row] = await executor.select().from(connections).where(eq(connections.id, id));
      return row;
    },

    /** The tenant's connections, oldest first. */
    async listForTenant(tenantId: string, executor: Executor = db): Promise<Connection[]> {
      return executor.select().from(connections).where(eq(connections.tenantId, tenantId)).orderBy(asc(connections.createdAt));
    },

    /** Every connection of every tenant (the operator's view), oldest first. */
    async listAll(executor: Executor = db): Promise<Connection[]> {
      return executor.select().from(connections).orderBy(asc(connections.createdAt));
    },

    async rename(id: string, name: string, executor: Executor = db): Promise<Connection | undefined> {
      const [row] = await executor.update(connections).set({ name, updatedAt: new Date() }).where(eq(connections.id, id)).returning();
      return row;
    },

    async markConnected(id: string, realmId: string, executor: Executor = db): Promise<void> {
      await executor.update(connections)
        .set({ realmId, status: 'connected', statusDetail: null, updatedAt: new Date() })
        .where(eq(connections.id, id));
    },

    async setStatus(id: string, status: ConnectionStatus, detail: string | null, executor: Executor = db): Promise<void> {
      await executor.update(connections).set({ status, statusDetail: detail, updatedAt: new Date() })
        .where(eq(connections.id, id));
    },

    async remove(id: string, executor: Executor = db): Promise<void> {
      await executor.delete(connections).where(eq(connections.id, id));
    },
  };
}

export type ConnectionsRepository = ReturnType<typeof createConnectionsRepository>;

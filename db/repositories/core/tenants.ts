// Tenants and their API keys. A key is shown once; we keep a lookup prefix and a SHA-256 of the secret.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { apiKeys, tenants } from '../../schema/index.js';

export type Tenant = typeof tenants.$inferSelect;

const KEY_PREFIX = 'qbf';

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function createTenantsRepository(db: Database) {
  return {
    /** Creates a tenant with its first API key; returns the key in clear (the only time it exists). */
    async create(input: { name: string; adminEmails: string[] }): Promise<{ tenant: Tenant; apiKey: string }> {
      return db.transaction(async (tx) => {
        const [tenant] = await tx.insert(tenants).values(input).returning();
        const apiKey = await issueKey(tx, tenant!.id);
        return { tenant: tenant!, apiKey };
      });
    },

    async findById(id: string, executor: Executor = db): Promise<Tenant | undefined> {
      const [row] = await executor.select().from(tenants).where(eq(tenants.id, id));
      return row;
    },

    /** Every tenant (the operator's view), oldest first. */
    async list(executor: Executor = db): Promise<Tenant[]> {
      return executor.select().from(tenants).orderBy(asc(tenants.createdAt));
    },

    /** Resolves a presented API key to its tenant, comparing hashes in constant time. */
    async authenticate(presented: string): Promise<Tenant | undefined> {
      const parts = presented.split('_');
      if (parts.length !== 3 || parts[0] !== KEY_PREFIX) return undefined;
      const [, prefix, secret] = parts as [string, string, string];
      const [row] = await db
        .select({ tenant: tenants, secretHash: apiKeys.secretHash })
        .from(apiKeys)
        .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
        .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)));
      if (!row) return undefined;
      const expected = Buffer.from(row.secretHash, 'hex');
      const actual = Buffer.from(hashSecret(secret), 'hex');
      return timingSafeEqual(expected, actual) ? row.tenant : undefined;
    },
  };
}

async function issueKey(executor: Executor, tenantId: string): Promise<string> {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url').replace(/_/g, 'A');
  await executor.insert(apiKeys).values({ tenantId, prefix, secretHash: hashSecret(secret) });
  return `${KEY_PREFIX}_${prefix}_${secret}`;
}

export type TenantsRepository = ReturnType<typeof createTenantsRepository>;

// OAuth `state` values: random, single use, short-lived, bound to one tenant and connection.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../client.js';
import { oauthStates } from '../schema.js';

const LIFETIME_MS = 15 * 60 * 1000;

export function createOAuthStatesRepository(db: Database) {
  return {
    async issue(tenantId: string, connectionId: string, executor: Executor = db): Promise<string> {
      const id = randomBytes(24).toString('base64url');
      await executor.insert(oauthStates).values({ id, tenantId, connectionId, expiresAt: new Date(Date.now() + LIFETIME_MS) });
      return id;
    },

    /** Spends a state: returns what it was bound to, or undefined if unknown, expired or already used. */
    async consume(id: string, executor: Executor = db): Promise<{ tenantId: string; connectionId: string } | undefined> {
      const [row] = await executor.update(oauthStates).set({ usedAt: new Date() })
        .where(and(eq(oauthStates.id, id), isNull(oauthStates.usedAt), gt(oauthStates.expiresAt, new Date())))
        .returning({ tenantId: oauthStates.tenantId, connectionId: oauthStates.connectionId });
      return row;
    },
  };
}

export type OAuthStatesRepository = ReturnType<typeof createOAuthStatesRepository>;

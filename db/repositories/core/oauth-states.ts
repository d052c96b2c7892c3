// OAuth `state` values: random, signed, single use, short-lived, bound to one tenant and connection.
// The signature covers the id and what it is bound to, so a forged or altered state is refused before any
// lookup, and a replayed one finds its row already spent.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { oauthStates } from '../../schema/index.js';
import type { SecretBox } from '../../secrets.js';

const LIFETIME_MS = 15 * 60 * 1000;

const PURPOSE = 'oauth-state';
const bound = (id: string, tenantId: string, connectionId: string) => `${id}|${tenantId}|${connectionId}`;

export function createOAuthStatesRepository(db: Database, box: SecretBox) {
  return {
    async issue(tenantId: string, connectionId: string, executor: Executor = db): Promise<string> {
      const id = randomBytes(24).toString('base64url');
      await executor.insert(oauthStates).values({ id, tenantId, connectionId, expiresAt: new Date(Date.now() + LIFETIME_MS) });
      return `${id}.${box.sign(PURPOSE, bound(id, tenantId, connectionId))}`;
    },

    /** Spends a state: returns what it was bound to, or undefined if forged, unknown, expired or already used. */
    async consume(state: string, executor: Executor = db): Promise<{ tenantId: string; connectionId: string } | undefined> {
      const [id, signature] = state.split('.');
      if (!id || !signature) return undefined;
      const [row] = await executor.select().from(oauthStates).where(eq(oauthStates.id, id));
      if (!row || !box.verify(PURPOSE, bound(id, row.tenantId, row.connectionId), signature)) return undefined;
      const [spent] = await executor.update(oauthStates).set({ usedAt: new Date() })
        .where(and(eq(oauthStates.id, id), isNull(oauthStates.usedAt), gt(oauthStates.expiresAt, new Date())))
        .returning({ tenantId: oauthStates.tenantId, connectionId: oauthStates.connectionId });
      return spent;
    },
  };
}

export type OAuthStatesRepository = ReturnType<typeof createOAuthStatesRepository>;

// OAuth tokens of QuickBooks Online connections, sealed at rest. Only the OAuth callback (first pair) and the
// connection's lifecycle workflow (every refresh) write them, so no two processes spend the same refresh token.
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { connectionTokens } from '../../schema/index.js';
import type { SecretBox } from '../../secrets.js';

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
  hardExpiresAt: Date | null;
  version: number;
  /** When this pair was stored. */
  updatedAt: Date;
}

export type NewTokenSet = Omit<TokenSet, 'version' | 'updatedAt'>;

export function createTokensRepository(db: Database, box: SecretBox) {
  const decode = (row: typeof connectionTokens.$inferSelect): TokenSet => ({
    accessToken: box.open(row.accessToken),
    refreshToken: box.open(row.refreshToken),
    accessExpiresAt: row.accessExpiresAt,
    refreshExpiresAt: row.refreshExpiresAt,
    hardExpiresAt: row.hardExpiresAt,
    version: row.version,
    updatedAt: row.updatedAt,
  });

  return {
    async read(connectionId: string, executor: Executor = db): Promise<TokenSet | undefined> {
      const [row] = await executor.select().from(connectionTokens).where(eq(connectionTokens.connectionId, connectionId));
      return row && decode(row);
    },

    /** When the pair stops working, without opening the secrets (status pages never need the tokens themselves). */
    async expiries(connectionId: string, executor: Executor = db): Promise<{ refreshExpiresAt: Date; hardExpiresAt: Date | null } | undefined> {
      const [row] = await executor.select({ refreshExpiresAt: connectionTokens.refreshExpiresAt, hardExpiresAt: connectionTokens.hardExpiresAt })
        .from(connectionTokens).where(eq(connectionTokens.connectionId, connectionId));
      return row;
    },

    async save(connectionId: string, tokens: NewTokenSet, executor: Executor = db): Promise<void> {
      const sealed = {
        accessToken: box.seal(tokens.accessToken),
        refreshToken: box.seal(tokens.refreshToken),
        accessExpiresAt: tokens.accessExpiresAt,
        refreshExpiresAt: tokens.refreshExpiresAt,
        hardExpiresAt: tokens.hardExpiresAt,
        updatedAt: new Date(),
      };
      await executor.insert(connectionTokens).values({ connectionId, ...sealed })
        .onConflictDoUpdate({
          target: connectionTokens.connectionId,
          set: { ...sealed, version: sql`${connectionTokens.version} + 1` },
        });
    },

    async erase(connectionId: string, executor: Executor = db): Promise<void> {
      await executor.delete(connectionTokens).where(eq(connectionTokens.connectionId, connectionId));
    },
  };
}

export type TokensRepository = ReturnType<typeof createTokensRepository>;

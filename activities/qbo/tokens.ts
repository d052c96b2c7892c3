// Valid access tokens for QuickBooks Online calls. A refresh happens under a row lock, so concurrent callers
// in any process share one refresh and the newest refresh token is always the one stored.
import type { Database } from '../../db/client.js';
import type { ConnectionsRepository } from '../../db/repositories/connections.js';
import type { TokensRepository } from '../../db/repositories/tokens.js';
import { InvalidGrantError, type IntuitOAuth } from './oauth.js';

export class NotConnectedError extends Error {
  constructor(connectionId: string) {
    super(`connection ${connectionId} has no QuickBooks Online authorisation yet; finish connecting it first`);
    this.name = 'NotConnectedError';
  }
}

export interface TokenSource {
  /** A token valid for at least the refresh margin; `rejected` is a token QuickBooks just refused. */
  accessToken(connectionId: string, rejected?: string): Promise<string>;
}

export interface TokenSourceDeps {
  db: Database;
  tokens: TokensRepository;
  connections: ConnectionsRepository;
  oauth: IntuitOAuth;
  refreshMarginSeconds: number;
  now?: () => number;
}

export function createTokenSource(deps: TokenSourceDeps): TokenSource {
  const now = deps.now ?? Date.now;
  const marginMs = deps.refreshMarginSeconds * 1000;
  const usable = (token: { accessToken: string; accessExpiresAt: Date }, rejected?: string) =>
    token.accessToken !== rejected && token.accessExpiresAt.getTime() - now() > marginMs;

  return {
    async accessToken(connectionId, rejected) {
      const current = await deps.tokens.read(connectionId);
      if (!current) throw new NotConnectedError(connectionId);
      if (usable(current, rejected)) return current.accessToken;
      try {
        return await deps.db.transaction(async (tx) => {
          const locked = await deps.tokens.readForUpdate(connectionId, tx);
          if (!locked) throw new NotConnectedError(connectionId);
          if (usable(locked, rejected)) return locked.accessToken; // another caller refreshed meanwhile
          const fresh = await deps.oauth.refresh(locked.refreshToken);
          await deps.tokens.save(connectionId, fresh, tx);
          return fresh.accessToken;
        });
      } catch (error) {
        if (error instanceof InvalidGrantError) {
          await deps.connections.setStatus(connectionId, 'needs_reauth', error.message);
        }
        throw error;
      }
    },
  };
}

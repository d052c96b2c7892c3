// Access tokens for QuickBooks Online calls. Callers only read the token the connection's lifecycle workflow
// keeps fresh; when it is expired or refused they ask that workflow for a newer one (never refresh themselves),
// so concurrent callers in every process share one refresh.
import type { TokensRepository } from '../../db/repositories/core/tokens.js';
import { NotConnectedError } from '../errors.js';

export interface TokenSource {
  /** A token that is not expired; `rejected` is a token QuickBooks just refused. */
  accessToken(connectionId: string, rejected?: string): Promise<string>;
}

export interface TokenRefresher {
  /** Resolves once a token newer than `staleVersion` is stored (throws InvalidGrantError if none can be). */
  fresh(connectionId: string, staleVersion: number): Promise<void>;
}

/**
 * A token this close to expiry is not handed out: it could expire on the way to Intuit. Small, because the
 * lifecycle workflow refreshes minutes ahead (a wider safety than a token's life would refresh on every call).
 */
const SAFETY_MS = 1_000;

export function createTokenSource(deps: { tokens: TokensRepository; refresher: TokenRefresher; now?: () => number }): TokenSource {
  const now = deps.now ?? Date.now;
  const usable = (token: { accessToken: string; accessExpiresAt: Date }, rejected?: string) =>
    token.accessToken !== rejected && token.accessExpiresAt.getTime() - now() > SAFETY_MS;

  // The token read last, per connection: an access token stays valid until it expires even after a refresh, so
  // calls reuse it until then (or until QuickBooks refuses it) instead of reading and opening it for every call.
  const known = new Map<string, { accessToken: string; accessExpiresAt: Date }>();
  const read = async (connectionId: string) => {
    const token = await deps.tokens.read(connectionId);
    if (!token) {
      known.delete(connectionId);
      throw new NotConnectedError(connectionId);
    }
    known.set(connectionId, token);
    return token;
  };

  return {
    async accessToken(connectionId, rejected) {
      const cached = known.get(connectionId);
      if (cached && usable(cached, rejected)) return cached.accessToken;
      const current = await read(connectionId);
      if (usable(current, rejected)) return current.accessToken;
      await deps.refresher.fresh(connectionId, current.version);
      return (await read(connectionId)).accessToken;
    },
  };
}

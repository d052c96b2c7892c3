// Intuit's OAuth 2.0 through intuit-oauth. Its endpoints are static class properties, so a process talks to
// one Intuit (the real one or the sandbox), chosen by configuration when the first client is made.
import OAuthClient from 'intuit-oauth';
import type { IntuitConfig } from '../../config/index.js';
import type { NewTokenSet } from '../../db/repositories/core/tokens.js';
import { InvalidGrantError } from '../errors.js';

export const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';

export interface IntuitOAuth {
  authorizeUrl(state: string): string;
  /** Exchanges the callback URL's code for tokens; returns the realm the user picked. */
  exchangeCode(callbackUrl: string): Promise<{ realmId: string; tokens: NewTokenSet }>;
  refresh(refreshToken: string): Promise<NewTokenSet>;
  revoke(token: string): Promise<void>;
}

interface TokenJson {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  x_refresh_token_hard_expires_in?: number;
}

export function createIntuitOAuth(config: IntuitConfig, now: () => number = Date.now): IntuitOAuth {
  const client = () => {
    const oauth = new OAuthClient({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      environment: 'production',
      redirectUri: config.redirectUri,
      includeRefreshTokenHardExpiresIn: true,
    });
    oauth.setAuthorizeURLs({
      authorizeEndpoint: config.authorizeUrl,
      tokenEndpoint: config.tokenUrl,
      revokeEndpoint: config.revokeUrl,
      userInfoEndpoint: config.userInfoUrl,
    });
    return oauth;
  };

  const toTokens = (json: TokenJson, sentAt: number): NewTokenSet => ({
    accessToken: json.access_token,
    refreshToken: json.refresh_token,
    // Measured from when we asked, so the expiry we store is never later than Intuit's.
    accessExpiresAt: new Date(sentAt + json.expires_in * 1000),
    refreshExpiresAt: new Date(sentAt + json.x_refresh_token_expires_in * 1000),
    hardExpiresAt: json.x_refresh_token_hard_expires_in
      ? new Date(sentAt + json.x_refresh_token_hard_expires_in * 1000)
      : null,
  });

  return {
    authorizeUrl(state) {
      return client().authorizeUri({ scope: [ACCOUNTING_SCOPE], state });
    },

    async exchangeCode(callbackUrl) {
      const sentAt = now();
      const oauth = client();
      const response = await oauth.createToken(callbackUrl).catch(rethrowGrantError);
      const realmId = oauth.getToken().realmId;
      if (!realmId) throw new Error('Intuit did not say which company was connected (no realmId)');
      return { realmId, tokens: toTokens(response.json as TokenJson, sentAt) };
    },

    async refresh(refreshToken) {
      const sentAt = now();
      const response = await client().refreshUsingToken(refreshToken).catch(rethrowGrantError);
      return toTokens(response.json as TokenJson, sentAt);
    },

    async revoke(token) {
      await client().revoke({ refresh_token: token });
    },
  };
}

function rethrowGrantError(error: unknown): never {
  const code = (error as { error?: string }).error;
  if (code === 'invalid_grant') throw new InvalidGrantError(code);
  throw error;
}

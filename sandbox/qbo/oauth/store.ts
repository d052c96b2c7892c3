// Grants, authorization codes, access tokens and rotating refresh tokens, with Intuit's lifetimes:
// codes single use and short-lived; refresh tokens rotate on every use, the previous one keeps working
// for a grace period; the rolling expiry never passes the grant's hard expiry.
import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../clock.js';
import type { ResolvedOptions } from '../options.js';

export interface TokenSet {
  token_type: 'bearer';
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  x_refresh_token_hard_expires_in?: number;
}

export interface OAuthError {
  error: 'invalid_grant' | 'invalid_request';
  error_description: string;
}

interface Grant {
  id: string;
  clientId: string;
  realmId: string;
  createdAt: number;
  hardExpiresAt: number;
  revoked: boolean;
  currentRefresh: string;
}

interface RefreshRecord {
  grantId: string;
  expiresAt: number;
  retiredAt: number | null;
}

interface AccessRecord {
  grantId: string;
  realmId: string;
  expiresAt: number;
}

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  realmId: string;
  expiresAt: number;
  used: boolean;
}

export type AccessCheck =
  | { ok: true; realmId: string; grantId: string }
  | { ok: false; detail: string };

const secret = (bytes: number) => randomBytes(bytes).toString('base64url');
const seconds = (ms: number) => Math.max(0, Math.floor(ms / 1000));

/** What the token endpoint did for one realm: lets tests prove a rotated-out refresh token is never used again. */
export interface TokenStats {
  codeExchanges: number;
  refreshes: number;
  /** Refreshes that presented a rotated-out token inside its grace period. */
  graceReplays: number;
  invalidGrants: number;
}

export class OAuthStore {
  /** Applied before answering each token request: the rotation happens, the answer comes late (fault tests). */
  responseDelayMs = 0;
  private readonly stats = new Map<string, TokenStats>();
  private readonly grants = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private readonly accessTokens = new Map<string, AccessRecord>();
  private readonly codes = new Map<string, CodeRecord>();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly clock: SandboxClock,
  ) {}

  issueCode(clientId: string, redirectUri: string, realmId: string): string {
    const code = `AB11${secret(30)}`;
    this.codes.set(code, { clientId, redirectUri, realmId, expiresAt: this.clock.now() + this.options.authorizationCodeTtlSeconds * 1000, used: false });
    return code;
  }

  exchangeCode(clientId: string, code: string | undefined, redirectUri: string | undefined, includeHard: boolean): TokenSet | OAuthError {
    if (!code || !redirectUri) return { error: 'invalid_request', error_description: 'code and redirect_uri are required' };
    const record = this.codes.get(code);
    if (!record || record.used || record.clientId !== clientId || record.redirectUri !== redirectUri || this.clock.now() >= record.expiresAt) {
      return { error: 'invalid_grant', error_description: 'Invalid authorization code' };
    }
    record.used = true;
    this.count(record.realmId, 'codeExchanges');
    return this.newGrant(clientId, record.realmId, includeHard);
  }

  /** Starts a grant without the consent flow (control surface and tests). */
  newGrant(clientId: string, realmId: string, includeHard: boolean): TokenSet {
    const now = this.clock.now();
    const grant: Grant = {
      id: randomUUID(),
      clientId,
      realmId,
      createdAt: now,
      hardExpiresAt: now + this.options.hardExpirySeconds * 1000,
      revoked: false,
      currentRefresh: '',
    };
    this.grants.set(grant.id, grant);
    this.rotate(grant);
    return this.tokenSet(grant, includeHard);
  }

  refresh(clientId: string, token: string | undefined, includeHard: boolean): TokenSet | OAuthError {
    if (!token) return { error: 'invalid_request', error_description: 'refresh_token is required' };
    const invalid: OAuthError = { error: 'invalid_grant', error_description: 'Incorrect or invalid refresh token' };
    const record = this.refreshTokens.get(token);
    const grant = record && this.grants.get(record.grantId);
    if (!record || !grant) return invalid;
    const refused = () => (this.count(grant.realmId, 'invalidGrants'), invalid);
    if (grant.revoked || grant.clientId !== clientId) return refused();
    const now = this.clock.now();
    if (now >= record.expiresAt || now >= grant.hardExpiresAt) return refused();
    if (record.retiredAt !== null) {
      // A replay of a rotated-out token inside the grace period gets the newest token, not a new one.
      if (now >= record.retiredAt + this.options.refreshTokenGraceSeconds * 1000) return refused();
      this.count(grant.realmId, 'graceReplays');
    } else {
      this.count(grant.realmId, 'refreshes');
      this.rotate(grant);
    }
    return this.tokenSet(grant, includeHard);
  }

  /** Revokes the grant an access or refresh token belongs to; unknown tokens are ignored. */
  revoke(clientId: string, token: string): void {
    const grantId = this.refreshTokens.get(token)?.grantId ?? this.accessTokens.get(token)?.grantId;
    const grant = grantId ? this.grants.get(grantId) : undefined;
    if (grant && grant.clientId === clientId) grant.revoked = true;
  }

  checkAccess(token: string | undefined): AccessCheck {
    if (!token) return { ok: false, detail: 'Authorization header missing' };
    const record = this.accessTokens.get(token);
    if (!record) return { ok: false, detail: 'Malformed bearer token: unknown token' };
    const grant = this.grants.get(record.grantId);
    if (!grant || grant.revoked) return { ok: false, detail: `Token revoked: ${token.slice(0, 20)}` };
    if (this.clock.now() >= record.expiresAt) {
      this.accessTokens.delete(token);
      return { ok: false, detail: `Token expired: ${token.slice(0, 20)}` };
    }
    return { ok: true, realmId: record.realmId, grantId: grant.id };
  }

  /** Every access token of the realm stops working now; refresh tokens are untouched. */
  expireAccessTokens(realmId: string): number {
    let count = 0;
    for (const [token, record] of this.accessTokens) {
      if (record.realmId !== realmId) continue;
      this.accessTokens.delete(token);
      count += 1;
    }
    return count;
  }

  /** As if the user disconnected the app in QuickBooks: every grant of the realm is revoked. */
  revokeRealm(realmId: string): number {
    let count = 0;
    for (const grant of this.grants.values()) {
      if (grant.realmId !== realmId || grant.revoked) continue;
      grant.revoked = true;
      count += 1;
    }
    return count;
  }

  /** The app is connected to the realm: a grant it was given is neither revoked nor past its hard expiry. */
  isConnected(clientId: string, realmId: string): boolean {
    const now = this.clock.now();
    for (const grant of this.grants.values()) {
      if (grant.clientId === clientId && grant.realmId === realmId && !grant.revoked && grant.hardExpiresAt > now) return true;
    }
    return false;
  }

  summary(realmId: string): { grants: number; activeGrants: number; liveAccessTokens: number; tokenEndpoint: TokenStats } {
    const grants = [...this.grants.values()].filter((g) => g.realmId === realmId);
    const now = this.clock.now();
    const live = [...this.accessTokens.values()].filter((a) => a.realmId === realmId && a.expiresAt > now && !this.grants.get(a.grantId)?.revoked);
    return {
      grants: grants.length,
      activeGrants: grants.filter((g) => !g.revoked && g.hardExpiresAt > now).length,
      liveAccessTokens: live.length,
      tokenEndpoint: { ...this.statsOf(realmId) },
    };
  }

  private statsOf(realmId: string): TokenStats {
    let stats = this.stats.get(realmId);
    if (!stats) {
      stats = { codeExchanges: 0, refreshes: 0, graceReplays: 0, invalidGrants: 0 };
      this.stats.set(realmId, stats);
    }
    return stats;
  }

  private count(realmId: string, what: keyof TokenStats): void {
    this.statsOf(realmId)[what] += 1;
  }

  clear(): void {
    this.stats.clear();
    this.responseDelayMs = 0;
    this.grants.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
    this.codes.clear();
  }

  private rotate(grant: Grant): void {
    const now = this.clock.now();
    const previous = this.refreshTokens.get(grant.currentRefresh);
    if (previous) previous.retiredAt = now;
    const token = `RT1-${secret(36)}`;
    this.refreshTokens.set(token, { grantId: grant.id, expiresAt: Math.min(now + this.options.refreshTokenTtlSeconds * 1000, grant.hardExpiresAt), retiredAt: null });
    grant.currentRefresh = token;
  }

  private tokenSet(grant: Grant, includeHard: boolean): TokenSet {
    const now = this.clock.now();
    const access = secret(64);
    const accessExpiry = Math.min(now + this.options.accessTokenTtlSeconds * 1000, grant.hardExpiresAt);
    this.accessTokens.set(access, { grantId: grant.id, realmId: grant.realmId, expiresAt: accessExpiry });
    const refresh = this.refreshTokens.get(grant.currentRefresh) as RefreshRecord;
    const set: TokenSet = {
      token_type: 'bearer',
      access_token: access,
      refresh_token: grant.currentRefresh,
      expires_in: seconds(accessExpiry - now),
      x_refresh_token_expires_in: seconds(refresh.expiresAt - now),
    };
    if (includeHard) set.x_refresh_token_hard_expires_in = seconds(grant.hardExpiresAt - now);
    return set;
  }
}

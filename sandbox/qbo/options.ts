// Options of createQboSandbox and their defaults (see README for why each default was chosen).
import type { FastifyBaseLogger } from 'fastify';
import type { EndpointInput, WebhookTiming } from './webhooks/hub.js';

export interface LimitOptions {
  /** Requests per realm in any 60-second window (Intuit: 500). */
  perMinute: number;
  /** Requests per realm in any 1-second window (Intuit: 10 per realm and app). */
  perSecond: number;
  /** Batch calls per realm in any 60-second window (Intuit: 40 per realm and app). */
  batchPerMinute: number;
  /** Items in one batch call (Intuit recommends at most 30). */
  batchMaxItems: number;
}

export interface WebhookOptions {
  /** Events gather this long before they leave in one delivery (Intuit batches for about a minute). */
  batchWindowMs?: number;
  /** Multiplies Intuit's retry intervals (10 s, 20 s, 30 s, 5 min, …); 0.001 turns seconds into milliseconds. */
  retryScale?: number;
  /** An answer slower than this is a failed attempt (Intuit: 3 s). */
  timeoutMs?: number;
  /** An endpoint configured from the start (the default app unless `clientId` says otherwise). */
  endpoint?: EndpointInput;
}

export interface QboSandboxOptions {
  clientId?: string;
  clientSecret?: string;
  /** Allowed redirect URIs; when absent any http(s) URI is accepted. */
  redirectUris?: readonly string[];
  /** Skip the consent page: /oauth2/authorize redirects back at once. */
  autoApprove?: boolean;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** How long a rotated-out refresh token keeps working. */
  refreshTokenGraceSeconds?: number;
  /** Maximum lifetime of a grant, whatever the rolling refresh expiry says. */
  hardExpirySeconds?: number;
  authorizationCodeTtlSeconds?: number;
  limits?: Partial<LimitOptions>;
  webhooks?: WebhookOptions;
  /** Injectable base clock (ms since epoch). */
  now?: () => number;
  logger?: FastifyBaseLogger | false;
}

export interface ResolvedOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: readonly string[] | null;
  autoApprove: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  refreshTokenGraceSeconds: number;
  hardExpirySeconds: number;
  authorizationCodeTtlSeconds: number;
  limits: LimitOptions;
  webhooks: WebhookTiming & { endpoint: EndpointInput | undefined };
}

export const DEFAULT_CLIENT_ID = 'qbflow-sandbox-client';
export const DEFAULT_CLIENT_SECRET = 'qbflow-sandbox-secret';
const DAY = 86_400;

export function resolveOptions(options: QboSandboxOptions): ResolvedOptions {
  return {
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    redirectUris: options.redirectUris ?? null,
    autoApprove: options.autoApprove ?? false,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 100 * DAY,
    refreshTokenGraceSeconds: options.refreshTokenGraceSeconds ?? 60,
    hardExpirySeconds: options.hardExpirySeconds ?? 5 * 365 * DAY,
    authorizationCodeTtlSeconds: options.authorizationCodeTtlSeconds ?? 300,
    limits: {
      perMinute: options.limits?.perMinute ?? 500,
      perSecond: options.limits?.perSecond ?? 10,
      batchPerMinute: options.limits?.batchPerMinute ?? 40,
      batchMaxItems: options.limits?.batchMaxItems ?? 30,
    },
    webhooks: {
      batchWindowMs: options.webhooks?.batchWindowMs ?? 2000,
      retryScale: options.webhooks?.retryScale ?? 1,
      timeoutMs: options.webhooks?.timeoutMs ?? 3000,
      endpoint: options.webhooks?.endpoint,
    },
  };
}

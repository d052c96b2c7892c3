// createQboSandbox: an emulated QuickBooks Online (Accounting API v3 + Intuit's OAuth 2.0 server + outbound
// webhooks) on one Fastify app, plus a control surface for tests. See sandbox/README.md for what it emulates.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { accountingRoutes } from './api/routes.js';
import { createClock } from './clock.js';
import { CompanyRegistry } from './company/registry.js';
import { controlRoutes } from './control/routes.js';
import { createControl, type SandboxControl } from './control/surface.js';
import { FaultInjector } from './fault-injection.js';
import { RateLimiter } from './limits.js';
import { oauthRoutes } from './oauth/routes.js';
import { OAuthStore } from './oauth/store.js';
import { resolveOptions, type QboSandboxOptions } from './options.js';
import type { SandboxState } from './state.js';
import { WebhookHub } from './webhooks/hub.js';

export interface SandboxEndpoints {
  /** Base URL of the Accounting API: requests go to `${apiBaseUrl}/v3/company/{realmId}/…`. */
  apiBaseUrl: string;
  authorizeEndpoint: string;
  tokenEndpoint: string;
  revokeEndpoint: string;
  userInfoEndpoint: string;
  /** Read-only inspection and the control API. */
  controlUrl: string;
}

export interface QboSandbox extends SandboxControl {
  /** The Fastify app (not listening until listen()). */
  app: FastifyInstance;
  clientId: string;
  clientSecret: string;
  /** Starts listening (default 127.0.0.1 on an ephemeral port) and returns the base URL. */
  listen(options?: { port?: number; host?: string }): Promise<string>;
  close(): Promise<void>;
  /** The URLs to hand to intuit-oauth's setAuthorizeURLs and to the API client. */
  endpoints(baseUrl?: string): SandboxEndpoints;
}

export function endpointsFor(baseUrl: string): SandboxEndpoints {
  const base = baseUrl.replace(/\/$/, '');
  return {
    apiBaseUrl: base,
    authorizeEndpoint: `${base}/oauth2/authorize`,
    tokenEndpoint: `${base}/oauth2/v1/tokens/bearer`,
    revokeEndpoint: `${base}/oauth2/v1/tokens/revoke`,
    userInfoEndpoint: `${base}/v1/openid_connect/userinfo`,
    controlUrl: `${base}/_sandbox`,
  };
}

export function createQboSandbox(input: QboSandboxOptions = {}): QboSandbox {
  const options = resolveOptions(input);
  const clock = createClock(input.now);
  const oauth = new OAuthStore(options, clock);
  const { endpoint, ...timing } = options.webhooks;
  const webhooks = new WebhookHub(timing, { defaultClientId: options.clientId, isConnected: (clientId, realmId) => oauth.isConnected(clientId, realmId) }, endpoint);
  const state: SandboxState = {
    options,
    clock,
    companies: new CompanyRegistry(clock, webhooks.onChange),
    oauth,
    limiter: new RateLimiter(options.limits, clock),
    faults: new FaultInjector(),
    webhooks,
  };
  const control = createControl(state);
  const common = { bodyLimit: 10 * 1024 * 1024, forceCloseConnections: true };
  const app: FastifyInstance = input.logger ? Fastify({ ...common, loggerInstance: input.logger }) : Fastify({ ...common, logger: false });

  void app.register(formbody);
  void app.register(async (scope) => oauthRoutes(scope, state));
  void app.register(async (scope) => accountingRoutes(scope, state));
  void app.register(async (scope) => controlRoutes(scope, { state, control }));

  let baseUrl: string | undefined;
  return {
    ...control,
    app,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    async listen({ port = 0, host = '127.0.0.1' } = {}) {
      const address = await app.listen({ port, host });
      baseUrl = address.replace('[::1]', 'localhost');
      return baseUrl;
    },
    async close() {
      state.webhooks.close();
      await app.close();
    },
    endpoints(url = baseUrl) {
      if (!url) throw new Error('the sandbox is not listening yet: pass a base URL');
      return endpointsFor(url);
    },
  };
}

export type { QboSandboxOptions, LimitOptions, WebhookOptions } from './options.js';
export type { EndpointInput } from './webhooks/hub.js';
export type { Delivery, DeliveryAttempt, EndpointConfig, WebhookFormat } from './webhooks/types.js';
export type { WebhookFaultSpec } from './webhooks/faults.js';
export { intuitSignature } from './webhooks/signature.js';
export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './options.js';
export type { CompanyOptions } from './company/registry.js';
export type { CompanySummary, CompanySettingsPatch, SandboxControl } from './control/surface.js';
export type { FailureSpec, CommitFailureSpec, CallMatch } from './fault-injection.js';
export type { TokenSet } from './oauth/store.js';
export type { SandboxClock } from './clock.js';

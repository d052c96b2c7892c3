// Everything the routes share: options, clock, companies, OAuth store, limiter, armed faults and webhooks.
import type { SandboxClock } from './clock.js';
import type { CompanyRegistry } from './company/registry.js';
import type { FaultInjector } from './fault-injection.js';
import type { RateLimiter } from './limits.js';
import type { OAuthStore } from './oauth/store.js';
import type { ResolvedOptions } from './options.js';
import type { WebhookHub } from './webhooks/hub.js';

export interface SandboxState {
  options: ResolvedOptions;
  clock: SandboxClock;
  companies: CompanyRegistry;
  oauth: OAuthStore;
  limiter: RateLimiter;
  faults: FaultInjector;
  webhooks: WebhookHub;
}

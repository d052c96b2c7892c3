// What the API needs from the rest of the product, passed into buildApp (never imported as singletons).
import type { LedgerFor } from '../quickbooks/resolver.js';
import type { Control } from '../control/index.js';
import type { IntuitOAuth } from '../quickbooks/online/index.js';
import type { Config } from '../config/index.js';
import type { Repositories } from '../db/repositories/index.js';
import type { Tenant } from '../db/repositories/core/tenants.js';
import type { LookupAll } from '../outbound/addresses.js';
import type { ReadinessChecks } from '../config/health.js';

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'operatorToken' | 'bodyLimit' | 'temporal' | 'lifecycle' | 'qbd' | 'webhooks' | 'intuit'> & Partial<Pick<Config, 'trustProxy'>>;
  repos: Repositories;
  oauth: IntuitOAuth;
  ledgerFor: LedgerFor;
  control: Control;
  /** What /health/ready checks (PostgreSQL, Temporal); ready with no checks when absent (tests). */
  readinessChecks?: ReadinessChecks;
  /** How webhook hosts are resolved when registered (the system's resolver when absent). */
  lookup?: LookupAll;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    tenant: Tenant | null;
  }
}

/** Link to a workflow in Temporal UI, when a UI address is known. */
export function temporalUiLink(config: AppDeps['config'], workflowId: string): string | undefined {
  const base = config.temporal.uiUrl?.replace(/\/$/, '');
  return base && `${base}/namespaces/${encodeURIComponent(config.temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

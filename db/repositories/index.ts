// All repositories over one database, built once per process.
import type { Database, Executor } from '../client.js';
import type { SecretBox } from '../secrets.js';
import { createBillingRepository } from './billing.js';
import { createBillingRunsRepository } from './billing-runs.js';
import { createConnectionsRepository } from './connections.js';
import { createDocumentsRepository } from './documents.js';
import { createMappingsRepository } from './mappings.js';
import { createOAuthStatesRepository } from './oauth-states.js';
import { createQbdConnectionsRepository } from './qbd-connections.js';
import { createQbdListsRepository } from './qbd-lists.js';
import { createQbdQueueRepository } from './qbd-queue.js';
import { createSettingsRepository } from './settings.js';
import { createSyncErrorsRepository } from './sync-errors.js';
import { createTenantsRepository } from './tenants.js';
import { createTokensRepository } from './tokens.js';
import { createWebhooksRepository } from './webhooks.js';

export function createRepositories(db: Database, box: SecretBox) {
  return {
    tenants: createTenantsRepository(db),
    connections: createConnectionsRepository(db),
    tokens: createTokensRepository(db, box),
    oauthStates: createOAuthStatesRepository(db, box),
    settings: createSettingsRepository(db),
    mappings: createMappingsRepository(db),
    documents: createDocumentsRepository(db),
    syncErrors: createSyncErrorsRepository(db),
    webhooks: createWebhooksRepository(db, box),
    qbdConnections: createQbdConnectionsRepository(db),
    qbdQueue: createQbdQueueRepository(db),
    qbdLists: createQbdListsRepository(db),
    billing: createBillingRepository(db),
    billingRuns: createBillingRunsRepository(db),
    /** Runs several repository writes atomically: pass the executor to each. */
    transaction: <T>(work: (tx: Executor) => Promise<T>): Promise<T> => db.transaction(work),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

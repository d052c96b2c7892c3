// All repositories over one database, built once per process.
import type { Database, Executor } from '../client.js';
import type { SecretBox } from '../secrets.js';
import { createBillingRepository } from './billing/setup.js';
import { createBillingRunsRepository } from './billing/runs.js';
import { createConsoleActivityRepository } from './console/activity.js';
import { createConsoleSessionsRepository } from './console/sessions.js';
import { createConsoleSettingsRepository } from './console/settings.js';
import { createConnectionsRepository } from './core/connections.js';
import { createDocumentsRepository } from './core/documents.js';
import { createPaymentApplicationsRepository } from './invoices/applications.js';
import { createInvoiceCopiesRepository } from './invoices/copies.js';
import { createIntuitEventsRepository } from './invoices/events.js';
import { createMappingsRepository } from './core/mappings.js';
import { createOAuthStatesRepository } from './core/oauth-states.js';
import { createOrderContextRepository } from './core/order-context.js';
import { createQbdConnectionsRepository } from './desktop/connections.js';
import { createQbdListsRepository } from './desktop/lists.js';
import { createQbdOperationsRepository } from './desktop/operations.js';
import { createQbdQueueRepository } from './desktop/queue.js';
import { createSettingsRepository } from './core/settings.js';
import { createSyncErrorsRepository } from './core/sync-errors.js';
import { createTenantsRepository } from './core/tenants.js';
import { createTokensRepository } from './core/tokens.js';
import { createWebhooksRepository } from './core/webhooks.js';
import { createTimeListsRepository } from './timesheets/lists.js';
import { createTimesheetsRepository } from './timesheets/entries.js';

export function createRepositories(db: Database, box: SecretBox) {
  return {
    tenants: createTenantsRepository(db),
    connections: createConnectionsRepository(db),
    tokens: createTokensRepository(db, box),
    oauthStates: createOAuthStatesRepository(db, box),
    settings: createSettingsRepository(db),
    orderContext: createOrderContextRepository(db),
    mappings: createMappingsRepository(db),
    documents: createDocumentsRepository(db),
    syncErrors: createSyncErrorsRepository(db),
    webhooks: createWebhooksRepository(db, box),
    qbdConnections: createQbdConnectionsRepository(db),
    qbdQueue: createQbdQueueRepository(db),
    qbdOperations: createQbdOperationsRepository(db),
    qbdLists: createQbdListsRepository(db),
    billing: createBillingRepository(db),
    billingRuns: createBillingRunsRepository(db),
    consoleSessions: createConsoleSessionsRepository(db),
    consoleSettings: createConsoleSettingsRepository(db),
    consoleActivity: createConsoleActivityRepository(db),
    invoiceCopies: createInvoiceCopiesRepository(db),
    paymentApplications: createPaymentApplicationsRepository(db),
    intuitEvents: createIntuitEventsRepository(db),
    timeLists: createTimeListsRepository(db),
    timesheets: createTimesheetsRepository(db),
    /** Runs several repository writes atomically: pass the executor to each. */
    transaction: <T>(work: (tx: Executor) => Promise<T>): Promise<T> => db.transaction(work),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

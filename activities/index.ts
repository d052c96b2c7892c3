// Builds every activity from its dependencies. The worker registers the result; workflows import its type.
import { createBillingActivities } from './billing/index.js';
import { withFailureTranslation, type FailurePolicy } from './failures.js';
import { createInvoiceActivities } from './invoices/index.js';
import type { LedgerFor } from '../quickbooks/resolver.js';
import { createLifecycleActivities } from './lifecycle.js';
import type { Mailer } from '../outbound/mailer.js';
import { createNotificationActivities } from './notifications.js';
import { createOrderActivities } from './orders.js';
import type { IntuitOAuth } from '../quickbooks/online/oauth.js';
import type { Repositories } from '../db/repositories/index.js';

export interface ActivityDeps {
  repos: Repositories;
  ledgerFor: LedgerFor;
  oauth: IntuitOAuth;
  mailer: Mailer;
  taskQueue: string;
  failurePolicy: FailurePolicy;
}

export function createActivities(deps: ActivityDeps) {
  return withFailureTranslation({
    ...createOrderActivities({ repos: deps.repos, ledgerFor: deps.ledgerFor }),
    ...createLifecycleActivities({ repos: deps.repos, oauth: deps.oauth }),
    ...createNotificationActivities({ repos: deps.repos, mailer: deps.mailer, taskQueue: deps.taskQueue }),
    ...createBillingActivities({ repos: deps.repos, ledgerFor: deps.ledgerFor }),
    ...createInvoiceActivities({ repos: deps.repos, ledgerFor: deps.ledgerFor, taskQueue: deps.taskQueue }),
  }, deps.failurePolicy);
}

export type Activities = ReturnType<typeof createActivities>;

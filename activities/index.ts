// Builds every activity from its dependencies. The worker registers the result; workflows import its type.
import { createBillingActivities } from './billing/index.js';
import { withFailureTranslation, type FailurePolicy } from './failures.js';
import { createInvoiceActivities } from './invoices/index.js';
import type { LedgerFor } from '../quickbooks/resolver.js';
import { createLifecycleActivities } from './lifecycle.js';
import type { Mailer } from '../outbound/mailer.js';
import { createNotificationActivities, type WebhookDeliveryOptions } from './notifications.js';
import { createOrderActivities } from './orders.js';
import type { IntuitOAuth } from '../quickbooks/online/oauth.js';
import type { Repositories } from '../db/repositories/index.js';
import type { DesktopOperations } from '../quickbooks/desktop/index.js';
import { createTimesheetActivities } from './timesheets/index.js';

export interface ActivityDeps {
  repos: Repositories;
  ledgerFor: LedgerFor;
  /** Runs the steps that talk to QuickBooks as Desktop operations (they answer done or waiting). */
  operations: DesktopOperations;
  oauth: IntuitOAuth;
  mailer: Mailer;
  taskQueue: string;
  failurePolicy: FailurePolicy;
  webhooks: WebhookDeliveryOptions;
}

export function createActivities(deps: ActivityDeps) {
  return withFailureTranslation({
    ...createOrderActivities({ repos: deps.repos, ledgerFor: deps.ledgerFor, operations: deps.operations }),
    ...createLifecycleActivities({ repos: deps.repos, oauth: deps.oauth }),
    ...createNotificationActivities({ repos: deps.repos, mailer: deps.mailer, taskQueue: deps.taskQueue, webhooks: deps.webhooks }),
    ...createBillingActivities({ repos: deps.repos, ledgerFor: deps.ledgerFor, operations: deps.operations }),
    ...createInvoiceActivities({ repos: deps.repos, ledgerFor: deps.ledgerFor, taskQueue: deps.taskQueue, operations: deps.operations }),
    ...createTimesheetActivities({ repos: deps.repos, ledgerFor: deps.ledgerFor, operations: deps.operations }),
  }, deps.failurePolicy);
}

export type Activities = ReturnType<typeof createActivities>;

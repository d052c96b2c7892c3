// The client side of Temporal and the product's other use cases, built once per process: what the API (the JSON
// routes and the console alike) and activities that start other workflows use to start, signal and ask workflows,
// and to read and change settings, mappings, connections and webhooks under the same rules.
import type { Client } from '@temporalio/client';
import type { Config } from '../config/index.js';
import type { Repositories } from '../db/repositories/index.js';
import type { IntuitOAuth } from '../quickbooks/online/oauth.js';
import type { LedgerFor } from '../quickbooks/resolver.js';
import { createBillingConfigControl, type BillingConfigControl } from './billing-config.js';
import { createBillingRunControl, type BillingRunControl } from './billing-runs.js';
import { createConnectionControl, type ConnectionControl } from './connections.js';
import { createDesktopControl, type DesktopControl } from './desktop.js';
import { createInvoiceControl, type InvoiceControl } from './invoices.js';
import { createLifecycleControl, type LifecycleControl } from './lifecycle.js';
import { createMappingControl, type MappingControl } from './mappings.js';
import { createOrderControl, type OrderControl } from './orders.js';
import { createSettingsControl, type SettingsControl } from './settings.js';
import { createSyncErrorControl, type SyncErrorControl } from './sync-errors.js';
import { createWebhookControl, type WebhookControl } from './webhooks.js';
import { createPaymentsControl, type PaymentsControl } from './payments.js';
import { createTimesheetControl, type TimesheetControl } from './timesheets.js';

export interface Control {
  client: Client;
  orders: OrderControl;
  billingRuns: BillingRunControl;
  billingConfig: BillingConfigControl;
  connections: ConnectionControl;
  desktop: DesktopControl;
  lifecycle: LifecycleControl;
  settings: SettingsControl;
  mappings: MappingControl;
  syncErrors: SyncErrorControl;
  webhooks: WebhookControl;
  invoices: InvoiceControl;
  payments: PaymentsControl;
  timesheets: TimesheetControl;
}

/** `ledgerFor` may be a late binding: the ledgers are built after this (the Online client needs the lifecycle control). */
export function createControl(client: Client, config: Config, repos: Repositories, oauth: IntuitOAuth, ledgerFor: LedgerFor): Control {
  const taskQueue = config.temporal.taskQueue;
  const lifecycle = createLifecycleControl({
    client,
    taskQueue,
    policy: { refreshMarginSeconds: config.intuit.refreshMarginSeconds, ...config.lifecycle },
    connections: repos.connections,
  });
  const orders = createOrderControl({ client, taskQueue, repos, pausedWorkCheckSeconds: config.lifecycle.pausedWorkCheckSeconds });
  const billingRuns = createBillingRunControl({ client, taskQueue, repos });
  const payments = createPaymentsControl({ client, taskQueue, repos, feedIntervalSeconds: config.intuit.changeFeedIntervalSeconds, desktopHoldMs: config.qbd.holdSeconds * 1000 });
  return {
    client,
    lifecycle,
    orders,
    billingRuns,
    invoices: createInvoiceControl({ client, taskQueue, repos, payments }),
    payments,
    billingConfig: createBillingConfigControl({ client, taskQueue, repos }),
    connections: createConnectionControl({ client, repos, oauth, lifecycle, payments }),
    desktop: createDesktopControl({ repos, listPageSize: config.qbd.listPageSize }),
    settings: createSettingsControl({ repos }),
    mappings: createMappingControl({ repos, ledgerFor }),
    syncErrors: createSyncErrorControl({ repos, billingRuns, orders }),
    timesheets: createTimesheetControl({ client, taskQueue, repos, listPageSize: config.qbd.listPageSize }),
    webhooks: createWebhookControl({ repos, allowPrivateNetworks: config.webhooks.allowPrivateNetworks }),
  };
}

// The client side of Temporal, built once per process from a Temporal client: what the API (and activities that
// start other workflows) use to start, signal and ask workflows.
import type { Client } from '@temporalio/client';
import type { Config } from '../config/index.js';
import type { Repositories } from '../db/repositories/index.js';
import type { IntuitOAuth } from '../quickbooks/online/oauth.js';
import { createBillingRunControl, type BillingRunControl } from './billing-runs.js';
import { createConnectionControl, type ConnectionControl } from './connections.js';
import { createInvoiceControl, type InvoiceControl } from './invoices.js';
import { createLifecycleControl, type LifecycleControl } from './lifecycle.js';
import { createOrderControl, type OrderControl } from './orders.js';
import { createPaymentsControl, type PaymentsControl } from './payments.js';

export interface Control {
  client: Client;
  orders: OrderControl;
  billingRuns: BillingRunControl;
  connections: ConnectionControl;
  lifecycle: LifecycleControl;
  invoices: InvoiceControl;
  payments: PaymentsControl;
}

export function createControl(client: Client, config: Config, repos: Repositories, oauth: IntuitOAuth): Control {
  const taskQueue = config.temporal.taskQueue;
  const lifecycle = createLifecycleControl({
    client,
    taskQueue,
    policy: { refreshMarginSeconds: config.intuit.refreshMarginSeconds, ...config.lifecycle },
    connections: repos.connections,
  });
  const payments = createPaymentsControl({ client, taskQueue, repos, feedIntervalSeconds: config.intuit.changeFeedIntervalSeconds });
  return {
    client,
    lifecycle,
    invoices: createInvoiceControl({ client, taskQueue, repos, payments }),
    payments,
    orders: createOrderControl({ client, taskQueue, repos, pausedWorkCheckSeconds: config.lifecycle.pausedWorkCheckSeconds }),
    billingRuns: createBillingRunControl({ client, taskQueue, repos }),
    connections: createConnectionControl({ client, repos, oauth, lifecycle, payments }),
  };
}

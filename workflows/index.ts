// Every workflow the worker runs (its workflowsPath).
export { billingRun, billingScheduled } from './billing.js';
export { billingSync } from './billing-sync.js';
export { connectionLifecycle } from './connection-lifecycle.js';
export { deliverWebhook } from './deliver-webhook.js';
export { sendOrder } from './send-order.js';
export { copyInvoice } from './copy-invoice.js';
export { paymentsFeed, paymentsSync } from './payments-sync.js';
export { importLists } from './import-lists.js';
export { exportTimesheets } from './export-timesheets.js';

// Every workflow the worker runs (its workflowsPath).
export { connectionLifecycle } from './connection-lifecycle.js';
export { deliverWebhook } from './deliver-webhook.js';
export { sendOrder } from './send-order.js';

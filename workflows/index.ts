// Every workflow the worker runs (its workflowsPath).
export { sendOrder } from './send-order.js';

// Accounting API bodies: what orders and billing write, and what is read back.
export * from './billing.js';
export * from './common.js';
export * from './orders.js';

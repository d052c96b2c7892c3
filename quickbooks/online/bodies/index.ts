// Accounting API bodies: what orders, billing and invoice copy write, and what is read back.
export * from './billing.js';
export * from './common.js';
export * from './invoices.js';
export * from './orders.js';

// The database schema, by section. Migrations are generated from it with `npm run db:generate -- --name=<verb_noun>`.
export * from './core.js';
export * from './desktop.js';
export * from './billing.js';
export * from './console.js';
export * from './invoices.js';
export * from './timesheets.js';

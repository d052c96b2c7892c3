// Monthly billing arithmetic: dates, time zones, periods, invoice lines, stable numbers. Pure; no I/O.
export * from './dates.js';
export * from './zone.js';
export * from './periods.js';
export * from './lines.js';
export * from './numbers.js';
export * from './credit.js';

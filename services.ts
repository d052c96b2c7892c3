// The composition root shared by the API and the worker: the long-lived services of a process (database,
// repositories, Intuit OAuth, the paced QuickBooks Online client, the ledger resolver, the client side of Temporal).
import type { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { ReadinessChecks } from './config/health.js';
import type { Config } from './config/index.js';
import { createDatabase, type DatabaseHandle } from './db/client.js';
import { createRepositories, type Repositories } from './db/repositories/index.js';
import { createSecretBox } from './db/secrets.js';
import { createLedgerResolver, type LedgerFor } from './quickbooks/resolver.js';
import { createControl, type Control } from './control/index.js';
import { createMailer, type Mailer } from './outbound/mailer.js';
import { createQbdLedgers, type DesktopOperations } from './quickbooks/desktop/index.js';
import { createIntuitOAuth, createPacer, createQboClient, createTokenSource, type IntuitOAuth, type TokenSource } from './quickbooks/online/index.js';

export interface Services {
  database: DatabaseHandle;
  repos: Repositories;
  oauth: IntuitOAuth;
  tokens: TokenSource;
  ledgerFor: LedgerFor;
  control: Control;
  /** Runs ledger activities as Desktop operations (answers done or waiting). */
  desktopOperations: DesktopOperations;
  mailer: Mailer;
  /** What this process needs answering before it takes work: PostgreSQL and the Temporal frontend. */
  readinessChecks: ReadinessChecks;
  close(): Promise<void>;
}

export function createServices(config: Config, temporal: Client, options: { poolSize?: number } = {}): Services {
  const database = createDatabase(config.databaseUrl, { max: options.poolSize ?? 10 });
  const repos = createRepositories(database.db, createSecretBox(config.encryptionKeys));
  const oauth = createIntuitOAuth(config.intuit);
  // the control's mapping checks ask the ledgers, which are built below (the Online client needs the lifecycle control)
  const late: { ledgerFor?: LedgerFor } = {};
  const control = createControl(temporal, config, repos, oauth, (connectionId) => late.ledgerFor!(connectionId));
  const tokens = createTokenSource({ tokens: repos.tokens, refresher: control.lifecycle });
  const qbo = createQboClient({
    baseUrl: config.intuit.apiBaseUrl,
    minorVersion: config.intuit.minorVersion,
    tokens,
    pacer: createPacer(database.db, config.intuit.requestsPerMinute),
  });
  const qbd = createQbdLedgers({ repos, config: config.qbd });
  const ledgerFor = createLedgerResolver({ connections: repos.connections, qbo, qbd: qbd.ledger });
  late.ledgerFor = ledgerFor;
  const readinessChecks: ReadinessChecks = {
    postgres: () => database.db.execute(sql`select 1`),
    temporal: () => temporal.workflowService.getSystemInfo({}),
  };
  return { database, repos, oauth, tokens, ledgerFor, control, desktopOperations: qbd.operations, mailer: createMailer(config.mail), readinessChecks, close: () => database.close() };
}

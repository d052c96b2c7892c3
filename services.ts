// The long-lived services behind activities and API routes: database, repositories, Intuit OAuth, the paced
// QuickBooks Online client and the ledger resolver. Built once per process by a composition root.
import type { Client } from '@temporalio/client';
import type { Config } from './config/index.js';
import { createDatabase, type DatabaseHandle } from './db/client.js';
import { createRepositories, type Repositories } from './db/repositories/index.js';
import { createSecretBox } from './db/secrets.js';
import { createLedgerResolver, type LedgerFor } from './quickbooks/resolver.js';
import { createLifecycleControl, type LifecycleControl } from './control/lifecycle.js';
import { createMailer, type Mailer } from './outbound/mailer.js';
import { createQbdLedgers } from './quickbooks/desktop/index.js';
import { createQboClient } from './quickbooks/online/client.js';
import { createIntuitOAuth, type IntuitOAuth } from './quickbooks/online/oauth.js';
import { createPacer } from './quickbooks/online/pacing.js';
import { createTokenSource, type TokenSource } from './quickbooks/online/tokens.js';

export interface Services {
  database: DatabaseHandle;
  repos: Repositories;
  oauth: IntuitOAuth;
  tokens: TokenSource;
  ledgerFor: LedgerFor;
  lifecycle: LifecycleControl;
  mailer: Mailer;
  close(): Promise<void>;
}

export function createServices(config: Config, temporal: Client, options: { poolSize?: number } = {}): Services {
  const database = createDatabase(config.databaseUrl, { max: options.poolSize ?? 10 });
  const repos = createRepositories(database.db, createSecretBox(config.encryptionKeys));
  const oauth = createIntuitOAuth(config.intuit);
  const lifecycle = createLifecycleControl({
    client: temporal,
    taskQueue: config.temporal.taskQueue,
    policy: { refreshMarginSeconds: config.intuit.refreshMarginSeconds, ...config.lifecycle },
    connections: repos.connections,
  });
  const tokens = createTokenSource({ tokens: repos.tokens, refresher: lifecycle });
  const qbo = createQboClient({
    baseUrl: config.intuit.apiBaseUrl,
    minorVersion: config.intuit.minorVersion,
    tokens,
    pacer: createPacer(database.db, config.intuit.requestsPerMinute),
  });
  const qbd = createQbdLedgers({ repos, config: config.qbd });
  const ledgerFor = createLedgerResolver({ connections: repos.connections, qbo, qbd: qbd.ledger });
  const close = async () => {
    await qbd.close();
    await database.close();
  };
  return { database, repos, oauth, tokens, ledgerFor, lifecycle, mailer: createMailer(config.mail), close };
}

// The long-lived services behind activities and API routes: database, repositories, Intuit OAuth, the paced
// QuickBooks Online client and the ledger resolver. Built once per process by a composition root.
import type { Config } from '../config/index.js';
import { createDatabase, type DatabaseHandle } from '../db/client.js';
import { createRepositories, type Repositories } from '../db/repositories/index.js';
import { createSecretBox } from '../db/secrets.js';
import { createLedgerResolver, type LedgerFor } from './ledgers.js';
import { createQboClient } from './qbo/client.js';
import { createIntuitOAuth, type IntuitOAuth } from './qbo/oauth.js';
import { createPacer } from './qbo/pacing.js';
import { createTokenSource, type TokenSource } from './qbo/tokens.js';

export interface Services {
  database: DatabaseHandle;
  repos: Repositories;
  oauth: IntuitOAuth;
  tokens: TokenSource;
  ledgerFor: LedgerFor;
  close(): Promise<void>;
}

export function createServices(config: Config, options: { poolSize?: number } = {}): Services {
  const database = createDatabase(config.databaseUrl, { max: options.poolSize ?? 10 });
  const repos = createRepositories(database.db, createSecretBox(config.encryptionKeys));
  const oauth = createIntuitOAuth(config.intuit);
  const tokens = createTokenSource({
    db: database.db,
    tokens: repos.tokens,
    connections: repos.connections,
    oauth,
    refreshMarginSeconds: config.intuit.refreshMarginSeconds,
  });
  const qbo = createQboClient({
    baseUrl: config.intuit.apiBaseUrl,
    minorVersion: config.intuit.minorVersion,
    tokens,
    pacer: createPacer(database.db, config.intuit.requestsPerMinute),
  });
  const ledgerFor = createLedgerResolver({ connections: repos.connections, qbo });
  return { database, repos, oauth, tokens, ledgerFor, close: () => database.close() };
}

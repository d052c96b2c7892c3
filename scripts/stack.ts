// Runs the whole product in one process: PostgreSQL, Temporal dev server (with UI), the sandbox QuickBooks,
// migrations, the worker and the API. Each embedded part yields to configuration (DATABASE_URL,
// TEMPORAL_ADDRESS, INTUIT_CLIENT_ID). Used by `npm start`, the demo, the benchmarks and the integration tests.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkerOptions } from '@temporalio/worker';
import { startApi, type ApiHandle } from '../api/server.js';
import { loadConfig, type Config } from '../config/index.js';
import { createLogger, installTemporalLogging } from '../config/logger.js';
import { createDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { generateEncryptionKey } from '../db/secrets.js';
import { createQboSandbox, type QboSandbox } from '../sandbox/qbo/index.js';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type QboSandboxOptions } from '../sandbox/qbo/options.js';
import { startWorker, type WorkerHandle } from '../worker.js';
import { startEmbeddedPostgres, type PostgresHandle } from './postgres.js';
import { startDevServer } from './temporal.js';

export interface StackOptions {
  /** Where embedded data and generated local secrets live. */
  dataDir: string;
  /** The environment to read (defaults to process.env); embedded parts fill what it leaves out. */
  env?: Record<string, string | undefined>;
  ports?: Partial<{ api: number; sandbox: number; temporal: number; temporalUi: number; postgres: number }>;
  /** Keep the embedded Temporal server's history in a file under dataDir (npm start), or in memory (demo, bench). */
  persistTemporal?: boolean;
  sandbox?: QboSandboxOptions;
  worker?: boolean | { workflowBundle?: WorkerOptions['workflowBundle'] };
  log?: (line: string) => void;
}

export interface Stack {
  config: Config;
  /** The environment the stack was configured from (for starting more processes alike). */
  env: Record<string, string | undefined>;
  apiUrl: string;
  api: ApiHandle;
  worker: WorkerHandle | undefined;
  sandbox: { server: QboSandbox; url: string } | undefined;
  temporal: TestWorkflowEnvironment | undefined;
  temporalUiUrl: string | undefined;
  operatorToken: string;
  startWorker(): Promise<WorkerHandle>;
  stop(): Promise<void>;
}

interface LocalSecrets {
  operatorToken: string;
  encryptionKeys: string;
}

/** Secrets generated once for a local install, kept in the data folder (never in the repository). */
export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = join(dataDir, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets = { operatorToken: randomBytes(24).toString('base64url'), encryptionKeys: generateEncryptionKey('local1') };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The sandbox QuickBooks Online on `port`, and the INTUIT_* settings pointing at it written into `env`. It notifies
 * the API (env.PUBLIC_URL unless the options say where) as Intuit would, signed with a verifier token both know.
 */
export async function startSandbox(env: Record<string, string | undefined>, options: QboSandboxOptions | undefined, port: number): Promise<{ server: QboSandbox; url: string }> {
  env.INTUIT_WEBHOOK_VERIFIER_TOKEN ||= randomBytes(18).toString('base64url');
  const webhooks = {
    ...options?.webhooks,
    endpoint: options?.webhooks?.endpoint ?? { url: `http://127.0.0.1:${env.PORT}/v1/intuit/webhooks`, verifierToken: env.INTUIT_WEBHOOK_VERIFIER_TOKEN },
  };
  const server = createQboSandbox({ autoApprove: true, ...options, webhooks, logger: false });
  const url = await server.listen({ port, host: '127.0.0.1' });
  Object.assign(env, {
    INTUIT_CLIENT_ID: options?.clientId ?? DEFAULT_CLIENT_ID,
    INTUIT_CLIENT_SECRET: options?.clientSecret ?? DEFAULT_CLIENT_SECRET,
    INTUIT_API_BASE_URL: url,
    INTUIT_AUTHORIZE_URL: `${url}/oauth2/authorize`,
    INTUIT_TOKEN_URL: `${url}/oauth2/v1/tokens/bearer`,
    INTUIT_REVOKE_URL: `${url}/oauth2/v1/tokens/revoke`,
    INTUIT_USERINFO_URL: `${url}/v1/openid_connect/userinfo`,
  });
  return { server, url };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const env = { ...(options.env ?? process.env) };
  const log = options.log ?? (() => {});
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
  };

  // The Temporal runtime is per process and fixed on first use (the dev server below uses it): route its logs first.
  installTemporalLogging(createLogger(env.LOG_LEVEL ?? 'info', 'temporal'));
  try {
    const secrets = await localSecrets(options.dataDir);
    env.OPERATOR_TOKEN ||= secrets.operatorToken;
    env.ENCRYPTION_KEYS ||= secrets.encryptionKeys;

    const apiPort = options.ports?.api ?? (env.PORT ? Number(env.PORT) : 3000);
    env.PORT = String(apiPort === 0 ? await freePort() : apiPort);
    env.PUBLIC_URL ||= `http://localhost:${env.PORT}`;

    let postgres: PostgresHandle | undefined;
    if (!env.DATABASE_URL) {
      log('Starting embedded PostgreSQL…');
      postgres = await startEmbeddedPostgres(options.dataDir, options.ports?.postgres ?? 5433);
      stops.push(() => postgres!.stop());
      env.DATABASE_URL = postgres.url;
    }

    let temporal: TestWorkflowEnvironment | undefined;
    let temporalUiUrl = env.TEMPORAL_UI_URL;
    if (!env.TEMPORAL_ADDRESS) {
      const port = options.ports?.temporal ?? 7233;
      const uiPort = options.ports?.temporalUi ?? 8233;
      log('Starting the Temporal dev server…');
      const dbFilename = options.persistTemporal === false ? undefined : join(options.dataDir, 'temporal.sqlite');
      temporal = await startDevServer({ port, uiPort, ...(dbFilename ? { dbFilename } : {}), log });
      stops.push(() => temporal!.teardown());
      env.TEMPORAL_ADDRESS = temporal.address;
      temporalUiUrl = `http://localhost:${uiPort}`;
      env.TEMPORAL_UI_URL = temporalUiUrl;
    }

    let sandbox: Stack['sandbox'];
    if (!env.INTUIT_CLIENT_ID) {
      sandbox = await startSandbox(env, options.sandbox, options.ports?.sandbox ?? 4100);
      stops.push(() => sandbox!.server.close());
    }

    const config = loadConfig(env);
    const database = createDatabase(config.databaseUrl, { max: 1 });
    await runMigrations(database.db);
    await database.close();

    const workerOptions = typeof options.worker === 'object' ? options.worker : {};
    const launchWorker = async () => {
      const handle = await startWorker(config, workerOptions);
      stops.push(() => handle.shutdown());
      return handle;
    };
    const worker = options.worker === false ? undefined : await launchWorker();
    const api = await startApi(config);
    stops.push(() => api.close());

    return {
      config,
      env,
      apiUrl: config.publicUrl,
      api,
      worker,
      sandbox,
      temporal,
      temporalUiUrl,
      operatorToken: config.operatorToken,
      startWorker: launchWorker,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

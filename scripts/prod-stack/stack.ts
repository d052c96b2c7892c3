// The production shape on one machine, from binaries: PostgreSQL (the machine's, DATABASE_URL) holding Temporal's
// two databases and ours, a Temporal cluster (scripts/prod-stack/temporal-server.ts), the sandbox QuickBooks
// Online (unless INTUIT_CLIENT_ID points at Intuit), two worker processes and two API processes behind one address.
// Used by `npm run stack:prod`, `npm run test:prod` and `npm run bench -- cluster`, which kill and restart parts.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { createDatabase } from '../../db/client.js';
import { runMigrations } from '../../db/migrate.js';
import type { QboSandbox } from '../../sandbox/qbo/index.js';
import { spawnApiProcess } from '../api-process.js';
import { freePort, localSecrets, startSandbox } from '../stack.js';
import { spawnWorkerProcess } from '../worker-process.js';
import { writeWorkflowBundle } from '../bundle-workflows.js';
import { startEmbeddedPostgres } from '../postgres.js';
import { temporalServerBinaries } from './binaries.js';
import { startProxy, type Proxy } from './proxy.js';
import { startTemporalCluster, type ClusterPorts, type TemporalCluster } from './temporal-server.js';

export interface ProdStackOptions {
  dataDir: string;
  /** The environment to read (process.env by default). Without DATABASE_URL an embedded PostgreSQL starts in dataDir. */
  env?: Record<string, string | undefined>;
  /** Database names on DATABASE_URL's server; random (and dropped at stop) when `scratch` is set. */
  databases?: Partial<{ app: string; temporal: string; visibility: string }>;
  scratch?: boolean;
  ports?: Partial<{ proxy: number; temporal: number }>;
  apis?: number;
  workers?: number;
  log?: (line: string) => void;
}

export interface ManagedProcess {
  name: string;
  /** Where it answers /health/live and /health/ready. */
  url: string;
  process: ChildProcess | undefined;
  kill(signal: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
}

export interface ProdStack {
  url: string;
  env: Record<string, string | undefined>;
  operatorToken: string;
  temporal: TemporalCluster;
  namespace: string;
  databases: { app: string; temporal: string; visibility: string };
  sandbox: { server: QboSandbox; url: string } | undefined;
  proxy: Proxy;
  apis: ManagedProcess[];
  workers: ManagedProcess[];
  /** What runs where, one line each. */
  describe(): string[];
  stop(): Promise<void>;
}

async function waitReady(url: string, child: () => ChildProcess | undefined, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exitCode = child()?.exitCode;
    if (exitCode !== null && exitCode !== undefined) throw new Error(`${url}: the process exited with ${exitCode}`);
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) return;
    if (Date.now() > deadline) throw new Error(`${url}/health/ready did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function managed(name: string, url: string, launch: () => Promise<ChildProcess>): ManagedProcess {
  const handle: ManagedProcess = {
    name,
    url,
    process: undefined,
    async kill(signal) {
      const child = handle.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
    async start() {
      handle.process = await launch();
      await waitReady(url, () => handle.process);
    },
  };
  return handle;
}

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

async function dropDatabases(adminUrl: string, names: string[]): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  for (const name of names) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  await admin.end();
}

/** Whether `port` can be listened on at 127.0.0.1 now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below 32768: Temporal's PostgreSQL schema keeps membership ports in a smallint column
 * (cluster_membership.rpc_port), so the kernel's ephemeral ports (32768 and up) fail the server at start.
 */
async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await portIsFree(port))) {
      taken.add(port);
      return port;
    }
  }
}

async function clusterPorts(frontend: number | undefined): Promise<ClusterPorts> {
  const taken = new Set<number>(frontend ? [frontend] : []);
  const next = () => freeClusterPort(taken);
  return {
    frontend: frontend ?? (await next()), frontendHttp: await next(), frontendMembership: await next(),
    history: await next(), historyMembership: await next(), matching: await next(), matchingMembership: await next(),
    worker: await next(), workerMembership: await next(),
  };
}

export async function startProdStack(options: ProdStackOptions): Promise<ProdStack> {
  const source = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
    stops.length = 0;
  };
  let adminUrl = source.DATABASE_URL;
  if (!adminUrl) {
    log('No DATABASE_URL: starting an embedded PostgreSQL…');
    const embedded = await startEmbeddedPostgres(join(options.dataDir, 'pg'), await freeClusterPort(new Set()), 'postgres');
    stops.push(() => embedded.stop());
    adminUrl = embedded.url;
  }
  const suffix = options.scratch ? `_${randomBytes(4).toString('hex')}` : '';
  const databases = {
    app: options.databases?.app ?? `qbflow_prod${suffix}`,
    temporal: options.databases?.temporal ?? `temporal${suffix}`,
    visibility: options.databases?.visibility ?? `temporal_visibility${suffix}`,
  };
  const namespace = source.TEMPORAL_NAMESPACE || 'default';
  if (options.scratch) stops.push(() => dropDatabases(adminUrl!, Object.values(databases)));

  try {
    await mkdir(options.dataDir, { recursive: true });
    const binaries = await temporalServerBinaries(log);
    const temporal = await startTemporalCluster(binaries, {
      dir: options.dataDir, adminUrl, databases: { default: databases.temporal, visibility: databases.visibility },
      namespace, retentionDays: Number(source.TEMPORAL_RETENTION_DAYS || 7),
      ports: await clusterPorts(options.ports?.temporal), log,
    });
    stops.push(() => temporal.stop());

    const secrets = await localSecrets(options.dataDir);
    const proxyPort = options.ports?.proxy ?? (await freePort());
    const url = `http://localhost:${proxyPort}`;
    const env: Record<string, string | undefined> = {
      ...source,
      DATABASE_URL: withDatabase(adminUrl, databases.app),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: namespace,
      OPERATOR_TOKEN: source.OPERATOR_TOKEN || secrets.operatorToken,
      ENCRYPTION_KEYS: source.ENCRYPTION_KEYS || secrets.encryptionKeys,
      PORT: String(proxyPort),
      PUBLIC_URL: source.PUBLIC_URL || url,
      TRUST_PROXY: '1',
    };
    const sandbox = env.INTUIT_CLIENT_ID ? undefined : await startSandbox(env, undefined, 0);
    if (sandbox) stops.push(() => sandbox.server.close());

    await createAppDatabase(adminUrl, databases.app);
    const database = createDatabase(env.DATABASE_URL!, { max: 1 });
    await runMigrations(database.db);
    await database.close();

    // one workflow bundle for every worker and restart, as an image carries it (a restart then takes seconds)
    const bundle = env.WORKFLOW_BUNDLE_PATH || join(options.dataDir, 'workflows.js');
    if (!env.WORKFLOW_BUNDLE_PATH) await writeWorkflowBundle(bundle);
    env.WORKFLOW_BUNDLE_PATH = bundle;
    const workers: ManagedProcess[] = [];
    for (let i = 0; i < (options.workers ?? 2); i++) {
      const port = await freePort();
      workers.push(managed(`worker ${i + 1}`, `http://127.0.0.1:${port}`, async () => spawnWorkerProcess({ ...env, WORKER_HEALTH_PORT: String(port) })));
    }
    const apis: ManagedProcess[] = [];
    for (let i = 0; i < (options.apis ?? 2); i++) {
      const port = await freePort();
      apis.push(managed(`API ${i + 1}`, `http://127.0.0.1:${port}`, async () => (await spawnApiProcess(env, port, env.PUBLIC_URL)).process));
    }
    for (const part of [...workers, ...apis]) stops.push(() => part.kill('SIGTERM'));
    log(`Starting ${workers.length} worker and ${apis.length} API processes…`);
    await Promise.all([...workers, ...apis].map((part) => part.start()));
    const proxy = await startProxy(apis.map((a) => a.url), proxyPort);
    stops.push(() => proxy.close());

    return {
      url, env, operatorToken: env.OPERATOR_TOKEN!, temporal, namespace, databases, sandbox, proxy, apis, workers,
      describe: () => [
        `PostgreSQL        ${new URL(adminUrl).host}: databases ${databases.app} (qbflow), ${databases.temporal}, ${databases.visibility} (Temporal)`,
        `Temporal server   ${temporal.address} (v1.29.1: frontend, history, matching, worker; namespace ${namespace}) pid ${temporal.process().pid}`,
        ...(sandbox ? [`QuickBooks Online ${sandbox.url} (sandbox)`] : []),
        `API (proxy)       ${url} → ${apis.map((a) => a.url).join(', ')}`,
        ...apis.map((a) => `${a.name.padEnd(17)} ${a.url} pid ${a.process?.pid} (/health/live, /health/ready)`),
        ...workers.map((w) => `${w.name.padEnd(17)} ${w.url} pid ${w.process?.pid} (/health/live, /health/ready)`),
      ],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Our own database, created when missing (migrations then bring it up to date). */
async function createAppDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

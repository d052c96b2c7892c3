// A Temporal cluster on PostgreSQL, the way production runs one: databases created, schemas set up by the schema
// tool (default store and SQL advanced visibility), the server started from a written config with all four
// services (frontend, history, matching, worker) in one process, then the namespace (with its retention) and our
// search attributes registered through the APIs a cluster offers. The dev server does each of these by itself.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import protos from '@temporalio/proto'; // CommonJS: its namespaces hang off the default export
import postgres from 'postgres';
import { searchAttributeTypes } from '../../control/search-attributes.js';
import type { ServerBinaries } from './binaries.js';

const run = promisify(execFile);

export interface ClusterOptions {
  /** Where the config and the server's log go. */
  dir: string;
  /** The PostgreSQL server (any database on it; ours are created beside it). */
  adminUrl: string;
  databases: { default: string; visibility: string };
  namespace: string;
  retentionDays: number;
  /** Frontend gRPC port; the other services take the ports listed (9 in all). */
  ports: ClusterPorts;
  log: (line: string) => void;
}

export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

export interface TemporalCluster {
  address: string;
  /** Its config and log. */
  dir: string;
  process: () => ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 20 s) and starts it again on the same config and databases. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Creates the databases that do not exist yet. */
async function createDatabases(adminUrl: string, names: string[]): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    for (const name of names) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and _`);
      const found = await admin`select 1 from pg_database where datname = ${name}`;
      if (found.length === 0) await admin.unsafe(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
}

/** setup-schema -v 0.0 (version tables; never downgrades) then update-schema to the tool's own latest version. */
async function setUpSchemas(binaries: ServerBinaries, options: ClusterOptions): Promise<void> {
  const url = new URL(options.adminUrl);
  const connection = [
    '--plugin', 'postgres12', '--endpoint', url.hostname, '--port', url.port || '5432',
    '--user', decodeURIComponent(url.username || 'postgres'), '--password', decodeURIComponent(url.password),
  ];
  for (const [database, schema] of [[options.databases.default, 'temporal'], [options.databases.visibility, 'visibility']] as const) {
    options.log(`Schema: ${database} ← postgresql/v12/${schema} (temporal-sql-tool setup-schema, update-schema)`);
    const db = [...connection, '--database', database];
    await run(binaries.sqlTool, [...db, 'setup-schema', '-v', '0.0']);
    await run(binaries.sqlTool, [...db, 'update-schema', '--schema-name', `postgresql/v12/${schema}`]);
  }
}

function serverConfig(options: ClusterOptions): string {
  const url = new URL(options.adminUrl);
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${url.hostname}:${url.port || '5432'}"
        connectProtocol: tcp
        user: "${decodeURIComponent(url.username || 'postgres')}"
        password: "${decodeURIComponent(url.password)}"
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
  const service = (grpc: number, membership: number, http?: number) => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${http ? `\n      httpPort: ${http}` : ''}`;
  const p = options.ports;
  // numHistoryShards is fixed when the cluster is created: 4 suits one machine; production clusters use 512 or more.
  return `# Written by scripts/prod-stack (npm run stack:prod). Temporal server v1.29 on PostgreSQL 12+.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    default:${store(options.databases.default, 20)}
    visibility:${store(options.databases.visibility, 5)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:
  frontend:${service(p.frontend, p.frontendMembership, p.frontendHttp)}
  history:${service(p.history, p.historyMembership)}
  matching:${service(p.matching, p.matchingMembership)}
  worker:${service(p.worker, p.workerMembership)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${p.frontend}
dcRedirectionPolicy:
  policy: noop
`;
}

async function waitForFrontend(address: string, child: () => ChildProcess, timeoutMs = 120_000): Promise<Connection> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child().exitCode !== null) throw new Error(`the Temporal server exited with ${child().exitCode} (see its log)`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      await connection.healthService.check({});
      await connection.workflowService.getSystemInfo({});
      return connection;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the Temporal frontend at ${address} did not answer in ${timeoutMs / 1000} s: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

const isAlreadyExists = (error: unknown) => (error as { code?: number }).code === 6; // gRPC ALREADY_EXISTS

/** The namespace with its retention (a cluster has none until created; the dev server makes "default" itself). */
async function registerNamespace(connection: Connection, namespace: string, retentionDays: number): Promise<void> {
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(retentionDays * 86_400_000) });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
}

const { IndexedValueType } = protos.temporal.api.enums.v1;
const indexedTypes: Record<string, protos.temporal.api.enums.v1.IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/**
 * Our search attributes through the operator API, as in production. SQL visibility maps each custom attribute to
 * a column per namespace, with room for 10 Keyword and 3 Datetime attributes: we use 5 and 1.
 */
async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = Object.entries(searchAttributeTypes).filter(([name]) => !(name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, indexedTypes[type]!])),
  });
}

/**
 * Waits until the frontend knows the namespace and accepts queries on every attribute: a cluster's frontends
 * refresh their namespace and attribute caches every few seconds, so a start right after registering can fail.
 */
async function waitUntilUsable(connection: Connection, namespace: string, query: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await connection.workflowService.listWorkflowExecutions({ namespace, query, pageSize: 1 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`namespace ${namespace} not usable after ${timeoutMs / 1000} s: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export async function startTemporalCluster(binaries: ServerBinaries, options: ClusterOptions): Promise<TemporalCluster> {
  await mkdir(join(options.dir, 'config'), { recursive: true });
  await createDatabases(options.adminUrl, [options.databases.default, options.databases.visibility]);
  await setUpSchemas(binaries, options);
  await writeFile(join(options.dir, 'config', 'production.yaml'), serverConfig(options));
  const address = `127.0.0.1:${options.ports.frontend}`;
  const logFile = join(options.dir, 'temporal-server.log');

  let child: ChildProcess;
  const launch = async () => {
    const out = openSync(logFile, 'a');
    child = spawn(binaries.server, ['--root', options.dir, '--config', 'config', '--env', 'production', '--allow-no-auth', 'start'], {
      stdio: ['ignore', out, out],
    });
    return waitForFrontend(address, () => child);
  };
  const stopServer = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };

  options.log(`Temporal server v1.29.1 starting (log: ${logFile})…`);
  const connection = await launch();
  try {
    await registerNamespace(connection, options.namespace, options.retentionDays);
    await waitUntilUsable(connection, options.namespace, '');
    await registerSearchAttributes(connection, options.namespace);
    await waitUntilUsable(connection, options.namespace, Object.keys(searchAttributeTypes).map((name) => `${name} IS NULL`).join(' AND '));
  } finally {
    await connection.close();
  }
  return {
    address,
    dir: options.dir,
    process: () => child,
    async restart() {
      await stopServer();
      await (await launch()).close();
    },
    stop: stopServer,
  };
}

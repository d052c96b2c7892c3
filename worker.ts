// The worker's composition root: configuration, services, activities, Temporal worker. No business logic.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from './activities/index.js';
import { createServices } from './services.js';
import { loadConfig, type Config } from './config/index.js';
import { createLogger, installTemporalLogging } from './config/logger.js';
import { connectionOptions } from './config/temporal.js';
import { serveHealth } from './config/health.js';

export interface WorkerHandle {
  worker: Worker;
  /** Resolves when the worker has stopped (after `shutdown()` or a fatal error). */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

const execFileAsync = promisify(execFile);

export const workflowsPath = fileURLToPath(new URL('./workflows', import.meta.url));

export async function startWorker(config: Config, options: { workflowBundle?: WorkerOptions['workflowBundle'] } = {}): Promise<WorkerHandle> {
  const logger = createLogger(config.logLevel, 'worker');
  installTemporalLogging(logger);
  const clientConnection = await Connection.connect(connectionOptions(config.temporal));
  const services = createServices(config, new Client({ connection: clientConnection, namespace: config.temporal.namespace }));
  const connection = await NativeConnection.connect(connectionOptions(config.temporal));
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
    // on shutdown (SIGTERM) stop polling and let in-flight activities finish; cancel them only after this long
    shutdownGraceTime: `${config.worker.shutdownGraceSeconds}s`,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
    activities: createActivities({
      repos: services.repos,
      ledgerFor: services.ledgerFor,
      operations: services.desktopOperations,
      oauth: services.oauth,
      mailer: services.mailer,
      taskQueue: config.temporal.taskQueue,
      failurePolicy: { throttleBackoffSeconds: config.intuit.throttleBackoffSeconds },
      webhooks: { allowPrivateNetworks: config.webhooks.allowPrivateNetworks },
    }),
  });
  const health = config.worker.healthPort === undefined ? undefined : await serveHealth(config.worker.healthPort, () => {
    const state = worker.getState();
    return { live: state !== 'FAILED' && state !== 'STOPPED', accepting: state === 'RUNNING' };
  }, services.readinessChecks);
  const done = worker.run().finally(async () => {
    health?.close();
    await connection.close();
    await clientConnection.close();
    await services.close();
  });
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker started');
  return {
    worker,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

/**
 * The bundle a worker process runs: the one configured, else one built now by a short-lived child process, so
 * webpack's memory never stays in the worker.
 */
async function workflowBundleFor(config: Config): Promise<{ codePath: string }> {
  if (config.worker.workflowBundlePath) return { codePath: config.worker.workflowBundlePath };
  const codePath = join(await mkdtemp(join(tmpdir(), 'qbflow-workflows-')), 'workflows.js');
  const bundler = fileURLToPath(new URL('./scripts/bundle-workflows.ts', import.meta.url));
  await execFileAsync(process.execPath, ['--import', 'tsx', bundler, codePath]);
  return { codePath };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const config = loadConfig();
  const handle = await startWorker(config, { workflowBundle: await workflowBundleFor(config) });
  // SIGTERM (orchestrators, `kill`): drain in-flight activities, then exit; a second signal is not needed
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void handle.shutdown());
  await handle.done;
  process.exit(0);
}

// Finds (or builds) the Temporal CLI and runs its dev server, with our search attributes registered.
// Order: TEMPORAL_CLI_PATH, `temporal` on PATH, a cached build, `go install` into the cache, and last the
// SDK's own download (machines with internet). See DESIGN.md §3.
import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import * as attributes from '../control/search-attributes.js';

const run = promisify(execFile);
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
export const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'qbflow', 'bin');

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, 1);
    return true;
  } catch {
    return false;
  }
}

async function onPath(name: string, extra: string[] = []): Promise<string | undefined> {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), ...extra]) {
    if (dir && (await executable(join(dir, name)))) return join(dir, name);
  }
  return undefined;
}

/** The Temporal CLI binary, building it with Go if needed; undefined when neither exists nor Go is there. */
export async function findTemporalCli(log: (line: string) => void = () => {}): Promise<string | undefined> {
  if (process.env.TEMPORAL_CLI_PATH) return process.env.TEMPORAL_CLI_PATH;
  const found = (await onPath('temporal')) ?? (await onPath('temporal', [cacheDir]));
  if (found) return found;
  const go = await onPath('go', ['/usr/local/go/bin']);
  if (!go) return undefined;
  log(`Building the Temporal CLI with Go (${TEMPORAL_CLI_MODULE}) into ${cacheDir}; this happens once and takes a few minutes…`);
  await mkdir(cacheDir, { recursive: true });
  await run(go, ['install', TEMPORAL_CLI_MODULE], {
    env: { ...process.env, GOBIN: cacheDir, CGO_ENABLED: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return join(cacheDir, 'temporal');
}

export interface DevServerOptions {
  port?: number;
  uiPort?: number;
  /** SQLite file to keep history across restarts; in memory when absent. */
  dbFilename?: string;
  log?: (line: string) => void;
}

/** Starts `temporal server start-dev` (UI included when uiPort is set) and returns the test environment. */
export async function startDevServer(options: DevServerOptions = {}): Promise<TestWorkflowEnvironment> {
  const path = await findTemporalCli(options.log);
  return TestWorkflowEnvironment.createLocal({
    server: {
      ...(path ? { executable: { type: 'existing-path', path } } : {}),
      ...(options.port ? { port: options.port } : {}),
      ...(options.uiPort ? { ui: true, uiPort: options.uiPort } : {}),
      ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
      searchAttributes: [attributes.TenantId, attributes.ConnectionId, attributes.DocumentKind, attributes.ExternalId, attributes.Outcome, attributes.WaitingForWebConnectorSince],
      log: { format: 'pretty', level: 'error' },
    },
  });
}

// The Temporal server and its schema tool, built once with Go into a cache outside the repository (like the CLI in
// scripts/temporal.ts). Neither module has a replace directive, so `go install module@version` works. The schema
// tool carries the server's SQL schemas inside it (`--schema-name postgresql/v12/temporal`, the same files as
// schema/postgresql/v12/*/versioned in the module), so schema and server versions cannot drift apart.
import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const TEMPORAL_SERVER_VERSION = '1.29.1';
const SERVER_MODULE = `go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`;
const SQL_TOOL_MODULE = `go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`;

/** ~/.cache/qbflow/server-build (XDG_CACHE_HOME respected); TEMPORAL_SERVER_CACHE overrides. */
export const serverCacheDir = process.env.TEMPORAL_SERVER_CACHE
  ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'qbflow', 'server-build');

export interface ServerBinaries {
  /** `temporal-server` (built as `server`). */
  server: string;
  /** `temporal-sql-tool` (built as `sql`). */
  sqlTool: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function findGo(): Promise<string | undefined> {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/local/go/bin']) {
    if (dir && (await exists(join(dir, 'go')))) return join(dir, 'go');
  }
  return undefined;
}

/** Thrown when the binaries are not cached and cannot be built (no Go, or the build failed). */
export class ServerUnavailable extends Error {}

const binariesIn = (dir: string): ServerBinaries => ({ server: join(dir, 'server'), sqlTool: join(dir, 'sql') });

/** The cached binaries, building them with Go the first time (a few minutes); ServerUnavailable when impossible. */
export async function temporalServerBinaries(log: (line: string) => void = () => {}): Promise<ServerBinaries> {
  const binaries = binariesIn(serverCacheDir);
  if ((await exists(binaries.server)) && (await exists(binaries.sqlTool))) return binaries;

  const go = await findGo();
  if (!go) throw new ServerUnavailable(`the Temporal server is not cached in ${serverCacheDir} and Go is not installed to build it`);
  await mkdir(serverCacheDir, { recursive: true });
  const env = { ...process.env, GOBIN: serverCacheDir, CGO_ENABLED: '0' };
  for (const module of [SERVER_MODULE, SQL_TOOL_MODULE]) {
    log(`Building ${module} into ${serverCacheDir} (once; a few minutes)…`);
    try {
      await run(go, ['install', module], { env, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      throw new ServerUnavailable(`GOBIN=${serverCacheDir} go install ${module} failed:\n${stderr.trim()}`);
    }
  }
  return binaries;
}

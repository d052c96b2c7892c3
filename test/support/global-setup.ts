// Once per integration run: one Temporal dev server, one fresh PostgreSQL database (migrated), and one
// workflow bundle. Each test file then starts its own sandbox, API and worker against them.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../db/client.js';
import { runMigrations } from '../../db/migrate.js';
import { startEmbeddedPostgres, type PostgresHandle } from '../../scripts/postgres.js';
import { startDevServer } from '../../scripts/temporal.js';
import { freePort } from '../../scripts/stack.js';
import { writeWorkflowBundle } from '../../scripts/bundle-workflows.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
    workflowBundlePath: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = await mkdtemp(join(tmpdir(), 'qbflow-test-'));
  await chmod(scratch, 0o755); // an embedded PostgreSQL runs as another user when we are root
  const cleanups: (() => Promise<unknown>)[] = [() => rm(scratch, { recursive: true, force: true })];

  const workflowBundlePath = join(scratch, 'workflows.js');
  const [temporal, database] = await Promise.all([
    process.env.TEMPORAL_ADDRESS ? undefined : startDevServer(),
    createTestDatabase(scratch),
    writeWorkflowBundle(workflowBundlePath),
  ]);
  if (temporal) cleanups.push(() => temporal.teardown());
  cleanups.push(database.drop);

  project.provide('temporalAddress', process.env.TEMPORAL_ADDRESS ?? temporal!.address);
  project.provide('databaseUrl', database.url);
  project.provide('workflowBundlePath', workflowBundlePath);

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
}

/** A database of its own for this run, on DATABASE_URL's server or on an embedded one. */
async function createTestDatabase(scratch: string): Promise<{ url: string; drop: () => Promise<void> }> {
  let server: PostgresHandle | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres(join(scratch, 'pg'), await freePort(), 'postgres');
    adminUrl = server.url;
  }
  const name = `qbflow_test_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDatabase(url.toString(), { max: 1 });
  await runMigrations(handle.db);
  await handle.close();
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await server?.stop();
    },
  };
}

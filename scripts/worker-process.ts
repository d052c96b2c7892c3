// Starts a worker as a separate OS process (tests kill it outright; benchmarks measure its memory).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * V8's heap limit for a worker: without one V8 sizes the heap from the machine's memory and collects lazily, so a
 * busy worker grew to ~540 MiB of RSS; capped, it stays near 360 MiB at saturation (see the README's benchmarks).
 */
export const WORKER_NODE_OPTIONS = ['--max-old-space-size=256'];

/** Loaded after tsx: workflow threads without the SDK's per-promise stack capture (see the module). */
export const WORKER_PRELOAD = join(root, 'config', 'workflow-stack-traces.mjs');

export function spawnWorkerProcess(env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [...WORKER_NODE_OPTIONS, '--import', 'tsx', '--import', pathToFileURL(WORKER_PRELOAD).href, join(root, 'worker.ts')], {
    cwd: root,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

// Starts an API as a separate OS process (benchmarks measure its CPU and memory apart from the sandbox's).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * The API on `port`, configured like the rest of the stack; resolves once it answers /health. Its public address
 * is its own unless `publicUrl` says otherwise (several APIs behind one proxy).
 */
export async function spawnApiProcess(env: Record<string, string | undefined>, port: number, publicUrl?: string): Promise<{ process: ChildProcess; url: string }> {
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/server.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), PUBLIC_URL: publicUrl ?? url } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}`);
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return { process: child, url };
    if (Date.now() > deadline) throw new Error('the API process did not answer /health within a minute');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

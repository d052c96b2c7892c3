// Temporal UI for the cluster. The CLI's embedded UI cannot serve here: `temporal server start-dev` builds its UI
// server with the dev server's own frontend address and offers no flag to point it elsewhere (cli v1.5.1,
// temporalcli/devserver/server.go). The same UI server the CLI embeds (github.com/temporalio/ui-server/v2, the one
// the temporalio/ui image runs) builds on its own with Go and takes the frontend address from its config, so it is
// built once into the cache beside the server (`npm run stack:prod` only; tests and benches do without a UI).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serverCacheDir } from './binaries.js';

const run = promisify(execFile);
export const TEMPORAL_UI_MODULE = 'github.com/temporalio/ui-server/v2/cmd/server@v2.42.1';

export interface TemporalUi {
  url: string;
  stop(): Promise<void>;
}

/** The UI server binary, built with Go the first time; a reason string when it cannot be had. */
async function uiBinary(log: (line: string) => void): Promise<string> {
  const dir = join(serverCacheDir, 'ui');
  const binary = join(dir, 'server');
  if (await access(binary).then(() => true, () => false)) return binary;
  const go = ['/usr/local/go/bin/go', ...(process.env.PATH ?? '').split(':').map((d) => join(d, 'go'))];
  for (const candidate of go) {
    if (!(await access(candidate).then(() => true, () => false))) continue;
    log(`Building Temporal UI (${TEMPORAL_UI_MODULE}) into ${dir} (once; a few minutes)…`);
    await mkdir(dir, { recursive: true });
    await run(candidate, ['install', TEMPORAL_UI_MODULE], { env: { ...process.env, GOBIN: dir, CGO_ENABLED: '0' }, maxBuffer: 64 * 1024 * 1024 });
    return binary;
  }
  throw new Error('Go is not installed to build it');
}

export async function startTemporalUi(options: { dir: string; address: string; namespace: string; port: number; log: (line: string) => void }): Promise<TemporalUi> {
  const binary = await uiBinary(options.log);
  const configDir = join(options.dir, 'ui-config');
  await mkdir(configDir, { recursive: true });
  // Payloads hold customer names and amounts and this UI asks nobody to sign in: this machine only (README "Production").
  await writeFile(join(configDir, 'production.yaml'), [
    `temporalGrpcAddress: ${options.address}`,
    'host: 127.0.0.1',
    `port: ${options.port}`,
    'enableUi: true',
    `defaultNamespace: ${options.namespace}`,
    'cors:',
    '  cookieInsecure: true',
    '',
  ].join('\n'));
  const child: ChildProcess = spawn(binary, ['--root', options.dir, '--config', 'ui-config', '--env', 'production', 'start'], { stdio: 'ignore' });
  const url = `http://localhost:${options.port}`;
  const deadline = Date.now() + 30_000;
  while (!(await fetch(url).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`the UI server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the UI server did not answer within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

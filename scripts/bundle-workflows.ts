// `npm run build:workflows [file]`: bundles the workflow code once (webpack), so a worker process loads a file
// instead of carrying webpack's memory for its whole life (about 110 MiB of RSS). The worker runs this in a child
// process when WORKFLOW_BUNDLE_PATH is not set; images run it at build time; the tests once per run.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from '../worker.js';

const quietLogger = {
  log: () => {}, trace: () => {}, debug: () => {}, info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

/** Writes the workflow bundle to `file`; resolves to its size in bytes. */
export async function writeWorkflowBundle(file: string): Promise<number> {
  const bundle = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bundle.code);
  return bundle.code.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const file = resolve(process.argv[2] ?? 'dist/workflows.js');
  const size = await writeWorkflowBundle(file);
  console.log(`workflow bundle written to ${file} (${Math.round(size / 1024)} KiB)`);
}

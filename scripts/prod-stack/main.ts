// `npm run stack:prod`: the production shape on this machine (see stack.ts), kept running until Ctrl-C. Uses
// DATABASE_URL (a PostgreSQL server where databases may be created; else an embedded one in the data folder), and
// Go the first time (to build Temporal).
// Optional: PORT (the API's one address, 3000), PROD_STACK_TEMPORAL_PORT (7233), PROD_STACK_DATA_DIR,
// PROD_STACK_DATABASE / TEMPORAL_DATABASE / TEMPORAL_VISIBILITY_DATABASE (qbflow_prod, temporal, temporal_visibility),
// TEMPORAL_NAMESPACE (default), TEMPORAL_RETENTION_DAYS (7), TEMPORAL_UI_PORT (8080).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ServerUnavailable } from './binaries.js';
import { startProdStack, type ProdStack } from './stack.js';
import { startTemporalUi, type TemporalUi } from './ui.js';

const env = process.env;
const say = (line = '') => console.log(line);
const uiPort = Number(env.TEMPORAL_UI_PORT || 8080);
let stack: ProdStack | undefined;
try {
  stack = await startProdStack({
    dataDir: env.PROD_STACK_DATA_DIR ?? join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'qbflow', 'prod-stack'),
    databases: {
      ...(env.PROD_STACK_DATABASE ? { app: env.PROD_STACK_DATABASE } : {}),
      ...(env.TEMPORAL_DATABASE ? { temporal: env.TEMPORAL_DATABASE } : {}),
      ...(env.TEMPORAL_VISIBILITY_DATABASE ? { visibility: env.TEMPORAL_VISIBILITY_DATABASE } : {}),
    },
    ports: { proxy: Number(env.PORT || 3000), temporal: Number(env.PROD_STACK_TEMPORAL_PORT || 7233) },
    // the API links each order to Temporal UI, started below on this port
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn', TEMPORAL_UI_URL: env.TEMPORAL_UI_URL ?? `http://localhost:${uiPort}` },
    log: say,
  });
} catch (error) {
  console.error(error instanceof ServerUnavailable ? `Cannot run the production shape: ${error.message}` : error);
  process.exit(1);
}
let ui: TemporalUi | string;
try {
  ui = await startTemporalUi({ dir: stack.temporal.dir, address: stack.temporal.address, namespace: stack.namespace, port: uiPort, log: say });
} catch (error) {
  ui = `not running: ${error instanceof Error ? error.message : String(error)}`;
}
say();
say('qbflow, production-shaped:');
for (const line of stack.describe()) say(`  ${line}`);
say(`  Operator token    ${stack.operatorToken}`);
say(`  Temporal UI       ${typeof ui === 'string' ? ui : `${ui.url} (this machine only)`}`);
say();
say('Ctrl-C stops everything (workers drain their activities first).');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say('Stopping…');
    void (typeof ui === 'string' ? Promise.resolve() : ui.stop()).then(() => stack!.stop()).then(() => process.exit(0));
  });
}

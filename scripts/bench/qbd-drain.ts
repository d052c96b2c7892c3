// QuickBooks Desktop drain benchmark (figures, never assertions): 1,000 queued requests drained by the emulated
// Web Connector through our SOAP endpoint, batched (up to 50 requests or ~100 KB per qbXML message) and, for
// comparison, one request per round trip (a second API process with QBD_MAX_REQUESTS_PER_MESSAGE=1).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startApi } from '../../api/server.js';
import { loadConfig } from '../../config/index.js';
import { createDatabase } from '../../db/client.js';
import { createRepositories } from '../../db/repositories/index.js';
import { createSecretBox } from '../../db/secrets.js';
import { buildRequest } from '../../quickbooks/desktop/qbxml/index.js';
import { connectDesktop, QUICK_QBD_ENV, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { freePort, startStack } from '../stack.js';

const REQUESTS = 1000;

interface Drain {
  roundTrips: number;
  soapCalls: number;
  /** Time spent in SOAP calls to our endpoint (HTTP included, QuickBooks' own processing excluded). */
  endpointMs: number;
  wallMs: number;
  applied: number;
  /** Mean duration per SOAP method, ms. */
  perMethod: Record<string, number>;
}

async function drain(desktop: DesktopConnection, enqueue: (connectionId: string, names: string[]) => Promise<void>, label: string): Promise<Drain> {
  const names = Array.from({ length: REQUESTS }, (_, i) => `${label} ${String(i).padStart(4, '0')}`);
  await enqueue(desktop.connectionId, names);
  desktop.wc.resetCalls();
  const started = performance.now();
  const run = await desktop.wc.runOnce();
  const wallMs = performance.now() - started;
  if (run.outcome !== 'completed') throw new Error(`the drain run ended "${run.outcome}": ${run.error ?? run.lastError ?? ''}`);
  const perMethod: Record<string, number> = {};
  for (const method of ['sendRequestXML', 'receiveResponseXML']) {
    const calls = run.calls.filter((c) => c.method === method);
    perMethod[method] = calls.reduce((sum, c) => sum + c.durationMs, 0) / Math.max(1, calls.length);
  }
  return {
    perMethod,
    roundTrips: run.messages,
    soapCalls: run.calls.length,
    endpointMs: run.calls.reduce((sum, call) => sum + call.durationMs, 0),
    wallMs,
    applied: desktop.company.list('Customer').filter((c) => c.name.startsWith(`${label} `)).length,
  };
}

const fixed = (n: number, digits = 0) => n.toFixed(digits).padStart(9);

export async function runQbdDrainBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qbflow-bench-qbd-'));
  const stack = await startStack({
    dataDir,
    env: { ...process.env, LOG_LEVEL: 'error', ...QUICK_QBD_ENV },
    ports: { api: 0, sandbox: 0, temporal: await freePort(), temporalUi: await freePort(), postgres: await freePort() },
    worker: false, // the requests are queued directly: only the endpoint and the Web Connector are measured
  });
  const database = createDatabase(stack.config.databaseUrl, { max: 2 });
  const oneByOne = await startApi(loadConfig({ ...stack.env, PORT: String(await freePort()), PUBLIC_URL: '', QBD_MAX_REQUESTS_PER_MESSAGE: '1' }));
  try {
    const repos = createRepositories(database.db, createSecretBox(stack.config.encryptionKeys));
    const enqueue = async (connectionId: string, names: string[]) => {
      await repos.qbdQueue.enqueue(names.map((name) => {
        const requestId = randomUUID();
        return { connectionId, requestId, kind: 'CustomerAdd', requestXml: buildRequest({ kind: 'CustomerAdd', requestId, input: { name, email: 'ap@example.com' } }) };
      }));
    };
    const tenant = await fetch(`${stack.apiUrl}/v1/tenants`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.operatorToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'QBD bench tenant' }),
    }).then((r) => r.json() as Promise<{ apiKey: string }>);

    // warm-up: schema compilation in the emulated company file, connection pools, JIT
    const warm = await connectDesktop(stack.apiUrl, tenant.apiKey, { company: { companyName: 'Warm-up Co' } });
    await drain(warm, enqueue, 'Warm');

    const batchedUrl = stack.apiUrl;
    const singleUrl = oneByOne.url.replace('127.0.0.1', 'localhost');
    const batched = await drain(await connectDesktop(batchedUrl, tenant.apiKey, { company: { companyName: 'Batched Co' } }), enqueue, 'Batched');
    const single = await drain(await connectDesktop(singleUrl, tenant.apiKey, { company: { companyName: 'Single Co' } }), enqueue, 'Single');

    console.log(`\nQuickBooks Desktop: ${REQUESTS} queued CustomerAdd requests drained by the emulated Web Connector through POST /qbwc`);
    console.log('                                   batched (≤50 / ~100 KB)   one per round trip');
    console.log(`  qbXML round trips               ${fixed(batched.roundTrips)}            ${fixed(single.roundTrips)}`);
    console.log(`  SOAP calls in the run           ${fixed(batched.soapCalls)}            ${fixed(single.soapCalls)}`);
    console.log(`  time in the SOAP endpoint (ms)  ${fixed(batched.endpointMs)}            ${fixed(single.endpointMs)}`);
    console.log(`  requests/s through the endpoint ${fixed(REQUESTS / (batched.endpointMs / 1000))}            ${fixed(REQUESTS / (single.endpointMs / 1000))}`);
    console.log(`  whole run incl. QuickBooks (ms) ${fixed(batched.wallMs)}            ${fixed(single.wallMs)}`);
    console.log(`  requests/s end to end           ${fixed(REQUESTS / (batched.wallMs / 1000))}            ${fixed(REQUESTS / (single.wallMs / 1000))}`);
    console.log(`  sendRequestXML, mean (ms)       ${fixed(batched.perMethod.sendRequestXML!, 1)}            ${fixed(single.perMethod.sendRequestXML!, 1)}`);
    console.log(`  receiveResponseXML, mean (ms)   ${fixed(batched.perMethod.receiveResponseXML!, 1)}            ${fixed(single.perMethod.receiveResponseXML!, 1)}`);
    console.log(`  customers created in QuickBooks ${fixed(batched.applied)}            ${fixed(single.applied)}`);
    console.log(`  → ${(single.roundTrips / batched.roundTrips).toFixed(1)}× fewer round trips (target ≥ 20×); ${(single.wallMs / batched.wallMs).toFixed(1)}× less time than one request per round trip; ${Math.round(REQUESTS / (batched.endpointMs / 1000))} requests/s through the endpoint (target ≥ 500)`);
  } finally {
    await oneByOne.close();
    await database.close();
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runQbdDrainBench();
  process.exit(0);
}

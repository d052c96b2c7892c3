// `npm run bench`: prints figures (never asserts). Pick parts with arguments: one-realm, many-realms, two-workers, qbd, qbd-offline,
// billing, payments, timesheets, cluster (the production shape under faults, beside the dev server).
import { runBillingBench } from './bench/billing.js';
import { runClusterBench } from './bench/cluster.js';
import { runPaymentsBench } from './bench/payments.js';
import { runQbdDrainBench } from './bench/qbd-drain.js';
import { runQbdOfflineBench } from './bench/qbd-offline.js';
import { runManyRealmsBench, runOneRealmBench } from './bench/qbo.js';
import { runTimesheetsBench } from './bench/timesheets.js';

const parts: Record<string, () => Promise<void>> = {
  'one-realm': () => runOneRealmBench(),
  // Offered faster than this machine can go (throughput at saturation), then at a pace it sustains (latency when
  // not queueing).
  'many-realms': async () => {
    await runManyRealmsBench(50, 10, 60);
    await runManyRealmsBench(50, 10, 5);
  },
  // The same load on two worker processes sharing one Temporal and PostgreSQL: what each costs, nothing twice.
  'two-workers': () => runManyRealmsBench(50, 10, 60, 2),
  qbd: () => runQbdDrainBench(),
  'qbd-offline': () => runQbdOfflineBench(),
  billing: () => runBillingBench(),
  payments: () => runPaymentsBench(),
  timesheets: () => runTimesheetsBench(),
  cluster: () => runClusterBench(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : Object.keys(parts)) {
  const part = parts[name];
  if (!part) {
    console.error(`unknown part "${name}"; choose from ${Object.keys(parts).join(', ')}`);
    process.exit(2);
  }
  await part();
}
process.exit(0);

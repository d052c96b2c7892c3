// QuickBooks Online benchmarks (figures, never assertions):
//  (a) 200 orders to one realm under Intuit's limits: wall time against the minimum the limits allow.
//  (b) 50 realms × 10 orders at a steady arrival rate: orders/second, accept → payment-applied latency, worker RSS.
import { connect, cpuGroups, finish, finishAll, order, peakRss, percentile, realmStats, send, setUp, type BenchContext, type Sent } from './common.js';
import { describeThreads, measureCpu, threadTicks } from './cpu.js';

/** (a) 200 orders to one realm. */
export async function runOneRealmBench(orders = 200): Promise<void> {
  const ctx = await setUp();
  try {
    const { connectionId, realmId } = await connect(ctx);
    const before = await realmStats(ctx, realmId);
    const started = Date.now();
    const sent = await Promise.all(Array.from({ length: orders }, (_, n) => send(ctx, connectionId, order(n, 20))));
    const finished = await Promise.all(sent.map((s) => finish(ctx, s)));
    const wallMs = Math.max(...finished.map((f) => f.closedAt)) - started;
    const after = await realmStats(ctx, realmId);
    const requests = after.requests - before.requests;
    const minimumMs = (requests / 500) * 60_000;
    console.log(`(a) ${orders} orders → one realm (20 repeat customers, 10 products, invoice + bill + payment each)`);
    console.log(`    wall time ${(wallMs / 1000).toFixed(1)} s; minimum Intuit's 500 req/min allows for ${requests} requests: ${(minimumMs / 1000).toFixed(1)} s → ${(wallMs / minimumMs).toFixed(2)}× the minimum`);
    console.log(`    requests per order ${(requests / orders).toFixed(2)}; throttling errors (429) seen ${after.throttled - before.throttled}; failed orders ${finished.filter((f) => f.outcome !== 'posted').length}`);
  } finally {
    await ctx.close();
  }
}

/** (b) 50 realms × 10 orders, arriving at a steady rate; with two workers, each one's share and no duplicate. */
export async function runManyRealmsBench(realms: number, perRealm: number, arrivalsPerSecond: number, workers = 1): Promise<void> {
  const ctx = await setUp({}, workers);
  try {
    const connections: { connectionId: string; realmId: string }[] = [];
    for (let i = 0; i < realms; i++) connections.push(await connect(ctx));
    const total = realms * perRealm;
    const workerThreads = threadTicks(ctx.worker.pid!);
    const started = Date.now();
    const { result: finished, seconds } = await measureCpu(cpuGroups(ctx), async () => {
      const sends: Promise<Sent>[] = [];
      for (let n = 0; n < total; n++) {
        const due = started + (n * 1000) / arrivalsPerSecond;
        if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
        sends.push(send(ctx, connections[n % realms]!.connectionId, order(n, 3)));
      }
      return finishAll(ctx, await Promise.all(sends));
    });
    const wallMs = Math.max(...finished.map((f) => f.closedAt)) - started;
    const threads = describeThreads(ctx.worker.pid!, workerThreads, total);
    const latencies = finished.map((f) => f.latencyMs);
    let throttled = 0;
    for (const c of connections) throttled += (await realmStats(ctx, c.realmId)).throttled;
    console.log(`(b) ${realms} realms × ${perRealm} orders, offered at ${arrivalsPerSecond} orders/s${workers > 1 ? `, ${workers} worker processes` : ''}`);
    console.log(`    ${(total / (wallMs / 1000)).toFixed(1)} orders/s; latency accept → payment applied p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(2)} s, max ${(Math.max(...latencies) / 1000).toFixed(2)} s`);
    console.log(`    failed orders ${finished.filter((f) => f.outcome !== 'posted').length}; 429s ${throttled}; peak RSS: worker ${await peakRss(ctx.worker.pid)}, API ${await peakRss(ctx.apiProcess.pid)}`);
    const perOrder = (s: number) => `${((s * 1000) / total).toFixed(1)} ms`;
    const ours = seconds.worker! + seconds.api!;
    const all = ours + seconds.temporal! + seconds.postgres!;
    console.log(`    CPU per order ${perOrder(all)} (user + system, OS accounting): ours ${perOrder(ours)} (worker ${perOrder(seconds.worker!)}, API ${perOrder(seconds.api!)}), Temporal dev server ${perOrder(seconds.temporal!)}, PostgreSQL ${perOrder(seconds.postgres!)}; left out: the sandbox (Intuit's stand-in) and the bench itself, ${perOrder(seconds.standIns!)} on the same cores`);
    if (workers === 1) console.log(`    worker's CPU per order by thread: ${threads}`);
    else {
      const shares = await Promise.all(ctx.workers.map(async (w, i) => `worker ${i + 1} ${perOrder(seconds[`worker ${i + 1}`]!)} (peak RSS ${await peakRss(w.pid)})`));
      console.log(`    each worker's CPU per order of the whole run: ${shares.join(', ')}`);
      console.log(`    in the companies: ${documentsPosted(ctx, connections.map((c) => c.realmId), total)}`);
    }
  } finally {
    await ctx.close();
  }
}

/** Invoices, bills and payments in the companies against the orders sent: each order's documents exactly once. */
function documentsPosted(ctx: BenchContext, realmIds: string[], orders: number): string {
  const companies = ctx.stack.sandbox!.server.companies;
  const all = (entity: string) => realmIds.flatMap((realmId) => companies.objects(realmId, entity));
  const numbers = (entity: string) => new Set(all(entity).map((o) => String(o.DocNumber))).size;
  return `${all('Invoice').length} invoices (${numbers('Invoice')} numbers), ${all('Bill').length} bills (${numbers('Bill')} numbers), ${all('Payment').length} payments, for ${orders} orders`;
}

// Offline Desktop benchmark (figures, never assertions): 10 Desktop connections × 100 orders wait for Web Connectors
// that do not come, while 200 Online orders over 20 realms arrive at a sustainable pace; the same Online load is
// measured first without the backlog. Then the Web Connectors come: drain time and round trips.
import { connectDesktop, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { connect, finish, order, peakRss, percentile, send, setUp, type BenchContext } from './common.js';

const DESKTOPS = 10;
const PER_DESKTOP = 100;
const REALMS = 20;
const ONLINE = 200;
const PACE = 5; // orders a second

async function onlineRun(ctx: BenchContext, connections: { connectionId: string }[], prefix: string): Promise<number[]> {
  const sends = [];
  const started = Date.now();
  for (let n = 0; n < ONLINE; n++) {
    const due = started + (n * 1000) / PACE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    sends.push(send(ctx, connections[n % connections.length]!.connectionId, order(n, 3, prefix)));
  }
  const finished = await Promise.all((await Promise.all(sends)).map((s) => finish(ctx, s)));
  const failed = finished.filter((f) => f.outcome !== 'posted').length;
  if (failed) console.log(`    ${failed} Online order(s) did not post`);
  return finished.map((f) => f.latencyMs);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function runQbdOfflineBench(): Promise<void> {
  const ctx = await setUp();
  const sql = (await import('postgres')).default(ctx.stack.config.databaseUrl, { max: 2 });
  try {
    const realms = [];
    for (let i = 0; i < REALMS; i++) realms.push(await connect(ctx));
    const alone = await onlineRun(ctx, realms, 'ALONE');

    const desktops: DesktopConnection[] = [];
    for (let i = 0; i < DESKTOPS; i++) desktops.push(await connectDesktop(ctx.apiUrl, ctx.key, { name: `Office ${i}`, webConnector: { noOpDelayMs: 500 } }));
    const waiting = async () => Number((await sql`select count(distinct workflow_id)::int as n from qbd_operations`)[0]!.n);
    for (const [i, desktop] of desktops.entries()) {
      await Promise.all(Array.from({ length: PER_DESKTOP }, (_, n) => send(ctx, desktop.connectionId, order(n, 20, `D${i}`))));
    }
    while ((await waiting()) < DESKTOPS * PER_DESKTOP) await new Promise((resolve) => setTimeout(resolve, 500));
    const backlog = Number((await sql`select count(*)::int as n from qbd_requests where state = 'queued'`)[0]!.n);
    const beside = await onlineRun(ctx, realms, 'BESIDE');
    const rss = await peakRss(ctx.worker.pid);

    const drainStarted = Date.now();
    let messages = 0;
    let requests = 0;
    const paid = async (connectionId: string) =>
      Number((await sql`select count(*)::int as n from documents where connection_id = ${connectionId} and kind = 'payment' and state = 'posted'`)[0]!.n);
    await Promise.all(desktops.map((desktop) => runUntil(desktop.wc, async () => (await paid(desktop.connectionId)) === PER_DESKTOP, {
      timeoutMs: 3_600_000,
      onRun: (run) => { messages += run.messages; requests += run.requests; },
    })));
    const drainMs = Date.now() - drainStarted;

    const p95Alone = percentile(alone, 95);
    const p95Beside = percentile(beside, 95);
    console.log(`\nOffline Desktop: ${DESKTOPS} company files × ${PER_DESKTOP} orders waiting (${backlog} qbXML requests queued), ${ONLINE} Online orders over ${REALMS} realms at ${PACE}/s`);
    console.log(`  Online latency, accept → payment applied   without backlog: p50 ${seconds(percentile(alone, 50))}, p95 ${seconds(p95Alone)}`);
    console.log(`                                             beside the backlog: p50 ${seconds(percentile(beside, 50))}, p95 ${seconds(p95Beside)} → p95 ${(p95Beside / p95Alone).toFixed(2)}× (target ≤ 1.2×)`);
    console.log(`  worker peak RSS ${rss} (${DESKTOPS * PER_DESKTOP} Desktop orders waiting hold no activity slot)`);
    console.log(`  drain when the Web Connectors came: ${seconds(drainMs)} for ${DESKTOPS * PER_DESKTOP} orders; ${requests} requests in ${messages} qbXML messages (${(requests / Math.max(1, messages)).toFixed(1)} per round trip)`);
  } finally {
    await sql.end();
    await ctx.close();
  }
}

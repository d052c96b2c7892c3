import { connect, finish, order, send, setUp } from './common.js';
const ctx = await setUp();
try {
  const c = await connect(ctx);
  const sent = await Promise.all([0, 1, 2, 3].map((n) => send(ctx, c.connectionId, order(n, 3))));
  for (const s of sent) await finish(ctx, s);
  for (const s of sent) {
    const h = await ctx.temporal.workflow.getHandle(s.workflowId).fetchHistory();
    const evs = h.events!.map((e) => String(e.eventType).replace('EVENT_TYPE_', ''));
    console.log(s.workflowId, evs.length, 'events:', evs.join(' '));
    for (const e of h.events!) if (e.markerRecordedEventAttributes) console.log('  marker', e.markerRecordedEventAttributes.markerName, JSON.stringify(e.markerRecordedEventAttributes.details?.data?.payloads?.[0]?.data ? '' : ''));
  }
} finally { await ctx.close(); }
process.exit(0);

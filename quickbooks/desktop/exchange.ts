// How a ledger method talks to QuickBooks Desktop: it queues qbXML requests in PostgreSQL and waits for the Web
// Connector to bring the answers back. While it waits, the activity heartbeats "waiting for the Web Connector",
// holds the connection's session open (so the next step of a multi-step operation travels in the same run), and
// sleeps until PostgreSQL NOTIFY says something was answered (re-reading its rows now and then regardless).
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { QbdConfig } from '../../config/index.js';
import type { QbdNotifications } from '../../db/repositories/desktop/notifications.js';
import type { QbdQueueRepository, QbdRequestRow } from '../../db/repositories/desktop/queue.js';
import { buildRequest, QbxmlInputError, withRequestId, type QbxmlRequestSpec, type QbxmlResult } from './qbxml/index.js';
import { LedgerRejection } from '../errors.js';

/** The Web Connector session ended after QuickBooks got the request but before its answer reached us. */
export class QbdOutcomeUnknown extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbdOutcomeUnknown';
  }
}

/** A newer attempt of the same activity replaced this one's requests. */
export class QbdSuperseded extends Error {
  constructor() {
    super('A newer attempt of this step replaced these QuickBooks Desktop requests');
    this.name = 'QbdSuperseded';
  }
}

export interface QbdOperation {
  /** Queues the requests (they travel in one message when the queue allows) and waits for every answer. */
  send(requests: QbxmlRequestSpec[]): Promise<QbxmlResult[]>;
}

export interface QbdExchange {
  /** Runs one ledger operation on a connection: the session stays open while it runs and briefly after. */
  run<T>(connectionId: string, work: (op: QbdOperation) => Promise<T>): Promise<T>;
}

export interface QbdExchangeDeps {
  queue: QbdQueueRepository;
  answered: QbdNotifications;
  config: Pick<QbdConfig, 'holdSeconds' | 'followUpGraceMs' | 'recheckMs' | 'heartbeatMs' | 'sessionTimeoutSeconds'>;
}

const LOST = 'The Web Connector session ended before QuickBooks\' answer reached qbflow; whether QuickBooks applied the request is unknown, so qbflow will look for it before sending anything again.';

function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined; // called outside an activity (scripts, tests): no heartbeats, no attempts
  }
}

export function createQbdExchange(deps: QbdExchangeDeps): QbdExchange {
  const { queue, answered, config } = deps;

  async function waitFor(connectionId: string, ids: number[], holdId: string, ctx: Context | undefined): Promise<QbdRequestRow[]> {
    let lastBeat = 0;
    for (;;) {
      const rows = await queue.findRequests(ids);
      const failed = rows.find((r) => r.state === 'failed');
      if (failed) {
        if (failed.failure === 'superseded') throw new QbdSuperseded();
        if (failed.failure === 'rejected') throw new LedgerRejection(failed.error ?? 'QuickBooks could not read the request', 'hresult');
        throw new QbdOutcomeUnknown(failed.error ?? LOST);
      }
      if (rows.length === ids.length && rows.every((r) => r.state === 'answered')) return rows;

      // a session that has gone quiet for too long is over: give back what it holds
      if (rows.some((r) => r.state === 'sent')) {
        for (const sessionId of await queue.staleSessions(connectionId, config.sessionTimeoutSeconds)) {
          await queue.endSession(sessionId, 'timedOut', null, { lostError: LOST, maxReadAttempts: 5 });
        }
      }
      if (Date.now() - lastBeat >= config.heartbeatMs) {
        lastBeat = Date.now();
        const queued = rows.filter((r) => r.state === 'queued').length;
        ctx?.heartbeat({ waitingFor: 'the Web Connector', connectionId, queued, sent: rows.filter((r) => r.state === 'sent').length });
        await queue.renewHold(holdId, config.holdSeconds * 1000);
      }
      await answered.wait(connectionId, Math.min(config.recheckMs, config.heartbeatMs));
      if (ctx?.cancellationSignal.aborted) await ctx.cancelled; // rejects with the cancellation
    }
  }

  return {
    async run(connectionId, work) {
      const ctx = currentActivity();
      const info = ctx?.info;
      const owner = info ? `${info.workflowExecution?.workflowId ?? info.activityType}/${info.activityId}` : `local/${randomUUID()}`;
      const attempt = info?.attempt ?? 1;
      if (attempt > 1) await queue.supersede(owner, attempt);
      const holdId = await queue.hold(connectionId, owner, config.holdSeconds * 1000);
      const op: QbdOperation = {
        async send(requests) {
          const rows = requests.map((spec) => {
            const requestId = randomUUID();
            try {
              return { connectionId, requestId, kind: spec.kind, requestXml: buildRequest(withRequestId(spec, requestId)), owner, ownerAttempt: attempt };
            } catch (error) {
              if (error instanceof QbxmlInputError) throw new LedgerRejection(`qbflow cannot write this for QuickBooks Desktop: ${error.message}`, 'QbxmlInput');
              throw error;
            }
          });
          const queued = await queue.enqueue(rows);
          const done = await waitFor(connectionId, queued.map((r) => r.id), holdId, ctx);
          return done.map((r) => r.result as QbxmlResult);
        },
      };
      try {
        return await work(op);
      } finally {
        // the workflow's next step usually follows within moments: keep the session for it a little longer
        await queue.releaseHold(holdId, connectionId, config.followUpGraceMs).catch(() => undefined);
      }
    },
  };
}

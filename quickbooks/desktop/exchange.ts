// How a ledger method talks to QuickBooks Desktop: each send of the calling activity's operation (see
// operations.ts) is looked up in its journal; an answered send returns its answers, a send not yet answered makes
// the run wait, and a new send is queued in PostgreSQL for the Web Connector (keeping its session open for the
// follow-up) before the run waits. Nothing here waits for the Web Connector: the workflow does, holding nothing.
import { createHash, randomUUID } from 'node:crypto';
import type { QbdConfig } from '../../config/index.js';
import type { QbdQueueRepository, QbdRequestRow } from '../../db/repositories/desktop/queue.js';
import { LedgerRejection } from '../errors.js';
import { operationOwner, QbdOutcomeUnknown, type DesktopOperations, type OperationRun } from './operations.js';
import { buildRequest, QbxmlInputError, withRequestId, type QbxmlRequestSpec, type QbxmlResult } from './qbxml/index.js';

export { QbdOutcomeUnknown } from './operations.js';

export interface QbdOperation {
  /** Sends the requests (one message when the queue allows) and returns every answer, once QuickBooks has them. */
  send(requests: QbxmlRequestSpec[]): Promise<QbxmlResult[]>;
}

export interface QbdExchange {
  /** Runs one ledger method on a connection, inside the calling activity's operation. */
  run<T>(connectionId: string, work: (op: QbdOperation) => Promise<T>): Promise<T>;
  /** The calling activity's attempt at its operation (`{key}:{generation}`). */
  attempt(connectionId: string): Promise<string | undefined>;
}

export interface QbdExchangeDeps {
  queue: QbdQueueRepository;
  operations: DesktopOperations;
  config: Pick<QbdConfig, 'holdSeconds' | 'maxQueuedPerConnection'>;
}

const LOST = 'The Web Connector session ended before QuickBooks\' answer reached qbflow; whether QuickBooks applied the request is unknown, so qbflow will look for it before sending anything again.';

export function createQbdExchange(deps: QbdExchangeDeps): QbdExchange {
  const { queue, operations, config } = deps;

  const currentRun = (): OperationRun => {
    const run = operations.current();
    if (!run) throw new Error('QuickBooks Desktop is reached from workflow activities only: its answers arrive when its Web Connector runs');
    return run;
  };

  /** What this send's journal entry says: the answers, or why it cannot have them yet. */
  const replay = async (run: OperationRun, connectionId: string, rows: QbdRequestRow[]): Promise<QbxmlResult[]> => {
    run.started = true;
    const failed = rows.find((r) => r.state === 'failed');
    if (failed?.failure === 'rejected') throw new LedgerRejection(failed.error ?? 'QuickBooks could not read the request', 'hresult');
    if (failed) {
      await operations.restart(run);
      throw new QbdOutcomeUnknown(failed.error ?? LOST);
    }
    if (rows.every((r) => r.state === 'answered')) return rows.map((r) => r.result as QbxmlResult);
    const since = rows.reduce((earliest, r) => (r.createdAt < earliest ? r.createdAt : earliest), rows[0]!.createdAt);
    throw operations.waiting(run, connectionId, 'web-connector', since);
  };

  return {
    async run(connectionId, work) {
      const run = currentRun();
      const row = await operations.open(run, connectionId);
      const owner = operationOwner(row);
      return work({
        async send(requests) {
          const content = createHash('sha256').update(JSON.stringify(requests)).digest('base64url').slice(0, 22);
          const occurrence = run.occurrences.get(content) ?? 0;
          run.occurrences.set(content, occurrence + 1);
          const journalKey = `${content}#${occurrence}`;
          const sent = await queue.journalEntry(owner, journalKey);
          if (sent.length > 0) return replay(run, connectionId, sent);

          const rows = requests.map((spec) => {
            const requestId = randomUUID();
            try {
              return { connectionId, requestId, kind: spec.kind, requestXml: buildRequest(withRequestId(spec, requestId)), owner, journalKey, workflowId: run.workflowId };
            } catch (error) {
              if (error instanceof QbxmlInputError) throw new LedgerRejection(`qbflow cannot write this for QuickBooks Desktop: ${error.message}`, 'QbxmlInput');
              throw error;
            }
          });
          // back-pressure: an operation that has not started waits for room; one under way always goes on
          const first = !run.started;
          run.started = true;
          const queued = first ? await queue.enqueueWithin(connectionId, rows, config.maxQueuedPerConnection) : await queue.enqueue(rows);
          if (!queued) {
            run.started = false;
            throw operations.waiting(run, connectionId, 'queue-full', await operations.block(run));
          }
          await queue.hold(connectionId, owner, config.holdSeconds * 1000);
          await operations.unblock(run);
          throw operations.waiting(run, connectionId, 'web-connector', queued[0]!.createdAt);
        },
      });
    },

    async attempt(connectionId) {
      const run = operations.current();
      return run && operationOwner(await operations.open(run, connectionId));
    },
  };
}

// Desktop ledger operations: an activity that talks to QuickBooks Desktop runs as one operation whose sends are
// journaled. Each run of the activity replays the answers already stored and queues only what comes next, then
// reports "waiting" and ends; the workflow waits (holding no worker slot) until the Web Connector endpoint wakes it,
// and runs the activity again. An operation is identified by its workflow, activity type and arguments, so every
// run of the same step finds the same journal; its generation moves on when it ends or an answer is lost.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { QbdConfig } from '../../config/index.js';
import type { QbdOperationRow, QbdOperationsRepository } from '../../db/repositories/desktop/operations.js';
import type { QbdQueueRepository } from '../../db/repositories/desktop/queue.js';
import type { LedgerStep, LedgerWait, WaitReason } from '../ledger/index.js';

/** The calling activity, as Temporal describes it. */
export interface ActivityIdentity {
  workflowId: string;
  activityType: string;
  args: unknown[];
}

/** One run of an operation: what it has opened and sent so far. */
export interface OperationRun {
  key: string;
  workflowId: string;
  /** Loaded on the first send (the connection is known then). */
  row?: QbdOperationRow;
  /** How many times this run has sent each content, so repeated identical sends (re-reads) stay distinct. */
  occurrences: Map<string, number>;
  /** Whether this run found or queued anything yet (the queue's cap applies only before it has). */
  started: boolean;
}

/** Thrown inside an operation's run when it must wait; the activity answers `{ waiting }`. */
export class QbdWaiting extends Error {
  constructor(readonly wait: LedgerWait) {
    super(`waiting for the Web Connector (${wait.reason})`);
    this.name = 'QbdWaiting';
  }
}

export interface DesktopOperations {
  /** Runs an activity's body as its operation: `{ done }`, or `{ waiting }` when the Web Connector must answer first. */
  run<T>(identity: ActivityIdentity, body: () => Promise<T>): Promise<LedgerStep<T>>;
  /** The run of the activity calling, for the exchange; undefined outside `run`. */
  current(): OperationRun | undefined;
  /** The operation's row for this run (opened on first use). */
  open(run: OperationRun, connectionId: string): Promise<QbdOperationRow>;
  /** Ends this generation because an answer was lost: the next run starts afresh. */
  restart(run: OperationRun): Promise<void>;
  /** Marks the operation waiting for room in its connection's queue; returns since when it has been. */
  block(run: OperationRun): Promise<Date>;
  /** It found room: no longer waiting for it. */
  unblock(run: OperationRun): Promise<void>;
  /** What to throw to make the activity wait. */
  waiting(run: OperationRun, connectionId: string, reason: WaitReason, since: Date): QbdWaiting;
}

export const operationOwner = (row: Pick<QbdOperationRow, 'key' | 'generation'>) => `${row.key}:${row.generation}`;

export function createDesktopOperations(deps: {
  operations: QbdOperationsRepository;
  queue: QbdQueueRepository;
  config: Pick<QbdConfig, 'followUpGraceMs' | 'recheckSeconds'>;
}): DesktopOperations {
  const runs = new AsyncLocalStorage<OperationRun>();

  /** The operation is over (done, or failed for good): the next identical call starts a new generation. */
  const finish = async (run: OperationRun) => {
    if (!run.row) return;
    await deps.operations.advance(run.key, run.row.generation);
    // the workflow's next step usually follows within moments: keep the session for it a little longer
    if (run.started) await deps.queue.releaseHold(operationOwner(run.row), run.row.connectionId, deps.config.followUpGraceMs);
  };

  return {
    async run(identity, body) {
      const run: OperationRun = { key: operationKey(identity), workflowId: identity.workflowId, occurrences: new Map(), started: false };
      let value: Awaited<ReturnType<typeof body>>;
      try {
        value = await runs.run(run, body);
      } catch (error) {
        if (error instanceof QbdWaiting) return { waiting: error.wait };
        if (!(error instanceof QbdOutcomeUnknown)) await finish(run);
        throw error;
      }
      await finish(run);
      return { done: value };
    },

    current: () => runs.getStore(),

    async open(run, connectionId) {
      run.row ??= await deps.operations.open(run.key, connectionId, run.workflowId);
      return run.row;
    },

    async restart(run) {
      if (run.row) await deps.operations.advance(run.key, run.row.generation);
    },

    async block(run) {
      const since = await deps.operations.block(run.key);
      if (run.row) run.row.blockedSince = since;
      return since;
    },

    async unblock(run) {
      if (!run.row?.blockedSince) return;
      await deps.operations.unblock(run.key);
      run.row.blockedSince = null;
    },

    waiting(run, connectionId, reason, since) {
      return new QbdWaiting({ operation: run.key, connectionId, reason, since: since.toISOString(), recheckSeconds: deps.config.recheckSeconds });
    },
  };
}

/** The Web Connector session ended after QuickBooks got a request but before its answer reached us. */
export class QbdOutcomeUnknown extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbdOutcomeUnknown';
  }
}

/** Stable and short: the same step of the same workflow with the same input is the same operation. */
function operationKey(identity: ActivityIdentity): string {
  return createHash('sha256').update(JSON.stringify([identity.workflowId, identity.activityType, identity.args])).digest('base64url').slice(0, 27);
}

// Steps that talk to a ledger which may answer later (QuickBooks Desktop): the activity answers done or waiting;
// while waiting, the workflow holds nothing (no activity, no timer longer than the safety-net recheck) until the
// Web Connector endpoint signals that the operation's requests were answered, then runs the step again. The step's
// status and the WaitingForWebConnectorSince search attribute show the wait to the order status and Temporal UI.
import { condition, defineSignal, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { WaitingForWebConnectorSince } from '../control/search-attributes.js';
import type { LedgerStep, LedgerWait } from '../quickbooks/ledger/index.js';

/** Sent by the Web Connector endpoint: these operations' requests were answered, failed, or found room in the queue. */
export const webConnectorAnswered = defineSignal<[operations: string[]]>('webConnectorAnswered');

export interface WaitView {
  state: string;
  detail?: string;
}

export interface LedgerSteps {
  /** Runs `call` until it is done, waiting (shown on `shown`) whenever the ledger must answer first. */
  untilDone<T>(call: () => Promise<LedgerStep<T>>, shown?: WaitView): Promise<T>;
}

/** Call once at the start of a workflow that has ledger steps. */
export function ledgerSteps(): LedgerSteps {
  const woken = new Set<string>();
  const waiting = new Map<number, string>();
  let nextWait = 0;
  let shownSince: string | undefined;
  setHandler(webConnectorAnswered, (operations) => {
    for (const operation of operations) woken.add(operation);
  });

  /** The earliest wait still going on, as a search attribute (cleared when none). */
  const publish = () => {
    const since = [...waiting.values()].sort()[0];
    if (since === shownSince) return;
    shownSince = since;
    upsertSearchAttributes([{ key: WaitingForWebConnectorSince, value: since ? new Date(since) : null }]);
  };

  const describe = (wait: LedgerWait) => (wait.reason === 'queue-full'
    ? `waiting since ${wait.since} for room in this company file's queue (the Web Connector has many requests to carry first)`
    : `waiting for the Web Connector since ${wait.since}`);

  return {
    async untilDone(call, shown) {
      const id = nextWait++;
      try {
        for (;;) {
          const step = await call();
          if ('done' in step) return step.done;
          const wait = step.waiting;
          if (!waiting.has(id)) waiting.set(id, wait.since);
          publish();
          if (shown) Object.assign(shown, { state: 'waiting', detail: describe({ ...wait, since: waiting.get(id)! }) });
          // a wake-up that came while the step ran counts: its answers may be the ones this run is waiting for
          await condition(() => woken.has(wait.operation), `${wait.recheckSeconds} seconds`);
          woken.delete(wait.operation);
          if (shown) Object.assign(shown, { state: 'running', detail: undefined });
        }
      } finally {
        if (waiting.delete(id)) publish();
      }
    },
  };
}

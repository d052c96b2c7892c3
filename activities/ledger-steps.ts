// Activities that talk to a ledger answer a LedgerStep: done, or waiting for a ledger that answers later (QuickBooks
// Desktop), in which case the activity has queued what it needs and ends at once; the workflow waits, holding no
// worker slot, and runs it again when woken (workflows/ledger-steps.ts). Each run is one Desktop operation,
// identified by the workflow, the activity type and the arguments (quickbooks/desktop/operations.ts).
import { Context } from '@temporalio/activity';
import type { DesktopOperations } from '../quickbooks/desktop/index.js';
import type { LedgerStep } from '../quickbooks/ledger/index.js';

type Fn = (...args: never[]) => Promise<unknown>;

export type LedgerStepActivities<T extends Record<string, Fn>> = {
  [K in keyof T]: (...args: Parameters<T[K]>) => Promise<LedgerStep<Awaited<ReturnType<T[K]>>>>;
};

export function withLedgerSteps<T extends Record<string, Fn>>(activities: T, operations: DesktopOperations): LedgerStepActivities<T> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    wrapped[name] = (...args: never[]) => {
      const info = Context.current().info;
      return operations.run({ workflowId: info.workflowExecution?.workflowId ?? info.activityId, activityType: info.activityType, args }, () => fn(...args));
    };
  }
  return wrapped as LedgerStepActivities<T>;
}

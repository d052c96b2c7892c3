// Reading failures inside workflows: what an activity or child workflow failed with, in words and as a type.
import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure } from '@temporalio/workflow';

/** The failure at the bottom of activity and child-workflow wrappers. */
function rootCause(error: unknown): unknown {
  let cause = error;
  while ((cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure) && cause.cause) cause = cause.cause;
  return cause;
}

/** The message a person should read (QuickBooks' reason, as the activity put it). */
export function plainMessage(error: unknown): string {
  const cause = rootCause(error);
  return cause instanceof Error ? cause.message : String(cause);
}

/** The ApplicationFailure type, e.g. NeedsReauthorization or QuickBooksRejected. */
export function failureType(error: unknown): string | undefined {
  const cause = rootCause(error);
  return cause instanceof ApplicationFailure ? cause.type ?? undefined : undefined;
}

/** QuickBooks' error code when the activity recorded one, else the failure type. */
export function failureCode(error: unknown): string {
  const cause = rootCause(error);
  if (!(cause instanceof ApplicationFailure)) return 'Unknown';
  const detail = cause.details?.[0] as { code?: string } | undefined;
  return detail?.code ?? cause.type ?? 'Unknown';
}

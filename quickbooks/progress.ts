// Tells Temporal that work with QuickBooks is making progress (a heartbeat, with what it has done so far), when it
// runs in a regular activity: a dead worker is then noticed quickly. Local activities do not heartbeat (their
// workflow task times out instead); tests and scripts call outside any activity.
import { asyncLocalStorage } from '@temporalio/activity';

export function reportProgress(details?: unknown): void {
  const context = asyncLocalStorage.getStore();
  if (context && !context.info.isLocal) context.heartbeat(details);
}

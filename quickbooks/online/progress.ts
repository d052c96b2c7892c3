// Tells Temporal a QuickBooks call is making progress (a heartbeat), when it runs in a regular activity: a dead
// worker is then noticed quickly. Local activities do not heartbeat (their workflow task times out instead).
import { asyncLocalStorage } from '@temporalio/activity';

export function reportProgress(): void {
  const context = asyncLocalStorage.getStore();
  if (context && !context.info.isLocal) context.heartbeat();
}

// Preloaded into worker processes (`node --import`), and so into their workflow threads, which inherit it. Plain
// JavaScript: tsx's loader does not reach into those threads.
//
// For Temporal UI's stack-trace query, the Temporal SDK records a source-mapped stack for every promise a workflow
// creates, through a V8 promise hook installed in each workflow thread. That was 3.8 of the 8.2 ms of CPU an order cost
// in the workflow thread, and that single thread paced the whole worker: without it the bench went from 28 to 38
// orders/s (README, benchmarks). Our workflows say what they wait for in their status query and search attributes, so
// stack traces are off unless WORKFLOW_STACK_TRACES=true; the query then answers that they are not enabled.
import v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';

if (!isMainThread && process.env.WORKFLOW_STACK_TRACES !== 'true') {
  // the SDK treats a missing promise hook as "stack traces unavailable" and carries on without them
  v8.promiseHooks.createHook = () => {
    throw new Error('workflow stack traces are off (WORKFLOW_STACK_TRACES=true turns them on)');
  };
}

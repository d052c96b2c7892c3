// Preloaded into worker processes (`node --import`), and so into their workflow threads, which inherit it. Plain
// JavaScript: tsx's loader does not reach into those threads.
//
// For Temporal UI's stack-trace query, the Temporal SDK records a source-mapped stack for every promise a workflow
// creates, through a V8 promise hook installed in each workflow thread. That was about 40 % of the workflow thread's
// CPU per order, and that one thread carries every workflow of the worker (README, benchmarks). Our workflows say
// what they wait for in their status query and search attributes, so stack traces are off unless
// WORKFLOW_STACK_TRACES=true; the query then answers that they are not enabled on this worker.
//
// The SDK (pinned in package.json) has no option for it: its global handlers are told not to install the hook
// (test/integration/workflow-stack-traces.test.ts notices if an upgrade moves them). Node's own promise hooks, which
// AsyncLocalStorage needs, are left alone.
import { createRequire } from 'node:module';

if (process.env.WORKFLOW_STACK_TRACES !== 'true') {
  const require = createRequire(import.meta.url);
  const { globalHandlers } = require('@temporalio/worker/lib/workflow/vm-shared.js');
  if (globalHandlers) globalHandlers.setPromiseHook = () => {};
}

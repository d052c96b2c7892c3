// Builds every activity from its dependencies. The worker registers the result; workflows import its type.
import { withFailureTranslation, type FailurePolicy } from './failures.js';
import type { LedgerFor } from './ledgers.js';
import { createOrderActivities } from './orders.js';
import type { Repositories } from '../db/repositories/index.js';

export interface ActivityDeps {
  repos: Repositories;
  ledgerFor: LedgerFor;
  failurePolicy: FailurePolicy;
}

export function createActivities(deps: ActivityDeps) {
  return withFailureTranslation({
    ...createOrderActivities({ repos: deps.repos, ledgerFor: deps.ledgerFor }),
  }, deps.failurePolicy);
}

export type Activities = ReturnType<typeof createActivities>;

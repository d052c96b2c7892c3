// The daily billing sync of one connection: push offers' unit costs to their items' purchase cost (when they
// changed), then re-run the billing of organizations whose last attempt failed and is still open.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { runChild, type ScheduledBillingResult } from './billing.js';
import { plainMessage } from './failures.js';
import { ledgerSteps } from './ledger-steps.js';
import { databaseStep, desktopStep, quickBooksCall } from './presets.js';

export interface BillingSyncArgs {
  tenantId: string;
  connectionId: string;
}

export interface BillingSyncResult {
  costs: { pushed: number; unchanged: number; failed: number } | { error: string };
  retried: { periodStart: string; organizations: number; result: ScheduledBillingResult | { error: string } }[];
}

const db = proxyActivities<Activities>(databaseStep);
const qbOnline = proxyActivities<Activities>(quickBooksCall);
const qbDesktop = proxyActivities<Activities>(desktopStep);

/** Pushes unit costs and retries failed billing for one connection (started daily by its sync schedule). */
export async function billingSync(args: BillingSyncArgs): Promise<BillingSyncResult> {
  const steps = ledgerSteps();
  const type = await db.billingConnectionType(args.connectionId);
  if (!type) return { costs: { error: 'The connection no longer exists' }, retried: [] };
  const qb = type === 'qbd' ? qbDesktop : qbOnline;
  let costs: BillingSyncResult['costs'];
  try {
    costs = await steps.untilDone(() => qb.pushUnitCosts(args.connectionId));
  } catch (error) {
    costs = { error: plainMessage(error) };
  }
  const retried: BillingSyncResult['retried'] = [];
  for (const { periodStart, organizationIds } of await db.billingRetries(args.connectionId)) {
    let result: ScheduledBillingResult | { error: string };
    try {
      result = await runChild({ tenantId: args.tenantId, connectionId: args.connectionId, trigger: 'retry', period: periodStart, organizationIds });
    } catch (error) {
      result = { error: plainMessage(error) };
    }
    retried.push({ periodStart, organizations: organizationIds.length, result });
  }
  return { costs, retried };
}

// The Temporal Schedules of a billing configuration, created and updated from outside workflows (the API):
//  - `billing/{connection}`: calendar day N at the configured time in the configured zone, starting
//    billingScheduled, which reads its scheduled time to know the period;
//  - `billing-sync/{connection}`: every day one hour before the billing time, starting billingSync.
// Both skip a run while the previous one still runs (overlap SKIP) and catch up runs missed while the Temporal
// service was unavailable within an explicit window (a worker that is down does not miss anything: the run waits
// in its task queue and starts when a worker is back).
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { ScheduledBillingArgs } from '../workflows/billing.js';
import { billingScheduledWorkflowId, billingScheduleId, billingSyncScheduleId, billingSyncWorkflowId } from './ids.js';
import { billingSearchAttributes } from './search-attributes.js';
import type { BillingSyncArgs } from '../workflows/billing-sync.js';

export interface BillingScheduleSettings {
  dayOfMonth: number;
  timeZone: string;
  /** "HH:MM" in `timeZone`. */
  time: string;
}

/** Runs missed while Temporal was unavailable are still taken if at most this late; older ones need a backfill. */
export const BILLING_CATCHUP_WINDOW = '7 days';
export const SYNC_CATCHUP_WINDOW = '1 day';


export function parseTime(time: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time of day (HH:MM)`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The daily sync runs an hour before billing, so unit costs and fixed mappings are in QuickBooks first. */
export function syncTime(time: string): { hour: number; minute: number } {
  const { hour, minute } = parseTime(time);
  return { hour: (hour + 23) % 24, minute };
}

interface Target {
  client: Client;
  taskQueue: string;
  tenantId: string;
  connectionId: string;
}

function billingOptions(target: Target, settings: BillingScheduleSettings): ScheduleOptions {
  const { hour, minute } = parseTime(settings.time);
  const args: ScheduledBillingArgs = { tenantId: target.tenantId, connectionId: target.connectionId };
  return {
    scheduleId: billingScheduleId(target.connectionId),
    spec: { calendars: [{ dayOfMonth: settings.dayOfMonth, hour, minute, comment: 'billing day' }], timezone: settings.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: 'billingScheduled',
      workflowId: billingScheduledWorkflowId(target.connectionId),
      taskQueue: target.taskQueue,
      args: [args],
      typedSearchAttributes: billingSearchAttributes(target.tenantId, target.connectionId),
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: BILLING_CATCHUP_WINDOW },
  };
}

function syncOptions(target: Target, settings: BillingScheduleSettings): ScheduleOptions {
  const args: BillingSyncArgs = { tenantId: target.tenantId, connectionId: target.connectionId };
  return {
    scheduleId: billingSyncScheduleId(target.connectionId),
    spec: { calendars: [{ ...syncTime(settings.time), comment: 'daily billing sync' }], timezone: settings.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: 'billingSync',
      workflowId: billingSyncWorkflowId(target.connectionId),
      taskQueue: target.taskQueue,
      args: [args],
      typedSearchAttributes: billingSearchAttributes(target.tenantId, target.connectionId),
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: SYNC_CATCHUP_WINDOW },
  };
}

async function upsert(client: Client, options: ScheduleOptions): Promise<void> {
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: { ...previous.policies, ...options.policies },
    }));
  }
}

/** Creates both schedules, or updates their time, zone and day (the next run follows the new settings). */
export async function upsertBillingSchedules(target: Target, settings: BillingScheduleSettings): Promise<void> {
  await upsert(target.client, billingOptions(target, settings));
  await upsert(target.client, syncOptions(target, settings));
}

export interface BillingScheduleView {
  scheduleId: string;
  syncScheduleId: string;
  nextRuns: string[];
  nextSyncs: string[];
}

export async function describeBillingSchedules(client: Client, connectionId: string): Promise<BillingScheduleView | undefined> {
  try {
    const [billing, sync] = await Promise.all([
      client.schedule.getHandle(billingScheduleId(connectionId)).describe(),
      client.schedule.getHandle(billingSyncScheduleId(connectionId)).describe(),
    ]);
    return {
      scheduleId: billing.scheduleId,
      syncScheduleId: sync.scheduleId,
      nextRuns: billing.info.nextActionTimes.slice(0, 3).map((d) => d.toISOString()),
      nextSyncs: sync.info.nextActionTimes.slice(0, 1).map((d) => d.toISOString()),
    };
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return undefined;
    throw error;
  }
}

/** Removes the connection's billing and sync schedules (when the connection is removed); absent ones are fine. */
export async function deleteBillingSchedules(client: Client, connectionId: string): Promise<void> {
  for (const scheduleId of [billingScheduleId(connectionId), billingSyncScheduleId(connectionId)]) {
    await client.schedule.getHandle(scheduleId).delete().catch((error: unknown) => {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    });
  }
}

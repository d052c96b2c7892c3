// A connection's billing configuration from outside the workflows: read it with when its schedule runs next, and
// save it (mode fixed once saved; a time zone we know; an hour outside daylight-saving changes) together with its
// Temporal Schedules, in one transaction: if Temporal refuses, nothing is saved.
import type { Client } from '@temporalio/client';
import type { BillingConfigRow } from '../db/repositories/billing/setup.js';
import type { Repositories } from '../db/repositories/index.js';
import { isTimeZone, localDate, wallTimeProblem } from '../domain/billing/index.js';
import { Refusal } from '../domain/refusals.js';
import { describeBillingSchedules, parseTime, upsertBillingSchedules, type BillingScheduleView } from './billing-schedules.js';

export const DEFAULT_TIME_ZONE = 'America/New_York';
export const DEFAULT_HOUR = '05:00';

export interface BillingConfigInput {
  mode: 'advance' | 'arrears';
  dayOfMonth: number;
  prorate?: { increases: boolean; decreases: boolean };
  timeZone?: string;
  hour?: string;
}

export interface BillingConfiguration extends BillingConfigRow {
  schedule: BillingScheduleView | null;
}

export function createBillingConfigControl(deps: { client: Client; taskQueue: string; repos: Pick<Repositories, 'billing' | 'transaction'>; log?: (error: unknown) => void }) {
  const { client, repos } = deps;

  const withSchedule = async (row: BillingConfigRow): Promise<BillingConfiguration> =>
    ({ ...row, schedule: (await describeBillingSchedules(client, row.connectionId)) ?? null });

  const modeChanged = (mode: string) => new Refusal('conflict', `The billing mode of this connection is "${mode}" and cannot change once saved: invoices already issued ${mode === 'advance' ? 'bill the coming period' : 'bill the period that ended'}, so switching would bill a period twice or not at all. Keep "${mode}" (every other setting can change), or bill from a new connection.`, [{ field: 'body/mode', message: 'cannot change once saved' }]);

  return {
    /** The configuration, or undefined before it is first saved. */
    async read(connectionId: string): Promise<BillingConfiguration | undefined> {
      const row = await repos.billing.readConfig(connectionId);
      return row && withSchedule(row);
    },

    async save(connection: { id: string; tenantId: string }, body: BillingConfigInput): Promise<BillingConfiguration> {
      const timeZone = body.timeZone ?? DEFAULT_TIME_ZONE;
      const time = body.hour ?? DEFAULT_HOUR;
      if (!isTimeZone(timeZone)) throw new Refusal('invalid', `"${timeZone}" is not a time zone we know; use an IANA name such as America/New_York or Europe/Paris`, [{ field: 'body/timeZone', message: 'is not an IANA time zone' }]);
      const { hour, minute } = parseTime(time);
      const problem = wallTimeProblem(timeZone, hour, minute, localDate(Date.now(), timeZone));
      if (problem) {
        const what = problem.kind === 'skipped' ? 'does not exist (the clocks skip it)' : 'happens twice (the clocks go back)';
        throw new Refusal('invalid', `${time} ${what} on ${problem.date} in ${timeZone}, so a run at that time could be missed or doubled; choose a time outside the daylight-saving change (05:00 is always safe in North America)`, [{ field: 'body/hour', message: 'falls in a daylight-saving change' }]);
      }
      const existing = await repos.billing.readConfig(connection.id);
      if (existing && existing.mode !== body.mode) throw modeChanged(existing.mode);

      const input = {
        mode: body.mode,
        dayOfMonth: body.dayOfMonth,
        prorateIncreases: body.prorate?.increases ?? false,
        prorateDecreases: body.prorate?.decreases ?? false,
        timeZone,
        time,
      };
      const saved = await repos.transaction(async (tx) => {
        const row = await repos.billing.saveConfig(connection.id, input, tx);
        if (!row) throw modeChanged(body.mode === 'advance' ? 'arrears' : 'advance'); // saved meanwhile by another request
        try {
          await upsertBillingSchedules({ client, taskQueue: deps.taskQueue, tenantId: connection.tenantId, connectionId: connection.id }, { dayOfMonth: input.dayOfMonth, timeZone, time });
        } catch (error) {
          deps.log?.(error);
          throw new Refusal('retry_later', 'The billing schedule could not be saved in Temporal; nothing was changed. Try again in a moment.');
        }
        return row;
      });
      return withSchedule(saved);
    },
  };
}

export type BillingConfigControl = ReturnType<typeof createBillingConfigControl>;

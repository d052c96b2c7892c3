// The rules QuickBooks enforces on a time entry, checked before anything is sent, and the checks an import reports.
import { describe, expect, it } from 'vitest';
import { timeChecks } from '../../../activities/timesheets/lists.js';
import { entryProblems, type EntryContext, type TimesheetEntry } from '../../../domain/timesheets.js';

const entry = (overrides: Partial<TimesheetEntry> = {}): TimesheetEntry => ({
  revision: 1, userId: 'u-1', date: '2026-11-02', minutes: 90, customerId: 'C1', itemId: 'I1', billable: 'billable', ...overrides,
});
const known = { active: true, deleted: false };
const ctx = (overrides: Partial<EntryContext> = {}): EntryContext => ({
  ledger: 'qbd',
  person: { kind: 'employees', record: { name: 'Dana Lee', useTimeData: 'UseTimeData', ...known } },
  customer: { name: 'Acme:Kitchen', ...known },
  item: { name: 'Installation', itemType: 'Service', ...known },
  payroll: true,
  ...overrides,
});

describe('timesheet rules', () => {
  it('lets a complete billable entry go', () => {
    expect(entryProblems(entry(), ctx())).toEqual([]);
  });

  it('names the person, the date and the fix when billable time lacks a customer or a service item', () => {
    const [problem] = entryProblems(entry({ itemId: undefined }), ctx({ item: undefined }));
    expect(problem).toContain("Dana Lee's 1h30 on 2026-11-02");
    expect(problem).toContain('billable time needs a customer or job and a service item');
  });

  it('refuses a payroll item for someone who is not an employee using time data', () => {
    const vendor = ctx({ person: { kind: 'vendors', record: { name: 'Sub Co', ...known } }, payrollItem: { name: 'Hourly Regular', ...known } });
    expect(entryProblems(entry({ payrollItemId: 'W1' }), vendor).join()).toContain('only an employee');
    const salaried = ctx({ person: { kind: 'employees', record: { name: 'Sal', useTimeData: 'DoNotUseTimeData', ...known } }, payrollItem: { name: 'Hourly Regular', ...known } });
    expect(entryProblems(entry({ payrollItemId: 'W1' }), salaried).join()).toContain('Use time data to create paychecks');
  });

  it('refuses any time for an employee left unset in a payroll file', () => {
    const unset = ctx({ person: { kind: 'employees', record: { name: 'New Hire', useTimeData: 'NotSet', ...known } } });
    expect(entryProblems(entry(), unset).join()).toContain('refuses their time until it does');
    expect(entryProblems(entry(), { ...unset, payroll: false })).toEqual([]);
  });

  it('asks Online for an hourly rate on billable time', () => {
    expect(entryProblems(entry(), ctx({ ledger: 'qbo' })).join()).toContain('hourly rate');
    expect(entryProblems(entry({ hourlyRate: '95.00' }), ctx({ ledger: 'qbo' }))).toEqual([]);
  });

  it('says what to do about an unmapped user, an inactive job and a deleted item', () => {
    expect(entryProblems(entry(), ctx({ person: undefined })).join()).toContain('PUT /v1/connections/:id/timesheets/people/u-1');
    const problems = entryProblems(entry(), ctx({ customer: { name: 'Acme:Kitchen', active: false, deleted: false }, item: { name: 'Old', active: true, deleted: true } }));
    expect(problems.join()).toContain('"Acme:Kitchen" is inactive');
    expect(problems.join()).toContain('"Old" was deleted');
  });
});

describe('import checks', () => {
  it('reports time tracking off, a different first day of the week and employees left unset', () => {
    const checks = timeChecks({ timeTracking: false, firstDayOfWeek: 'Monday', payroll: true }, 'Sunday', [
      { name: 'New Hire', active: true, useTimeData: 'NotSet' },
      { name: 'Gone', active: false, useTimeData: 'NotSet' },
      { name: 'Dana', active: true, useTimeData: 'UseTimeData' },
    ], false);
    const byCode = Object.fromEntries(checks.map((c) => [c.code, c]));
    expect(byCode['time-tracking']!.ok).toBe(false);
    expect(byCode['first-day-of-week']).toMatchObject({ ok: false });
    expect(byCode['first-day-of-week']!.message).toContain('Monday');
    expect(byCode['employees-time-data']!.message).toContain('New Hire');
    expect(byCode['employees-time-data']!.message).not.toContain('Gone');
  });

  it('warns when entries carry payroll items but the company runs no payroll', () => {
    const checks = timeChecks({ timeTracking: true, payroll: false }, undefined, [], true);
    expect(checks.find((c) => c.code === 'payroll')).toMatchObject({ ok: false });
  });
});

// Lists in: plan an import from the marks (first import full, later ones incremental), read the lists through the
// ledger (one Desktop operation with its iterators, or Online queries with paging), store what changed with a
// change sequence for the feed, move the marks, and check the company in words for the bookkeeper.
import { createHash } from 'node:crypto';
import type { Repositories } from '../../db/repositories/index.js';
import type { ChangeCounts } from '../../db/repositories/timesheets/lists.js';
import type { TimeCheck } from '../../db/schema/index.js';
import { timeListKinds, type TimeListKind } from '../../domain/timesheets.js';
import type { ListReadRequest, ListReadResult, TimePreferences } from '../../quickbooks/ledger/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';

export interface ListImportPlan {
  connectionType: 'qbo' | 'qbd';
  request: ListReadRequest;
}

export interface ListImportResult {
  kinds: TimeListKind[];
  full: TimeListKind[];
  counts: Partial<Record<TimeListKind, number>>;
  changes: Partial<Record<TimeListKind, ChangeCounts>>;
  changed: number;
  restarts: number;
  unavailable: { kind: TimeListKind; reason: string }[];
  checks: TimeCheck[];
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** What the seed asks the bookkeeper to check, checked for them. */
export function timeChecks(prefs: TimePreferences, wantedFirstDay: string | undefined, employees: { name: string; active: boolean; useTimeData: unknown }[], usesPayrollItems: boolean): TimeCheck[] {
  const checks: TimeCheck[] = [];
  checks.push(prefs.timeTracking
    ? { code: 'time-tracking', ok: true, message: 'Time tracking is on in QuickBooks.' }
    : { code: 'time-tracking', ok: false, message: 'Time tracking is off in QuickBooks: QuickBooks refuses every time entry until it is turned on (Edit > Preferences > Time & Expenses: "Do you track time?" Yes; Online: Account and settings > Time).' });
  if (prefs.firstDayOfWeek && wantedFirstDay) {
    checks.push(prefs.firstDayOfWeek === wantedFirstDay
      ? { code: 'first-day-of-week', ok: true, message: `Weeks start on ${wantedFirstDay} in both QuickBooks and the time tracker.` }
      : { code: 'first-day-of-week', ok: false, message: `QuickBooks starts the work week on ${prefs.firstDayOfWeek} but the time tracker on ${wantedFirstDay}: weekly timesheets will not line up; change one of them so they match.` });
  } else if (prefs.firstDayOfWeek) {
    checks.push({ code: 'first-day-of-week', ok: true, message: `QuickBooks starts the work week on ${prefs.firstDayOfWeek}; set the time tracker's first day in the connection settings (timesheets.firstDayOfWeek) to have it compared.` });
  }
  if (usesPayrollItems && prefs.payroll === false) {
    checks.push({ code: 'payroll', ok: false, message: 'Timesheets carry payroll items but this company does not run payroll in QuickBooks: turn payroll on, or send the hours without payroll items.' });
  } else if (prefs.payroll !== undefined) {
    checks.push({ code: 'payroll', ok: true, message: prefs.payroll ? 'Payroll is on in QuickBooks.' : 'Payroll is off in QuickBooks: hours go to billing only, without payroll items.' });
  }
  if (prefs.payroll) {
    const unset = employees.filter((e) => e.active && (e.useTimeData === 'NotSet' || e.useTimeData === null || e.useTimeData === undefined)).map((e) => e.name);
    checks.push(unset.length === 0
      ? { code: 'employees-time-data', ok: true, message: 'Every active employee says whether their paychecks use time data.' }
      : { code: 'employees-time-data', ok: false, message: `QuickBooks refuses hours for ${unset.length} employee(s) whose Payroll Info does not say whether to "Use time data to create paychecks": ${unset.slice(0, 20).join(', ')}${unset.length > 20 ? ', …' : ''}. Set it on each employee's Payroll Info tab.` });
  }
  return checks;
}

export function createTimeListActivities(deps: { repos: Repositories; ledgerFor: LedgerFor }) {
  const { repos, ledgerFor } = deps;

  const store = async (connectionId: string, read: ListReadResult): Promise<ListImportResult> => {
    const result: ListImportResult = { kinds: [], full: [], counts: {}, changes: {}, changed: 0, restarts: read.restarts, unavailable: [], checks: [] };
    const marks = new Map((await repos.timeLists.marks(connectionId)).map((m) => [m.kind, m]));
    for (const list of read.lists) {
      result.kinds.push(list.kind);
      if (list.unavailable) {
        result.unavailable.push({ kind: list.kind, reason: list.unavailable });
        continue;
      }
      if (list.full) result.full.push(list.kind);
      const records = list.records.map((r) => ({
        quickbooksId: r.id, name: r.name, fullName: r.fullName, parentId: r.parentId, active: r.active, fields: r.fields,
        modifiedAt: r.modifiedAt, contentHash: hashOf([r.name, r.fullName, r.parentId, r.active, r.fields]),
      }));
      await repos.transaction(async (tx) => {
        const counts = await repos.timeLists.apply(connectionId, list.kind, { records, deletedIds: list.deletedIds, full: list.full }, tx);
        const previous = marks.get(list.kind);
        // deletions are asked for from the oldest mark on (QuickBooks keeps them 90 days; seeing one twice changes nothing)
        await repos.timeLists.setMark(connectionId, list.kind, { highWater: list.highWater, deletionsFrom: previous?.highWater ?? list.highWater }, tx);
        result.changes[list.kind] = counts;
        result.changed += Object.values(counts).reduce((a, b) => a + b, 0);
      });
      result.counts[list.kind] = await repos.timeLists.count(connectionId, list.kind);
    }
    const settings = await repos.settings.read(connectionId);
    const employees = (await repos.timeLists.all(connectionId, 'employees')).map((e) => ({ name: e.name, active: e.active, useTimeData: e.fields.useTimeData }));
    const usesPayrollItems = await repos.timesheets.usesPayrollItems(connectionId);
    result.checks = timeChecks(read.preferences, settings.timesheets?.firstDayOfWeek, employees, usesPayrollItems);
    await repos.timeLists.saveImport(connectionId, { checks: result.checks, preferences: { ...read.preferences }, summary: { ...result } });
    return result;
  };

  return {
    /** What the next import asks for: everything for lists never imported, changes since the mark for the others. */
    async planListImport(connectionId: string, kinds: TimeListKind[] | undefined, pageSize: number, full = false): Promise<ListImportPlan | null> {
      const connection = await repos.connections.findById(connectionId);
      if (!connection || (connection.type !== 'qbo' && connection.type !== 'qbd')) return null;
      const marks = full ? [] : await repos.timeLists.marks(connectionId);
      const wanted = kinds && kinds.length > 0 ? kinds : [...timeListKinds];
      const since: Partial<Record<TimeListKind, string>> = {};
      let deletionsSince: string | undefined;
      for (const mark of marks) {
        if (!wanted.includes(mark.kind) || !mark.highWater) continue;
        since[mark.kind] = mark.highWater;
        if (mark.deletionsFrom && (!deletionsSince || mark.deletionsFrom < deletionsSince)) deletionsSince = mark.deletionsFrom;
      }
      // a list imported once but empty then has no mark: read it whole again (cheap), and deletions cannot concern it
      return { connectionType: connection.type, request: { kinds: wanted, since, ...(deletionsSince ? { deletionsSince } : {}), pageSize } };
    },

    /** Reads the lists through the ledger and stores what changed (a ledger step: Desktop waits for its Web Connector). */
    async importTimeLists(connectionId: string, request: ListReadRequest): Promise<ListImportResult> {
      const { ledger } = await ledgerFor(connectionId);
      return store(connectionId, await ledger.readTimeLists(request));
    },
  };
}

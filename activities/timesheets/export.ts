// Hours out. The plan (a database step) takes the connection's queued entries in the order of the days worked,
// checks QuickBooks' rules against the imported lists and the people mapped (what cannot go fails at once, in
// words), and turns the rest into writes, fixed in the workflow's history. The export (a ledger step) carries
// exactly those writes: it first looks in QuickBooks for any Add an earlier attempt may have applied (pending from
// another attempt), marks the others pending, sends them many per round trip, and records each result.
import { bulkPacer } from '../bulk-pacing.js';
import type { Executor } from '../../db/client.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { TimeListRecordRow } from '../../db/repositories/timesheets/lists.js';
import type { TimesheetRow } from '../../db/repositories/timesheets/entries.js';
import { entryProblems, refusalWords, type KnownRecord, type TimesheetEntry } from '../../domain/timesheets.js';
import type { Ledger, TimeWrite, TimeWriteResult } from '../../quickbooks/ledger/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';

export const TIMESHEET_ERRORS = 'timesheet';

export interface PlannedWrite extends TimeWrite {
  revision: number;
  contentHash: string;
}

export interface TimesheetOutcome {
  entryId: string;
  revision: number;
  ok: boolean;
  action: TimeWrite['action'] | 'refused';
  quickbooksId?: string | null;
  message?: string;
}

export interface ExportPlan {
  tenantId: string;
  connectionType: 'qbo' | 'qbd';
  writes: PlannedWrite[];
  /** Entries that cannot go as they are (already recorded as failed). */
  refused: TimesheetOutcome[];
}

const known = (row: TimeListRecordRow | undefined): KnownRecord | undefined => row && {
  name: row.fullName,
  active: row.active,
  deleted: row.deleted,
  ...(typeof row.fields.useTimeData === 'string' ? { useTimeData: row.fields.useTimeData } : {}),
  ...(typeof row.fields.itemType === 'string' ? { itemType: row.fields.itemType } : typeof row.fields.Type === 'string' ? { itemType: row.fields.Type } : {}),
};

// Over 150 lines on purpose: plan, check, send and record one batch of entries as one ledger step; the rules are pure
// (domain/timesheets.ts) and the steps share the batch's references.
export function createTimesheetExportActivities(deps: { repos: Repositories; ledgerFor: LedgerFor }) {
  const { repos, ledgerFor } = deps;

  const failIn = async (tx: Executor, connectionId: string, row: Pick<TimesheetRow, 'entryId' | 'contentHash'>, code: string, message: string) => {
    await repos.timesheets.recordFailed(connectionId, row.entryId, row.contentHash, message, tx);
    await repos.syncErrors.recordOpen({ connectionId, documentKind: TIMESHEET_ERRORS, externalId: row.entryId, code, message }, tx);
  };
  const fail = (connectionId: string, row: Pick<TimesheetRow, 'entryId' | 'contentHash'>, code: string, message: string) =>
    repos.transaction((tx) => failIn(tx, connectionId, row, code, message));

  /** What every reference of these entries is, as the lists import knows it. */
  const references = async (connectionId: string, entries: TimesheetEntry[]) => {
    const ids = (key: keyof TimesheetEntry) => entries.map((e) => e[key]).filter((v): v is string => typeof v === 'string');
    const [customers, items, payrollItems, classes, people] = await Promise.all([
      repos.timeLists.byIds(connectionId, 'customers', ids('customerId')),
      repos.timeLists.byIds(connectionId, 'items', ids('itemId')),
      repos.timeLists.byIds(connectionId, 'payrollItems', ids('payrollItemId')),
      repos.timeLists.byIds(connectionId, 'classes', ids('classId')),
      repos.timeLists.people(connectionId, ids('userId')),
    ]);
    const personRecords = new Map<string, TimeListRecordRow>();
    for (const kind of ['employees', 'vendors', 'otherNames'] as const) {
      const found = await repos.timeLists.byIds(connectionId, kind, people.filter((p) => p.kind === kind).map((p) => p.quickbooksId));
      for (const [id, row] of found) personRecords.set(`${kind}:${id}`, row);
    }
    return { customers, items, payrollItems, classes, people: new Map(people.map((p) => [p.userId, p])), personRecords };
  };

  const writeOf = (connectionId: string, row: TimesheetRow, entry: TimesheetEntry, person: TimeWrite['person']): PlannedWrite => {
    const action: TimeWrite['action'] = row.removed ? 'delete' : row.quickbooksId ? 'update' : 'add';
    return {
      key: row.entryId,
      revision: row.revision,
      contentHash: row.contentHash,
      action,
      marker: `${connectionId}:${row.entryId}`,
      ...(row.quickbooksId ? { quickbooksId: row.quickbooksId } : {}),
      ...(row.editSequence ? { editSequence: row.editSequence } : {}),
      person,
      date: entry.date,
      minutes: entry.minutes,
      billable: entry.billable,
      ...(entry.customerId ? { customerId: entry.customerId } : {}),
      ...(entry.itemId ? { itemId: entry.itemId } : {}),
      ...(entry.classId ? { classId: entry.classId } : {}),
      ...(entry.payrollItemId ? { payrollItemId: entry.payrollItemId } : {}),
      ...(entry.hourlyRate ? { hourlyRate: entry.hourlyRate } : {}),
      ...(entry.notes ? { notes: entry.notes } : {}),
    };
  };

  const pacer = (ledger: Ledger) => bulkPacer(repos, ledger);

  /** Whether QuickBooks may hold an Add an earlier attempt sent (its answer never came back). */
  const uncertain = (row: TimesheetRow | undefined, attempt: string | undefined) => !!row?.pendingAttempt && row.pendingAttempt !== attempt;

  /** Records what QuickBooks answered for each write, all in one transaction. */
  const record = (connectionId: string, answered: { write: PlannedWrite; result: TimeWriteResult }[]): Promise<TimesheetOutcome[]> => repos.transaction(async (tx) => {
    const outcomes: TimesheetOutcome[] = [];
    for (const { write, result } of answered) {
      const base = { entryId: write.key, revision: write.revision, action: write.action };
      if (!result.ok) {
        const message = refusalWords(write, write.person.name, `${result.message} (status ${result.code})`);
        await failIn(tx, connectionId, { entryId: write.key, contentHash: write.contentHash }, result.code, message);
        outcomes.push({ ...base, ok: false, message });
        continue;
      }
      if (write.action === 'delete') await repos.timesheets.recordDeleted(connectionId, write.key, tx);
      else await repos.timesheets.recordExported(connectionId, write.key, write.contentHash, { quickbooksId: result.quickbooksId!, editSequence: result.editSequence! }, tx);
      outcomes.push({ ...base, ok: true, quickbooksId: result.quickbooksId });
    }
    await repos.syncErrors.resolveMany(connectionId, TIMESHEET_ERRORS, outcomes.filter((o) => o.ok).map((o) => o.entryId), tx);
    return outcomes;
  });

  /** Adds (and deletes of entries QuickBooks may hold) an earlier attempt may have applied: look first. */
  const adoptEarlier = async (ledger: Ledger, connectionId: string, writes: PlannedWrite[], attempt: string | undefined): Promise<PlannedWrite[]> => {
    const rows = new Map((await repos.timesheets.byIds(connectionId, writes.map((w) => w.key))).map((r) => [r.entryId, r]));
    const look = writes.filter((w) => !w.quickbooksId && uncertain(rows.get(w.key), attempt));
    if (look.length === 0) return writes;
    const held = new Set(await repos.timesheets.heldIds(connectionId));
    const found = await ledger.findTime(look, held);
    return writes.map((w) => {
      const hit = !w.quickbooksId ? found.get(w.marker) : undefined;
      if (!hit) return w;
      // QuickBooks has it: a delete deletes that one; an add becomes an update (it may hold an older revision)
      return { ...w, action: w.action === 'delete' ? 'delete' : 'update', quickbooksId: hit.quickbooksId, editSequence: hit.editSequence };
    });
  };

  return {
    /** The next batch of queued entries, checked; what cannot go is failed now with the words that fix it. */
    async planTimesheetExport(connectionId: string, limit?: number | null): Promise<ExportPlan | null> {
      const connection = await repos.connections.findById(connectionId);
      if (!connection || (connection.type !== 'qbo' && connection.type !== 'qbd')) return null;
      // Desktop: ten messages of 50 per step; Online: a minute of batches (40 × 30), so the pauses between steps
      // (recording, events, the next plan) cost Intuit's batch budget as little as possible
      const rows = await repos.timesheets.queued(connectionId, limit ?? (connection.type === 'qbd' ? 500 : 1200));
      if (rows.length === 0) return null;
      const entries = rows.map((r) => r.entry as unknown as TimesheetEntry);
      const refs = await references(connectionId, entries);
      const payroll = (await repos.timeLists.lastImport(connectionId))?.preferences.payroll;
      const plan: ExportPlan = { tenantId: connection.tenantId, connectionType: connection.type, writes: [], refused: [] };
      for (const [i, row] of rows.entries()) {
        const entry = entries[i]!;
        const mapped = refs.people.get(entry.userId);
        const person = mapped && { kind: mapped.kind, record: known(refs.personRecords.get(`${mapped.kind}:${mapped.quickbooksId}`)) };
        if (!row.removed) {
          const problems = entryProblems(entry, {
            ledger: connection.type,
            ...(person ? { person } : {}),
            customer: known(entry.customerId ? refs.customers.get(entry.customerId) : undefined),
            item: known(entry.itemId ? refs.items.get(entry.itemId) : undefined),
            payrollItem: known(entry.payrollItemId ? refs.payrollItems.get(entry.payrollItemId) : undefined),
            klass: known(entry.classId ? refs.classes.get(entry.classId) : undefined),
            ...(typeof payroll === 'boolean' ? { payroll } : {}),
          });
          if (problems.length > 0) {
            const message = problems.join('; ');
            await fail(connectionId, row, 'TimesheetRules', message);
            plan.refused.push({ entryId: row.entryId, revision: row.revision, ok: false, action: 'refused', message });
            continue;
          }
        }
        plan.writes.push(writeOf(connectionId, row, entry, { kind: mapped?.kind ?? 'employees', id: mapped?.quickbooksId ?? '', name: mapped?.name ?? entry.userId }));
      }
      return plan;
    },

    /** A batch no retry can carry: each entry fails with the reason. */
    async failTimesheets(connectionId: string, writes: PlannedWrite[], reason: string): Promise<TimesheetOutcome[]> {
      const outcomes: TimesheetOutcome[] = [];
      for (const w of writes) {
        const message = refusalWords(w, w.person.name, reason);
        await fail(connectionId, { entryId: w.key, contentHash: w.contentHash }, 'ExportFailed', message);
        outcomes.push({ entryId: w.key, revision: w.revision, ok: false, action: w.action, message });
      }
      return outcomes;
    },

    /** Carries the planned writes to QuickBooks and records each result (a ledger step). */
    async exportTimesheets(connectionId: string, writes: PlannedWrite[]): Promise<TimesheetOutcome[]> {
      const { ledger } = await ledgerFor(connectionId);
      const attempt = await ledger.operationAttempt();
      const adopted = await adoptEarlier(ledger, connectionId, writes, attempt);
      // a removed entry QuickBooks never got needs nothing sent
      const nothingHeld = adopted.filter((w) => w.action === 'delete' && !w.quickbooksId);
      const sending = adopted.filter((w) => !(w.action === 'delete' && !w.quickbooksId));
      // Online answers at once (no attempt to tell apart): any pending marker found later means an uncertain outcome
      await repos.timesheets.markPending(connectionId, sending.filter((w) => w.action === 'add').map((w) => w.key), attempt ?? 'online');
      const results = await ledger.writeTime(sending, pacer(ledger));
      return record(connectionId, [
        ...nothingHeld.map((write) => ({ write, result: { key: write.key, ok: true as const, quickbooksId: null, editSequence: null } })),
        ...sending.map((write, i) => ({ write, result: results[i]! })),
      ]);
    },
  };
}

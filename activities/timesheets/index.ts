// Lists in and hours out for a time tracker: plan and run list imports (lists.ts), plan and carry timesheet
// exports (export.ts). The two that talk to QuickBooks answer done or waiting (see ../ledger-steps.ts).
import type { Repositories } from '../../db/repositories/index.js';
import type { DesktopOperations } from '../../quickbooks/desktop/index.js';
import type { LedgerFor } from '../../quickbooks/resolver.js';
import { withLedgerSteps } from '../ledger-steps.js';
import { createTimesheetExportActivities } from './export.js';
import { createTimeListActivities } from './lists.js';

export function createTimesheetActivities(deps: { repos: Repositories; ledgerFor: LedgerFor; operations: DesktopOperations }) {
  const { importTimeLists, ...lists } = createTimeListActivities(deps);
  const { exportTimesheets, ...exports } = createTimesheetExportActivities(deps);
  return {
    ...lists,
    ...exports,
    ...withLedgerSteps({ importTimeLists, exportTimesheets }, deps.operations),
  };
}

export type { ListImportPlan, ListImportResult } from './lists.js';
export type { ExportPlan, PlannedWrite, TimesheetOutcome } from './export.js';

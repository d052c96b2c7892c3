// The company file's data for time tracking: employees' payroll set-up, payroll wage items, time entries, and the
// deletion log that ListDeletedQuery and TxnDeletedQuery read (QuickBooks answers for 90 days).
import type { ListDelType, TxnDelType } from '../../../quickbooks/desktop/qbxml/requests/deletes.js';
import type { UseTimeData, WageType } from '../../../quickbooks/desktop/qbxml/records-lists.js';
import type { BillableStatus } from '../../../quickbooks/desktop/qbxml/requests/purchases.js';
import type { Stamp } from './stamp.js';

export interface EmployeeEarnings {
  wageItemId: string;
  rate?: string;
}

/** An employee's Payroll Info tab. */
export interface EmployeePayroll {
  useTimeData: UseTimeData;
  payPeriod?: string;
  earnings: EmployeeEarnings[];
}

export interface WageItemRecord extends Stamp {
  listId: string;
  name: string;
  isActive: boolean;
  wageType: WageType;
  expenseAccountId?: string;
}

export interface TimeEntryRecord extends Stamp {
  txnId: string;
  txnNumber: number;
  txnDate: string;
  entityId: string;
  customerId?: string;
  itemId?: string;
  rate?: string;
  /** Whole minutes (seconds QuickBooks rounds away). */
  minutes: number;
  classId?: string;
  wageItemId?: string;
  notes?: string;
  billableStatus: BillableStatus;
  externalGuid?: string;
}

/** One line of the deletion log: a list entry or a transaction, with what QuickBooks reports about it afterwards. */
export type DeletionRecord =
  | { kind: 'list'; type: ListDelType; id: string; created: Date; deleted: Date; fullName: string }
  | { kind: 'txn'; type: TxnDelType; id: string; created: Date; deleted: Date; refNumber?: string };

/** QuickBooks answers ListDeletedQuery/TxnDeletedQuery for deletions of the last 90 days. */
export const DELETIONS_KEPT_DAYS = 90;

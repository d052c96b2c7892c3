// Typed records of time entries and of what QuickBooks remembers about deletions (90 days of them).
import type { Minutes } from './duration.js';
import type { RefValue, Stamped } from './records-base.js';
import type { ListDelType, TxnDelType } from './requests/deletes.js';
import type { BillableStatus } from './requests/purchases.js';

export interface TimeTrackingRecord extends Stamped {
  type: 'TimeTracking';
  txnId: string;
  txnNumber?: number;
  txnDate: string;
  /** The person: an employee, a vendor or an other name (never a customer). */
  entityRef: RefValue;
  /** The customer or job the time was spent for. */
  customerRef?: RefValue;
  itemServiceRef?: RefValue;
  /** Billing rate as QuickBooks wrote it (decimal string). */
  rate?: string;
  durationMinutes: Minutes;
  classRef?: RefValue;
  payrollItemWageRef?: RefValue;
  notes?: string;
  /** HasBeenBilled: QuickBooks keeps no link from time to an invoice, only this mark. */
  billableStatus?: BillableStatus;
  externalGuid?: string;
}

/** A list entry deleted in the last 90 days (ListDeletedRet). */
export interface ListDeletedRecord {
  type: 'ListDeleted';
  listDelType: ListDelType;
  listId: string;
  timeCreated?: string;
  timeDeleted?: string;
  /** The full name it had ("Parent:Job" for a job). */
  fullName?: string;
}

/** A transaction deleted in the last 90 days (TxnDeletedRet), or the answer to a TxnDel. */
export interface TxnDeletedRecord {
  type: 'TxnDeleted';
  txnDelType: TxnDelType;
  txnId: string;
  timeCreated?: string;
  timeDeleted?: string;
  refNumber?: string;
}

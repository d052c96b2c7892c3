// Reads time entries (TimeTrackingRet) and deletions (ListDeletedRet, TxnDeletedRet, and the TxnDelRs answer,
// whose fields sit directly in the response element).
import { parseDuration, QbDurationError } from './duration.js';
import type { ListDeletedRecord, TimeTrackingRecord, TxnDeletedRecord } from './records-time.js';
import type { BillableStatus } from './requests/purchases.js';
import type { ListDelType, TxnDelType } from './requests/deletes.js';
import { defined, int, QbxmlResponseError, ref, req, stamps } from './read-fields.js';
import { childText, type XNode } from './tree.js';

function minutes(node: XNode): number {
  const value = childText(node, 'Duration');
  if (value === undefined || value === '') return 0;
  try {
    return parseDuration(value);
  } catch (error) {
    if (error instanceof QbDurationError) throw new QbxmlResponseError(`${node.name}/Duration: ${error.message}`);
    throw error;
  }
}

export function timeTrackingRecord(node: XNode): TimeTrackingRecord {
  return defined({
    type: 'TimeTracking',
    txnId: req(node, 'TxnID'),
    ...stamps(node),
    txnNumber: int(node, 'TxnNumber'),
    txnDate: req(node, 'TxnDate'),
    entityRef: ref(node, 'EntityRef') ?? {},
    customerRef: ref(node, 'CustomerRef'),
    itemServiceRef: ref(node, 'ItemServiceRef'),
    rate: childText(node, 'Rate'),
    durationMinutes: minutes(node),
    classRef: ref(node, 'ClassRef'),
    payrollItemWageRef: ref(node, 'PayrollItemWageRef'),
    notes: childText(node, 'Notes'),
    billableStatus: childText(node, 'BillableStatus') as BillableStatus | undefined,
    externalGuid: childText(node, 'ExternalGUID'),
  } as TimeTrackingRecord);
}

export function listDeletedRecord(node: XNode): ListDeletedRecord {
  return defined({
    type: 'ListDeleted',
    listDelType: req(node, 'ListDelType') as ListDelType,
    listId: req(node, 'ListID'),
    timeCreated: childText(node, 'TimeCreated'),
    timeDeleted: childText(node, 'TimeDeleted'),
    fullName: childText(node, 'FullName'),
  } as ListDeletedRecord);
}

/** TxnDeletedRet, or a TxnDelRs (same fields, no wrapper). */
export function txnDeletedRecord(node: XNode): TxnDeletedRecord {
  return defined({
    type: 'TxnDeleted',
    txnDelType: req(node, 'TxnDelType') as TxnDelType,
    txnId: req(node, 'TxnID'),
    timeCreated: childText(node, 'TimeCreated'),
    timeDeleted: childText(node, 'TimeDeleted'),
    refNumber: childText(node, 'RefNumber'),
  } as TxnDeletedRecord);
}

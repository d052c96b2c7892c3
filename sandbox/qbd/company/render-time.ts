// TimeTrackingRet, ListDeletedRet and TxnDeletedRet in schema order. Durations go out the way QuickBooks writes
// them ("PT1H35M0S"): hours and minutes, seconds always 0.
import { formatDuration } from '../../../quickbooks/desktop/qbxml/duration.js';
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { formatDateTime } from './clock.js';
import { wageItemRef } from './render-people.js';
import { itemRef, nameRef, simpleRef, stamp, type RenderContext } from './render.js';
import type { DeletionRecord, TimeEntryRecord } from './store-time.js';
import { el, leaf } from './xml.js';

export function timeTrackingRet(ctx: RenderContext, t: TimeEntryRecord): XNode {
  return el(
    'TimeTrackingRet',
    stamp(ctx, 'TxnID', t.txnId, t),
    leaf('TxnNumber', t.txnNumber),
    leaf('TxnDate', t.txnDate),
    nameRef(ctx, 'EntityRef', t.entityId),
    nameRef(ctx, 'CustomerRef', t.customerId),
    itemRef(ctx, 'ItemServiceRef', t.itemId),
    leaf('Rate', t.rate),
    leaf('Duration', formatDuration(t.minutes)),
    simpleRef(ctx, 'ClassRef', t.classId),
    wageItemRef(ctx, 'PayrollItemWageRef', t.wageItemId),
    leaf('Notes', t.notes),
    leaf('BillableStatus', t.billableStatus),
    leaf('ExternalGUID', t.externalGuid),
  );
}

export function deletedRet(ctx: RenderContext, d: DeletionRecord): XNode {
  const times = [leaf('TimeCreated', formatDateTime(d.created, ctx.offsetMinutes)), leaf('TimeDeleted', formatDateTime(d.deleted, ctx.offsetMinutes))];
  return d.kind === 'list'
    ? el('ListDeletedRet', leaf('ListDelType', d.type), leaf('ListID', d.id), times, leaf('FullName', d.fullName))
    : el('TxnDeletedRet', leaf('TxnDelType', d.type), leaf('TxnID', d.id), times, leaf('RefNumber', d.refNumber));
}

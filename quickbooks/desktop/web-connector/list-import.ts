// Importing a company file's lists for pickers. An import is a job the endpoint runs itself, durably, through the
// queue: each kind starts with an iterator query (MaxReturned per page); when a page comes back the endpoint
// stores it and, in the same transaction, queues the Continue, until iteratorRemainingCount is 0. Iterators die
// with their Web Connector session, so a Continue answered "iterator not valid" (3391) starts the kind over.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/client.js';
import type { Repositories } from '../../../db/repositories/index.js';
import type { NewListEntry } from '../../../db/repositories/desktop/lists.js';
import type { QbdRequestRow } from '../../../db/repositories/desktop/queue.js';
import { qbdListKinds, type QbdListKind } from '../../../db/schema/index.js';
import { buildRequest, withRequestId, type QbRecord, type QbxmlRequestSpec, type QbxmlResult } from '../qbxml/index.js';

export interface ListImportJob {
  type: 'listImport';
  kind: QbdListKind;
  runId: string;
}

const ITERATOR_INVALID = 3391;
const MAX_RESTARTS = 3;

export function isListImportJob(job: unknown): job is ListImportJob {
  return typeof job === 'object' && job !== null && (job as { type?: unknown }).type === 'listImport';
}

function pageRequest(kind: QbdListKind, pageSize: number, iteratorId?: string): QbxmlRequestSpec {
  const iterator = iteratorId ? { mode: 'Continue' as const, iteratorId } : { mode: 'Start' as const };
  switch (kind) {
    case 'customers': return { kind: 'CustomerQuery', input: { iterator, maxReturned: pageSize, activeStatus: 'All' } };
    case 'vendors': return { kind: 'VendorQuery', input: { iterator, maxReturned: pageSize, activeStatus: 'All' } };
    case 'items': return { kind: 'ItemQuery', input: { iterator, maxReturned: pageSize, activeStatus: 'All' } };
    // AccountQuery has no iterator: a chart of accounts comes back whole
    case 'accounts': return { kind: 'AccountQuery', input: { activeStatus: 'All' } };
  }
}

function queueRow(connectionId: string, job: ListImportJob, request: QbxmlRequestSpec) {
  const requestId = randomUUID();
  return {
    connectionId,
    requestId,
    kind: request.kind,
    requestXml: buildRequest(withRequestId(request, requestId)),
    job,
  };
}

/** Queues a fresh import of every list (or the given ones). */
export async function startListImport(repos: Repositories, connectionId: string, pageSize: number, kinds: readonly QbdListKind[] = qbdListKinds): Promise<void> {
  await repos.transaction(async (tx) => {
    const rows = [];
    for (const kind of kinds) {
      const job: ListImportJob = { type: 'listImport', kind, runId: randomUUID() };
      await repos.qbdLists.startImport(connectionId, kind, job.runId, tx);
      rows.push(queueRow(connectionId, job, pageRequest(kind, pageSize)));
    }
    await repos.qbdQueue.enqueue(rows, tx);
  });
}

/** The list a record belongs to, as an entry, or undefined for records that are not list entries. */
export function listEntryOf(record: QbRecord): { kind: QbdListKind; entry: NewListEntry } | undefined {
  switch (record.type) {
    case 'Customer':
      return { kind: 'customers', entry: { listId: record.listId, name: record.fullName, type: null, active: record.isActive, editSequence: record.editSequence, record } };
    case 'Vendor':
      return { kind: 'vendors', entry: { listId: record.listId, name: record.name, type: null, active: record.isActive, editSequence: record.editSequence, record } };
    case 'Item':
      return { kind: 'items', entry: { listId: record.listId, name: record.fullName, type: record.itemType, active: record.isActive, editSequence: record.editSequence, record } };
    case 'Account':
      return { kind: 'accounts', entry: { listId: record.listId, name: record.fullName, type: record.accountType, active: record.isActive, editSequence: record.editSequence, record } };
    default:
      return undefined;
  }
}

/** Keeps the imported lists fresh with list records found in any answer (adds, queries). */
export async function refreshLists(repos: Repositories, connectionId: string, results: QbxmlResult[], tx: Executor): Promise<void> {
  const byKind = new Map<QbdListKind, NewListEntry[]>();
  for (const result of results) {
    for (const record of result.records) {
      const found = listEntryOf(record);
      if (found) byKind.set(found.kind, [...(byKind.get(found.kind) ?? []), found.entry]);
    }
  }
  for (const [kind, entries] of byKind) await repos.qbdLists.upsert(connectionId, kind, entries, null, tx);
}

/** Stores an import page and queues what comes next (or ends the import). */
export async function continueListImport(repos: Repositories, row: QbdRequestRow, job: ListImportJob, result: QbxmlResult, pageSize: number, tx: Executor): Promise<void> {
  const { connectionId } = row;
  const current = await repos.qbdLists.findImport(connectionId, job.kind, tx);
  if (current?.runId !== job.runId) return; // a newer import of this list replaced this one

  if (result.statusCode === ITERATOR_INVALID) {
    const restarts = await repos.qbdLists.noteRestart(connectionId, job.kind, job.runId, tx);
    if (restarts > MAX_RESTARTS) {
      await repos.qbdLists.finishImport(connectionId, job.kind, job.runId, `The import was interrupted ${restarts} times; run it again.`, tx);
      return;
    }
    await repos.qbdQueue.enqueue([queueRow(connectionId, job, pageRequest(job.kind, pageSize))], tx);
    return;
  }
  if (result.statusSeverity === 'Error' && result.statusCode !== 1) {
    await repos.qbdLists.finishImport(connectionId, job.kind, job.runId, `QuickBooks refused the list query (status ${result.statusCode}): ${result.statusMessage}`, tx);
    return;
  }
  const entries = result.records.map(listEntryOf).filter((e) => e?.kind === job.kind).map((e) => e!.entry);
  await repos.qbdLists.upsert(connectionId, job.kind, entries, job.runId, tx);
  await repos.qbdLists.notePage(connectionId, job.kind, job.runId, entries.length, tx);
  if (result.iteratorId && (result.iteratorRemainingCount ?? 0) > 0) {
    await repos.qbdQueue.enqueue([queueRow(connectionId, job, pageRequest(job.kind, pageSize, result.iteratorId))], tx);
  } else {
    await repos.qbdLists.finishImport(connectionId, job.kind, job.runId, null, tx);
  }
}

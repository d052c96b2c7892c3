// Posts one document exactly once: remembered after it is written, marked pending before, and searched for
// in QuickBooks when an earlier attempt's outcome is unknown, before anything is sent again.
import { createHash } from 'node:crypto';
import type { DocumentKey, DocumentsRepository } from '../db/repositories/core/documents.js';
import { documentIdentity, documentMarker, type DocumentIdentity, type DocumentSearch, type PostedDocument } from '../quickbooks/ledger/index.js';

export type PostAction = 'created' | 'updated' | 'unchanged' | 'adopted' | 'stale';

export interface PostResult extends PostedDocument {
  action: PostAction;
  /**
   * Documents a look-up found with this one's number and party but not its identity (another order's or a
   * person's): left alone, and named so that a bookkeeper learns the number is shared.
   */
  lookAlikes?: string[];
}

export interface PostPlan {
  key: DocumentKey;
  revision: number;
  draft: object;
  /**
   * The ledger's current attempt (Desktop operations; see Ledger.operationAttempt): a pending marker this same attempt
   * wrote is its own create still waiting for an answer, not an uncertain outcome.
   */
  attempt?: string | undefined;
  /**
   * Look for a document an earlier, uncertain attempt may have created: only one that carries this document's
   * identity (a document with the same number and party but another marker is another order's, never adopted).
   */
  find(identity: DocumentIdentity): Promise<DocumentSearch>;
  create(idempotencyKey: string, identity: DocumentIdentity): Promise<PostedDocument>;
  /** Tells a bookkeeper that a look-up found documents that only resemble this one (they are left alone). */
  reportLookAlikes?(others: PostedDocument[]): Promise<void>;
  update(id: string, idempotencyKey: string, identity: DocumentIdentity): Promise<PostedDocument>;
}

/** The identity a document of this key carries in QuickBooks (see DocumentIdentity), and the marker older versions wrote. */
export function identityOf(key: DocumentKey): DocumentIdentity {
  // earlier versions marked an order's invoice, bill and purchase order alike by its order id, payments by order/payment
  const legacy = key.kind === 'payment' ? documentMarker('payment', key.externalId) : documentMarker('order', key.externalId);
  return documentIdentity(key.connectionId, key.kind, key.externalId, legacy);
}

export function contentHash(draft: object): string {
  return createHash('sha256').update(JSON.stringify(draft)).digest('base64url').slice(0, 22);
}

/** A short, stable idempotency key from business identity and content. */
export function idempotencyKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('base64url').slice(0, 32);
}

export async function postOnce(documents: DocumentsRepository, plan: PostPlan): Promise<PostResult> {
  const { key, revision } = plan;
  const hash = contentHash(plan.draft);
  const identity = [key.connectionId, key.kind, key.externalId];
  const marked = identityOf(key);
  const remember = (posted: PostedDocument) => documents.markPosted(key, {
    revision, contentHash: hash, quickbooksId: posted.id, quickbooksNumber: posted.number, totalCents: posted.totalCents,
  });

  const isNew = await documents.markPendingIfNew(key, revision, hash, plan.attempt);
  const row = isNew ? undefined : await documents.find(key);
  if (row?.state === 'posted' && row.quickbooksId) {
    const known = { id: row.quickbooksId, number: row.quickbooksNumber, totalCents: row.totalCents ?? 0 };
    if (row.revision > revision) return { ...known, action: 'stale' };
    if (row.contentHash === hash) return { ...known, action: 'unchanged' };
    const updated = await plan.update(row.quickbooksId, idempotencyKey(...identity, 'update', hash), marked);
    await remember(updated);
    return { ...updated, action: 'updated' };
  }

  const ownPending = row?.state === 'pending' && plan.attempt !== undefined && row.pendingAttempt === plan.attempt;
  let lookAlikes: string[] = [];
  if (row?.state === 'pending' && !ownPending) {
    const { mine, others } = await plan.find(marked);
    if (mine) {
      const current = row.contentHash === hash ? mine : await plan.update(mine.id, idempotencyKey(...identity, 'update', hash), marked);
      await remember(current);
      return { ...current, action: 'adopted' };
    }
    lookAlikes = others.map((other) => other.id);
    if (others.length > 0) await plan.reportLookAlikes?.(others);
  }
  if (!isNew) await documents.markPending(key, revision, hash, plan.attempt);
  const created = await plan.create(idempotencyKey(...identity, 'create', hash), marked);
  await remember(created);
  return { ...created, action: 'created', ...(lookAlikes.length > 0 ? { lookAlikes } : {}) };
}

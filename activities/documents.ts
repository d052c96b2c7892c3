// Posts one document exactly once: remembered after it is written, marked pending before, and searched for
// in QuickBooks when an earlier attempt's outcome is unknown, before anything is sent again.
import { createHash } from 'node:crypto';
import type { DocumentKey, DocumentsRepository } from '../db/repositories/core/documents.js';
import type { PostedDocument } from '../quickbooks/ledger/index.js';

export type PostAction = 'created' | 'updated' | 'unchanged' | 'adopted' | 'stale';

export interface PostResult extends PostedDocument {
  action: PostAction;
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
  /** Look for a document an earlier, uncertain attempt may have created. */
  find(): Promise<PostedDocument | undefined>;
  create(idempotencyKey: string): Promise<PostedDocument>;
  update(id: string, idempotencyKey: string): Promise<PostedDocument>;
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
  const remember = (posted: PostedDocument) => documents.markPosted(key, {
    revision, contentHash: hash, quickbooksId: posted.id, quickbooksNumber: posted.number, totalCents: posted.totalCents,
  });

  const row = await documents.find(key);
  if (row?.state === 'posted' && row.quickbooksId) {
    const known = { id: row.quickbooksId, number: row.quickbooksNumber, totalCents: row.totalCents ?? 0 };
    if (row.revision > revision) return { ...known, action: 'stale' };
    if (row.contentHash === hash) return { ...known, action: 'unchanged' };
    const updated = await plan.update(row.quickbooksId, idempotencyKey(...identity, 'update', hash));
    await remember(updated);
    return { ...updated, action: 'updated' };
  }

  const ownPending = row?.state === 'pending' && plan.attempt !== undefined && row.pendingAttempt === plan.attempt;
  if (row?.state === 'pending' && !ownPending) {
    const found = await plan.find();
    if (found) {
      const current = row.contentHash === hash ? found : await plan.update(found.id, idempotencyKey(...identity, 'update', hash));
      await remember(current);
      return { ...current, action: 'adopted' };
    }
  }
  await documents.markPending(key, revision, hash, plan.attempt);
  const created = await plan.create(idempotencyKey(...identity, 'create', hash));
  await remember(created);
  return { ...created, action: 'created' };
}

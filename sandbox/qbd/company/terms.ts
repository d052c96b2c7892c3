// Payment terms: TermsQuery (by ListID, by name, or filtered: ActiveStatus, modified dates, MaxReturned). The seeded
// terms are standard terms ("Net 30": due 30 days after the invoice; "Due on receipt": 0 days).
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import type { HandlerContext, HandlerResult } from './context.js';
import { runQuery } from './query.js';
import { bool, stamp, type RenderContext } from './render.js';
import type { SimpleListRecord } from './store.js';
import { el, leaf } from './xml.js';

/** Days until due, as the name says ("Net 15" → 15); anything else is due on receipt. */
const dueDays = (name: string): number => Number(/(\d+)\s*$/.exec(name)?.[1] ?? 0);

export function termsRet(ctx: RenderContext, t: SimpleListRecord): XNode {
  return el('StandardTermsRet', stamp(ctx, 'ListID', t.listId, t), leaf('Name', t.name), bool('IsActive', t.isActive), leaf('StdDueDays', dueDays(t.name)));
}

export function termsQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  const terms = (): SimpleListRecord[] => [...ctx.store.simple.values()].filter((r) => r.list === 'Terms');
  return runQuery<SimpleListRecord>(
    ctx,
    rq,
    {
      kind: 'TermsQuery',
      all: terms,
      id: (r) => r.listId,
      byId: (id) => {
        const r = ctx.store.simple.get(id);
        return r && r.list === 'Terms' ? r : undefined;
      },
      byName: (name) => {
        const r = ctx.store.findSimple('Terms', name);
        return r ? [r] : [];
      },
      fullName: (r) => r.name,
      isActive: (r) => r.isActive,
      modified: (r) => r.modified,
      render: (r) => termsRet(ctx, r),
    },
    'list',
  );
}

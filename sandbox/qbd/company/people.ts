// Queries of the lists a time tracker imports: employees (Payroll Info included when the file runs payroll), other
// names, classes, payroll wage items, and service items alone. Only ItemServiceQuery takes iterators (as in qbXML).
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import type { HandlerContext, HandlerResult } from './context.js';
import { QbStatusError } from './errors.js';
import { runQuery } from './query.js';
import { classRet, employeeRet, otherNameRet, wageItemRet } from './render-people.js';
import { itemRet } from './render.js';
import type { ItemRecord, NameKind, NameRecord, SimpleListRecord } from './store.js';
import type { WageItemRecord } from './store-time.js';

/** What a file without payroll answers about payroll items (code from Intuit's table; see the README). */
export const payrollOff = (): QbStatusError => new QbStatusError(3262, 'A payroll subscription is required to use payroll items.');

function namesOf(ctx: HandlerContext, rq: XNode, kind: NameKind, queryKind: string, render: (r: NameRecord) => XNode): HandlerResult {
  return runQuery<NameRecord>(
    ctx,
    rq,
    {
      kind: queryKind,
      all: () => [...ctx.store.names.values()].filter((r) => r.kind === kind),
      id: (r) => r.listId,
      byId: (id) => {
        const r = ctx.store.names.get(id);
        return r && r.kind === kind ? r : undefined;
      },
      byName: (name) => {
        const r = ctx.store.findNameByFullName(name, kind);
        return r ? [r] : [];
      },
      fullName: (r) => ctx.store.nameFullName(r),
      isActive: (r) => r.isActive,
      modified: (r) => r.modified,
      render,
    },
    'list',
  );
}

export function employeeQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  const renderCtx = { ...ctx, payroll: ctx.features.payroll };
  return namesOf(ctx, rq, 'Employee', 'EmployeeQuery', (r) => employeeRet(renderCtx, r));
}

export function otherNameQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  return namesOf(ctx, rq, 'OtherName', 'OtherNameQuery', (r) => otherNameRet(ctx, r));
}

export function classQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  const classes = (): SimpleListRecord[] => [...ctx.store.simple.values()].filter((r) => r.list === 'Class');
  return runQuery<SimpleListRecord>(
    ctx,
    rq,
    {
      kind: 'ClassQuery',
      all: classes,
      id: (r) => r.listId,
      byId: (id) => {
        const r = ctx.store.simple.get(id);
        return r && r.list === 'Class' ? r : undefined;
      },
      byName: (name) => {
        const r = ctx.store.findSimple('Class', name);
        return r ? [r] : [];
      },
      fullName: (r) => ctx.store.simpleFullName(r),
      isActive: (r) => r.isActive,
      modified: (r) => r.modified,
      render: (r) => classRet(ctx, r),
    },
    'list',
  );
}

export function payrollItemWageQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  if (!ctx.features.payroll) throw payrollOff();
  return runQuery<WageItemRecord>(
    ctx,
    rq,
    {
      kind: 'PayrollItemWageQuery',
      all: () => ctx.store.wageItems.values(),
      id: (r) => r.listId,
      byId: (id) => ctx.store.wageItems.get(id),
      byName: (name) => {
        const r = ctx.store.findWageItem(name);
        return r ? [r] : [];
      },
      fullName: (r) => r.name,
      isActive: (r) => r.isActive,
      modified: (r) => r.modified,
      render: (r) => wageItemRet(ctx, r),
    },
    'list',
  );
}

export function itemServiceQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  const service = (r: ItemRecord | undefined): ItemRecord | undefined => (r && r.kind === 'Service' ? r : undefined);
  return runQuery<ItemRecord>(
    ctx,
    rq,
    {
      kind: 'ItemServiceQuery',
      all: () => [...ctx.store.items.values()].filter((r) => r.kind === 'Service'),
      id: (r) => r.listId,
      byId: (id) => service(ctx.store.items.get(id)),
      byName: (name) => {
        const r = service(ctx.store.findItemByFullName(name));
        return r ? [r] : [];
      },
      fullName: (r) => ctx.store.itemFullName(r),
      isActive: (r) => r.isActive,
      modified: (r) => r.modified,
      render: (r) => itemRet(ctx, r),
    },
    'list',
  );
}

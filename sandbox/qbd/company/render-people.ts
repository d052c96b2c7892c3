// *Ret elements of the lists a time tracker reads besides customers, vendors and items: employees (with the Payroll
// Info tab in files that run payroll), other names, classes and payroll wage items. Schema order, valid in 13.0 and
// 16.0 alike (16.0-only elements such as a wage item's rate are left out).
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { accountRef, address, addressBlock, bool, simpleRef, stamp, type RenderContext } from './render.js';
import type { NameRecord, SimpleListRecord } from './store.js';
import type { WageItemRecord } from './store-time.js';
import { el, leaf, opt } from './xml.js';

export interface PeopleRenderContext extends RenderContext {
  /** Whether the file runs payroll: without it, QuickBooks hides the Payroll Info tab and reports none. */
  payroll: boolean;
}

export function wageItemRef(ctx: RenderContext, name: string, id: string | undefined): XNode | undefined {
  const record = id ? ctx.store.wageItems.get(id) : undefined;
  return record ? el(name, leaf('ListID', record.listId), leaf('FullName', record.name)) : undefined;
}

function employeePayroll(ctx: PeopleRenderContext, e: NameRecord): XNode | undefined {
  if (!ctx.payroll) return undefined;
  // an employee nobody set up yet still has the tab, with "Use time data to create paychecks" left NotSet
  const payroll = e.payroll ?? { useTimeData: 'NotSet' as const, earnings: [] };
  return el(
    'EmployeePayrollInfo',
    leaf('PayPeriod', payroll.payPeriod),
    payroll.earnings.map((earning) => el('Earnings', wageItemRef(ctx, 'PayrollItemWageRef', earning.wageItemId), leaf('Rate', earning.rate))),
    leaf('UseTimeDataToCreatePaychecks', payroll.useTimeData),
  );
}

export function employeeRet(ctx: PeopleRenderContext, e: NameRecord): XNode {
  const t = e.text;
  const a = e.billAddress;
  return el(
    'EmployeeRet',
    stamp(ctx, 'ListID', e.listId, e),
    leaf('Name', e.name),
    bool('IsActive', e.isActive),
    leaf('Salutation', t.Salutation),
    leaf('FirstName', t.FirstName),
    leaf('MiddleName', t.MiddleName),
    leaf('LastName', t.LastName),
    leaf('JobTitle', t.JobTitle),
    leaf('Department', t.Department),
    // EmployeeAddress has four lines and no Note
    a ? opt('EmployeeAddress', leaf('Addr1', a.addr1), leaf('Addr2', a.addr2), leaf('Addr3', a.addr3), leaf('Addr4', a.addr4), leaf('City', a.city), leaf('State', a.state), leaf('PostalCode', a.postalCode), leaf('Country', a.country)) : undefined,
    leaf('PrintAs', t.PrintAs ?? e.name),
    leaf('Phone', t.Phone),
    leaf('Mobile', t.Mobile),
    leaf('Email', t.Email),
    leaf('EmployeeType', t.EmployeeType ?? 'Regular'),
    leaf('HiredDate', t.HiredDate),
    leaf('ReleasedDate', t.ReleasedDate),
    leaf('AccountNumber', t.AccountNumber),
    leaf('Notes', t.Notes),
    employeePayroll(ctx, e),
    leaf('ExternalGUID', e.externalGuid),
  );
}

export function otherNameRet(ctx: RenderContext, o: NameRecord): XNode {
  const t = o.text;
  return el(
    'OtherNameRet',
    stamp(ctx, 'ListID', o.listId, o),
    leaf('Name', o.name),
    bool('IsActive', o.isActive),
    leaf('CompanyName', t.CompanyName),
    leaf('FirstName', t.FirstName),
    leaf('LastName', t.LastName),
    address('OtherNameAddress', o.billAddress),
    addressBlock('OtherNameAddressBlock', o.billAddress),
    leaf('Phone', t.Phone),
    leaf('Email', t.Email),
    leaf('AccountNumber', t.AccountNumber),
    leaf('Notes', t.Notes),
    leaf('ExternalGUID', o.externalGuid),
  );
}

export function classRet(ctx: RenderContext, c: SimpleListRecord): XNode {
  return el(
    'ClassRet',
    stamp(ctx, 'ListID', c.listId, c),
    leaf('Name', c.name),
    leaf('FullName', ctx.store.simpleFullName(c)),
    bool('IsActive', c.isActive),
    simpleRef(ctx, 'ParentRef', c.parentId),
    leaf('Sublevel', ctx.store.simpleSublevel(c)),
  );
}

export function wageItemRet(ctx: RenderContext, w: WageItemRecord): XNode {
  return el(
    'PayrollItemWageRet',
    stamp(ctx, 'ListID', w.listId, w),
    leaf('Name', w.name),
    bool('IsActive', w.isActive),
    leaf('WageType', w.wageType),
    accountRef(ctx, 'ExpenseAccountRef', w.expenseAccountId),
  );
}

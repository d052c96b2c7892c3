// What a time tracker's lists import meets in the emulated company file: 2,000 customers and jobs paged with
// iterators that die with the session (3391), ActiveStatus and modified-date filters for incremental imports,
// deletions remembered 90 days, employees with their payroll set-up, other names, classes, wage and service items.
import { describe, expect, it } from 'vitest';
import type { ClassRecord, CustomerRecord, EmployeeRecord, ItemRecord, ListDeletedRecord, PayrollItemWageRecord, QbxmlResult } from '../../../../quickbooks/desktop/qbxml/index.js';
import { createCompanyFile } from '../../../../sandbox/qbd/company-file.js';
import { seedTimeCompany } from '../../../../sandbox/qbd/company/seed-time.js';
import { validateAgainstXsd } from '../qbxml/xsd.js';
import { DAY, manualClock, sender } from './qbd-session.js';

function company(customers = 3, jobsPerCustomer = 2) {
  const clock = manualClock();
  const cf = createCompanyFile({ clock });
  const seed = seedTimeCompany(cf.bookkeeper, { customers, jobsPerCustomer });
  return { cf, clock, seed, ...sender(cf) };
}

const names = (result: QbxmlResult | undefined): string[] => (result?.records ?? []).map((r) => (r as { fullName?: string; name: string }).fullName ?? (r as { name: string }).name);

describe('paging 2,000 customers and jobs', () => {
  it('pages with MaxReturned inside one session, parents before their jobs; a Continue after the session ends answers 3391', () => {
    const { cf, one } = company(1000, 1);
    cf.beginSession();
    const pages: QbxmlResult[] = [one({ kind: 'CustomerQuery', requestId: 'p0', input: { maxReturned: 100, activeStatus: 'All', iterator: { mode: 'Start' } } })];
    const iteratorId = pages[0]?.iteratorId as string;
    expect(iteratorId).toMatch(/^\{[0-9A-F-]{36}\}$/);
    while ((pages.at(-1)?.iteratorRemainingCount ?? 0) > 0) {
      pages.push(one({ kind: 'CustomerQuery', requestId: `p${pages.length}`, input: { maxReturned: 100, iterator: { mode: 'Continue', iteratorId } } }));
    }
    expect(pages.map((p) => p.iteratorRemainingCount)).toEqual(Array.from({ length: 20 }, (_, i) => 1900 - i * 100));
    expect(pages.every((p) => p.statusCode === 0 && p.records.length === 100)).toBe(true);
    const all = pages.flatMap((p) => p.records as CustomerRecord[]);
    expect(new Set(all.map((c) => c.listId)).size).toBe(2000);
    expect(all.slice(0, 4).map((c) => [c.fullName, c.sublevel])).toEqual([
      ['Customer 0001', 0],
      ['Customer 0001:Job 01', 1],
      ['Customer 0002', 0],
      ['Customer 0002:Job 01', 1],
    ]);
    const job = all[1] as CustomerRecord;
    expect(job).toMatchObject({ name: 'Job 01', parentRef: { listId: all[0]?.listId, fullName: 'Customer 0001' }, jobStatus: 'Pending', jobStartDate: '2024-01-15', shipAddressBlock: ['1 Site Road', 'Worcester, MA 01608', 'US'] });
    expect(all[0]).toMatchObject({ billAddress: { addr1: '1 Main Street', city: 'Springfield' }, billAddressBlock: ['1 Main Street', 'Springfield, MA 01103', 'US'] });

    // an iterator started in one Web Connector session is gone in the next one
    const open = one({ kind: 'CustomerQuery', requestId: 'open', input: { maxReturned: 500, iterator: { mode: 'Start' } } });
    expect(open.iteratorRemainingCount).toBe(1500);
    cf.endSession();
    cf.beginSession();
    const dead = one({ kind: 'CustomerQuery', requestId: 'dead', input: { maxReturned: 500, iterator: { mode: 'Continue', iteratorId: open.iteratorId as string } } });
    expect(dead).toMatchObject({ statusCode: 3391, statusSeverity: 'Error', statusMessage: `The iteratorID "${open.iteratorId}" is not valid.`, records: [] });
    // a finished iterator is gone too
    expect(one({ kind: 'CustomerQuery', requestId: 'done', input: { maxReturned: 100, iterator: { mode: 'Continue', iteratorId } } }).statusCode).toBe(3391);
    cf.endSession();
  });
});

describe('incremental imports', () => {
  it('ActiveStatus: ActiveOnly by default, InactiveOnly, All; making a customer inactive takes its jobs with it', () => {
    const { cf, send } = company();
    cf.bookkeeper.setActive('Customer', 'Customer 0002', false);
    cf.bookkeeper.setActive('Employee', 'Employee 003', false);
    const [active, inactive, all, employees] = send([
      { kind: 'CustomerQuery', requestId: 'active' },
      { kind: 'CustomerQuery', requestId: 'inactive', input: { activeStatus: 'InactiveOnly' } },
      { kind: 'CustomerQuery', requestId: 'all', input: { activeStatus: 'All' } },
      { kind: 'EmployeeQuery', requestId: 'employees', input: { activeStatus: 'InactiveOnly' } },
    ]);
    expect(names(active)).toEqual(['Customer 0001', 'Customer 0001:Job 01', 'Customer 0001:Job 02', 'Customer 0003', 'Customer 0003:Job 01', 'Customer 0003:Job 02']);
    expect(names(inactive)).toEqual(['Customer 0002', 'Customer 0002:Job 01', 'Customer 0002:Job 02']);
    expect(all?.records).toHaveLength(9);
    expect(names(employees)).toEqual(['Employee 003']);
  });

  it('FromModifiedDate picks what changed since the last import: new entries, edits, deactivations', () => {
    const { cf, clock, send } = company();
    clock.advance(DAY);
    const since = '2024-06-04T00:00:00-05:00';
    cf.bookkeeper.addCustomer({ name: 'Job 03', parent: 'Customer 0001', jobStatus: 'Pending' });
    cf.bookkeeper.setActive('Customer', 'Customer 0003:Job 01', false);
    cf.bookkeeper.setEmployeePayroll('New Hire 001', { useTimeData: 'UseTimeData', earnings: [{ wageItem: 'Hourly Regular', rate: '21.00' }] });
    cf.bookkeeper.addServiceItem({ name: 'Travel', price: '45.00' });
    cf.bookkeeper.addClass({ name: 'Region 03' });
    const [customers, to, employees, items, classes, vendors] = send([
      { kind: 'CustomerQuery', requestId: 'c', input: { activeStatus: 'All', fromModifiedDate: since } },
      { kind: 'CustomerQuery', requestId: 'to', input: { activeStatus: 'All', toModifiedDate: since } },
      { kind: 'EmployeeQuery', requestId: 'e', input: { activeStatus: 'All', fromModifiedDate: since } },
      { kind: 'ItemServiceQuery', requestId: 'i', input: { activeStatus: 'All', fromModifiedDate: since } },
      { kind: 'ClassQuery', requestId: 'k', input: { activeStatus: 'All', fromModifiedDate: since } },
      { kind: 'VendorQuery', requestId: 'v', input: { activeStatus: 'All', fromModifiedDate: since } },
    ]);
    expect(names(customers)).toEqual(['Customer 0001:Job 03', 'Customer 0003:Job 01']);
    expect(to?.records).toHaveLength(8);
    expect(employees?.records.map((e) => (e as EmployeeRecord).payroll?.useTimeDataToCreatePaychecks)).toEqual(['UseTimeData']);
    expect(names(items)).toEqual(['Travel']);
    expect(names(classes)).toEqual(['Region 03']);
    expect(vendors).toMatchObject({ statusCode: 1, records: [] });
  });

  it('ListDeletedQuery reports deletions of the last 90 days with the full name they had; QuickBooks refuses to delete what is used', () => {
    const { cf, clock, one, send } = company();
    expect(one({ kind: 'TimeTrackingAdd', requestId: 't', input: { entity: { fullName: 'Contractor 002' }, customer: { fullName: 'Customer 0002:Job 01' }, itemService: { fullName: 'Service 003' }, durationMinutes: 60 } }).statusCode).toBe(0);
    expect(() => cf.bookkeeper.deleteListEntry('Customer', 'Customer 0002:Job 01')).toThrow(/used on a time entry. Make it inactive instead/);
    expect(() => cf.bookkeeper.deleteListEntry('Customer', 'Customer 0001')).toThrow(/it has jobs/);
    expect(() => cf.bookkeeper.deleteListEntry('PayrollItemWage', 'Hourly Regular')).toThrow(/in the earnings of "Employee 001"/);
    expect(() => cf.bookkeeper.deleteListEntry('ItemService', 'Service 003')).toThrow(/used on a time entry/);

    clock.advance(60_000);
    cf.bookkeeper.deleteListEntry('Customer', 'Customer 0001:Job 02');
    cf.bookkeeper.deleteListEntry('OtherName', 'Owner 01');
    cf.bookkeeper.deleteListEntry('Class', 'Region 02:Field');
    clock.advance(60_000);
    cf.bookkeeper.deleteListEntry('Employee', 'New Hire 001');

    const [deleted, customers, onlyLater] = send([
      { kind: 'ListDeletedQuery', requestId: 'd', input: { listDelTypes: ['Employee', 'Customer', 'OtherName', 'Class', 'Vendor'] } },
      { kind: 'CustomerQuery', requestId: 'c', input: { fullNames: ['Customer 0001:Job 02'] } },
      { kind: 'ListDeletedQuery', requestId: 'later', input: { listDelTypes: ['Customer', 'Employee'], deletedDateRange: { from: '2024-06-03T09:01:30-05:00' } } },
    ]);
    expect((deleted?.records as ListDeletedRecord[]).map((d) => [d.listDelType, d.fullName, d.timeDeleted])).toEqual([
      ['Employee', 'New Hire 001', '2024-06-03T09:02:00-05:00'],
      ['Customer', 'Customer 0001:Job 02', '2024-06-03T09:01:00-05:00'],
      ['OtherName', 'Owner 01', '2024-06-03T09:01:00-05:00'],
      ['Class', 'Region 02:Field', '2024-06-03T09:01:00-05:00'],
    ]);
    expect((deleted?.records[1] as ListDeletedRecord).listId).toMatch(/^8[0-9A-F]{7}-\d{10}$/);
    expect(customers).toMatchObject({ statusCode: 500, statusSeverity: 'Warn', records: [] });
    expect(names(onlyLater)).toEqual(['New Hire 001']);

    clock.advance(91 * DAY);
    expect(one({ kind: 'ListDeletedQuery', requestId: 'old', input: { listDelTypes: ['Customer', 'Employee'] } })).toMatchObject({ statusCode: 1, records: [] });
  });
});

describe('the other lists', () => {
  it('employees carry their Payroll Info: time data set or not, earnings with wage items and rates', () => {
    const { one } = company();
    const employees = one({ kind: 'EmployeeQuery', requestId: 'e' }).records as EmployeeRecord[];
    const byName = new Map(employees.map((e) => [e.name, e]));
    expect(byName.get('Employee 001')?.payroll).toEqual({
      payPeriod: 'Weekly',
      useTimeDataToCreatePaychecks: 'UseTimeData',
      earnings: [
        { payrollItemWageRef: { listId: expect.any(String), fullName: 'Hourly Regular' }, rate: '25.00' },
        { payrollItemWageRef: { listId: expect.any(String), fullName: 'Hourly Overtime' }, rate: '37.50' },
      ],
    });
    expect(byName.get('Salaried 001')?.payroll).toMatchObject({ useTimeDataToCreatePaychecks: 'DoNotUseTimeData' });
    expect(byName.get('New Hire 001')?.payroll).toEqual({ useTimeDataToCreatePaychecks: 'NotSet', earnings: [] });
    expect(byName.get('Pat Owner')?.payroll).toEqual({ useTimeDataToCreatePaychecks: 'NotSet', earnings: [] });
  });

  it('vendors (1099 contractors), other names, classes with sub-classes, wage items, service items with an iterator', () => {
    const { send, cf } = company();
    cf.beginSession();
    const [vendors, others, classes, wages, services] = send([
      { kind: 'VendorQuery', requestId: 'v', input: { nameFilter: { matchCriterion: 'StartsWith', name: 'Contractor' } } },
      { kind: 'OtherNameQuery', requestId: 'o' },
      { kind: 'ClassQuery', requestId: 'k', input: { activeStatus: 'All' } },
      { kind: 'PayrollItemWageQuery', requestId: 'w', input: { fullNames: ['Hourly Regular', 'Salary'] } },
      { kind: 'ItemServiceQuery', requestId: 's', input: { maxReturned: 2, iterator: { mode: 'Start' } } },
    ]);
    expect(vendors?.records.map((v) => [(v as { name: string }).name, (v as { isVendorEligibleFor1099?: boolean }).isVendorEligibleFor1099])).toEqual([
      ['Contractor 001', true],
      ['Contractor 002', true],
    ]);
    expect(names(others)).toEqual(['Owner 01', 'Petty Cash Reimbursement']);
    expect((classes?.records as ClassRecord[]).map((c) => [c.fullName, c.sublevel, c.parentRef?.fullName])).toEqual([
      ['Region 01', 0, undefined],
      ['Region 01:Field', 1, 'Region 01'],
      ['Region 02', 0, undefined],
      ['Region 02:Field', 1, 'Region 02'],
    ]);
    expect((wages?.records as PayrollItemWageRecord[]).map((w) => [w.name, w.wageType, w.expenseAccountRef?.fullName])).toEqual([
      ['Hourly Regular', 'HourlyRegular', 'Payroll Expenses'],
      ['Salary', 'SalaryRegular', 'Payroll Expenses'],
    ]);
    expect(services).toMatchObject({ iteratorRemainingCount: 2 });
    expect((services?.records as ItemRecord[]).map((i) => [i.itemType, i.fullName, i.salesPrice])).toEqual([
      ['Service', 'Consulting', '125.00'],
      ['Service', 'Service 001', '61.00'],
    ]);
    cf.endSession();
  });

  it.each(['13.0', '16.0'] as const)('every list answer validates against the %s schema', async (version) => {
    const { send, answers, cf } = company();
    cf.bookkeeper.deleteListEntry('Customer', 'Customer 0002:Job 02');
    send([
      { kind: 'CustomerQuery', requestId: 'c', input: { activeStatus: 'All', maxReturned: 4, iterator: { mode: 'Start' } } },
      { kind: 'EmployeeQuery', requestId: 'e', input: { activeStatus: 'All' } },
      { kind: 'VendorQuery', requestId: 'v' },
      { kind: 'OtherNameQuery', requestId: 'o' },
      { kind: 'ClassQuery', requestId: 'k' },
      { kind: 'PayrollItemWageQuery', requestId: 'w' },
      { kind: 'ItemServiceQuery', requestId: 's' },
      { kind: 'ItemQuery', requestId: 'i', input: { activeStatus: 'All' } },
      { kind: 'ListDeletedQuery', requestId: 'l', input: { listDelTypes: ['Customer'] } },
      { kind: 'CustomerQuery', requestId: 'dead', input: { maxReturned: 5, iterator: { mode: 'Continue', iteratorId: '{00000000-0000-0000-0000-000000000000}' } } },
    ], version);
    const verdicts = await validateAgainstXsd(version, answers.map(({ name, xml }) => ({ name, xml })));
    expect([...verdicts].filter(([, errors]) => errors.length)).toEqual([]);
  });
});

describe('the bookkeeper and the seed', () => {
  it('seeds numbered, stable names and returns them; refuses what QuickBooks refuses', () => {
    const { cf, seed } = company(2, 2);
    expect(seed).toMatchObject({
      customers: ['Customer 0001', 'Customer 0002'],
      jobs: ['Customer 0001:Job 01', 'Customer 0001:Job 02', 'Customer 0002:Job 01', 'Customer 0002:Job 02'],
      serviceItems: ['Service 001', 'Service 002', 'Service 003'],
      wageItems: ['Hourly Regular', 'Hourly Overtime', 'Salary'],
      employees: ['Employee 001', 'Employee 002', 'Employee 003'],
      salariedEmployees: ['Salaried 001'],
      employeesNotSet: ['New Hire 001'],
      vendors: ['Contractor 001', 'Contractor 002'],
      otherNames: ['Owner 01'],
      classes: ['Region 01', 'Region 01:Field', 'Region 02', 'Region 02:Field'],
    });
    const bk = cf.bookkeeper;
    expect(() => bk.addVendor({ name: 'employee 001' })).toThrow(/already in use/);
    expect(() => bk.addCustomer({ name: 'Job 01', parent: 'Customer 0001' })).toThrow(/"Customer 0001:Job 01" is already in use/);
    expect(bk.addCustomer({ name: 'Job 01', parent: 'Customer 0001:Job 01' })).toMatch(/^8[0-9A-F]{7}-\d{10}$/);
    expect(() => bk.addCustomer({ name: 'X', parent: 'Nobody' })).toThrow(/no Customer "Nobody"/);
    expect(() => bk.addEmployee({ name: 'Z', payroll: { useTimeData: 'UseTimeData', earnings: [{ wageItem: 'Piecework' }] } })).toThrow(/no payroll item "Piecework"/);
    expect(() => bk.setActive('Vendor', 'Owner 01', false)).toThrow(/no Vendor "Owner 01"/);
    expect(cf.list('Customer').find((c) => c.fullName === 'Customer 0001:Job 01:Job 01')).toMatchObject({ sublevel: 2 });
    expect(cf.list('PayrollItemWage').map((w) => w.name)).toEqual(['Hourly Regular', 'Hourly Overtime', 'Salary']);
  });
});

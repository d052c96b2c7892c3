// The emulated company file answers time entries the way QuickBooks does: who may have time, what billable time
// must name, who may carry a payroll item, EditSequence on Mods, deletions remembered 90 days, the time-tracking
// preference, and text outside Windows-1252.
import { describe, expect, it } from 'vitest';
import {
  buildQbxmlMessage,
  buildRequest,
  parseQbxmlResponse,
  type InvoiceRecord,
  type PreferencesRecord,
  type ReceivePaymentRecord,
  type TimeTrackingAddInput,
  type TimeTrackingRecord,
} from '../../../../quickbooks/desktop/qbxml/index.js';
import { createCompanyFile, QbHresultError } from '../../../../sandbox/qbd/company-file.js';
import { seedTimeCompany } from '../../../../sandbox/qbd/company/seed-time.js';
import { validateAgainstXsd } from '../qbxml/xsd.js';
import { DAY, manualClock, sender } from './qbd-session.js';

function company() {
  const clock = manualClock();
  const cf = createCompanyFile({ clock });
  const seed = seedTimeCompany(cf.bookkeeper, { customers: 3, jobsPerCustomer: 2 });
  return { cf, clock, seed, ...sender(cf) };
}

const JOB = 'Customer 0001:Job 01';
const billable = (extra: Partial<TimeTrackingAddInput> = {}): TimeTrackingAddInput => ({
  txnDate: '2024-06-03',
  entity: { fullName: 'Employee 001' },
  customer: { fullName: JOB },
  itemService: { fullName: 'Service 001' },
  durationMinutes: 95,
  payrollItemWage: { fullName: 'Hourly Regular' },
  billableStatus: 'Billable',
  ...extra,
});

describe('TimeTrackingAdd', () => {
  it('records billable time on a job with a payroll item and a class, and gives it back as sent', () => {
    const { cf, one } = company();
    cf.bookkeeper.setPreferences({ classTracking: true });
    const added = one({ kind: 'TimeTrackingAdd', requestId: 'a', input: billable({ class: { fullName: 'Region 01:Field' }, notes: 'Mesuré le plan – cuisine “L”', rate: '65.00', externalGuid: '{1B4E28BA-2FA1-11D2-883F-0016D3CCA427}' }) });
    expect(added.statusCode).toBe(0);
    const entry = added.records[0] as TimeTrackingRecord;
    expect(entry).toMatchObject({
      txnDate: '2024-06-03',
      entityRef: { fullName: 'Employee 001' },
      customerRef: { fullName: JOB },
      itemServiceRef: { fullName: 'Service 001' },
      classRef: { fullName: 'Region 01:Field' },
      payrollItemWageRef: { fullName: 'Hourly Regular' },
      rate: '65.00',
      durationMinutes: 95,
      notes: 'Mesuré le plan – cuisine “L”',
      billableStatus: 'Billable',
      externalGuid: '{1B4E28BA-2FA1-11D2-883F-0016D3CCA427}',
    });
    expect(entry.txnId).toMatch(/^[0-9A-F]+-\d{10}$/);
    const read = one({ kind: 'TimeTrackingQuery', requestId: 'q', input: { txnIds: [entry.txnId] } }).records[0];
    expect(read).toEqual(entry);
    expect(cf.list('TimeTracking')).toEqual([entry]);
  });

  it('takes a vendor or an other name as the person, never a customer', () => {
    const { send } = company();
    const results = send([
      { kind: 'TimeTrackingAdd', requestId: 'vendor', input: { entity: { fullName: 'Contractor 001' }, customer: { fullName: JOB }, itemService: { fullName: 'Service 002' }, durationMinutes: 480 } },
      { kind: 'TimeTrackingAdd', requestId: 'other', input: { entity: { fullName: 'Owner 01' }, durationMinutes: 30 } },
      { kind: 'TimeTrackingAdd', requestId: 'customer', input: { entity: { fullName: 'Customer 0002' }, durationMinutes: 30 } },
      { kind: 'TimeTrackingAdd', requestId: 'job', input: { entity: { fullName: JOB }, durationMinutes: 30 } },
      { kind: 'TimeTrackingAdd', requestId: 'nobody', input: { entity: { fullName: 'Nobody At All' }, durationMinutes: 30 } },
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([0, 0, 3140, 3140, 3140]);
    expect(results[0]?.records[0]).toMatchObject({ billableStatus: 'Billable' }); // a job and a service: billable, as QuickBooks marks it
    expect(results[1]?.records[0]).toMatchObject({ billableStatus: 'NotBillable' });
    expect(results[2]?.statusMessage).toBe(
      'There is an invalid reference to QuickBooks Entity "Customer 0002" in the TimeTracking. QuickBooks error message: The specified name is either invalid or of the wrong type.',
    );
    expect(results[4]?.statusMessage).toBe(
      'There is an invalid reference to QuickBooks Entity "Nobody At All" in the TimeTracking. QuickBooks error message: Invalid argument.  The specified record does not exist in the list.',
    );
  });

  it('billable time must name a customer:job and a service item', () => {
    const { cf } = company();
    // the builder refuses these before they are queued, so the requests are cut by hand as another client might send them
    const without = (requestId: string, element: string, status = 'Billable'): string =>
      buildRequest({ kind: 'TimeTrackingAdd', requestId, input: billable() }).replace(new RegExp(`<${element}>.*?</${element}>`), '').replace('>Billable<', `>${status}<`);
    const allowed = (requestId: string, input: TimeTrackingAddInput): string => buildRequest({ kind: 'TimeTrackingAdd', requestId, input });
    const { results } = parseQbxmlResponse(
      cf.processRequest(
        buildQbxmlMessage(
          [
            without('no-customer', 'CustomerRef'),
            without('no-item', 'ItemServiceRef'),
            without('billed-no-item', 'ItemServiceRef', 'HasBeenBilled'),
            allowed('not-billable', { ...billable(), itemService: undefined, billableStatus: 'NotBillable' }),
            allowed('default', { ...billable(), itemService: undefined, billableStatus: undefined }),
          ],
          { version: '13.0' },
        ),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([3180, 3180, 3180, 0, 0]);
    expect(results[0]?.statusMessage).toBe('There was an error when saving a TimeTracking.  QuickBooks error message: Billable time must name a customer:job and a service item.');
    expect(results[4]?.records[0]).toMatchObject({ billableStatus: 'NotBillable' });
  });

  it('a payroll item only for an employee set to use time data; an employee left NotSet gets no time at all', () => {
    const { send, cf } = company();
    const results = send([
      { kind: 'TimeTrackingAdd', requestId: 'not-set', input: { entity: { fullName: 'New Hire 001' }, durationMinutes: 60 } },
      { kind: 'TimeTrackingAdd', requestId: 'not-set-seed', input: { entity: { fullName: 'Pat Owner' }, durationMinutes: 60 } },
      { kind: 'TimeTrackingAdd', requestId: 'salaried-wage', input: { entity: { fullName: 'Salaried 001' }, durationMinutes: 60, payrollItemWage: { fullName: 'Salary' } } },
      { kind: 'TimeTrackingAdd', requestId: 'salaried', input: { entity: { fullName: 'Salaried 001' }, durationMinutes: 60 } },
      { kind: 'TimeTrackingAdd', requestId: 'vendor-wage', input: { entity: { fullName: 'Contractor 001' }, durationMinutes: 60, payrollItemWage: { fullName: 'Hourly Regular' } } },
      { kind: 'TimeTrackingAdd', requestId: 'unknown-wage', input: { entity: { fullName: 'Employee 001' }, durationMinutes: 60, payrollItemWage: { fullName: 'Piecework' } } },
      { kind: 'TimeTrackingAdd', requestId: 'hourly', input: { entity: { fullName: 'Employee 001' }, durationMinutes: 60, payrollItemWage: { fullName: 'Hourly Overtime' } } },
    ]);
    expect(results.map((r) => [r.requestId, r.statusCode])).toEqual([
      ['not-set', 3180],
      ['not-set-seed', 3180],
      ['salaried-wage', 3180],
      ['salaried', 0],
      ['vendor-wage', 3180],
      ['unknown-wage', 3140],
      ['hourly', 0],
    ]);
    expect(results[0]?.statusMessage).toMatch(/does not know whether paychecks for "New Hire 001" use time data/);
    expect(results[2]?.statusMessage).toMatch(/not set to use time data/);
    expect(results[4]?.statusMessage).toMatch(/not an employee/);
    expect(results[5]?.statusMessage).toMatch(/invalid reference to QuickBooks Payroll Item "Piecework" in the TimeTracking/);

    // the bookkeeper answers the question on the Payroll Info tab; then the time goes in
    cf.bookkeeper.setEmployeePayroll('New Hire 001', { useTimeData: 'UseTimeData', earnings: [{ wageItem: 'Hourly Regular', rate: '22.00' }] });
    expect(send([{ kind: 'TimeTrackingAdd', requestId: 'now-set', input: { entity: { fullName: 'New Hire 001' }, durationMinutes: 60, payrollItemWage: { fullName: 'Hourly Regular' } } }])[0]?.statusCode).toBe(0);
  });

  it('without payroll: no payroll items (3262), no Payroll Info on employees, and NotSet does not matter', () => {
    const { send, cf } = company();
    cf.bookkeeper.setPreferences({ payroll: false });
    const [wage, notSet, wages, employees] = send([
      { kind: 'TimeTrackingAdd', requestId: 'wage', input: { entity: { fullName: 'Employee 001' }, durationMinutes: 60, payrollItemWage: { fullName: 'Hourly Regular' } } },
      { kind: 'TimeTrackingAdd', requestId: 'not-set', input: { entity: { fullName: 'New Hire 001' }, durationMinutes: 60 } },
      { kind: 'PayrollItemWageQuery', requestId: 'wages' },
      { kind: 'EmployeeQuery', requestId: 'employees' },
    ]);
    expect([wage?.statusCode, notSet?.statusCode, wages?.statusCode, employees?.statusCode]).toEqual([3262, 0, 3262, 0]);
    expect(employees?.records.every((e) => (e as { payroll?: unknown }).payroll === undefined)).toBe(true);
  });

  it('refuses unknown customers, classes and items that are not services with 3140', () => {
    const { send } = company();
    const results = send([
      { kind: 'TimeTrackingAdd', requestId: 'customer', input: billable({ customer: { fullName: 'Customer 0001:No Such Job' } }) },
      { kind: 'TimeTrackingAdd', requestId: 'vendor-as-customer', input: billable({ customer: { fullName: 'Contractor 002' } }) },
      { kind: 'TimeTrackingAdd', requestId: 'item', input: billable({ itemService: { fullName: 'Shipping' } }) },
      { kind: 'TimeTrackingAdd', requestId: 'class', input: billable({ class: { fullName: 'Region 09' } }) },
      { kind: 'TimeTrackingAdd', requestId: 'by-id', input: billable({ customer: { listId: '80FFFFFF-1716912345' } }) },
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([3140, 3140, 3140, 3140, 3140]);
    expect(results[0]?.statusMessage).toBe(
      'There is an invalid reference to QuickBooks Customer "Customer 0001:No Such Job" in the TimeTracking. QuickBooks error message: Invalid argument.  The specified record does not exist in the list.',
    );
    expect(results[1]?.statusMessage).toMatch(/QuickBooks Customer "Contractor 002".*wrong type/);
    expect(results[2]?.statusMessage).toMatch(/QuickBooks Item "Shipping".*wrong type/);
    expect(results[3]?.statusMessage).toMatch(/QuickBooks Class "Region 09"/);
  });

  it('reads durations strictly: a value QuickBooks cannot convert answers 3035 for that request only', () => {
    const { cf } = company();
    const good = buildRequest({ kind: 'TimeTrackingAdd', requestId: 'good', input: { entity: { fullName: 'Owner 01' }, durationMinutes: 15 } });
    const clock = good.replace('PT0H15M0S', '1:30').replace('requestID="good"', 'requestID="clock"');
    const negative = good.replace('PT0H15M0S', '-PT1H').replace('requestID="good"', 'requestID="negative"');
    const { results } = parseQbxmlResponse(cf.processRequest(buildQbxmlMessage([clock, negative, good], { version: '13.0' })));
    expect(results.map((r) => r.statusCode)).toEqual([3035, 3035, 0]);
    expect(results[0]?.statusMessage).toBe('There was an error when converting the time interval value "1:30" in the field "Duration".');
  });
});

describe('TimeTrackingMod and TxnDel', () => {
  it('modifies with the current EditSequence, keeps what it leaves out, refuses a stale one with 3200', () => {
    const { one } = company();
    const entry = one({ kind: 'TimeTrackingAdd', requestId: 'a', input: billable({ notes: 'first' }) }).records[0] as TimeTrackingRecord;
    const modded = one({ kind: 'TimeTrackingMod', requestId: 'm', input: { txnId: entry.txnId, editSequence: entry.editSequence, entity: { fullName: 'Employee 001' }, durationMinutes: 120, billableStatus: 'HasBeenBilled' } });
    expect(modded.statusCode).toBe(0);
    const after = modded.records[0] as TimeTrackingRecord;
    expect(after).toMatchObject({ durationMinutes: 120, billableStatus: 'HasBeenBilled', notes: 'first', customerRef: { fullName: JOB }, payrollItemWageRef: { fullName: 'Hourly Regular' } });
    expect(Number(after.editSequence)).toBeGreaterThan(Number(entry.editSequence));

    const stale = one({ kind: 'TimeTrackingMod', requestId: 's', input: { txnId: entry.txnId, editSequence: entry.editSequence, entity: { fullName: 'Employee 001' }, durationMinutes: 90 } });
    expect(stale).toMatchObject({ statusCode: 3200, statusSeverity: 'Error', statusMessage: `The provided edit sequence "${entry.editSequence}" is out-of-date.` });
    const unknown = one({ kind: 'TimeTrackingMod', requestId: 'u', input: { txnId: '999-1717000000', editSequence: '1', entity: { fullName: 'Employee 001' }, durationMinutes: 90 } });
    expect(unknown).toMatchObject({ statusCode: 3120, statusMessage: 'Object "999-1717000000" specified in the request cannot be found.' });
    const toCustomer = one({ kind: 'TimeTrackingMod', requestId: 'c', input: { txnId: entry.txnId, editSequence: after.editSequence, entity: { fullName: 'Customer 0001' }, durationMinutes: 90 } });
    expect(toCustomer.statusCode).toBe(3140);
  });

  it('deletes a time entry; TxnDeletedQuery reports it for 90 days, then no more', () => {
    const { one, clock } = company();
    const entry = one({ kind: 'TimeTrackingAdd', requestId: 'a', input: billable() }).records[0] as TimeTrackingRecord;
    clock.advance(60_000);
    const deleted = one({ kind: 'TxnDel', requestId: 'd', input: { txnDelType: 'TimeTracking', txnId: entry.txnId } });
    expect(deleted).toMatchObject({ statusCode: 0, records: [{ type: 'TxnDeleted', txnDelType: 'TimeTracking', txnId: entry.txnId, timeDeleted: '2024-06-03T09:01:00-05:00' }] });
    expect(one({ kind: 'TimeTrackingQuery', requestId: 'gone', input: { txnIds: [entry.txnId] } })).toMatchObject({ statusCode: 500, statusSeverity: 'Warn' });
    expect(one({ kind: 'TxnDel', requestId: 'again', input: { txnDelType: 'TimeTracking', txnId: entry.txnId } })).toMatchObject({ statusCode: 3120 });

    const asked = { kind: 'TxnDeletedQuery', requestId: 'q', input: { txnDelTypes: ['Invoice', 'TimeTracking'] } } as const;
    expect(one(asked).records).toEqual([{ type: 'TxnDeleted', txnDelType: 'TimeTracking', txnId: entry.txnId, timeCreated: '2024-06-03T09:00:00-05:00', timeDeleted: '2024-06-03T09:01:00-05:00' }]);
    expect(one({ ...asked, input: { txnDelTypes: ['TimeTracking'], deletedDateRange: { from: '2024-06-04' } } }).statusCode).toBe(1);
    clock.advance(89 * DAY);
    expect(one(asked).records).toHaveLength(1);
    clock.advance(2 * DAY);
    expect(one(asked)).toMatchObject({ statusCode: 1, statusMessage: 'A query request did not find a matching object in QuickBooks', records: [] });
  });

  it('TxnDel of an invoice leaves its payment as unused credit, with a new EditSequence; a TxnID of another type answers 3120', () => {
    const { one } = company();
    const inv = one({ kind: 'InvoiceAdd', requestId: 'i', input: { customer: { fullName: 'Customer 0001' }, refNumber: 'T-1', lines: [{ item: { fullName: 'Service 001' }, quantity: '2' }] } }).records[0] as InvoiceRecord;
    const pay = one({ kind: 'ReceivePaymentAdd', requestId: 'p', input: { customer: { fullName: 'Customer 0001' }, totalAmountCents: 5000, applyTo: [{ txnId: inv.txnId, paymentAmountCents: 5000 }] } }).records[0] as ReceivePaymentRecord;
    expect(one({ kind: 'TxnDel', requestId: 'wrong-type', input: { txnDelType: 'Bill', txnId: inv.txnId } }).statusCode).toBe(3120);
    expect(one({ kind: 'TxnDel', requestId: 'd', input: { txnDelType: 'Invoice', txnId: inv.txnId } }).records[0]).toMatchObject({ txnDelType: 'Invoice', txnId: inv.txnId, refNumber: 'T-1' });
    const after = one({ kind: 'ReceivePaymentQuery', requestId: 'q', input: { txnIds: [pay.txnId] } }).records[0] as ReceivePaymentRecord;
    expect(after).toMatchObject({ totalAmountCents: 5000, unusedPaymentCents: 5000, appliedTo: [] });
    expect(after.editSequence).not.toBe(pay.editSequence);
    expect(one({ kind: 'TxnDeletedQuery', requestId: 'tq', input: { txnDelTypes: ['Invoice'] } }).records).toEqual([expect.objectContaining({ txnDelType: 'Invoice', refNumber: 'T-1' })]);
  });

  it('pages time entries by week and person with an iterator', () => {
    const { send, one, cf } = company();
    const adds = Array.from({ length: 14 }, (_, day) => ({
      kind: 'TimeTrackingAdd' as const,
      requestId: `t${day}`,
      input: { txnDate: `2024-06-${String(day + 1).padStart(2, '0')}`, entity: { fullName: day % 2 ? 'Contractor 001' : 'Employee 002' }, durationMinutes: 60 + day, payrollItemWage: day % 2 ? undefined : { fullName: 'Hourly Regular' } },
    }));
    expect(send(adds).every((r) => r.statusCode === 0)).toBe(true);
    cf.beginSession();
    const first = one({ kind: 'TimeTrackingQuery', requestId: 'w1', input: { maxReturned: 2, txnDateRange: { from: '2024-06-03', to: '2024-06-09' }, entityFullNames: ['Employee 002'], iterator: { mode: 'Start' } } });
    expect(first).toMatchObject({ statusCode: 0, iteratorRemainingCount: 2 });
    const rest = one({ kind: 'TimeTrackingQuery', requestId: 'w2', input: { maxReturned: 2, iterator: { mode: 'Continue', iteratorId: first.iteratorId as string } } });
    expect(rest.iteratorRemainingCount).toBe(0);
    expect([...first.records, ...rest.records].map((r) => (r as TimeTrackingRecord).txnDate)).toEqual(['2024-06-03', '2024-06-05', '2024-06-07', '2024-06-09']);
    cf.endSession();
  });
});

describe('preferences and text', () => {
  it('reports time tracking and its first day of the week only when on; off, time entries answer 3250', () => {
    const { one, cf } = company();
    cf.bookkeeper.setPreferences({ firstDayOfWeek: 'Sunday' });
    expect(one({ kind: 'PreferencesQuery', requestId: 'p' }).records[0] as PreferencesRecord).toMatchObject({ timeTrackingEnabled: true, firstDayOfWeek: 'Sunday' });
    cf.bookkeeper.setPreferences({ timeTracking: false });
    const prefs = one({ kind: 'PreferencesQuery', requestId: 'p2' }).records[0] as PreferencesRecord;
    expect(prefs.timeTrackingEnabled).toBe(false);
    expect(one({ kind: 'TimeTrackingAdd', requestId: 'a', input: { entity: { fullName: 'Owner 01' }, durationMinutes: 5 } }).statusCode).toBe(3250);
    expect(parseQbxmlResponse(cf.hcpResponse()).results[2]?.records[0]).toMatchObject({ timeTrackingEnabled: false });
  });

  it('a literal character outside Windows-1252 fails the whole message; as a reference it is stored as "?"', () => {
    const { cf } = company();
    const note = (text: string): string => buildRequest({ kind: 'TimeTrackingAdd', requestId: 'n', input: { entity: { fullName: 'Owner 01' }, durationMinutes: 5, notes: 'NOTE' } }).replace('NOTE', text);
    const ok = buildRequest({ kind: 'TimeTrackingAdd', requestId: 'ok', input: { entity: { fullName: 'Owner 01' }, durationMinutes: 5 } });
    let error: unknown;
    try {
      cf.processRequest(buildQbxmlMessage([ok, note('Réunion 👋')], { version: '13.0' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QbHresultError);
    expect(error).toMatchObject({ hresult: '0x80040400' });
    expect(cf.lastParseError).toMatch(/"👋" \(U\+1F44B\) is outside Windows-1252/);
    expect(cf.list('TimeTracking')).toHaveLength(0);

    const { results } = parseQbxmlResponse(cf.processRequest(buildQbxmlMessage([note('R&#xE9;union &#x1F44B; &#x141;&#xF3;d&#x17A; – “€”')], { version: '13.0' })));
    expect(results[0]?.records[0]).toMatchObject({ notes: 'Réunion ? ?ód? – “€”' });
  });
});

describe('answers are valid qbXML', () => {
  it.each(['13.0', '16.0'] as const)('every time-tracking answer validates against the %s schema', async (version) => {
    const { send, answers, cf, one } = company();
    cf.bookkeeper.setPreferences({ classTracking: true });
    const added = one({ kind: 'TimeTrackingAdd', requestId: 'a', input: billable({ class: { fullName: 'Region 01' }, rate: '70', notes: 'n', externalGuid: '{1B4E28BA-2FA1-11D2-883F-0016D3CCA427}' }) }, version).records[0] as TimeTrackingRecord;
    send([
      { kind: 'TimeTrackingMod', requestId: 'm', input: { txnId: added.txnId, editSequence: added.editSequence, entity: { fullName: 'Employee 001' }, durationMinutes: 30 } },
      { kind: 'TimeTrackingAdd', requestId: 'bad', input: { entity: { fullName: 'Customer 0001' }, durationMinutes: 30 } },
      { kind: 'TimeTrackingQuery', requestId: 'q', input: { maxReturned: 10, iterator: { mode: 'Start' } } },
      { kind: 'TxnDel', requestId: 'd', input: { txnDelType: 'TimeTracking', txnId: added.txnId } },
      { kind: 'TxnDeletedQuery', requestId: 'tq', input: { txnDelTypes: ['TimeTracking'] } },
      { kind: 'EmployeeQuery', requestId: 'e', input: { activeStatus: 'All' } },
      { kind: 'OtherNameQuery', requestId: 'o' },
      { kind: 'ClassQuery', requestId: 'c' },
      { kind: 'PayrollItemWageQuery', requestId: 'w' },
      { kind: 'ItemServiceQuery', requestId: 's', input: { maxReturned: 2, iterator: { mode: 'Start' } } },
      { kind: 'CustomerQuery', requestId: 'jobs', input: { fullNames: [JOB, 'Customer 0002'] } },
      { kind: 'PreferencesQuery', requestId: 'p' },
    ], version);
    cf.bookkeeper.deleteListEntry('Customer', 'Customer 0003:Job 02');
    send([{ kind: 'ListDeletedQuery', requestId: 'l', input: { listDelTypes: ['Customer', 'Employee'] } }], version);
    const docs = answers.filter((a) => a.version === version).map(({ name, xml }) => ({ name, xml }));
    const verdicts = await validateAgainstXsd(version, docs);
    expect([...verdicts].filter(([, errors]) => errors.length)).toEqual([]);
    expect(docs.length).toBe(3);
  });
});

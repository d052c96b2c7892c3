// The time-tracking part of the qbXML codec: builders (element order, QuickBooks' rules checked before queuing,
// durations, text QuickBooks cannot store) and readers (a response fixture valid under both schemas).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildListDeletedQuery,
  buildQbxmlMessage,
  buildRequest,
  buildTimeTrackingAdd,
  buildTimeTrackingMod,
  buildTimeTrackingQuery,
  buildTxnDel,
  buildTxnDeletedQuery,
  classifyStatus,
  formatDuration,
  parseDuration,
  parseQbxmlResponse,
  QbDurationError,
  QbxmlInputError,
  replaceUnstorable,
  unstorableCharacters,
  type ClassRecord,
  type CustomerRecord,
  type EmployeeRecord,
  type ListDeletedRecord,
  type PayrollItemWageRecord,
  type PreferencesRecord,
  type TimeTrackingRecord,
  type TxnDeletedRecord,
  type TxnDelType,
} from '../../../../quickbooks/desktop/qbxml/index.js';
import { validateAgainstXsd } from './xsd.js';

const fixture = readFileSync(new URL('./fixtures/time-lists-rs.xml', import.meta.url), 'utf8');

describe('durations: minutes inside, PTnHnMnS on the wire', () => {
  it('writes hours and minutes the way QuickBooks does', () => {
    expect([0, 1, 59, 60, 95, 480, 1440].map(formatDuration)).toEqual(['PT0H0M0S', 'PT0H1M0S', 'PT0H59M0S', 'PT1H0M0S', 'PT1H35M0S', 'PT8H0M0S', 'PT24H0M0S']);
    expect(() => formatDuration(-5)).toThrow(QbDurationError);
    expect(() => formatDuration(1.5)).toThrow(QbDurationError);
  });

  it('reads every valid spelling; seconds round half-up to the minute', () => {
    expect(['PT1H35M0S', 'PT90M', 'PT2H', 'PT0H0M29S', 'PT0H0M30S', 'PT45S', '-PT1H'].map(parseDuration)).toEqual([95, 90, 120, 0, 1, 1, -60]);
    for (const bad of ['PT', '1H', 'P1D', 'PT1.5H', 'nonsense', '']) expect(() => parseDuration(bad), bad).toThrow(QbDurationError);
  });
});

describe('text QuickBooks can store (Windows-1252)', () => {
  it('finds what is outside it, and replaces it on request', () => {
    expect(unstorableCharacters("O'Brien & Søn – Café “€5” ™")).toEqual([]);
    expect(unstorableCharacters('Zoë 👋 Łódź 中 中')).toEqual(['👋', 'Ł', 'ź', '中']);
    expect(replaceUnstorable('Łódź 👋')).toBe('?ód? ?');
    expect(replaceUnstorable('Łódź', '')).toBe('ód');
  });
});

describe('TimeTrackingAdd', () => {
  it('writes the elements in schema order, the duration as PTnHnM0S and the GUID braced', () => {
    const xml = buildTimeTrackingAdd('t1', {
      externalGuid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      billableStatus: 'Billable',
      notes: 'Site visit',
      payrollItemWage: { fullName: 'Hourly Regular' },
      class: { fullName: 'Field:North' },
      durationMinutes: 95,
      rate: '65.00',
      itemService: { fullName: 'Labor' },
      customer: { fullName: 'Dupré & Fils:Kitchen Remodel' },
      entity: { listId: '80000004-1716912345' },
      txnDate: '2024-05-29',
    });
    expect(xml).toBe(
      '<TimeTrackingAddRq requestID="t1"><TimeTrackingAdd>' +
        '<TxnDate>2024-05-29</TxnDate>' +
        '<EntityRef><ListID>80000004-1716912345</ListID></EntityRef>' +
        '<CustomerRef><FullName>Dupré &amp; Fils:Kitchen Remodel</FullName></CustomerRef>' +
        '<ItemServiceRef><FullName>Labor</FullName></ItemServiceRef>' +
        '<Rate>65.00</Rate>' +
        '<Duration>PT1H35M0S</Duration>' +
        '<ClassRef><FullName>Field:North</FullName></ClassRef>' +
        '<PayrollItemWageRef><FullName>Hourly Regular</FullName></PayrollItemWageRef>' +
        '<Notes>Site visit</Notes>' +
        '<BillableStatus>Billable</BillableStatus>' +
        '<ExternalGUID>{1B4E28BA-2FA1-11D2-883F-0016D3CCA427}</ExternalGUID>' +
        '</TimeTrackingAdd></TimeTrackingAddRq>',
    );
  });

  it('refuses what QuickBooks would refuse or mangle, before anything is queued', () => {
    const base = { entity: { fullName: 'Pat Owner' }, durationMinutes: 60 };
    expect(() => buildTimeTrackingAdd('t', { ...base, billableStatus: 'Billable', customer: { fullName: 'Acme' } })).toThrow(/customer \(CustomerRef\) and a service item/);
    expect(() => buildTimeTrackingAdd('t', { ...base, billableStatus: 'HasBeenBilled', itemService: { fullName: 'Labor' } })).toThrow(QbxmlInputError);
    expect(() => buildTimeTrackingAdd('t', { ...base, durationMinutes: -1 })).toThrow(/Duration/);
    expect(() => buildTimeTrackingAdd('t', { ...base, durationMinutes: 0.5 })).toThrow(/Duration/);
    expect(() => buildTimeTrackingAdd('t', { ...base, notes: 'Réunion 👋 à Łódź' })).toThrow(/"👋", "Ł", "ź"/);
    expect(() => buildTimeTrackingAdd('t', { ...base, entity: { fullName: 'Łukasz' } })).toThrow(/EntityRef.FullName/);
    expect(() => buildTimeTrackingAdd('t', { ...base, externalGuid: 'not-a-guid' })).toThrow(/GUID/);
    expect(buildTimeTrackingAdd('t', { ...base, notes: replaceUnstorable('Réunion 👋') })).toContain('<Notes>Réunion ?</Notes>');
    expect(buildTimeTrackingAdd('t', { ...base, billableStatus: 'NotBillable' })).toContain('<BillableStatus>NotBillable</BillableStatus>');
  });

  it('a Mod may mark time billed without repeating the customer and item (what it leaves out stays)', () => {
    expect(buildTimeTrackingMod('m', { txnId: '2A1-1717000000', editSequence: '1', entity: { fullName: 'Daric Teske' }, durationMinutes: 60, billableStatus: 'HasBeenBilled' })).toContain('<BillableStatus>HasBeenBilled</BillableStatus>');
  });

  it('a Mod carries TxnID and EditSequence first, then the required EntityRef and Duration, and no ExternalGUID', () => {
    const xml = buildTimeTrackingMod('m', { txnId: '2A1-1717000000', editSequence: '1717020131', entity: { fullName: 'Daric Teske' }, durationMinutes: 120, billableStatus: 'HasBeenBilled', customer: { fullName: 'Acme' }, itemService: { fullName: 'Labor' } });
    expect(xml).toBe(
      '<TimeTrackingModRq requestID="m"><TimeTrackingMod><TxnID>2A1-1717000000</TxnID><EditSequence>1717020131</EditSequence>' +
        '<EntityRef><FullName>Daric Teske</FullName></EntityRef><CustomerRef><FullName>Acme</FullName></CustomerRef><ItemServiceRef><FullName>Labor</FullName></ItemServiceRef>' +
        '<Duration>PT2H0M0S</Duration><BillableStatus>HasBeenBilled</BillableStatus></TimeTrackingMod></TimeTrackingModRq>',
    );
  });
});

describe('TimeTrackingQuery, TxnDel and the deletion queries', () => {
  it('pages by work dates and person, or looks up TxnIDs; never both', () => {
    expect(buildTimeTrackingQuery('q', { maxReturned: 100, txnDateRange: { from: '2024-05-27', to: '2024-06-02' }, entityFullNames: ['Daric Teske'], iterator: { mode: 'Start' } })).toBe(
      '<TimeTrackingQueryRq requestID="q" iterator="Start"><MaxReturned>100</MaxReturned><TxnDateRangeFilter><FromTxnDate>2024-05-27</FromTxnDate><ToTxnDate>2024-06-02</ToTxnDate></TxnDateRangeFilter>' +
        '<TimeTrackingEntityFilter><FullName>Daric Teske</FullName></TimeTrackingEntityFilter></TimeTrackingQueryRq>',
    );
    expect(buildTimeTrackingQuery('q', { maxReturned: 50, iterator: { mode: 'Continue', iteratorId: '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}' } })).toBe(
      '<TimeTrackingQueryRq requestID="q" iterator="Continue" iteratorID="{3F2504E0-4F89-11D3-9A0C-0305E82C3301}"><MaxReturned>50</MaxReturned></TimeTrackingQueryRq>',
    );
    expect(() => buildTimeTrackingQuery('q', { txnIds: ['1-1'], maxReturned: 5 })).toThrow(QbxmlInputError);
    expect(() => buildTimeTrackingQuery('q', { iterator: { mode: 'Start' } })).toThrow(/MaxReturned/);
    expect(() => buildTimeTrackingQuery('q', { modifiedDateRange: { from: '2024-01-01' }, txnDateRange: { from: '2024-01-01' } })).toThrow(/exclusive/);
    expect(() => buildTimeTrackingQuery('q', { entityListIds: ['1-1'], entityFullNames: ['A'] })).toThrow(/not both/);
    expect(() => buildTimeTrackingQuery('q', { txnDateRange: { from: '2024-01-01T10:00:00' } })).toThrow(/not a date/);
  });

  it('deletes by type and id; asks for deletions by type with a date range', () => {
    expect(buildTxnDel('d', { txnDelType: 'TimeTracking', txnId: '2A1-1717000000' })).toBe('<TxnDelRq requestID="d"><TxnDelType>TimeTracking</TxnDelType><TxnID>2A1-1717000000</TxnID></TxnDelRq>');
    expect(buildTxnDeletedQuery('q', { txnDelTypes: ['TimeTracking', 'Invoice'], deletedDateRange: { from: '2024-05-01' } })).toBe(
      '<TxnDeletedQueryRq requestID="q"><TxnDelType>TimeTracking</TxnDelType><TxnDelType>Invoice</TxnDelType><DeletedDateRangeFilter><FromDeletedDate>2024-05-01</FromDeletedDate></DeletedDateRangeFilter></TxnDeletedQueryRq>',
    );
    expect(buildListDeletedQuery('l', { listDelTypes: ['Customer', 'Employee'] })).toBe('<ListDeletedQueryRq requestID="l"><ListDelType>Customer</ListDelType><ListDelType>Employee</ListDelType></ListDeletedQueryRq>');
    expect(() => buildListDeletedQuery('l', { listDelTypes: [] })).toThrow(/at least one/);
    expect(() => buildTxnDel('d', { txnDelType: 'Timesheet' as TxnDelType, txnId: '1-1' })).toThrow(/not one of/);
  });

  it('a job-aware CustomerAdd puts the job fields between AccountNumber and Notes', () => {
    const xml = buildRequest({ kind: 'CustomerAdd', requestId: 'j', input: { name: 'Kitchen', parent: { fullName: 'Dupré' }, accountNumber: 'A-1', jobStatus: 'Awarded', jobStartDate: '2024-05-01', jobDesc: 'Cabinets', notes: 'n' } });
    expect(xml).toContain('<AccountNumber>A-1</AccountNumber><JobStatus>Awarded</JobStatus><JobStartDate>2024-05-01</JobStartDate><JobDesc>Cabinets</JobDesc><Notes>n</Notes>');
  });
});

describe('reading time-tracking answers', () => {
  it.each(['13.0', '16.0'] as const)('the fixture is valid qbXML %s', async (version) => {
    const verdicts = await validateAgainstXsd(version, [{ name: 'time', xml: fixture }]);
    expect(verdicts.get('time')).toEqual([]);
  });

  it('reads jobs with parent, sublevel, addresses and printed blocks, status and dates; the iterator attributes', () => {
    const page = parseQbxmlResponse(fixture).byRequestId.get('jobs-1');
    expect(page).toMatchObject({ iteratorRemainingCount: 1998, iteratorId: '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}' });
    expect(page?.records[0] as CustomerRecord).toMatchObject({
      fullName: 'Dupré & Fils:Kitchen Remodel',
      parentRef: { listId: '80000009-1716912345', fullName: 'Dupré & Fils' },
      sublevel: 1,
      billAddress: { addr1: 'Dupré & Fils', addr2: '12 Rue du Port', city: 'Burlington', state: 'VT', postalCode: '05401', country: 'US' },
      billAddressBlock: ['Dupré & Fils', '12 Rue du Port', 'Burlington, VT 05401', 'US'],
      shipAddress: { addr1: '48 Lake St', city: 'Shelburne' },
      shipAddressBlock: ['48 Lake St', 'Shelburne, VT 05482'],
      jobStatus: 'InProgress',
      jobStartDate: '2024-05-01',
      jobProjectedEndDate: '2024-07-31',
      jobDesc: 'Cabinets and counters',
      notes: 'Key under the mat',
    });
  });

  it('reads employees with their payroll set-up, or none when the file does not report it', () => {
    const [daric, newHire, none] = parseQbxmlResponse(fixture).byRequestId.get('employees')?.records as EmployeeRecord[];
    expect(daric).toMatchObject({
      type: 'Employee',
      name: 'Daric Teske',
      employeeAddress: { addr1: '4 Elm St', city: 'Lincoln' },
      hiredDate: '2020-01-06',
      payroll: {
        payPeriod: 'Weekly',
        useTimeDataToCreatePaychecks: 'UseTimeData',
        earnings: [
          { payrollItemWageRef: { listId: '80000000-0000000001', fullName: 'Field' }, rate: '15.00' },
          { payrollItemWageRef: { fullName: 'Field Overtime' }, rate: '25.00' },
        ],
      },
    });
    expect(newHire).toMatchObject({ isActive: false, payroll: { useTimeDataToCreatePaychecks: 'NotSet', earnings: [] } });
    expect(none?.payroll).toBeUndefined();
  });

  it('reads other names, classes and wage items', () => {
    const { byRequestId } = parseQbxmlResponse(fixture);
    expect(byRequestId.get('other-names')?.records[0]).toMatchObject({ type: 'OtherName', name: 'Owner Draw', companyName: 'Owner' });
    expect(byRequestId.get('classes')?.records[0] as ClassRecord).toMatchObject({ type: 'Class', name: 'North', fullName: 'Field:North', parentRef: { fullName: 'Field' }, sublevel: 1 });
    expect(byRequestId.get('wage-items')?.records[0] as PayrollItemWageRecord).toMatchObject({ type: 'PayrollItemWage', name: 'Field', wageType: 'HourlyRegular', expenseAccountRef: { fullName: 'Payroll Expenses' } });
  });

  it('reads time entries: duration in minutes, references, billable status, ExternalGUID', () => {
    const [entry, contractor] = parseQbxmlResponse(fixture).byRequestId.get('week')?.records as TimeTrackingRecord[];
    expect(entry).toEqual({
      type: 'TimeTracking',
      txnId: '2A1-1717000000',
      timeCreated: '2024-05-29T17:02:11-05:00',
      timeModified: '2024-05-29T17:02:11-05:00',
      editSequence: '1717020131',
      txnNumber: 201,
      txnDate: '2024-05-29',
      entityRef: { listId: '80000004-1716912345', fullName: 'Daric Teske' },
      customerRef: { listId: '80000010-1716912345', fullName: 'Dupré & Fils:Kitchen Remodel' },
      itemServiceRef: { listId: '80000020-1716912345', fullName: 'Labor' },
      rate: '65.00',
      durationMinutes: 95,
      payrollItemWageRef: { listId: '80000000-0000000001', fullName: 'Field' },
      notes: 'Measured the “L” counter – sink on the left',
      billableStatus: 'Billable',
      externalGuid: '{1B4E28BA-2FA1-11D2-883F-0016D3CCA427}',
    });
    expect(contractor).toMatchObject({ durationMinutes: 480, billableStatus: 'NotBillable' });
    expect(contractor?.customerRef).toBeUndefined();
  });

  it('reads deletions, the TxnDel answer (fields without a Ret wrapper) and failures', () => {
    const { byRequestId } = parseQbxmlResponse(fixture);
    expect(byRequestId.get('del')?.records).toEqual([{ type: 'TxnDeleted', txnDelType: 'TimeTracking', txnId: '2A2-1717000000', timeDeleted: '2024-06-03T09:00:00-05:00' }]);
    expect(byRequestId.get('del-missing')).toMatchObject({ statusCode: 3120, records: [] });
    expect((byRequestId.get('txn-deleted')?.records as TxnDeletedRecord[]).map((r) => [r.txnDelType, r.txnId, r.refNumber])).toEqual([
      ['TimeTracking', '2A2-1717000000', undefined],
      ['Invoice', '1F6-1717000000', 'SO-1001'],
    ]);
    expect(byRequestId.get('list-deleted')?.records[0] as ListDeletedRecord).toEqual({
      type: 'ListDeleted',
      listDelType: 'Customer',
      listId: '80000012-1716912345',
      timeCreated: '2024-05-28T10:05:45-05:00',
      timeDeleted: '2024-06-03T09:10:00-05:00',
      fullName: 'Dupré & Fils:Bathroom',
    });
    expect(byRequestId.get('none-deleted')).toMatchObject({ statusCode: 1, records: [] });
    expect(classifyStatus(byRequestId.get('stale') as { statusCode: number })).toMatchObject({ outcome: 'stale', retryable: true });
  });

  it('reads the time-tracking preference and its first day of the week; absent means time is not tracked', () => {
    const prefs = parseQbxmlResponse(fixture).byRequestId.get('prefs')?.records[0] as PreferencesRecord;
    expect(prefs).toMatchObject({ timeTrackingEnabled: true, firstDayOfWeek: 'Sunday', isUsingClassTracking: true });
    const off = parseQbxmlResponse(fixture.replace(/<TimeTrackingPreferences>[\s\S]*<\/TimeTrackingPreferences>\n/, '')).byRequestId.get('prefs')?.records[0] as PreferencesRecord;
    expect(off.timeTrackingEnabled).toBe(false);
    expect(off.firstDayOfWeek).toBeUndefined();
  });

  it('classifies 3391 (iterator gone) as final for that request, with a sentence saying to start over', () => {
    expect(classifyStatus({ statusCode: 3391, kind: 'CustomerQuery' })).toMatchObject({ outcome: 'rejected', retryable: false, message: expect.stringMatching(/start again from the first page/) });
  });

  it('every new request kind travels in one message', () => {
    const xml = buildQbxmlMessage(
      [
        buildRequest({ kind: 'EmployeeQuery', requestId: 'e' }),
        buildRequest({ kind: 'PayrollItemWageQuery', requestId: 'w' }),
        buildRequest({ kind: 'TimeTrackingQuery', requestId: 't', input: { txnIds: ['1-1'] } }),
      ],
      { version: '13.0' },
    );
    expect(xml).toContain('<EmployeeQueryRq requestID="e"></EmployeeQueryRq><PayrollItemWageQueryRq requestID="w"></PayrollItemWageQueryRq>');
  });
});

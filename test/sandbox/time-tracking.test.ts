import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, faultOf, manualClock, newCompany, request, startSandbox, type Api, type Harness } from './helpers.js';

interface People {
  api: Api;
  employeeId: string;
  vendorId: string;
  customerId: string;
  serviceId: string;
  goodsId: string;
}

async function people(harness: Harness): Promise<People> {
  const api = await newCompany(harness);
  const employee = await api.call('POST', '/employee', { GivenName: 'Emily', FamilyName: 'Platt', BillableTime: true, BillRate: 95, CostRate: 40.5, HiredDate: '2025-01-06', UseTimeEntry: 'UseTimeEntry' });
  const vendor = await api.call('POST', '/vendor', { DisplayName: 'Contract Carl' });
  const customer = await api.call('POST', '/customer', { DisplayName: 'Rondonuwu Fruit and Vegi' });
  const goods = await api.call('POST', '/item', { Name: 'Garden Hose', Type: 'NonInventory', IncomeAccountRef: { value: accountId(api, harness, 'Sales of Product Income') } });
  const hours = (await api.query("select * from Item where Name = 'Hours'")).body.QueryResponse.Item[0];
  return { api, employeeId: employee.body.Employee.Id, vendorId: vendor.body.Vendor.Id, customerId: customer.body.Customer.Id, serviceId: hours.Id, goodsId: goods.body.Item.Id };
}

function time(p: People, extra: Record<string, unknown> = {}) {
  return p.api.call('POST', '/timeactivity', { NameOf: 'Employee', EmployeeRef: { value: p.employeeId }, TxnDate: '2026-03-02', Hours: 3, Minutes: 15, ...extra });
}

describe('Employee', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startSandbox();
  });
  afterAll(() => harness.close());

  it('creates an employee with the schema’s fields; the name comes from its parts; enums are checked', async () => {
    const api = await newCompany(harness);
    const created = await api.call('POST', '/employee', {
      GivenName: 'John',
      FamilyName: 'Johnson',
      PrimaryEmailAddr: { Address: 'john@esprit.test' },
      EmployeeNumber: 'E-7',
      BillableTime: true,
      BillRate: 75,
      CostRate: 31.25,
      HiredDate: '2024-05-01',
      UseTimeEntry: 'DoNotUseTimeEntry',
      Gender: 'Male',
    });
    expect(created.status).toBe(200);
    expect(created.body.Employee).toMatchObject({ DisplayName: 'John Johnson', GivenName: 'John', FamilyName: 'Johnson', BillableTime: true, BillRate: 75, CostRate: 31.25, HiredDate: '2024-05-01', UseTimeEntry: 'DoNotUseTimeEntry', Active: true, SyncToken: '0' });
    expect(faultOf(await api.call('POST', '/employee', { DisplayName: 'Bad Enum', UseTimeEntry: 'Sometimes' }))).toMatchObject({ code: '2010', element: 'UseTimeEntry' });
    expect(faultOf(await api.call('POST', '/employee', { DisplayName: 'Bad Date', HiredDate: '2024-13-01' })).code).toBe('2010');
    // Customers, vendors and employees share one name list.
    await api.call('POST', '/customer', { DisplayName: 'Shared Name' });
    expect(faultOf(await api.call('POST', '/employee', { DisplayName: 'shared name' })).code).toBe('6240');
  });
});

describe('TimeActivity', () => {
  const clock = manualClock();
  let harness: Harness;

  beforeAll(async () => {
    harness = await startSandbox({ now: clock.now });
  });
  afterAll(() => harness.close());

  it('records hours and minutes for an employee: not billable by default, read and queried back', async () => {
    const p = await people(harness);
    const created = await time(p, { Description: 'Garden lighting', ItemRef: { value: p.serviceId } });
    expect(created.status).toBe(200);
    const activity = created.body.TimeActivity;
    expect(activity).toMatchObject({
      NameOf: 'Employee',
      EmployeeRef: { value: p.employeeId, name: 'Emily Platt' },
      ItemRef: { value: p.serviceId, name: 'Hours' },
      TxnDate: '2026-03-02',
      Hours: 3,
      Minutes: 15,
      BillableStatus: 'NotBillable',
      HourlyRate: 0,
      Taxable: false,
      Description: 'Garden lighting',
      SyncToken: '0',
      domain: 'QBO',
    });
    expect((await p.api.call('GET', `/timeactivity/${activity.Id}`)).body.TimeActivity).toEqual(activity);
    const queried = await p.api.query("select * from TimeActivity where TxnDate >= '2026-03-01'");
    expect(queried.body.QueryResponse.TimeActivity).toEqual([activity]);
  });

  it('needs HourlyRate (and a customer) when the time is Billable', async () => {
    const p = await people(harness);
    expect(faultOf(await time(p, { BillableStatus: 'Billable', CustomerRef: { value: p.customerId } }))).toMatchObject({ code: '2020', element: 'HourlyRate', Detail: 'Required parameter HourlyRate is missing in the request' });
    expect(faultOf(await time(p, { BillableStatus: 'Billable', HourlyRate: 95 }))).toMatchObject({ code: '2020', element: 'CustomerRef' });
    const billable = await time(p, { BillableStatus: 'Billable', HourlyRate: 95.5, CustomerRef: { value: p.customerId }, ItemRef: { value: p.serviceId } });
    expect(billable.body.TimeActivity).toMatchObject({ BillableStatus: 'Billable', HourlyRate: 95.5, CustomerRef: { value: p.customerId, name: 'Rondonuwu Fruit and Vegi' } });
    // a value outside Intuit's enumeration is refused by the schema check (2010), before the entity's own rules
    expect(faultOf(await time(p, { BillableStatus: 'Maybe' })).code).toBe('2010');
    // QuickBooks sets HasBeenBilled when the time goes on an invoice; an app cannot.
    expect(faultOf(await time(p, { BillableStatus: 'HasBeenBilled', HourlyRate: 1, CustomerRef: { value: p.customerId } })).code).toBe('6000');
  });

  it('matches NameOf with its reference: Employee needs EmployeeRef, Vendor needs VendorRef, nothing else', async () => {
    const p = await people(harness);
    const vendorTime = await p.api.call('POST', '/timeactivity', { NameOf: 'Vendor', VendorRef: { value: p.vendorId }, Hours: 2 });
    expect(vendorTime.body.TimeActivity).toMatchObject({ NameOf: 'Vendor', VendorRef: { value: p.vendorId, name: 'Contract Carl' }, Hours: 2, Minutes: 0 });
    expect(faultOf(await time(p, { VendorRef: { value: p.vendorId } }))).toMatchObject({ code: '2010', element: 'VendorRef' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', { NameOf: 'Employee', VendorRef: { value: p.vendorId }, Hours: 1 }))).toMatchObject({ code: '2010', element: 'VendorRef' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', { NameOf: 'Vendor', Hours: 1 }))).toMatchObject({ code: '2020', element: 'VendorRef' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', { EmployeeRef: { value: p.employeeId }, Hours: 1 }))).toMatchObject({ code: '2020', element: 'NameOf' });
    expect(faultOf(await time(p, { NameOf: 'Other' })).code).toBe('2170');
    // Name lists number on their own: a vendor's id given as an employee refers to no employee here.
    const secondVendor = (await p.api.call('POST', '/vendor', { DisplayName: 'Second Vendor' })).body.Vendor.Id;
    expect(faultOf(await time(p, { EmployeeRef: { value: secondVendor } }))).toMatchObject({ code: '2500', element: 'EmployeeRef' });
  });

  it('refuses references that do not exist or do not fit', async () => {
    const p = await people(harness);
    expect(faultOf(await time(p, { EmployeeRef: { value: '999' } }))).toMatchObject({ code: '2500', Message: 'Invalid Reference Id' });
    expect(faultOf(await time(p, { CustomerRef: { value: '999' } }))).toMatchObject({ code: '2500', element: 'CustomerRef' });
    expect(faultOf(await time(p, { ItemRef: { value: '999' } }))).toMatchObject({ code: '2500', element: 'ItemRef' });
    expect(faultOf(await time(p, { ClassRef: { value: '1' } }))).toMatchObject({ code: '2500', element: 'ClassRef' });
    expect(faultOf(await time(p, { ItemRef: { value: p.goodsId } }))).toMatchObject({ code: '6000', element: 'ItemRef' });
    await p.api.call('POST', '/employee', { Id: p.employeeId, SyncToken: '0', sparse: true, Active: false });
    expect(faultOf(await time(p)).code).toBe('610');
  });

  it('takes Hours+Minutes or StartTime+EndTime, never both, never neither', async () => {
    const p = await people(harness);
    const clockTimes = await p.api.call('POST', '/timeactivity', { NameOf: 'Employee', EmployeeRef: { value: p.employeeId }, TxnDate: '2026-02-27', StartTime: '08:00:00-08:00', EndTime: '17:00:00-08:00', BreakMinutes: 30 });
    expect(clockTimes.body.TimeActivity).toMatchObject({ TxnDate: '2026-02-27', StartTime: '2026-02-27T09:00:00-07:00', EndTime: '2026-02-27T18:00:00-07:00', BreakHours: 0, BreakMinutes: 30 });
    expect(clockTimes.body.TimeActivity.Hours).toBeUndefined();
    const full = await p.api.call('POST', '/timeactivity', { NameOf: 'Employee', EmployeeRef: { value: p.employeeId }, StartTime: '2026-03-01T22:00:00-07:00', EndTime: '2026-03-02T01:30:00-07:00' });
    expect(full.body.TimeActivity).toMatchObject({ TxnDate: '2026-03-01', StartTime: '2026-03-01T22:00:00-07:00', EndTime: '2026-03-02T01:30:00-07:00' });

    const base = { NameOf: 'Employee', EmployeeRef: { value: p.employeeId } };
    expect(faultOf(await p.api.call('POST', '/timeactivity', { ...base, Hours: 1, StartTime: '08:00:00', EndTime: '09:00:00' }))).toMatchObject({ code: '6000' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', base))).toMatchObject({ code: '2020', element: 'Hours' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', { ...base, StartTime: '08:00:00' }))).toMatchObject({ code: '2020', element: 'EndTime' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', { ...base, StartTime: '2026-03-02T10:00:00-07:00', EndTime: '2026-03-02T09:00:00-07:00' })).code).toBe('6000');
    expect(faultOf(await p.api.call('POST', '/timeactivity', { ...base, Hours: 1, Minutes: 60 }))).toMatchObject({ code: '2010', element: 'Minutes' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', { ...base, Hours: 1.5 }))).toMatchObject({ code: '2010', element: 'Hours' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', { ...base, Hours: 0, Minutes: 0 })).code).toBe('6000');
  });

  it('updates (full and sparse), deletes, answers a batch and replays a requestid', async () => {
    const p = await people(harness);
    const created = (await time(p)).body.TimeActivity;
    const full = await p.api.call('POST', '/timeactivity', { Id: created.Id, SyncToken: '0', NameOf: 'Employee', EmployeeRef: { value: p.employeeId }, TxnDate: '2026-03-03', Hours: 4 });
    expect(full.body.TimeActivity).toMatchObject({ SyncToken: '1', TxnDate: '2026-03-03', Hours: 4, Minutes: 0 });
    const sparse = await p.api.call('POST', '/timeactivity', { Id: created.Id, SyncToken: '1', sparse: true, Description: 'Pruning' });
    expect(sparse.body.TimeActivity).toMatchObject({ SyncToken: '2', Hours: 4, Description: 'Pruning' });
    expect(faultOf(await p.api.call('POST', '/timeactivity', { Id: created.Id, SyncToken: '1', sparse: true, Hours: 9 })).code).toBe('5010');
    expect(faultOf(await p.api.call('POST', '/timeactivity?operation=void', { Id: created.Id, SyncToken: '2' })).code).toBe('500');

    const body = { NameOf: 'Employee', EmployeeRef: { value: p.employeeId }, Hours: 1 };
    const first = await p.api.call('POST', '/timeactivity?requestid=time-1', body);
    const again = await p.api.call('POST', '/timeactivity?requestid=time-1', body);
    expect(again.body.TimeActivity.Id).toBe(first.body.TimeActivity.Id);

    const batch = await p.api.call('POST', '/batch', {
      BatchItemRequest: [
        { bId: '1', operation: 'create', TimeActivity: { ...body, Hours: 2 } },
        { bId: '2', operation: 'create', TimeActivity: { ...body, BillableStatus: 'Billable', CustomerRef: { value: p.customerId } } },
        { bId: '3', operation: 'delete', TimeActivity: { Id: created.Id, SyncToken: '2' } },
      ],
    });
    const [made, refused, removed] = batch.body.BatchItemResponse;
    expect(made.TimeActivity).toMatchObject({ Hours: 2 });
    expect(refused.Fault.Error[0]).toMatchObject({ code: '2020', element: 'HourlyRate' });
    expect(removed.TimeActivity).toEqual({ Id: created.Id, status: 'Deleted', domain: 'QBO' });
    expect(faultOf(await p.api.call('GET', `/timeactivity/${created.Id}`)).code).toBe('610');
    expect((await p.api.query('select count(*) from TimeActivity')).body.QueryResponse.totalCount).toBe(2);
  });
});

describe('Preferences and the time-tracking settings', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startSandbox();
  });
  afterAll(() => harness.close());

  function settings(realmId: string, body: unknown) {
    return request(`${harness.url}/_sandbox/companies/${realmId}/settings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  it('reads the preferences (GET /preferences and the query) with Intuit’s blocks', async () => {
    const api = await newCompany(harness);
    const read = await api.call('GET', '/preferences');
    expect(read.status).toBe(200);
    const prefs = read.body.Preferences;
    expect(prefs).toMatchObject({
      Id: '1',
      SyncToken: '0',
      TimeTrackingPrefs: { UseServices: true, BillCustomers: true, ShowBillRateToAll: false, WorkWeekStartDate: 'Monday', MarkTimeEntriesBillable: true },
      SalesFormsPrefs: { AllowDiscount: true, CustomTxnNumbers: false },
      TaxPrefs: { UsingSalesTax: false, PartnerTaxEnabled: false },
      CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: 'USD' } },
      OtherPrefs: { NameValue: expect.arrayContaining([expect.objectContaining({ Name: 'SalesFormsPrefs.DefaultCustomerMessage' })]) },
    });
    expect((await api.query('select * from Preferences')).body.QueryResponse.Preferences).toEqual([prefs]);
    expect((await api.call('GET', '/preferences/1')).body.Preferences).toEqual(prefs);
  });

  it('updates writable preferences (sparse or full), keeps read-only ones, checks enums and SyncToken', async () => {
    const api = await newCompany(harness);
    const sparse = await api.call('POST', '/preferences', { Id: '1', SyncToken: '0', sparse: true, TimeTrackingPrefs: { WorkWeekStartDate: 'Sunday', ShowBillRateToAll: true }, TaxPrefs: { UsingSalesTax: true } });
    expect(sparse.status).toBe(200);
    expect(sparse.body.Preferences).toMatchObject({ SyncToken: '1', TimeTrackingPrefs: { WorkWeekStartDate: 'Sunday', ShowBillRateToAll: true, UseServices: true }, TaxPrefs: { UsingSalesTax: false } });
    // A full update sends back what it read, read-only blocks included.
    const full = await api.call('POST', '/preferences', { ...sparse.body.Preferences, sparse: false, SalesFormsPrefs: { ...sparse.body.Preferences.SalesFormsPrefs, CustomTxnNumbers: true } });
    expect(full.body.Preferences).toMatchObject({ SyncToken: '2', SalesFormsPrefs: { CustomTxnNumbers: true }, TimeTrackingPrefs: { WorkWeekStartDate: 'Sunday' } });

    expect(faultOf(await api.call('POST', '/preferences', { Id: '1', SyncToken: '2', sparse: true, TimeTrackingPrefs: { WorkWeekStartDate: 'Funday' } }))).toMatchObject({ code: '2010', element: 'TimeTrackingPrefs.WorkWeekStartDate' });
    expect(faultOf(await api.call('POST', '/preferences', { Id: '1', SyncToken: '2', sparse: true, TimeTrackingPrefs: { UseServices: 'yes' } })).code).toBe('2010');
    expect(faultOf(await api.call('POST', '/preferences', { Id: '1', SyncToken: '2', sparse: true, MoonPrefs: {} })).code).toBe('2010');
    expect(faultOf(await api.call('POST', '/preferences', { Id: '1', SyncToken: '0', sparse: true, ReportPrefs: {} })).code).toBe('5010');
    expect(faultOf(await api.call('POST', '/preferences', { TimeTrackingPrefs: { UseServices: false } })).code).toBe('500');
    expect(faultOf(await api.call('POST', '/preferences?operation=delete', { Id: '1', SyncToken: '2' })).code).toBe('500');
  });

  it('turns time tracking off and on and sets the work week through the control API', async () => {
    const api = await newCompany(harness);
    const employeeId = (await api.call('POST', '/employee', { DisplayName: 'Week Worker' })).body.Employee.Id;
    const off = await settings(api.realmId, { timeTracking: false, workWeekStart: 'Saturday' });
    expect(off.body.settings).toMatchObject({ timeTracking: false, workWeekStart: 'Saturday' });
    expect((await api.call('GET', '/preferences')).body.Preferences).toMatchObject({ SyncToken: '1', TimeTrackingPrefs: { UseServices: false, WorkWeekStartDate: 'Saturday' } });
    const refused = await api.call('POST', '/timeactivity', { NameOf: 'Employee', EmployeeRef: { value: employeeId }, Hours: 1 });
    expect(faultOf(refused)).toMatchObject({ code: '5030', Message: 'Feature Not Supported' });

    await settings(api.realmId, { timeTracking: true });
    expect((await api.call('POST', '/timeactivity', { NameOf: 'Employee', EmployeeRef: { value: employeeId }, Hours: 1 })).status).toBe(200);
    expect((await settings(api.realmId, { workWeekStart: 'Someday' })).status).toBe(400);
  });

  it('reflects the control surface’s sales tax in TaxPrefs.UsingSalesTax', async () => {
    const api = await newCompany(harness);
    await settings(api.realmId, { salesTaxRate: '8.25' });
    expect((await api.call('GET', '/preferences')).body.Preferences.TaxPrefs).toMatchObject({ UsingSalesTax: true });
    await settings(api.realmId, { salesTaxRate: null });
    expect((await api.call('GET', '/preferences')).body.Preferences.TaxPrefs).toMatchObject({ UsingSalesTax: false });
  });
});

// TimeActivity: time worked by an employee or a vendor, as Hours+Minutes or StartTime+EndTime; billable time
// needs a customer and an hourly rate. References must exist; HasBeenBilled is QuickBooks' to set.
import type { EntityName } from '../company/company.js';
import { fault } from '../faults.js';
import type { JsonObject } from '../json.js';
import { decimalToJson, readDecimal } from '../numbers.js';
import { companyDate, metaTime } from '../time.js';
import { bool, date, omit, resolveRef, text, type WriteContext } from './common.js';
import { timeTrackingOn } from './preferences.js';
import type { EntityDef } from './types.js';

const PEOPLE: Record<string, { ref: string; entity: EntityName }> = {
  Employee: { ref: 'EmployeeRef', entity: 'Employee' },
  Vendor: { ref: 'VendorRef', entity: 'Vendor' },
};
const PERSON_REFS = ['EmployeeRef', 'VendorRef', 'OtherNameRef'];
const STATUSES = ['Billable', 'NotBillable', 'HasBeenBilled'];
const OWN_KEYS = [
  'NameOf', 'EmployeeRef', 'VendorRef', 'OtherNameRef', 'CustomerRef', 'ItemRef', 'ClassRef', 'DepartmentRef', 'PayrollItemRef',
  'ProjectRef', 'BillableStatus', 'Taxable', 'HourlyRate', 'CostRate', 'Hours', 'Minutes', 'Seconds', 'BreakHours', 'BreakMinutes',
  'BreakSeconds', 'StartTime', 'EndTime', 'Description', 'TxnDate',
];
/** Lists the sandbox does not keep: a reference into them can only be wrong (Intuit: 2500). */
const UNKEPT_LISTS = ['ClassRef', 'DepartmentRef', 'PayrollItemRef'];
const MAX_HOURS = 8760;
const COMPANY_OFFSET = '-07:00';
const TIME_ONLY = /^(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function integer(input: JsonObject, key: string, max: number): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw fault.invalidProperty(key, `${key} with value ${JSON.stringify(value)}`);
  }
  return value;
}

function rate(input: JsonObject, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  const parsed = readDecimal(value, key);
  if (parsed.units < 0n) throw fault.invalidProperty(key, `${key} with value ${JSON.stringify(value)}`);
  return decimalToJson(parsed);
}

/** The person whose time it is: NameOf names the list, and only that list's reference may be sent. */
function person(ctx: WriteContext, input: JsonObject): JsonObject {
  const nameOf = text(input, 'NameOf');
  if (nameOf === undefined) throw fault.required('NameOf');
  const kind = PEOPLE[nameOf];
  if (!kind) throw fault.invalidEnum('NameOf', nameOf);
  for (const other of PERSON_REFS) {
    if (other !== kind.ref && input[other] !== undefined && input[other] !== null) throw fault.invalidProperty(other, `${other} with NameOf ${nameOf}`);
  }
  const resolved = resolveRef(ctx, input, kind.ref, kind.entity, true);
  if (!resolved) throw fault.required(kind.ref);
  return { NameOf: nameOf, [kind.ref]: resolved.ref };
}

/** A full date-time, or a time of day (Intuit's own example sends "08:00:00-08:00") placed on the TxnDate. */
function instant(input: JsonObject, key: string, day: string | undefined): number {
  const value = input[key];
  if (value === undefined || value === null) throw fault.required(key);
  const bad = () => fault.invalidProperty(key, `${key} with value ${JSON.stringify(value)}`);
  if (typeof value !== 'string') throw bad();
  let parsed = Number.NaN;
  if (DATE_TIME.test(value)) parsed = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}${COMPANY_OFFSET}`);
  const time = TIME_ONLY.exec(value);
  if (time) parsed = Date.parse(`${day}T${time[1]}:${time[2]}:${time[3] ?? '00'}${time[4] ?? COMPANY_OFFSET}`);
  if (!Number.isFinite(parsed)) throw bad();
  return parsed;
}

function duration(ctx: WriteContext, input: JsonObject, txnDate: string | undefined): { fields: JsonObject; day: string } {
  const byHours = ['Hours', 'Minutes', 'Seconds'].some((key) => input[key] !== undefined && input[key] !== null);
  const byClock = ['StartTime', 'EndTime'].some((key) => input[key] !== undefined && input[key] !== null);
  if (byHours && byClock) throw fault.business('Enter either Hours and Minutes or StartTime and EndTime, not both.', 'StartTime');
  if (byHours) {
    const hours = integer(input, 'Hours', MAX_HOURS) ?? 0;
    const minutes = integer(input, 'Minutes', 59) ?? 0;
    const seconds = integer(input, 'Seconds', 59);
    if (hours === 0 && minutes === 0 && (seconds ?? 0) === 0) throw fault.business('The time worked must be more than zero.', 'Hours');
    return { fields: { Hours: hours, Minutes: minutes, ...(seconds === undefined ? {} : { Seconds: seconds }) }, day: txnDate ?? companyDate(ctx.now) };
  }
  if (!byClock) throw fault.required('Hours');
  const day = txnDate ?? companyDate(ctx.now);
  const start = instant(input, 'StartTime', day);
  let end = instant(input, 'EndTime', day);
  // A time of day earlier than the start means work past midnight.
  if (end <= start && typeof input.EndTime === 'string' && TIME_ONLY.test(input.EndTime)) end += 86_400_000;
  if (end <= start) throw fault.business('The end time must be after the start time.', 'EndTime');
  const breakHours = integer(input, 'BreakHours', MAX_HOURS) ?? 0;
  const breakMinutes = integer(input, 'BreakMinutes', 59) ?? 0;
  const breakMs = (breakHours * 60 + breakMinutes) * 60_000;
  if (breakMs >= end - start) throw fault.business('The break must be shorter than the time between StartTime and EndTime.', 'BreakHours');
  const fields: JsonObject = { StartTime: metaTime(start), EndTime: metaTime(end) };
  if (breakMs > 0) Object.assign(fields, { BreakHours: breakHours, BreakMinutes: breakMinutes });
  return { fields, day: txnDate ?? companyDate(start) };
}

function billing(ctx: WriteContext, input: JsonObject, previous: JsonObject | undefined): JsonObject {
  const status = text(input, 'BillableStatus') ?? 'NotBillable';
  if (!STATUSES.includes(status)) throw fault.invalidEnum('BillableStatus', status);
  // QuickBooks sets HasBeenBilled when the time goes on an invoice; an update may only echo it back.
  if (status === 'HasBeenBilled' && previous?.BillableStatus !== 'HasBeenBilled') {
    throw fault.business('BillableStatus HasBeenBilled is set by QuickBooks when the time is added to an invoice.', 'BillableStatus');
  }
  const hourlyRate = rate(input, 'HourlyRate');
  const customer = resolveRef(ctx, input, 'CustomerRef', 'Customer', status === 'Billable');
  if (status === 'Billable' && hourlyRate === undefined) throw fault.required('HourlyRate');
  const out: JsonObject = { BillableStatus: status, Taxable: bool(input, 'Taxable') ?? false, HourlyRate: hourlyRate ?? 0 };
  if (customer) out.CustomerRef = customer.ref;
  const costRate = rate(input, 'CostRate');
  if (costRate !== undefined) out.CostRate = costRate;
  return out;
}

function references(ctx: WriteContext, input: JsonObject): JsonObject {
  const out: JsonObject = {};
  const item = resolveRef(ctx, input, 'ItemRef', 'Item', false);
  if (item) {
    if (item.target.Type !== 'Service') throw fault.business(`Time can be recorded against service items only (${String(item.target.Name)} is ${String(item.target.Type)}).`, 'ItemRef');
    out.ItemRef = item.ref;
  }
  const project = resolveRef(ctx, input, 'ProjectRef', 'Customer', false);
  if (project) out.ProjectRef = { value: String(project.ref.value) };
  for (const key of UNKEPT_LISTS) {
    if (input[key] !== undefined && input[key] !== null) throw fault.invalidReference(key);
  }
  return out;
}

function buildTimeActivity(ctx: WriteContext, input: JsonObject, previous?: JsonObject): JsonObject {
  const given = date(input, 'TxnDate');
  const { fields, day } = duration(ctx, input, given);
  const description = text(input, 'Description', 4000);
  return {
    ...omit(input, OWN_KEYS),
    TxnDate: day,
    ...person(ctx, input),
    ...references(ctx, input),
    ...billing(ctx, input, previous),
    ...fields,
    ...(description === undefined ? {} : { Description: description }),
  };
}

export const timeActivityDef: EntityDef = {
  name: 'TimeActivity',
  transaction: true,
  // With time tracking turned off (TimeTrackingPrefs.UseServices false) QuickBooks offers no timesheets.
  feature: (company) => (timeTrackingOn(company) ? undefined : fault.featureUnsupported('Time tracking is turned off in this company (TimeTrackingPrefs.UseServices is false).')),
  build: buildTimeActivity,
};

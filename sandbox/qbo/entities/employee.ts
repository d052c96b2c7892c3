// Employee's own fields (IntuitNamesTypes.xsd, Employee): billing and cost rates, dates, time-entry use, gender.
import { fault } from '../faults.js';
import type { JsonObject } from '../json.js';
import { decimalToJson, readDecimal } from '../numbers.js';
import { bool, date, text } from './common.js';

const USE_TIME_ENTRY = ['NotSet', 'DoNotUseTimeEntry', 'UseTimeEntry'];
const GENDERS = ['Male', 'Female'];
const DATES = ['BirthDate', 'HiredDate', 'ReleasedDate'];

function rate(input: JsonObject, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  const parsed = readDecimal(value, key);
  if (parsed.units < 0n) throw fault.invalidProperty(key, `${key} with value ${JSON.stringify(value)}`);
  return decimalToJson(parsed);
}

function enumeration(input: JsonObject, key: string, allowed: readonly string[]): string | undefined {
  const value = text(input, key);
  if (value !== undefined && !allowed.includes(value)) throw fault.invalidEnum(key, value);
  return value;
}

/** Validated employee fields, to lay over the name-list state; absent ones stay absent. */
export function employeeFields(input: JsonObject): JsonObject {
  const out: JsonObject = {};
  const billable = bool(input, 'BillableTime');
  if (billable !== undefined) out.BillableTime = billable;
  for (const key of ['BillRate', 'CostRate']) {
    const value = rate(input, key);
    if (value !== undefined) out[key] = value;
  }
  for (const key of DATES) {
    const value = date(input, key);
    if (value !== undefined) out[key] = value;
  }
  const useTimeEntry = enumeration(input, 'UseTimeEntry', USE_TIME_ENTRY);
  if (useTimeEntry !== undefined) out.UseTimeEntry = useTimeEntry;
  const gender = enumeration(input, 'Gender', GENDERS);
  if (gender !== undefined) out.Gender = gender;
  for (const key of ['EmployeeNumber', 'SSN', 'EmployeeType']) {
    const value = text(input, key, 100);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

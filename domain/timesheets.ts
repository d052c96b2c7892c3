// Timesheet entries from a time tracker, and the rules QuickBooks enforces on them, checked before anything is sent
// and explained in words that name the person, the date and what to fix. Pure: the export activity gives it what
// the lists import knows about each reference.

export const timeListKinds = ['customers', 'items', 'classes', 'employees', 'vendors', 'otherNames', 'payrollItems'] as const;
export type TimeListKind = (typeof timeListKinds)[number];

export const billableStatuses = ['billable', 'not_billable', 'billed'] as const;
export type BillableChoice = (typeof billableStatuses)[number];

/** One entry as the upstream app sends it. References are QuickBooks ids from the lists feed. */
export interface TimesheetEntry {
  revision: number;
  /** The upstream user; mapped to a QuickBooks employee, vendor or other name (PUT …/timesheets/people/:userId). */
  userId: string;
  /** The day worked (YYYY-MM-DD). */
  date: string;
  minutes: number;
  customerId?: string;
  itemId?: string;
  payrollItemId?: string;
  classId?: string;
  billable: BillableChoice;
  /** Decimal string; QuickBooks Online needs one for billable time. */
  hourlyRate?: string;
  notes?: string;
}

/** What the lists import knows about a reference (undefined: not in the imported lists). */
export interface KnownRecord {
  name: string;
  active: boolean;
  deleted: boolean;
  /** Employees: whether their paychecks use time data (UseTimeData, DoNotUseTimeData, NotSet), when payroll is on. */
  useTimeData?: string;
  /** Items: the item type, when known (time goes on Service items only). */
  itemType?: string;
}

export interface EntryContext {
  ledger: 'qbo' | 'qbd';
  person?: { kind: 'employees' | 'vendors' | 'otherNames'; record?: KnownRecord };
  customer?: KnownRecord;
  item?: KnownRecord;
  payrollItem?: KnownRecord;
  klass?: KnownRecord;
  /** Whether the company runs payroll (undefined: not known yet). */
  payroll?: boolean;
}

const hours = (minutes: number) => `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;

/** What stops the entry, in words, or an empty list. */
export function entryProblems(entry: TimesheetEntry, ctx: EntryContext): string[] {
  const problems: string[] = [];
  const who = ctx.person?.record?.name ?? `user ${entry.userId}`;
  const about = `${who}'s ${hours(entry.minutes)} on ${entry.date}`;
  if (!ctx.person) {
    return [`${about}: user ${entry.userId} is not mapped to a QuickBooks employee, vendor or other name; map them (PUT /v1/connections/:id/timesheets/people/${entry.userId})`];
  }
  const missing = (what: string, id: string | undefined, record: KnownRecord | undefined) => {
    if (id === undefined) return;
    if (!record) problems.push(`${about}: the ${what} with QuickBooks id ${id} is not in the imported lists; import the lists again, or choose another ${what}`);
    else if (record.deleted) problems.push(`${about}: the ${what} "${record.name}" was deleted in QuickBooks; choose another ${what}`);
    else if (!record.active) problems.push(`${about}: the ${what} "${record.name}" is inactive in QuickBooks; make it active there, or choose another ${what}`);
  };
  if (!ctx.person.record) missing('person', 'mapped', undefined);
  else missing(ctx.person.kind.slice(0, -1), 'mapped', ctx.person.record);
  missing('customer or job', entry.customerId, ctx.customer);
  missing('service item', entry.itemId, ctx.item);
  missing('payroll item', entry.payrollItemId, ctx.payrollItem);
  missing('class', entry.classId, ctx.klass);
  if (ctx.item && ctx.item.itemType && ctx.item.itemType !== 'Service') {
    problems.push(`${about}: "${ctx.item.name}" is a ${ctx.item.itemType} item; time goes on service items only`);
  }

  if (entry.billable !== 'not_billable' && (!entry.customerId || !entry.itemId)) {
    problems.push(`${about}: billable time needs a customer or job and a service item; add them, or send it as not billable`);
  }
  if (ctx.ledger === 'qbo' && entry.billable === 'billable' && entry.hourlyRate === undefined) {
    problems.push(`${about}: QuickBooks Online needs an hourly rate for billable time; send hourlyRate`);
  }
  if (ctx.ledger === 'qbo' && entry.billable === 'billed') {
    problems.push(`${about}: QuickBooks Online marks time billed itself when it goes on an invoice; send it as billable`);
  }
  if (entry.payrollItemId) {
    if (ctx.person.kind !== 'employees') problems.push(`${about}: only an employee's time can carry a payroll item; ${who} is not an employee, so leave the payroll item out`);
    else if (ctx.payroll === false) problems.push(`${about}: this company does not run payroll in QuickBooks, so the time cannot carry a payroll item; leave it out`);
    else if (ctx.person.record?.useTimeData === 'DoNotUseTimeData') problems.push(`${about}: ${who} is not set to "Use time data to create paychecks" in QuickBooks; set it on the employee's Payroll Info, or leave the payroll item out`);
  }
  if (ctx.person.kind === 'employees' && ctx.payroll && ctx.person.record?.useTimeData === 'NotSet') {
    problems.push(`${about}: QuickBooks does not know whether ${who}'s paychecks use time data, and refuses their time until it does; set "Use time data to create paychecks" on the employee's Payroll Info tab`);
  }
  return problems;
}

/** The failure's words, for a QuickBooks refusal of one entry. */
export function refusalWords(entry: Pick<TimesheetEntry, 'date' | 'minutes'>, personName: string, quickbooksSays: string): string {
  return `${personName}'s ${hours(entry.minutes)} on ${entry.date}: QuickBooks refused it: ${quickbooksSays}`;
}

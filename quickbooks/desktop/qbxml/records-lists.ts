// Typed records of the lists a time tracker imports besides customers, vendors and items: employees (with their
// payroll set-up), other names, classes and payroll wage items.
import type { QbAddress } from './requests/common.js';
import type { RefValue, Stamped } from './records-base.js';

/** Whether an employee's paychecks are built from time data ("Use time data to create paychecks"). */
export type UseTimeData = 'UseTimeData' | 'DoNotUseTimeData' | 'NotSet';

export interface EarningsRecord {
  payrollItemWageRef: RefValue;
  /** Hourly or annual rate as QuickBooks wrote it (decimal string), or a percentage. */
  rate?: string;
  ratePercent?: string;
}

/** EmployeePayrollInfo: present only in a file that runs payroll (see sandbox/qbd/README.md, "Payroll"). */
export interface EmployeePayrollRecord {
  payPeriod?: string;
  classRef?: RefValue;
  earnings: EarningsRecord[];
  useTimeDataToCreatePaychecks?: UseTimeData;
}

export interface EmployeeRecord extends Stamped {
  type: 'Employee';
  listId: string;
  name: string;
  isActive: boolean;
  salutation?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  jobTitle?: string;
  department?: string;
  employeeAddress?: QbAddress;
  printAs?: string;
  phone?: string;
  mobile?: string;
  email?: string;
  employeeType?: string;
  hiredDate?: string;
  releasedDate?: string;
  accountNumber?: string;
  notes?: string;
  billingRateRef?: RefValue;
  payroll?: EmployeePayrollRecord;
  externalGuid?: string;
}

export interface OtherNameRecord extends Stamped {
  type: 'OtherName';
  listId: string;
  name: string;
  isActive: boolean;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  otherNameAddress?: QbAddress;
  phone?: string;
  email?: string;
  accountNumber?: string;
  notes?: string;
  externalGuid?: string;
}

export interface ClassRecord extends Stamped {
  type: 'Class';
  listId: string;
  name: string;
  /** "Parent:Child" for sub-classes. */
  fullName: string;
  isActive: boolean;
  parentRef?: RefValue;
  sublevel?: number;
}

export type WageType =
  | 'Bonus'
  | 'Commission'
  | 'HourlyOvertime'
  | 'HourlyRegular'
  | 'HourlySick'
  | 'HourlyVacation'
  | 'SalaryRegular'
  | 'SalarySick'
  | 'SalaryVacation';

export interface PayrollItemWageRecord extends Stamped {
  type: 'PayrollItemWage';
  listId: string;
  /** Unique among wage items; wage items have no hierarchy, hence no FullName. */
  name: string;
  isActive: boolean;
  wageType?: WageType;
  expenseAccountRef?: RefValue;
  /** qbXML 16.0 only. */
  overtimeMultiplier?: string;
  rate?: string;
  ratePercent?: string;
}

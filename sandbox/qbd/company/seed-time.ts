// Seeds a company file the way a time-tracking customer's would look, in bulk, through the bookkeeper: customers
// with jobs (addresses, job status and dates), service items, payroll wage items, employees set to use time data,
// not to use it, or left NotSet, 1099 vendors, other names and classes. Names are numbered and stable, so tests
// and benchmarks can refer to them.
import type { Bookkeeper } from './bookkeeper.js';

export interface TimeSeedCounts {
  customers?: number;
  jobsPerCustomer?: number;
  serviceItems?: number;
  /** Employees whose paychecks use time data (earnings: Hourly Regular and Hourly Overtime). */
  employees?: number;
  /** Employees set to "do not use time data" (salaried). */
  salariedEmployees?: number;
  /** Employees nobody set up: "Use time data to create paychecks" NotSet. */
  employeesNotSet?: number;
  vendors?: number;
  otherNames?: number;
  /** Top-level classes, each with one sub-class. */
  classes?: number;
}

export interface TimeSeed {
  /** Full names, customers first then their jobs ("Customer 0001:Job 01"). */
  customers: string[];
  jobs: string[];
  serviceItems: string[];
  wageItems: string[];
  employees: string[];
  salariedEmployees: string[];
  employeesNotSet: string[];
  vendors: string[];
  otherNames: string[];
  classes: string[];
}

const STATUSES = ['InProgress', 'Awarded', 'Pending', 'Closed'] as const;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function seedTimeCompany(bk: Bookkeeper, counts: TimeSeedCounts = {}): TimeSeed {
  const seed: TimeSeed = { customers: [], jobs: [], serviceItems: [], wageItems: [], employees: [], salariedEmployees: [], employeesNotSet: [], vendors: [], otherNames: [], classes: [] };
  for (const [name, wageType] of [['Hourly Regular', 'HourlyRegular'], ['Hourly Overtime', 'HourlyOvertime'], ['Salary', 'SalaryRegular']] as const) {
    bk.addPayrollWageItem({ name, wageType });
    seed.wageItems.push(name);
  }
  for (let i = 1; i <= (counts.serviceItems ?? 3); i += 1) {
    const name = `Service ${pad(i, 3)}`;
    bk.addServiceItem({ name, desc: `Service ${i}`, price: `${60 + i}.00` });
    seed.serviceItems.push(name);
  }
  for (let i = 1; i <= (counts.customers ?? 10); i += 1) {
    const name = `Customer ${pad(i, 4)}`;
    const street = { addr1: `${i} Main Street`, city: 'Springfield', state: 'MA', postalCode: '01103', country: 'US' };
    bk.addCustomer({ name, companyName: `${name} Inc`, email: `ap${i}@customer.example`, billAddress: street, shipAddress: street });
    seed.customers.push(name);
    for (let j = 1; j <= (counts.jobsPerCustomer ?? 1); j += 1) {
      const job = `Job ${pad(j, 2)}`;
      bk.addCustomer({
        name: job,
        parent: name,
        jobStatus: STATUSES[(i + j) % STATUSES.length],
        jobStartDate: '2024-01-15',
        jobProjectedEndDate: '2024-12-20',
        jobDesc: `Work for ${name}`,
        shipAddress: { addr1: `${j} Site Road`, city: 'Worcester', state: 'MA', postalCode: '01608', country: 'US' },
      });
      seed.jobs.push(`${name}:${job}`);
    }
  }
  const hourly = [{ wageItem: 'Hourly Regular', rate: '25.00' }, { wageItem: 'Hourly Overtime', rate: '37.50' }];
  for (let i = 1; i <= (counts.employees ?? 3); i += 1) {
    const name = `Employee ${pad(i, 3)}`;
    bk.addEmployee({ name, firstName: 'Employee', lastName: pad(i, 3), payroll: { useTimeData: 'UseTimeData', payPeriod: 'Weekly', earnings: hourly } });
    seed.employees.push(name);
  }
  for (let i = 1; i <= (counts.salariedEmployees ?? 1); i += 1) {
    const name = `Salaried ${pad(i, 3)}`;
    bk.addEmployee({ name, payroll: { useTimeData: 'DoNotUseTimeData', payPeriod: 'Semimonthly', earnings: [{ wageItem: 'Salary', rate: '60000.00' }] } });
    seed.salariedEmployees.push(name);
  }
  for (let i = 1; i <= (counts.employeesNotSet ?? 1); i += 1) {
    const name = `New Hire ${pad(i, 3)}`;
    bk.addEmployee({ name });
    seed.employeesNotSet.push(name);
  }
  for (let i = 1; i <= (counts.vendors ?? 2); i += 1) {
    const name = `Contractor ${pad(i, 3)}`;
    bk.addVendor({ name, isVendorEligibleFor1099: true });
    seed.vendors.push(name);
  }
  for (let i = 1; i <= (counts.otherNames ?? 1); i += 1) {
    const name = `Owner ${pad(i, 2)}`;
    bk.addOtherName({ name });
    seed.otherNames.push(name);
  }
  for (let i = 1; i <= (counts.classes ?? 2); i += 1) {
    const name = `Region ${pad(i, 2)}`;
    bk.addClass({ name });
    bk.addClass({ name: 'Field', parent: name });
    seed.classes.push(name, `${name}:Field`);
  }
  return seed;
}

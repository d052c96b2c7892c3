// What a bookkeeper does in QuickBooks' own windows, for tests and benchmarks: add customers and jobs, employees
// (with or without payroll set-up), vendors, other names, classes, service items and payroll wage items; make
// entries inactive; delete them (refused like QuickBooks when something still uses them); delete transactions;
// change the time-tracking, payroll and class-tracking preferences. Changes stamp TimeModified and EditSequence
// like an edit in QuickBooks, so modified-date filters and stale EditSequences behave as with real edits.
import type { JobStatus } from '../../../quickbooks/desktop/qbxml/records.js';
import type { UseTimeData, WageType } from '../../../quickbooks/desktop/qbxml/records-lists.js';
import type { QbAddress } from '../../../quickbooks/desktop/qbxml/requests/common.js';
import type { ListDelType, TxnDelType } from '../../../quickbooks/desktop/qbxml/requests/deletes.js';
import type { Clock, IdFactory } from './clock.js';
import type { CompanyFeatures } from './context.js';
import { deleteTransaction, logListDeletion } from './deletes.js';
import type { ItemRecord, NameKind, NameRecord, SimpleListRecord, Stamp, Store } from './store.js';
import type { EmployeePayroll, WageItemRecord } from './store-time.js';
import { classInUse, itemInUse, nameInUse, wageItemInUse } from './usage.js';

export interface NewCustomer {
  name: string;
  /** The parent's full name: makes this a job, "Parent:Name". */
  parent?: string;
  isActive?: boolean;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  billAddress?: QbAddress;
  shipAddress?: QbAddress;
  jobStatus?: JobStatus;
  jobStartDate?: string;
  jobProjectedEndDate?: string;
  jobEndDate?: string;
  jobDesc?: string;
  notes?: string;
}

export interface PayrollSetup {
  useTimeData: UseTimeData;
  payPeriod?: 'Daily' | 'Weekly' | 'Biweekly' | 'Semimonthly' | 'Monthly' | 'Quarterly' | 'Yearly';
  /** Payroll wage items by name, with an hourly rate (decimal string). */
  earnings?: { wageItem: string; rate?: string }[];
}

export interface NewEmployee {
  name: string;
  firstName?: string;
  lastName?: string;
  isActive?: boolean;
  email?: string;
  address?: QbAddress;
  /** Left out: the Payroll Info tab is untouched, i.e. "Use time data to create paychecks" is NotSet. */
  payroll?: PayrollSetup;
}

export interface NewPerson {
  name: string;
  isActive?: boolean;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  /** Vendors: a 1099 contractor. */
  isVendorEligibleFor1099?: boolean;
}

export interface NewClass {
  name: string;
  parent?: string;
  isActive?: boolean;
}

export interface NewServiceItem {
  name: string;
  parent?: string;
  isActive?: boolean;
  desc?: string;
  /** Hourly rate (decimal string). */
  price?: string;
  /** Income account full name (default "Service Income"). */
  incomeAccount?: string;
}

export interface NewWageItem {
  name: string;
  wageType?: WageType;
  isActive?: boolean;
  /** Expense account full name (default "Payroll Expenses", created when missing). */
  expenseAccount?: string;
}

/** The lists a bookkeeper can deactivate and delete here, by their ListDelType. */
export type BookkeeperList = Extract<ListDelType, 'Customer' | 'Employee' | 'Vendor' | 'OtherName' | 'Class' | 'ItemService' | 'PayrollItemWage'>;

export type TimePreferences = Partial<Pick<CompanyFeatures, 'timeTracking' | 'firstDayOfWeek' | 'payroll' | 'classTracking'>>;

export interface Bookkeeper {
  addCustomer(input: NewCustomer): string;
  addEmployee(input: NewEmployee): string;
  addVendor(input: NewPerson): string;
  addOtherName(input: NewPerson): string;
  addClass(input: NewClass): string;
  addServiceItem(input: NewServiceItem): string;
  addPayrollWageItem(input: NewWageItem): string;
  /** Edit > Make Inactive (a customer takes its jobs with it) or Make Active. */
  setActive(list: BookkeeperList, fullName: string, active: boolean): void;
  /** Edit > Delete; throws, as QuickBooks' dialog refuses, when the entry has sub-entries or is used. */
  deleteListEntry(list: BookkeeperList, fullName: string): void;
  /** Edit > Delete on a transaction (time entry, invoice, bill, purchase order, payment). */
  deleteTransaction(type: TxnDelType, txnId: string): void;
  /** The employee's Payroll Info tab: "Use time data to create paychecks" and the earnings. */
  setEmployeePayroll(employee: string, payroll: PayrollSetup): void;
  /** Preferences: time tracking and its first day of the week, payroll, class tracking. */
  setPreferences(preferences: TimePreferences): void;
}

export interface BookkeeperDeps {
  store: Store;
  ids: IdFactory;
  clock: Clock;
  features: CompanyFeatures;
}

const NAME_KIND: Partial<Record<BookkeeperList, NameKind>> = { Customer: 'Customer', Employee: 'Employee', Vendor: 'Vendor', OtherName: 'OtherName' };

export function createBookkeeper({ store, ids, clock, features }: BookkeeperDeps): Bookkeeper {
  const fresh = (): Stamp => ({ created: clock.now(), modified: clock.now(), editSequence: ids.editSequence() });
  const touch = (record: Stamp): void => {
    record.modified = clock.now();
    record.editSequence = ids.editSequence(record.editSequence);
  };
  const refuse = (what: string): never => {
    throw new Error(`QuickBooks refuses: ${what}`);
  };
  const freeName = (fullName: string): void => {
    if (store.findNameByFullName(fullName)) refuse(`the name "${fullName}" is already in use (customers, vendors, employees and other names share one list)`);
  };
  const text = (values: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));

  function name(kind: NameKind, value: string, extra: Partial<NameRecord>, parentId?: string): string {
    const parent = parentId ? store.names.get(parentId) : undefined;
    freeName(parent ? `${store.nameFullName(parent)}:${value}` : value);
    const record: NameRecord = { kind, listId: ids.listId(), ...fresh(), name: value, isActive: true, text: {}, refs: {}, ...extra };
    if (parentId) record.parentId = parentId;
    store.addName(record);
    return record.listId;
  }

  function findName(list: BookkeeperList, fullName: string): NameRecord {
    const kind = NAME_KIND[list] as NameKind;
    return store.findNameByFullName(fullName, kind) ?? refuse(`there is no ${kind} "${fullName}"`);
  }

  function payroll(setup: PayrollSetup): EmployeePayroll {
    const earnings = (setup.earnings ?? []).map((e) => {
      const item = store.findWageItem(e.wageItem) ?? refuse(`there is no payroll item "${e.wageItem}"`);
      return { wageItemId: item.listId, ...(e.rate ? { rate: e.rate } : {}) };
    });
    return { useTimeData: setup.useTimeData, earnings, ...(setup.payPeriod ? { payPeriod: setup.payPeriod } : {}) };
  }

  function account(fullName: string, type: string): string {
    const found = store.findAccountByFullName(fullName);
    if (found) return found.listId;
    const created = { listId: ids.listId(), ...fresh(), name: fullName, isActive: true, accountType: type };
    store.addAccount(created);
    return created.listId;
  }

  type Entry = { record: Stamp & { isActive: boolean }; id: string; fullName: string; inUse: () => string | undefined; remove: () => void };
  function entry(list: BookkeeperList, fullName: string): Entry {
    if (NAME_KIND[list]) {
      const r = findName(list, fullName);
      return { record: r, id: r.listId, fullName: store.nameFullName(r), inUse: () => nameInUse(store, r.listId), remove: () => store.removeName(r) };
    }
    if (list === 'Class') {
      const r = store.findSimple('Class', fullName) ?? refuse(`there is no class "${fullName}"`);
      return { record: r, id: r.listId, fullName: store.simpleFullName(r), inUse: () => classInUse(store, r.listId), remove: () => store.simple.delete(r.listId) };
    }
    if (list === 'ItemService') {
      const r = store.findItemByFullName(fullName);
      if (!r || r.kind !== 'Service') return refuse(`there is no service item "${fullName}"`);
      return { record: r, id: r.listId, fullName: store.itemFullName(r), inUse: () => itemInUse(store, r.listId), remove: () => store.removeItem(r) };
    }
    const r = store.findWageItem(fullName) ?? refuse(`there is no payroll item "${fullName}"`);
    return { record: r, id: r.listId, fullName: r.name, inUse: () => wageItemInUse(store, r.listId), remove: () => store.wageItems.delete(r.listId) };
  }

  return {
    addCustomer(input) {
      const parent = input.parent ? findName('Customer', input.parent) : undefined;
      return name(
        'Customer',
        input.name,
        {
          isActive: input.isActive ?? true,
          text: text({
            CompanyName: input.companyName, FirstName: input.firstName, LastName: input.lastName, Email: input.email, Phone: input.phone,
            JobStatus: input.jobStatus, JobStartDate: input.jobStartDate, JobProjectedEndDate: input.jobProjectedEndDate, JobEndDate: input.jobEndDate,
            JobDesc: input.jobDesc, Notes: input.notes,
          }),
          refs: { SalesTaxCodeRef: store.findSimple('SalesTaxCode', 'Non')?.listId ?? '' },
          ...(input.billAddress ? { billAddress: input.billAddress } : {}),
          ...(input.shipAddress ? { shipAddress: input.shipAddress } : {}),
        },
        parent?.listId,
      );
    },
    addEmployee(input) {
      return name('Employee', input.name, {
        isActive: input.isActive ?? true,
        text: text({ FirstName: input.firstName, LastName: input.lastName, Email: input.email }),
        ...(input.address ? { billAddress: input.address } : {}),
        ...(input.payroll ? { payroll: payroll(input.payroll) } : {}),
      });
    },
    addVendor(input) {
      return name('Vendor', input.name, {
        isActive: input.isActive ?? true,
        text: text({ CompanyName: input.companyName, FirstName: input.firstName, LastName: input.lastName, Email: input.email }),
        ...(input.isVendorEligibleFor1099 !== undefined ? { isVendorEligibleFor1099: input.isVendorEligibleFor1099 } : {}),
      });
    },
    addOtherName(input) {
      return name('OtherName', input.name, {
        isActive: input.isActive ?? true,
        text: text({ CompanyName: input.companyName, FirstName: input.firstName, LastName: input.lastName, Email: input.email }),
      });
    },
    addClass(input) {
      const parent = input.parent ? (store.findSimple('Class', input.parent) ?? refuse(`there is no class "${input.parent}"`)) : undefined;
      const fullName = parent ? `${store.simpleFullName(parent)}:${input.name}` : input.name;
      if (store.findSimple('Class', fullName)) refuse(`the class "${fullName}" already exists`);
      const record: SimpleListRecord = { list: 'Class', listId: ids.listId(), ...fresh(), name: input.name, isActive: input.isActive ?? true, ...(parent ? { parentId: parent.listId } : {}) };
      store.simple.set(record.listId, record);
      return record.listId;
    },
    addServiceItem(input) {
      const parent = input.parent ? (store.findItemByFullName(input.parent) ?? refuse(`there is no item "${input.parent}"`)) : undefined;
      const fullName = parent ? `${store.itemFullName(parent)}:${input.name}` : input.name;
      if (store.findItemByFullName(fullName)) refuse(`the item "${fullName}" already exists`);
      const item: ItemRecord = {
        kind: 'Service',
        listId: ids.listId(),
        ...fresh(),
        name: input.name,
        isActive: input.isActive ?? true,
        form: 'SalesOrPurchase',
        salesTaxCodeId: store.findSimple('SalesTaxCode', 'Non')?.listId ?? '',
        accountId: account(input.incomeAccount ?? 'Service Income', 'Income'),
        ...(parent ? { parentId: parent.listId } : {}),
        ...(input.desc ? { desc: input.desc } : {}),
        ...(input.price ? { price: input.price } : {}),
      };
      store.addItem(item);
      return item.listId;
    },
    addPayrollWageItem(input) {
      if (store.findWageItem(input.name)) refuse(`the payroll item "${input.name}" already exists`);
      const record: WageItemRecord = {
        listId: ids.listId(),
        ...fresh(),
        name: input.name,
        isActive: input.isActive ?? true,
        wageType: input.wageType ?? 'HourlyRegular',
        expenseAccountId: account(input.expenseAccount ?? 'Payroll Expenses', 'Expense'),
      };
      store.wageItems.set(record.listId, record);
      return record.listId;
    },
    setActive(list, fullName, active) {
      const target = entry(list, fullName);
      target.record.isActive = active;
      touch(target.record);
      // making a customer inactive takes its jobs with it, as QuickBooks does after asking
      if (list === 'Customer' && !active) {
        for (const job of store.names.values()) {
          if (job.kind === 'Customer' && job.isActive && store.nameFullName(job).toLowerCase().startsWith(`${target.fullName.toLowerCase()}:`)) {
            job.isActive = false;
            touch(job);
          }
        }
      }
    },
    deleteListEntry(list, fullName) {
      const target = entry(list, fullName);
      const why = target.inUse();
      if (why) refuse(`"${target.fullName}" cannot be deleted: ${why}. Make it inactive instead`);
      target.remove();
      logListDeletion(store, clock.now(), list, target.id, target.record.created, target.fullName);
    },
    deleteTransaction(type, txnId) {
      deleteTransaction(store, ids, clock.now(), type, txnId);
    },
    setEmployeePayroll(employee, setup) {
      const record = findName('Employee', employee);
      record.payroll = payroll(setup);
      touch(record);
    },
    setPreferences(preferences) {
      Object.assign(features, Object.fromEntries(Object.entries(preferences).filter(([, v]) => v !== undefined)));
    },
  };
}

// Reads list *Ret elements: customers and jobs, vendors, items, accounts, employees (with payroll set-up), other
// names, classes and payroll wage items.
import type { AccountRecord, CustomerRecord, ItemRecord, ItemType, JobStatus, VendorRecord } from './records.js';
import type { ClassRecord, EarningsRecord, EmployeePayrollRecord, EmployeeRecord, OtherNameRecord, PayrollItemWageRecord, UseTimeData, WageType } from './records-lists.js';
import { address, addressBlock, bool, cents, defined, int, ref, req, stamps } from './read-fields.js';
import { child, childText, children, type XNode } from './tree.js';

export function customerRecord(node: XNode): CustomerRecord {
  return defined({
    type: 'Customer',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name: req(node, 'Name'),
    fullName: childText(node, 'FullName') ?? req(node, 'Name'),
    isActive: bool(node, 'IsActive') ?? true,
    classRef: ref(node, 'ClassRef'),
    parentRef: ref(node, 'ParentRef'),
    sublevel: int(node, 'Sublevel'),
    companyName: childText(node, 'CompanyName'),
    firstName: childText(node, 'FirstName'),
    lastName: childText(node, 'LastName'),
    billAddress: address(node, 'BillAddress'),
    billAddressBlock: addressBlock(node, 'BillAddressBlock'),
    shipAddress: address(node, 'ShipAddress'),
    shipAddressBlock: addressBlock(node, 'ShipAddressBlock'),
    email: childText(node, 'Email'),
    phone: childText(node, 'Phone'),
    balanceCents: cents(node, 'Balance'),
    totalBalanceCents: cents(node, 'TotalBalance'),
    salesTaxCodeRef: ref(node, 'SalesTaxCodeRef'),
    itemSalesTaxRef: ref(node, 'ItemSalesTaxRef'),
    accountNumber: childText(node, 'AccountNumber'),
    jobStatus: childText(node, 'JobStatus') as JobStatus | undefined,
    jobStartDate: childText(node, 'JobStartDate'),
    jobProjectedEndDate: childText(node, 'JobProjectedEndDate'),
    jobEndDate: childText(node, 'JobEndDate'),
    jobDesc: childText(node, 'JobDesc'),
    notes: childText(node, 'Notes'),
    externalGuid: childText(node, 'ExternalGUID'),
  } as CustomerRecord);
}

export function vendorRecord(node: XNode): VendorRecord {
  return defined({
    type: 'Vendor',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name: req(node, 'Name'),
    isActive: bool(node, 'IsActive') ?? true,
    companyName: childText(node, 'CompanyName'),
    firstName: childText(node, 'FirstName'),
    lastName: childText(node, 'LastName'),
    email: childText(node, 'Email'),
    phone: childText(node, 'Phone'),
    accountNumber: childText(node, 'AccountNumber'),
    isVendorEligibleFor1099: bool(node, 'IsVendorEligibleFor1099'),
    balanceCents: cents(node, 'Balance'),
    externalGuid: childText(node, 'ExternalGUID'),
  } as VendorRecord);
}

const ITEM_TYPES: Record<string, ItemType> = {
  ItemServiceRet: 'Service',
  ItemNonInventoryRet: 'NonInventory',
  ItemOtherChargeRet: 'OtherCharge',
  ItemInventoryRet: 'Inventory',
  ItemInventoryAssemblyRet: 'InventoryAssembly',
  ItemFixedAssetRet: 'FixedAsset',
  ItemSubtotalRet: 'Subtotal',
  ItemDiscountRet: 'Discount',
  ItemPaymentRet: 'Payment',
  ItemSalesTaxRet: 'SalesTax',
  ItemSalesTaxGroupRet: 'SalesTaxGroup',
  ItemGroupRet: 'Group',
};

export function isItemRet(name: string): boolean {
  return name in ITEM_TYPES;
}

export function itemRecord(node: XNode): ItemRecord {
  const sop = child(node, 'SalesOrPurchase');
  const sap = child(node, 'SalesAndPurchase');
  const name = req(node, 'Name');
  return defined({
    type: 'Item',
    itemType: ITEM_TYPES[node.name] as ItemType,
    listId: req(node, 'ListID'),
    ...stamps(node),
    name,
    fullName: childText(node, 'FullName') ?? name,
    isActive: bool(node, 'IsActive') ?? true,
    classRef: ref(node, 'ClassRef'),
    parentRef: ref(node, 'ParentRef'),
    sublevel: int(node, 'Sublevel'),
    salesTaxCodeRef: ref(node, 'SalesTaxCodeRef'),
    description:
      (sop && childText(sop, 'Desc')) ?? (sap && childText(sap, 'SalesDesc')) ?? childText(node, 'SalesDesc') ?? childText(node, 'ItemDesc'),
    salesPrice: (sop && (childText(sop, 'Price') ?? childText(sop, 'PricePercent'))) ?? (sap && childText(sap, 'SalesPrice')) ?? childText(node, 'SalesPrice'),
    purchaseDesc: (sap && childText(sap, 'PurchaseDesc')) ?? childText(node, 'PurchaseDesc'),
    purchaseCost: (sap && childText(sap, 'PurchaseCost')) ?? childText(node, 'PurchaseCost'),
    accountRef: (sop && ref(sop, 'AccountRef')) ?? ref(node, 'AccountRef'),
    incomeAccountRef: (sap && ref(sap, 'IncomeAccountRef')) ?? ref(node, 'IncomeAccountRef'),
    expenseAccountRef: (sap && ref(sap, 'ExpenseAccountRef')) ?? ref(node, 'COGSAccountRef'),
    discountRate: childText(node, 'DiscountRate'),
    discountRatePercent: childText(node, 'DiscountRatePercent'),
    taxRate: childText(node, 'TaxRate'),
    externalGuid: childText(node, 'ExternalGUID'),
  } as ItemRecord);
}

export function accountRecord(node: XNode): AccountRecord {
  const name = req(node, 'Name');
  return defined({
    type: 'Account',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name,
    fullName: childText(node, 'FullName') ?? name,
    isActive: bool(node, 'IsActive') ?? true,
    parentRef: ref(node, 'ParentRef'),
    accountType: req(node, 'AccountType'),
    specialAccountType: childText(node, 'SpecialAccountType'),
    accountNumber: childText(node, 'AccountNumber'),
    description: childText(node, 'Desc'),
    balanceCents: cents(node, 'Balance'),
    totalBalanceCents: cents(node, 'TotalBalance'),
  } as AccountRecord);
}

function employeePayroll(node: XNode): EmployeePayrollRecord | undefined {
  const info = child(node, 'EmployeePayrollInfo');
  if (!info) return undefined;
  const earnings = children(info, 'Earnings').map(
    (e): EarningsRecord => defined({ payrollItemWageRef: ref(e, 'PayrollItemWageRef') ?? {}, rate: childText(e, 'Rate'), ratePercent: childText(e, 'RatePercent') }),
  );
  return defined({
    payPeriod: childText(info, 'PayPeriod'),
    classRef: ref(info, 'ClassRef'),
    earnings,
    useTimeDataToCreatePaychecks: childText(info, 'UseTimeDataToCreatePaychecks') as UseTimeData | undefined,
  });
}

export function employeeRecord(node: XNode): EmployeeRecord {
  return defined({
    type: 'Employee',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name: req(node, 'Name'),
    isActive: bool(node, 'IsActive') ?? true,
    salutation: childText(node, 'Salutation'),
    firstName: childText(node, 'FirstName'),
    middleName: childText(node, 'MiddleName'),
    lastName: childText(node, 'LastName'),
    jobTitle: childText(node, 'JobTitle'),
    department: childText(node, 'Department'),
    employeeAddress: address(node, 'EmployeeAddress'),
    printAs: childText(node, 'PrintAs'),
    phone: childText(node, 'Phone'),
    mobile: childText(node, 'Mobile'),
    email: childText(node, 'Email'),
    employeeType: childText(node, 'EmployeeType'),
    hiredDate: childText(node, 'HiredDate'),
    releasedDate: childText(node, 'ReleasedDate'),
    accountNumber: childText(node, 'AccountNumber'),
    notes: childText(node, 'Notes'),
    billingRateRef: ref(node, 'BillingRateRef'),
    payroll: employeePayroll(node),
    externalGuid: childText(node, 'ExternalGUID'),
  } as EmployeeRecord);
}

export function otherNameRecord(node: XNode): OtherNameRecord {
  return defined({
    type: 'OtherName',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name: req(node, 'Name'),
    isActive: bool(node, 'IsActive') ?? true,
    companyName: childText(node, 'CompanyName'),
    firstName: childText(node, 'FirstName'),
    lastName: childText(node, 'LastName'),
    otherNameAddress: address(node, 'OtherNameAddress'),
    phone: childText(node, 'Phone'),
    email: childText(node, 'Email'),
    accountNumber: childText(node, 'AccountNumber'),
    notes: childText(node, 'Notes'),
    externalGuid: childText(node, 'ExternalGUID'),
  } as OtherNameRecord);
}

export function classRecord(node: XNode): ClassRecord {
  const name = req(node, 'Name');
  return defined({
    type: 'Class',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name,
    fullName: childText(node, 'FullName') ?? name,
    isActive: bool(node, 'IsActive') ?? true,
    parentRef: ref(node, 'ParentRef'),
    sublevel: int(node, 'Sublevel'),
  } as ClassRecord);
}

export function payrollItemWageRecord(node: XNode): PayrollItemWageRecord {
  return defined({
    type: 'PayrollItemWage',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name: req(node, 'Name'),
    isActive: bool(node, 'IsActive') ?? true,
    wageType: childText(node, 'WageType') as WageType | undefined,
    expenseAccountRef: ref(node, 'ExpenseAccountRef'),
    overtimeMultiplier: childText(node, 'OvertimeMultiplier'),
    rate: childText(node, 'Rate'),
    ratePercent: childText(node, 'RatePercent'),
  } as PayrollItemWageRecord);
}

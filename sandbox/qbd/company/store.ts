// The company file's data: lists (names, items, accounts, small reference lists) and transactions, in memory.
// Money is integer cents; quantities and rates are the decimal strings QuickBooks was given.
import type { QbAddress } from '../../../quickbooks/desktop/qbxml/requests/common.js';
import type { Cents } from '../../../domain/money.js';
import type { Stamp } from './stamp.js';
import type { DeletionRecord, EmployeePayroll, TimeEntryRecord, WageItemRecord } from './store-time.js';

export type { Stamp } from './stamp.js';

/** An address block, as qbXML has it (the same shape the request builders take). */
export type Address = QbAddress;

/** Customers, vendors, employees and other names share one name space in QuickBooks. */
export type NameKind = 'Customer' | 'Vendor' | 'Employee' | 'OtherName';

export interface NameRecord extends Stamp {
  kind: NameKind;
  listId: string;
  name: string;
  parentId?: string;
  isActive: boolean;
  /** Simple text fields by their qbXML element names (CompanyName, FirstName, Phone, Email, Notes…). */
  text: Record<string, string>;
  billAddress?: Address;
  shipAddress?: Address;
  /** Reference fields by element name → ListID (TermsRef, SalesTaxCodeRef, ItemSalesTaxRef…). */
  refs: Record<string, string>;
  isVendorEligibleFor1099?: boolean;
  /** Employees: the Payroll Info tab (absent for an employee added before payroll was set up). */
  payroll?: EmployeePayroll;
  externalGuid?: string;
}

export type ItemKind = 'Service' | 'NonInventory' | 'OtherCharge' | 'Discount' | 'SalesTax';

export interface ItemRecord extends Stamp {
  kind: ItemKind;
  listId: string;
  name: string;
  parentId?: string;
  isActive: boolean;
  salesTaxCodeId?: string;
  manufacturerPartNumber?: string;
  /** SalesOrPurchase form (one side) or SalesAndPurchase form (both sides). */
  form: 'SalesOrPurchase' | 'SalesAndPurchase' | 'None';
  desc?: string;
  price?: string;
  pricePercent?: string;
  accountId?: string;
  salesDesc?: string;
  salesPrice?: string;
  incomeAccountId?: string;
  purchaseDesc?: string;
  purchaseCost?: string;
  expenseAccountId?: string;
  prefVendorId?: string;
  /** Discount items: a fixed amount or a percentage. */
  discountRate?: string;
  discountRatePercent?: string;
  /** Sales tax items. */
  itemDesc?: string;
  taxRate?: string;
  taxVendorId?: string;
  externalGuid?: string;
}

export interface AccountRecord extends Stamp {
  listId: string;
  name: string;
  parentId?: string;
  isActive: boolean;
  accountType: string;
  specialAccountType?: string;
  accountNumber?: string;
  desc?: string;
}

/** Small reference lists: sales tax codes, terms, payment methods, classes, templates. */
export interface SimpleListRecord extends Stamp {
  list: 'SalesTaxCode' | 'Terms' | 'PaymentMethod' | 'Class' | 'Template' | 'Currency';
  listId: string;
  name: string;
  /** Classes nest ("Field:North"); the other small lists are flat. */
  parentId?: string;
  isActive: boolean;
  isTaxable?: boolean;
}

export interface InvoiceLine {
  txnLineId: string;
  itemId?: string;
  desc?: string;
  quantity?: string;
  rate?: string;
  ratePercent?: string;
  classId?: string;
  amount?: Cents;
  serviceDate?: string;
  salesTaxCodeId?: string;
  other1?: string;
  other2?: string;
}

export interface InvoiceRecord extends Stamp {
  txnId: string;
  txnNumber: number;
  customerId: string;
  classId?: string;
  arAccountId: string;
  templateId?: string;
  txnDate: string;
  refNumber?: string;
  billAddress?: Address;
  shipAddress?: Address;
  isPending: boolean;
  poNumber?: string;
  termsId?: string;
  dueDate?: string;
  itemSalesTaxId?: string;
  memo?: string;
  isToBePrinted: boolean;
  isToBeEmailed: boolean;
  customerSalesTaxCodeId?: string;
  other?: string;
  externalGuid?: string;
  lines: InvoiceLine[];
  /** Derived on every save. */
  subtotal: Cents;
  salesTaxPercentage: string;
  salesTaxTotal: Cents;
}

export interface ExpenseLine {
  txnLineId: string;
  accountId?: string;
  amount?: Cents;
  memo?: string;
  customerId?: string;
  classId?: string;
  billableStatus?: string;
}

export interface ItemLine {
  txnLineId: string;
  itemId?: string;
  desc?: string;
  quantity?: string;
  cost?: string;
  amount?: Cents;
  customerId?: string;
  classId?: string;
  billableStatus?: string;
}

export interface BillRecord extends Stamp {
  txnId: string;
  txnNumber: number;
  vendorId: string;
  vendorAddress?: Address;
  apAccountId: string;
  txnDate: string;
  dueDate?: string;
  refNumber?: string;
  termsId?: string;
  memo?: string;
  externalGuid?: string;
  expenseLines: ExpenseLine[];
  itemLines: ItemLine[];
}

export interface PurchaseOrderLine {
  txnLineId: string;
  itemId?: string;
  desc?: string;
  quantity?: string;
  rate?: string;
  amount?: Cents;
  customerId?: string;
  serviceDate?: string;
  other1?: string;
  other2?: string;
}

export interface PurchaseOrderRecord extends Stamp {
  txnId: string;
  txnNumber: number;
  vendorId: string;
  classId?: string;
  templateId?: string;
  txnDate: string;
  refNumber?: string;
  vendorAddress?: Address;
  shipAddress?: Address;
  termsId?: string;
  dueDate?: string;
  expectedDate?: string;
  memo?: string;
  vendorMsg?: string;
  isToBePrinted: boolean;
  isToBeEmailed: boolean;
  other1?: string;
  other2?: string;
  externalGuid?: string;
  lines: PurchaseOrderLine[];
}

export interface AppliedPayment {
  invoiceId: string;
  amount: Cents;
}

export interface PaymentRecord extends Stamp {
  txnId: string;
  txnNumber: number;
  customerId: string;
  arAccountId: string;
  txnDate: string;
  refNumber?: string;
  totalAmount: Cents;
  paymentMethodId?: string;
  memo?: string;
  depositToAccountId: string;
  externalGuid?: string;
  applied: AppliedPayment[];
}

export class Store {
  readonly names = new Map<string, NameRecord>();
  readonly items = new Map<string, ItemRecord>();
  readonly accounts = new Map<string, AccountRecord>();
  readonly simple = new Map<string, SimpleListRecord>();
  readonly invoices = new Map<string, InvoiceRecord>();
  /** Credit memos, kept with an invoice's shape (lines, tax, total). */
  readonly creditMemos = new Map<string, InvoiceRecord>();
  readonly bills = new Map<string, BillRecord>();
  readonly purchaseOrders = new Map<string, PurchaseOrderRecord>();
  readonly payments = new Map<string, PaymentRecord>();
  readonly wageItems = new Map<string, WageItemRecord>();
  readonly timeEntries = new Map<string, TimeEntryRecord>();
  /** What ListDeletedQuery and TxnDeletedQuery report, oldest first. */
  readonly deletions: DeletionRecord[] = [];
  private txnNumber = 0;

  nextTxnNumber(): number {
    this.txnNumber += 1;
    return this.txnNumber;
  }

  /** "Parent:Child" full name of a name-list record (customer jobs have parents). */
  nameFullName(record: NameRecord): string {
    const parent = record.parentId ? this.names.get(record.parentId) : undefined;
    return parent ? `${this.nameFullName(parent)}:${record.name}` : record.name;
  }

  nameSublevel(record: NameRecord): number {
    const parent = record.parentId ? this.names.get(record.parentId) : undefined;
    return parent ? this.nameSublevel(parent) + 1 : 0;
  }

  itemFullName(record: ItemRecord): string {
    const parent = record.parentId ? this.items.get(record.parentId) : undefined;
    return parent ? `${this.itemFullName(parent)}:${record.name}` : record.name;
  }

  itemSublevel(record: ItemRecord): number {
    const parent = record.parentId ? this.items.get(record.parentId) : undefined;
    return parent ? this.itemSublevel(parent) + 1 : 0;
  }

  accountFullName(record: AccountRecord): string {
    const parent = record.parentId ? this.accounts.get(record.parentId) : undefined;
    return parent ? `${this.accountFullName(parent)}:${record.name}` : record.name;
  }

  accountSublevel(record: AccountRecord): number {
    const parent = record.parentId ? this.accounts.get(record.parentId) : undefined;
    return parent ? this.accountSublevel(parent) + 1 : 0;
  }

  // Full-name indexes (lower-cased): QuickBooks compares list names case-insensitively.
  private readonly nameIndex = new Map<string, string>();
  private readonly itemIndex = new Map<string, string>();
  private readonly accountIndex = new Map<string, string>();

  addName(record: NameRecord): void {
    this.names.set(record.listId, record);
    this.nameIndex.set(this.nameFullName(record).toLowerCase(), record.listId);
  }

  /** Removes a name (a bookkeeper deleting it); the caller logs the deletion. */
  removeName(record: NameRecord): void {
    this.nameIndex.delete(this.nameFullName(record).toLowerCase());
    this.names.delete(record.listId);
  }

  removeItem(record: ItemRecord): void {
    this.itemIndex.delete(this.itemFullName(record).toLowerCase());
    this.items.delete(record.listId);
  }

  simpleFullName(record: SimpleListRecord): string {
    const parent = record.parentId ? this.simple.get(record.parentId) : undefined;
    return parent ? `${this.simpleFullName(parent)}:${record.name}` : record.name;
  }

  simpleSublevel(record: SimpleListRecord): number {
    const parent = record.parentId ? this.simple.get(record.parentId) : undefined;
    return parent ? this.simpleSublevel(parent) + 1 : 0;
  }

  findWageItem(name: string): WageItemRecord | undefined {
    const wanted = name.toLowerCase();
    for (const record of this.wageItems.values()) if (record.name.toLowerCase() === wanted) return record;
    return undefined;
  }

  addItem(record: ItemRecord): void {
    this.items.set(record.listId, record);
    this.itemIndex.set(this.itemFullName(record).toLowerCase(), record.listId);
  }

  addAccount(record: AccountRecord): void {
    this.accounts.set(record.listId, record);
    this.accountIndex.set(this.accountFullName(record).toLowerCase(), record.listId);
  }

  /** Looks a name up by full name across customers, vendors, employees and other names. */
  findNameByFullName(fullName: string, kind?: NameKind): NameRecord | undefined {
    const id = this.nameIndex.get(fullName.toLowerCase());
    const record = id ? this.names.get(id) : undefined;
    return record && (!kind || record.kind === kind) ? record : undefined;
  }

  findItemByFullName(fullName: string): ItemRecord | undefined {
    const id = this.itemIndex.get(fullName.toLowerCase());
    return id ? this.items.get(id) : undefined;
  }

  findAccountByFullName(fullName: string): AccountRecord | undefined {
    const id = this.accountIndex.get(fullName.toLowerCase());
    return id ? this.accounts.get(id) : undefined;
  }

  findAccountBySpecialType(type: string): AccountRecord | undefined {
    for (const record of this.accounts.values()) if (record.specialAccountType === type) return record;
    return undefined;
  }

  findSimple(list: SimpleListRecord['list'], fullName: string): SimpleListRecord | undefined {
    const wanted = fullName.toLowerCase();
    for (const record of this.simple.values()) if (record.list === list && this.simpleFullName(record).toLowerCase() === wanted) return record;
    return undefined;
  }
}

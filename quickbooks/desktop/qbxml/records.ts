// Typed records read from QuickBooks' *Ret elements. Money becomes integer cents; quantities, rates and
// percentages stay decimal strings; absent optional elements stay undefined; repeated elements are always arrays.
import type { Cents } from '../../../domain/money.js';
import type { RefValue, Stamped } from './records-base.js';
import type { QbAddress } from './requests/common.js';
import type { ClassRecord, EmployeeRecord, OtherNameRecord, PayrollItemWageRecord } from './records-lists.js';
import type { ListDeletedRecord, TimeTrackingRecord, TxnDeletedRecord } from './records-time.js';
import type { TermsRecord } from './records-terms.js';

export type * from './records-lists.js';
export type * from './records-time.js';
export type * from './records-terms.js';
export type { RefValue, Stamped } from './records-base.js';

export type JobStatus = 'Awarded' | 'Closed' | 'InProgress' | 'None' | 'NotAwarded' | 'Pending';

/** A customer, or a job (a customer with a parent: FullName "Parent:Job", Sublevel 1 and more). */
export interface CustomerRecord extends Stamped {
  type: 'Customer';
  listId: string;
  name: string;
  fullName: string;
  isActive: boolean;
  classRef?: RefValue;
  parentRef?: RefValue;
  sublevel?: number;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  billAddress?: QbAddress;
  /** The address as QuickBooks prints it: up to five lines ("City, ST Zip" folded in). */
  billAddressBlock?: string[];
  shipAddress?: QbAddress;
  shipAddressBlock?: string[];
  email?: string;
  phone?: string;
  balanceCents?: Cents;
  totalBalanceCents?: Cents;
  salesTaxCodeRef?: RefValue;
  itemSalesTaxRef?: RefValue;
  accountNumber?: string;
  jobStatus?: JobStatus;
  jobStartDate?: string;
  jobProjectedEndDate?: string;
  jobEndDate?: string;
  jobDesc?: string;
  notes?: string;
  externalGuid?: string;
}

export interface VendorRecord extends Stamped {
  type: 'Vendor';
  listId: string;
  name: string;
  isActive: boolean;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  accountNumber?: string;
  /** 1099 contractors: the vendors whose hours a time tracker may also export. */
  isVendorEligibleFor1099?: boolean;
  balanceCents?: Cents;
  externalGuid?: string;
}

export type ItemType =
  | 'Service'
  | 'NonInventory'
  | 'OtherCharge'
  | 'Inventory'
  | 'InventoryAssembly'
  | 'FixedAsset'
  | 'Subtotal'
  | 'Discount'
  | 'Payment'
  | 'SalesTax'
  | 'SalesTaxGroup'
  | 'Group';

export interface ItemRecord extends Stamped {
  type: 'Item';
  itemType: ItemType;
  listId: string;
  name: string;
  fullName: string;
  isActive: boolean;
  classRef?: RefValue;
  parentRef?: RefValue;
  sublevel?: number;
  salesTaxCodeRef?: RefValue;
  /** Sales description (SalesOrPurchase/Desc, SalesAndPurchase/SalesDesc, SalesDesc, ItemDesc). */
  description?: string;
  /** Sales price or rate as QuickBooks wrote it (decimal string). */
  salesPrice?: string;
  purchaseDesc?: string;
  purchaseCost?: string;
  /** SalesOrPurchase/AccountRef, or a discount item's AccountRef. */
  accountRef?: RefValue;
  incomeAccountRef?: RefValue;
  expenseAccountRef?: RefValue;
  discountRate?: string;
  discountRatePercent?: string;
  /** Sales tax items: percentage. */
  taxRate?: string;
  externalGuid?: string;
}

export interface LinkedTxnRecord {
  txnId: string;
  txnType: string;
  txnDate: string;
  refNumber?: string;
  linkType?: string;
  amountCents: Cents;
}

export interface InvoiceLineRecord {
  txnLineId: string;
  itemRef?: RefValue;
  desc?: string;
  quantity?: string;
  rate?: string;
  ratePercent?: string;
  amountCents?: Cents;
  serviceDate?: string;
  salesTaxCodeRef?: RefValue;
}

export interface InvoiceRecord extends Stamped {
  type: 'Invoice';
  txnId: string;
  txnNumber?: number;
  customerRef: RefValue;
  arAccountRef?: RefValue;
  templateRef?: RefValue;
  txnDate: string;
  refNumber?: string;
  isPending: boolean;
  dueDate?: string;
  poNumber?: string;
  subtotalCents: Cents;
  itemSalesTaxRef?: RefValue;
  salesTaxPercentage?: string;
  salesTaxTotalCents: Cents;
  /** Payments and credits applied, as QuickBooks reports it: zero or negative. */
  appliedAmountCents: Cents;
  balanceRemainingCents: Cents;
  memo?: string;
  isPaid: boolean;
  isToBePrinted: boolean;
  isToBeEmailed: boolean;
  externalGuid?: string;
  linkedTxns: LinkedTxnRecord[];
  lines: InvoiceLineRecord[];
}

/** A credit memo: what the customer is owed back (creditRemaining until it is applied). */
export interface CreditMemoRecord extends Stamped {
  type: 'CreditMemo';
  txnId: string;
  customerRef: RefValue;
  txnDate: string;
  refNumber?: string;
  totalAmountCents: Cents;
  creditRemainingCents: Cents;
  memo?: string;
  isPending: boolean;
  isToBePrinted: boolean;
  isToBeEmailed: boolean;
  externalGuid?: string;
  lines: InvoiceLineRecord[];
}

export interface BillLineRecord {
  txnLineId: string;
  /** 'expense' lines post to accountRef; 'item' lines carry an item, quantity and cost. */
  kind: 'expense' | 'item';
  accountRef?: RefValue;
  itemRef?: RefValue;
  desc?: string;
  memo?: string;
  quantity?: string;
  cost?: string;
  amountCents?: Cents;
  customerRef?: RefValue;
  billableStatus?: string;
}

export interface BillRecord extends Stamped {
  type: 'Bill';
  txnId: string;
  txnNumber?: number;
  vendorRef: RefValue;
  apAccountRef?: RefValue;
  txnDate: string;
  dueDate?: string;
  amountDueCents: Cents;
  openAmountCents?: Cents;
  refNumber?: string;
  memo?: string;
  isPaid: boolean;
  externalGuid?: string;
  linkedTxns: LinkedTxnRecord[];
  lines: BillLineRecord[];
}

export interface PurchaseOrderLineRecord {
  txnLineId: string;
  itemRef?: RefValue;
  desc?: string;
  quantity?: string;
  rate?: string;
  amountCents?: Cents;
  receivedQuantity?: string;
  isManuallyClosed?: boolean;
}

export interface PurchaseOrderRecord extends Stamped {
  type: 'PurchaseOrder';
  txnId: string;
  txnNumber?: number;
  vendorRef: RefValue;
  txnDate: string;
  refNumber?: string;
  expectedDate?: string;
  totalAmountCents: Cents;
  isManuallyClosed: boolean;
  isFullyReceived: boolean;
  memo?: string;
  externalGuid?: string;
  linkedTxns: LinkedTxnRecord[];
  lines: PurchaseOrderLineRecord[];
}

export interface AppliedToTxnRecord {
  txnId: string;
  txnType: string;
  txnDate?: string;
  refNumber?: string;
  balanceRemainingCents?: Cents;
  amountCents?: Cents;
}

export interface ReceivePaymentRecord extends Stamped {
  type: 'ReceivePayment';
  txnId: string;
  txnNumber?: number;
  customerRef: RefValue;
  arAccountRef?: RefValue;
  txnDate: string;
  refNumber?: string;
  totalAmountCents: Cents;
  paymentMethodRef?: RefValue;
  memo?: string;
  depositToAccountRef?: RefValue;
  unusedPaymentCents: Cents;
  unusedCreditsCents: Cents;
  externalGuid?: string;
  appliedTo: AppliedToTxnRecord[];
}

export interface AccountRecord extends Stamped {
  type: 'Account';
  listId: string;
  name: string;
  fullName: string;
  isActive: boolean;
  parentRef?: RefValue;
  accountType: string;
  specialAccountType?: string;
  accountNumber?: string;
  description?: string;
  balanceCents?: Cents;
  totalBalanceCents?: Cents;
}

export interface HostRecord {
  type: 'Host';
  productName: string;
  majorVersion?: string;
  minorVersion?: string;
  country?: string;
  supportedQbxmlVersions: string[];
  isAutomaticLogin?: boolean;
  qbFileMode?: string;
}

export interface CompanyRecord {
  type: 'Company';
  companyName: string;
  legalCompanyName?: string;
  isSampleCompany?: boolean;
  email?: string;
  phone?: string;
  ein?: string;
  /** Our FileID and similar markers stored as data extensions, name → value. */
  dataExt: Record<string, string>;
}

export interface PreferencesRecord {
  type: 'Preferences';
  isUsingInventory?: boolean;
  isUsingClassTracking?: boolean;
  isUsingEstimates?: boolean;
  isAutoApplyingPayments?: boolean;
  isMultiCurrencyOn?: boolean;
  /** SalesTaxPreferences present means sales tax is turned on in the file. */
  salesTaxEnabled: boolean;
  defaultItemSalesTaxRef?: RefValue;
  /** TimeTrackingPreferences present means "Do you track time?" is Yes in the file. */
  timeTrackingEnabled: boolean;
  /** The first day of the work week on timesheets (a time tracker's weeks must start on the same day). */
  firstDayOfWeek?: FirstDayOfWeek;
}

export type FirstDayOfWeek = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

/** A *Ret element we do not model: kept by name so nothing is silently dropped. */
export interface OtherRecord {
  type: 'Other';
  element: string;
}

export type QbRecord =
  | CustomerRecord
  | VendorRecord
  | ItemRecord
  | InvoiceRecord
  | CreditMemoRecord
  | BillRecord
  | PurchaseOrderRecord
  | ReceivePaymentRecord
  | AccountRecord
  | HostRecord
  | CompanyRecord
  | PreferencesRecord
  | EmployeeRecord
  | OtherNameRecord
  | ClassRecord
  | PayrollItemWageRecord
  | TimeTrackingRecord
  | ListDeletedRecord
  | TxnDeletedRecord
  | TermsRecord
  | OtherRecord;


// Preferences: one object per company (Id "1"), read and updated, never created or deleted. Only the fields
// Intuit lists as writable change; read-only ones that come back in an update are kept as they were.
import type { Company, CompanySettings } from '../company/company.js';
import { fault } from '../faults.js';
import { isObject, type Json, type JsonObject } from '../json.js';
import { readDecimal, decimalToJson } from '../numbers.js';
import { isDate } from '../time.js';
import { omit, touched, type WriteContext } from './common.js';
import type { EntityDef } from './types.js';

export const PREFERENCES_ID = '1';
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Kind = 'bool' | 'text' | 'date' | 'month' | 'week' | 'decimal' | 'ref' | 'object' | 'nameValues';

/** Intuit's writable preferences (API reference, "Full update Preferences"), by block and field. */
const WRITABLE: Record<string, Record<string, Kind>> = {
  AccountingInfoPrefs: {
    FirstMonthOfFiscalYear: 'month',
    TaxYearMonth: 'month',
    ClassTrackingPerTxn: 'bool',
    ClassTrackingPerTxnLine: 'bool',
    TrackDepartments: 'bool',
    DepartmentTerminology: 'text',
    BookCloseDate: 'date',
    CustomerTerminology: 'text',
  },
  ProductAndServicesPrefs: { ForSales: 'bool', ForPurchase: 'bool', QuantityWithPriceAndRate: 'bool', QuantityOnHand: 'bool' },
  SalesFormsPrefs: {
    AllowDeposit: 'bool',
    AllowDiscount: 'bool',
    AllowEstimates: 'bool',
    AllowServiceDate: 'bool',
    AllowShipping: 'bool',
    DefaultTerms: 'ref',
    DefaultCustomerMessage: 'text',
    CustomTxnNumbers: 'bool',
    ETransactionAttachPDF: 'bool',
    ETransactionPaymentEnabled: 'bool',
  },
  VendorAndPurchasesPrefs: { BillableExpenseTracking: 'bool', DefaultTerms: 'ref', DefaultMarkup: 'decimal', TrackingByCustomer: 'bool', MsgToVendors: 'text' },
  TimeTrackingPrefs: { UseServices: 'bool', BillCustomers: 'bool', ShowBillRateToAll: 'bool', WorkWeekStartDate: 'week', MarkTimeEntriesBillable: 'bool' },
  EmailMessagesPrefs: { InvoiceMessage: 'object', EstimateMessage: 'object', SalesReceiptMessage: 'object', StatementMessage: 'object' },
  OtherPrefs: { NameValue: 'nameValues' },
};

/**
 * Blocks the sandbox answers but never changes through the API: tax follows the control surface's sales tax
 * rate (Intuit lets UsingSalesTax be written; here it would contradict the tax model), currency is USD only.
 */
const READ_ONLY = ['TaxPrefs', 'CurrencyPrefs', 'ReportPrefs'];

function checked(block: string, field: string, kind: Kind, value: Json): Json {
  const element = `${block}.${field}`;
  const bad = () => fault.invalidProperty(element, `${element} with value ${JSON.stringify(value)}`);
  if (value === null) return null;
  switch (kind) {
    case 'bool':
      if (typeof value !== 'boolean') throw bad();
      return value;
    case 'text':
      if (typeof value !== 'string') throw bad();
      return value;
    case 'date':
      if (typeof value !== 'string' || !isDate(value)) throw bad();
      return value;
    case 'month':
      if (typeof value !== 'string') throw bad();
      if (!MONTHS.includes(value)) throw fault.invalidEnum(element, value);
      return value;
    case 'week':
      if (typeof value !== 'string') throw bad();
      if (!(WEEKDAYS as readonly string[]).includes(value)) throw fault.invalidEnum(element, value);
      return value;
    case 'decimal':
      return decimalToJson(readDecimal(value, element));
    case 'ref':
    case 'object':
      if (!isObject(value)) throw bad();
      return value;
    case 'nameValues':
      if (!Array.isArray(value) || !value.every((pair) => isObject(pair) && typeof pair.Name === 'string' && typeof pair.Value === 'string')) throw bad();
      return value;
  }
}

/** The new state of the preferences: writable fields from the input over the previous state. */
function applyWritable(previous: JsonObject, input: JsonObject): JsonObject {
  const next: JsonObject = omit(previous, ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse']);
  for (const [block, value] of Object.entries(input)) {
    if (READ_ONLY.includes(block)) continue;
    const fields = WRITABLE[block];
    if (!fields) throw fault.invalidProperty(block, block);
    if (!isObject(value)) throw fault.invalidProperty(block, `${block} with value ${JSON.stringify(value)}`);
    const current = isObject(next[block]) ? { ...(next[block] as JsonObject) } : {};
    for (const [field, fieldValue] of Object.entries(value)) {
      const kind = fields[field];
      // Read-only fields of a writable block come back in every full update: keep what QuickBooks has.
      if (kind === undefined) continue;
      current[field] = checked(block, field, kind, fieldValue);
    }
    next[block] = current;
  }
  return next;
}

/** What QuickBooks Online shows for a new US company (Intuit's sample, with the sandbox's tax setting). */
export function initialPreferences(settings: CompanySettings): JsonObject {
  return {
    AccountingInfoPrefs: {
      FirstMonthOfFiscalYear: 'January',
      UseAccountNumbers: false,
      TaxYearMonth: 'January',
      ClassTrackingPerTxn: false,
      ClassTrackingPerTxnLine: false,
      TrackDepartments: false,
      DepartmentTerminology: 'Location',
      CustomerTerminology: 'Customers',
    },
    ProductAndServicesPrefs: { ForSales: true, ForPurchase: true, QuantityWithPriceAndRate: true, QuantityOnHand: true },
    SalesFormsPrefs: {
      AllowDeposit: false,
      AllowDiscount: true,
      AllowEstimates: true,
      AllowServiceDate: false,
      AllowShipping: false,
      CustomTxnNumbers: false,
      ETransactionEnabledStatus: 'NotApplicable',
      ETransactionAttachPDF: false,
      ETransactionPaymentEnabled: false,
      IPNSupportEnabled: false,
      UsingPriceLevels: false,
      UsingProgressInvoicing: false,
      EmailCopyToCompany: false,
    },
    EmailMessagesPrefs: {
      InvoiceMessage: { Subject: 'Invoice [Invoice No.] from [Company Name]', Message: 'Dear [Full Name],\n\nHere\'s your invoice! We appreciate your prompt payment.\n\nThanks for your business!\n[Company Name]' },
    },
    VendorAndPurchasesPrefs: { BillableExpenseTracking: false, TrackingByCustomer: false },
    TimeTrackingPrefs: { UseServices: true, BillCustomers: true, ShowBillRateToAll: false, WorkWeekStartDate: 'Monday', MarkTimeEntriesBillable: true },
    TaxPrefs: { UsingSalesTax: settings.salesTaxRate !== null, PartnerTaxEnabled: false },
    CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: 'USD' } },
    ReportPrefs: { ReportBasis: 'Accrual', CalcAgingReportFromTxnDate: false },
    OtherPrefs: {
      NameValue: [
        { Name: 'SalesFormsPrefs.DefaultCustomerMessage', Value: 'Thank you for your business and have a great day!' },
        { Name: 'VendorAndPurchasesPrefs.UseBillPayments', Value: 'true' },
      ],
    },
  };
}

function block(company: Company, name: string): JsonObject {
  const prefs = company.get('Preferences', PREFERENCES_ID);
  const value = prefs?.[name];
  return isObject(value) ? value : {};
}

/** Time tracking is on while TimeTrackingPrefs.UseServices is not false (Intuit: "Time tracking enabled"). */
export function timeTrackingOn(company: Company): boolean {
  return block(company, 'TimeTrackingPrefs').UseServices !== false;
}

/**
 * A change made in QuickBooks' settings screen (control surface): the blocks given are merged in, the SyncToken
 * moves and subscribers hear of a Preferences Update, as Intuit sends for a change in the UI.
 */
export function changePreferences(ctx: WriteContext, changes: Record<string, JsonObject>): JsonObject {
  const prefs = ctx.company.get('Preferences', PREFERENCES_ID);
  if (!prefs) throw new Error(`company ${ctx.company.realmId} has no preferences`);
  const merged: JsonObject = {};
  for (const [name, fields] of Object.entries(changes)) merged[name] = { ...block(ctx.company, name), ...fields };
  const saved = touched(ctx, prefs, merged);
  ctx.company.put('Preferences', saved);
  return saved;
}

export const preferencesDef: EntityDef = {
  name: 'Preferences',
  transaction: false,
  build(_ctx, input, previous) {
    if (!previous) throw fault.unsupported('Create for Preferences');
    return applyWritable(previous, input);
  },
};

// A new company as QuickBooks Online creates it for a US business: chart of accounts, the US
// pseudo tax codes TAX and NON, the default payment terms, CompanyInfo (its Country as configured), Preferences,
// and the two default service items.
import { accountState } from '../entities/accounts.js';
import { refTo, stamp, type WriteContext } from '../entities/common.js';
import { initialPreferences, PREFERENCES_ID } from '../entities/preferences.js';
import type { JsonObject } from '../json.js';
import { companyDate } from '../time.js';
import type { Company } from './company.js';

const CHART: ReadonlyArray<[name: string, type: string, subType: string]> = [
  ['Checking', 'Bank', 'Checking'],
  ['Savings', 'Bank', 'Savings'],
  ['Accounts Receivable (A/R)', 'Accounts Receivable', 'AccountsReceivable'],
  ['Undeposited Funds', 'Other Current Asset', 'UndepositedFunds'],
  ['Inventory Asset', 'Other Current Asset', 'Inventory'],
  ['Prepaid Expenses', 'Other Current Asset', 'PrepaidExpenses'],
  ['Accounts Payable (A/P)', 'Accounts Payable', 'AccountsPayable'],
  ['Sales Tax Payable', 'Other Current Liability', 'SalesTaxPayable'],
  ['Opening Balance Equity', 'Equity', 'OpeningBalanceEquity'],
  ['Retained Earnings', 'Equity', 'RetainedEarnings'],
  ['Sales of Product Income', 'Income', 'SalesOfProductIncome'],
  ['Services', 'Income', 'ServiceFeeIncome'],
  ['Discounts given', 'Income', 'DiscountsRefundsGiven'],
  ['Uncategorized Income', 'Income', 'OtherPrimaryIncome'],
  ['Cost of Goods Sold', 'Cost of Goods Sold', 'SuppliesMaterialsCogs'],
  ['Shipping, Freight & Delivery', 'Cost of Goods Sold', 'ShippingFreightDeliveryCos'],
  ['Advertising', 'Expense', 'AdvertisingPromotional'],
  ['Office Expenses', 'Expense', 'OfficeGeneralAdministrativeExpenses'],
  ['Rent or Lease', 'Expense', 'RentOrLeaseOfBuildings'],
  ['Utilities', 'Expense', 'Utilities'],
  ['Supplies', 'Expense', 'SuppliesMaterials'],
  ['Uncategorized Expense', 'Expense', 'OtherMiscellaneousServiceCost'],
  ['Interest Earned', 'Other Income', 'InterestEarned'],
];

/** The payment terms a new QuickBooks Online company has. */
const TERMS: ReadonlyArray<[name: string, dueDays: number]> = [['Due on receipt', 0], ['Net 15', 15], ['Net 30', 30], ['Net 60', 60]];

function taxCode(code: 'TAX' | 'NON'): JsonObject {
  return { Name: code, Description: code === 'TAX' ? 'Taxable' : 'Non-Taxable', Active: true, Hidden: false, Taxable: code === 'TAX', TaxGroup: false };
}

export function seedCompany(company: Company, now: number): void {
  const ctx: WriteContext = { company, now };
  const accounts = new Map<string, JsonObject>();
  for (const [name, type, subType] of CHART) {
    const account = stamp(ctx, company.nextId('Account', false), accountState(name, type, subType));
    company.put('Account', account);
    accounts.set(name, account);
  }
  for (const code of ['TAX', 'NON'] as const) company.put('TaxCode', stamp(ctx, code, taxCode(code)));
  for (const [name, days] of TERMS) {
    company.put('Term', stamp(ctx, company.nextId('Term', false), { Name: name, Active: true, Type: 'STANDARD', DueDays: days, DiscountDays: 0, DiscountPercent: 0 }));
  }
  company.put(
    'CompanyInfo',
    stamp(ctx, company.realmId, {
      CompanyName: company.settings.name,
      LegalName: company.settings.name,
      Country: company.settings.country,
      CompanyStartDate: companyDate(now),
      FiscalYearStartMonth: 'January',
      SupportedLanguages: 'en',
      DefaultTimeZone: 'America/Los_Angeles',
    }),
  );
  company.put('Preferences', stamp(ctx, PREFERENCES_ID, initialPreferences(company.settings)));
  const services = accounts.get('Services') as JsonObject;
  for (const name of ['Services', 'Hours']) {
    company.put(
      'Item',
      stamp(ctx, company.nextId('Item', false), {
        Name: name,
        FullyQualifiedName: name,
        Active: true,
        Type: 'Service',
        Taxable: false,
        UnitPrice: 0,
        PurchaseCost: 0,
        TrackQtyOnHand: false,
        IncomeAccountRef: refTo(services, 'Account'),
      }),
    );
  }
}

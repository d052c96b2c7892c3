// Account (chart of accounts), TaxCode, Term and CompanyInfo. TaxCode, Term and CompanyInfo are read-only.
import { fault } from '../faults.js';
import type { JsonObject } from '../json.js';
import { bool, checkName, omit, text, USD } from './common.js';
import { uniqueListName } from './names.js';
import type { EntityDef } from './types.js';

/** AccountType → Classification and the sub-type QuickBooks picks when none is given. */
export const ACCOUNT_TYPES: Record<string, { classification: string; subType: string }> = {
  Bank: { classification: 'Asset', subType: 'Checking' },
  'Accounts Receivable': { classification: 'Asset', subType: 'AccountsReceivable' },
  'Other Current Asset': { classification: 'Asset', subType: 'OtherCurrentAssets' },
  'Fixed Asset': { classification: 'Asset', subType: 'MachineryAndEquipment' },
  'Other Asset': { classification: 'Asset', subType: 'OtherLongTermAssets' },
  'Accounts Payable': { classification: 'Liability', subType: 'AccountsPayable' },
  'Credit Card': { classification: 'Liability', subType: 'CreditCard' },
  'Other Current Liability': { classification: 'Liability', subType: 'OtherCurrentLiabilities' },
  'Long Term Liability': { classification: 'Liability', subType: 'NotesPayable' },
  Equity: { classification: 'Equity', subType: 'OpeningBalanceEquity' },
  Income: { classification: 'Revenue', subType: 'ServiceFeeIncome' },
  'Other Income': { classification: 'Revenue', subType: 'OtherMiscellaneousIncome' },
  'Cost of Goods Sold': { classification: 'Expense', subType: 'SuppliesMaterialsCogs' },
  Expense: { classification: 'Expense', subType: 'OtherMiscellaneousServiceCost' },
  'Other Expense': { classification: 'Expense', subType: 'OtherMiscellaneousExpense' },
};

export function accountState(name: string, accountType: string, subType?: string, extra: JsonObject = {}): JsonObject {
  const known = ACCOUNT_TYPES[accountType];
  if (!known) throw fault.invalidEnum('AccountType', accountType);
  return {
    ...extra,
    Name: name,
    SubAccount: false,
    FullyQualifiedName: name,
    Active: extra.Active ?? true,
    Classification: known.classification,
    AccountType: accountType,
    AccountSubType: subType ?? known.subType,
    CurrentBalance: extra.CurrentBalance ?? 0,
    CurrentBalanceWithSubAccounts: extra.CurrentBalanceWithSubAccounts ?? 0,
    CurrencyRef: USD,
  };
}

export const accountDef: EntityDef = {
  name: 'Account',
  transaction: false,
  hidesInactive: true,
  build(ctx, input, previous) {
    const requested = text(input, 'Name', 100);
    if (requested === undefined || requested.trim() === '') throw fault.required('Name');
    const active = bool(input, 'Active') ?? true;
    const self = previous ? { entity: 'Account' as const, id: String(previous.Id) } : undefined;
    const name = uniqueListName(ctx, ['Account'], 'Name', checkName(requested, 'Name', 100), active, self, previous?.Active !== false);
    const accountType = text(input, 'AccountType') ?? (typeof previous?.AccountType === 'string' ? previous.AccountType : undefined);
    if (accountType === undefined) throw fault.accountType();
    const rest = omit(input, ['Name', 'Active', 'AccountType', 'AccountSubType', 'Classification', 'FullyQualifiedName', 'CurrentBalance', 'CurrentBalanceWithSubAccounts']);
    return accountState(name, accountType, text(input, 'AccountSubType'), {
      ...rest,
      Active: active,
      CurrentBalance: previous?.CurrentBalance ?? 0,
      CurrentBalanceWithSubAccounts: previous?.CurrentBalanceWithSubAccounts ?? 0,
    });
  },
};

function readOnly(name: 'TaxCode' | 'Term' | 'CompanyInfo'): EntityDef {
  return {
    name,
    transaction: false,
    readOnly: true,
    hidesInactive: name !== 'CompanyInfo',
    build() {
      throw fault.unsupported(`Create/Update for ${name}`);
    },
  };
}

export const taxCodeDef = readOnly('TaxCode');
export const companyInfoDef = readOnly('CompanyInfo');
/** Payment terms (SalesTermRef): the seeded ones; the sandbox does not create terms. */
export const termDef = readOnly('Term');

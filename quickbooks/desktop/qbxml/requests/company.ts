// What the company file is: its host (product, supported qbXML versions), its identity, its preferences, and
// its chart of accounts.
import { QbxmlInputError } from '../fields.js';
import { includeRetElements, listQueryFilters, openRq, REF_LIMITS, type ListQueryInput } from './common.js';

export type AccountType =
  | 'AccountsPayable'
  | 'AccountsReceivable'
  | 'Bank'
  | 'CostOfGoodsSold'
  | 'CreditCard'
  | 'Equity'
  | 'Expense'
  | 'FixedAsset'
  | 'Income'
  | 'LongTermLiability'
  | 'NonPosting'
  | 'OtherAsset'
  | 'OtherCurrentAsset'
  | 'OtherCurrentLiability'
  | 'OtherExpense'
  | 'OtherIncome';

export interface AccountQueryInput extends ListQueryInput {
  accountTypes?: readonly AccountType[];
}

/** AccountQuery has no iterator in qbXML: a chart of accounts is small enough for one answer. */
export function buildAccountQuery(requestId: string, input: AccountQueryInput = {}): string {
  if (input.accountTypes?.length && (input.listIds?.length || input.fullNames?.length)) {
    throw new QbxmlInputError('AccountType filters cannot be combined with ListID or FullName look-ups', 'AccountType');
  }
  const body =
    listQueryFilters(input, REF_LIMITS.account, undefined) +
    (input.accountTypes ?? []).map((type) => `<AccountType>${type}</AccountType>`).join('') +
    includeRetElements(input.includeRetElements);
  return `${openRq('AccountQuery', requestId)}${body}</AccountQueryRq>`;
}

export function buildHostQuery(requestId: string): string {
  return `${openRq('HostQuery', requestId)}</HostQueryRq>`;
}

export function buildCompanyQuery(requestId: string): string {
  return `${openRq('CompanyQuery', requestId)}</CompanyQueryRq>`;
}

export function buildPreferencesQuery(requestId: string): string {
  return `${openRq('PreferencesQuery', requestId)}</PreferencesQueryRq>`;
}

// A new US company file the way QuickBooks Desktop sets one up for a product business: a chart of accounts with
// the special accounts (A/R, A/P, Undeposited Funds, Sales Tax Payable), the Tax/Non sales tax codes, a few
// terms and payment methods, a tax agency with a 0% and a state tax item, a discount item and two sample items.
import type { IdFactory } from './clock.js';
import type { AccountRecord, ItemRecord, NameRecord, SimpleListRecord, Store } from './store.js';

export interface SeedResult {
  arAccountId: string;
  apAccountId: string;
  undepositedFundsId: string;
  itemSalesTaxId: string;
  templateId: string;
}

const ACCOUNTS: readonly [name: string, type: string, number: string, special?: string][] = [
  ['Checking', 'Bank', '10100'],
  ['Savings', 'Bank', '10200'],
  ['Accounts Receivable', 'AccountsReceivable', '11000', 'AccountsReceivable'],
  ['Undeposited Funds', 'OtherCurrentAsset', '12000', 'UndepositedFunds'],
  ['Inventory Asset', 'OtherCurrentAsset', '12100', 'InventoryAssets'],
  ['Furniture and Equipment', 'FixedAsset', '15000'],
  ['Accounts Payable', 'AccountsPayable', '20000', 'AccountsPayable'],
  ['Sales Tax Payable', 'OtherCurrentLiability', '25500', 'SalesTaxPayable'],
  ['Payroll Liabilities', 'OtherCurrentLiability', '24000', 'PayrollLiabilities'],
  ['Opening Balance Equity', 'Equity', '30000', 'OpeningBalanceEquity'],
  ['Retained Earnings', 'Equity', '32000', 'RetainedEarnings'],
  ['Merchandise Sales', 'Income', '40100'],
  ['Service Income', 'Income', '40200'],
  ['Shipping and Delivery Income', 'Income', '40300'],
  ['Discounts Given', 'Income', '40900'],
  ['Cost of Goods Sold', 'CostOfGoodsSold', '50000', 'CostOfGoodsSold'],
  ['Merchandise Purchases', 'CostOfGoodsSold', '50100'],
  ['Advertising and Promotion', 'Expense', '60100'],
  ['Freight and Shipping Costs', 'Expense', '60500'],
  ['Office Supplies', 'Expense', '64900'],
  ['Professional Fees', 'Expense', '66700'],
  ['Interest Income', 'OtherIncome', '70100'],
];

export function seedCompany(store: Store, ids: IdFactory, now: Date): SeedResult {
  const stamp = (): { created: Date; modified: Date; editSequence: string } => ({ created: now, modified: now, editSequence: ids.editSequence() });
  const accountIds = new Map<string, string>();
  for (const [name, accountType, accountNumber, special] of ACCOUNTS) {
    const account: AccountRecord = { listId: ids.listId(), ...stamp(), name, isActive: true, accountType, accountNumber };
    if (special) account.specialAccountType = special;
    store.addAccount(account);
    accountIds.set(name, account.listId);
  }
  const simple = (list: SimpleListRecord['list'], name: string, extra: Partial<SimpleListRecord> = {}): string => {
    const record: SimpleListRecord = { list, listId: ids.listId(), ...stamp(), name, isActive: true, ...extra };
    store.simple.set(record.listId, record);
    return record.listId;
  };
  const taxId = simple('SalesTaxCode', 'Tax', { isTaxable: true });
  const nonId = simple('SalesTaxCode', 'Non', { isTaxable: false });
  simple('Terms', 'Due on receipt');
  simple('Terms', 'Net 15');
  simple('Terms', 'Net 30');
  for (const method of ['Cash', 'Check', 'Visa', 'MasterCard', 'American Express', 'E-Check']) simple('PaymentMethod', method);
  const templateId = simple('Template', 'Intuit Product Invoice');
  simple('Template', 'Intuit Service Invoice');
  simple('Template', 'Custom Purchase Order');

  const name = (kind: NameRecord['kind'], value: string, text: Record<string, string> = {}): string => {
    const record: NameRecord = { kind, listId: ids.listId(), ...stamp(), name: value, isActive: true, text, refs: {} };
    store.addName(record);
    return record.listId;
  };
  const agency = name('Vendor', 'State Board of Equalization', { IsTaxAgency: 'true' });
  name('Employee', 'Pat Owner');
  name('OtherName', 'Petty Cash Reimbursement');

  const item = (record: Omit<ItemRecord, 'listId' | 'created' | 'modified' | 'editSequence'>): string => {
    const full: ItemRecord = { ...record, listId: ids.listId(), ...stamp() };
    store.addItem(full);
    return full.listId;
  };
  const outOfState = item({ kind: 'SalesTax', name: 'Out of State', isActive: true, form: 'None', itemDesc: 'Out-of-state sale, exempt from sales tax', taxRate: '0', taxVendorId: agency });
  item({ kind: 'SalesTax', name: 'CA Sales Tax', isActive: true, form: 'None', itemDesc: 'California state sales tax', taxRate: '7.25', taxVendorId: agency });
  item({
    kind: 'Discount',
    name: 'Discount',
    isActive: true,
    form: 'None',
    itemDesc: 'Discount',
    salesTaxCodeId: taxId,
    accountId: accountIds.get('Discounts Given') as string,
  });
  item({
    kind: 'Service',
    name: 'Consulting',
    isActive: true,
    form: 'SalesOrPurchase',
    salesTaxCodeId: nonId,
    desc: 'Consulting services',
    price: '125.00',
    accountId: accountIds.get('Service Income') as string,
  });
  item({
    kind: 'NonInventory',
    name: 'Shipping',
    isActive: true,
    form: 'SalesOrPurchase',
    salesTaxCodeId: nonId,
    desc: 'Shipping and handling',
    accountId: accountIds.get('Shipping and Delivery Income') as string,
  });
  return {
    arAccountId: accountIds.get('Accounts Receivable') as string,
    apAccountId: accountIds.get('Accounts Payable') as string,
    undepositedFundsId: accountIds.get('Undeposited Funds') as string,
    itemSalesTaxId: outOfState,
    templateId,
  };
}

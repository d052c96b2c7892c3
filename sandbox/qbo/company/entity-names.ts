// The entities a sandbox company stores.
export const ENTITY_NAMES = [
  'Account',
  'Bill',
  'CompanyInfo',
  'CreditMemo',
  'Customer',
  'Employee',
  'Invoice',
  'Item',
  'Payment',
  'Preferences',
  'PurchaseOrder',
  'TaxCode',
  'Term',
  'TimeActivity',
  'Vendor',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

// Every entity the sandbox serves, by name and by URL path segment (case-insensitive, as Intuit).
import type { EntityName } from '../company/company.js';
import { accountDef, companyInfoDef, taxCodeDef, termDef } from './accounts.js';
import { creditMemoDef } from './credit-memo.js';
import { invoiceDef } from './invoice.js';
import { itemDef } from './item.js';
import { customerDef, employeeDef, vendorDef } from './names.js';
import { paymentDef } from './payment.js';
import { preferencesDef } from './preferences.js';
import { billDef, purchaseOrderDef } from './purchases.js';
import { timeActivityDef } from './time-activity.js';
import type { EntityDef } from './types.js';

export const ENTITY_DEFS: Record<EntityName, EntityDef> = {
  Account: accountDef,
  Bill: billDef,
  CompanyInfo: companyInfoDef,
  CreditMemo: creditMemoDef,
  Customer: customerDef,
  Employee: employeeDef,
  Invoice: invoiceDef,
  Item: itemDef,
  Payment: paymentDef,
  Preferences: preferencesDef,
  PurchaseOrder: purchaseOrderDef,
  TaxCode: taxCodeDef,
  Term: termDef,
  TimeActivity: timeActivityDef,
  Vendor: vendorDef,
};

const BY_LOWER = new Map(Object.values(ENTITY_DEFS).map((def) => [def.name.toLowerCase(), def]));

/** `invoice`, `Invoice`, `INVOICE` → the Invoice definition. */
export function entityByName(name: string): EntityDef | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

export type { EntityDef } from './types.js';

// List requests: customers, vendors, items and accounts (Add and Query), and service/non-inventory item Mods.
import { child, children, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import {
  accountRef,
  address,
  bool,
  copyText,
  itemRef,
  nameRef,
  simpleRef,
  text,
  type HandlerContext,
  type HandlerResult,
} from './context.js';
import { editSequenceOutOfDate, modifyFailed, nameInUse, objectNotFound, QbStatusError } from './errors.js';
import { runQuery } from './query.js';
import { accountRet, customerRet, itemRet, vendorRet } from './render.js';
import type { ItemKind, ItemRecord, NameKind, NameRecord } from './store.js';

const PERSON_FIELDS = ['CompanyName', 'Salutation', 'FirstName', 'MiddleName', 'LastName', 'JobTitle', 'Phone', 'AltPhone', 'Fax', 'Email', 'Cc', 'Contact', 'AltContact'];

function stampNew(ctx: HandlerContext): { created: Date; modified: Date; editSequence: string } {
  return { created: ctx.now, modified: ctx.now, editSequence: ctx.ids.editSequence() };
}

/** A name must be unique across customers, vendors, employees and other names (3100 otherwise). */
function checkNameFree(ctx: HandlerContext, fullName: string): void {
  const existing = ctx.store.findNameByFullName(fullName);
  if (existing) throw nameInUse(fullName);
}

function checkName(name: string | undefined): string {
  if (!name) throw new QbStatusError(3000, 'The name is missing.');
  if (name.includes(':')) throw new QbStatusError(3180, `There was an error when saving a name "${name}".  QuickBooks error message: The name cannot contain a colon (:).`);
  return name;
}

export function customerAdd(ctx: HandlerContext, rq: XNode): HandlerResult {
  const add = child(rq, 'CustomerAdd') as XNode;
  const name = checkName(text(add, 'Name'));
  const parent = nameRef(ctx, add, 'ParentRef', ['Customer'], 'Customer');
  const fullName = parent ? `${ctx.store.nameFullName(parent)}:${name}` : name;
  checkNameFree(ctx, fullName);
  const record: NameRecord = {
    kind: 'Customer',
    listId: ctx.ids.listId(),
    ...stampNew(ctx),
    name,
    isActive: bool(add, 'IsActive') ?? true,
    text: {},
    refs: {},
  };
  if (parent) record.parentId = parent.listId;
  copyText(add, [...PERSON_FIELDS, 'ResaleNumber', 'AccountNumber', 'JobStatus', 'JobStartDate', 'JobProjectedEndDate', 'JobEndDate', 'JobDesc', 'Notes'], record.text);
  const billAddress = address(add, 'BillAddress');
  const shipAddress = address(add, 'ShipAddress');
  if (billAddress) record.billAddress = billAddress;
  if (shipAddress) record.shipAddress = shipAddress;
  const terms = simpleRef(ctx, add, 'TermsRef', 'Terms', 'Customer');
  const taxCode = simpleRef(ctx, add, 'SalesTaxCodeRef', 'SalesTaxCode', 'Customer');
  const taxItem = itemRef(ctx, add, 'ItemSalesTaxRef', 'Customer');
  if (taxItem && taxItem.kind !== 'SalesTax') throw new QbStatusError(3140, `There is an invalid reference to QuickBooks Item Sales Tax "${text(child(add, 'ItemSalesTaxRef') as XNode, 'FullName') ?? ''}" in the Customer.`);
  if (terms) record.refs.TermsRef = terms.listId;
  record.refs.SalesTaxCodeRef = (taxCode ?? ctx.store.findSimple('SalesTaxCode', 'Tax'))?.listId ?? '';
  const defaultTax = ctx.defaults.itemSalesTaxId;
  const itemSalesTaxId = taxItem?.listId ?? defaultTax;
  if (itemSalesTaxId) record.refs.ItemSalesTaxRef = itemSalesTaxId;
  const guid = text(add, 'ExternalGUID');
  if (guid) record.externalGuid = guid;
  ctx.store.addName(record);
  return { records: [customerRet(ctx, record)] };
}

export function vendorAdd(ctx: HandlerContext, rq: XNode): HandlerResult {
  const add = child(rq, 'VendorAdd') as XNode;
  const name = checkName(text(add, 'Name'));
  checkNameFree(ctx, name);
  const record: NameRecord = { kind: 'Vendor', listId: ctx.ids.listId(), ...stampNew(ctx), name, isActive: bool(add, 'IsActive') ?? true, text: {}, refs: {} };
  copyText(add, [...PERSON_FIELDS, 'NameOnCheck', 'AccountNumber', 'Notes', 'VendorTaxIdent'], record.text);
  const vendorAddress = address(add, 'VendorAddress');
  const shipAddress = address(add, 'ShipAddress');
  if (vendorAddress) record.billAddress = vendorAddress;
  if (shipAddress) record.shipAddress = shipAddress;
  const terms = simpleRef(ctx, add, 'TermsRef', 'Terms', 'Vendor');
  if (terms) record.refs.TermsRef = terms.listId;
  const eligible = bool(add, 'IsVendorEligibleFor1099');
  if (eligible !== undefined) record.isVendorEligibleFor1099 = eligible;
  const guid = text(add, 'ExternalGUID');
  if (guid) record.externalGuid = guid;
  ctx.store.addName(record);
  return { records: [vendorRet(ctx, record)] };
}

function nameQuery(ctx: HandlerContext, rq: XNode, kind: NameKind, queryKind: string, render: (r: NameRecord) => XNode): HandlerResult {
  return runQuery<NameRecord>(
    ctx,
    rq,
    {
      kind: queryKind,
      all: () => [...ctx.store.names.values()].filter((r) => r.kind === kind),
      id: (r) => r.listId,
      byId: (id) => {
        const r = ctx.store.names.get(id);
        return r && r.kind === kind ? r : undefined;
      },
      byName: (name) => {
        const r = ctx.store.findNameByFullName(name, kind);
        return r ? [r] : [];
      },
      fullName: (r) => ctx.store.nameFullName(r),
      isActive: (r) => r.isActive,
      modified: (r) => r.modified,
      render,
    },
    'list',
  );
}

export function customerQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  return nameQuery(ctx, rq, 'Customer', 'CustomerQuery', (r) => customerRet(ctx, r));
}

export function vendorQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  return nameQuery(ctx, rq, 'Vendor', 'VendorQuery', (r) => vendorRet(ctx, r));
}

function newItem(ctx: HandlerContext, kind: ItemKind, add: XNode, inObject: string): ItemRecord {
  const name = checkName(text(add, 'Name'));
  const parent = itemRef(ctx, add, 'ParentRef', inObject);
  const fullName = parent ? `${ctx.store.itemFullName(parent)}:${name}` : name;
  if (ctx.store.findItemByFullName(fullName)) throw nameInUse(fullName);
  const item: ItemRecord = { kind, listId: ctx.ids.listId(), ...stampNew(ctx), name, isActive: bool(add, 'IsActive') ?? true, form: 'None' };
  if (parent) item.parentId = parent.listId;
  const taxCode = simpleRef(ctx, add, 'SalesTaxCodeRef', 'SalesTaxCode', inObject);
  if (kind !== 'SalesTax') item.salesTaxCodeId = (taxCode ?? ctx.store.findSimple('SalesTaxCode', 'Tax'))?.listId ?? '';
  const guid = text(add, 'ExternalGUID');
  if (guid) item.externalGuid = guid;
  return item;
}

function salesPurchase(ctx: HandlerContext, add: XNode, item: ItemRecord, inObject: string): void {
  const sop = child(add, 'SalesOrPurchase');
  const sap = child(add, 'SalesAndPurchase');
  if (sop) {
    item.form = 'SalesOrPurchase';
    const account = accountRef(ctx, sop, 'AccountRef', inObject);
    if (!account) throw new QbStatusError(3180, `There was an error when saving a ${inObject} list, element "${item.name}".  QuickBooks error message: An account is required.`);
    Object.assign(item, defined({ desc: text(sop, 'Desc'), price: text(sop, 'Price'), pricePercent: text(sop, 'PricePercent'), accountId: account.listId }));
  } else if (sap) {
    item.form = 'SalesAndPurchase';
    const income = accountRef(ctx, sap, 'IncomeAccountRef', inObject);
    const expense = accountRef(ctx, sap, 'ExpenseAccountRef', inObject);
    if (!income || !expense) {
      throw new QbStatusError(3180, `There was an error when saving a ${inObject} list, element "${item.name}".  QuickBooks error message: Both an income and an expense account are required.`);
    }
    const vendor = nameRef(ctx, sap, 'PrefVendorRef', ['Vendor'], inObject);
    Object.assign(
      item,
      defined({
        salesDesc: text(sap, 'SalesDesc'),
        salesPrice: text(sap, 'SalesPrice'),
        incomeAccountId: income.listId,
        purchaseDesc: text(sap, 'PurchaseDesc'),
        purchaseCost: text(sap, 'PurchaseCost'),
        expenseAccountId: expense.listId,
        prefVendorId: vendor?.listId,
      }),
    );
  }
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function itemAdd(ctx: HandlerContext, rq: XNode, kind: ItemKind, element: string, inObject: string): HandlerResult {
  const add = child(rq, element) as XNode;
  const item = newItem(ctx, kind, add, inObject);
  if (kind === 'Service' || kind === 'NonInventory') {
    salesPurchase(ctx, add, item, inObject);
    const mpn = text(add, 'ManufacturerPartNumber');
    if (mpn) item.manufacturerPartNumber = mpn;
  } else if (kind === 'Discount') {
    const account = accountRef(ctx, add, 'AccountRef', inObject);
    if (!account) throw new QbStatusError(3180, `There was an error when saving a ${inObject} list, element "${item.name}".  QuickBooks error message: An account is required.`);
    Object.assign(item, defined({ itemDesc: text(add, 'ItemDesc'), discountRate: text(add, 'DiscountRate'), discountRatePercent: text(add, 'DiscountRatePercent'), accountId: account.listId }));
  } else if (kind === 'SalesTax') {
    const vendor = nameRef(ctx, add, 'TaxVendorRef', ['Vendor'], inObject);
    Object.assign(item, defined({ itemDesc: text(add, 'ItemDesc'), taxRate: text(add, 'TaxRate') ?? '0', taxVendorId: vendor?.listId }));
  }
  ctx.store.addItem(item);
  return { records: [itemRet(ctx, item)] };
}

export const itemServiceAdd = (ctx: HandlerContext, rq: XNode): HandlerResult => itemAdd(ctx, rq, 'Service', 'ItemServiceAdd', 'ItemService');
export const itemNonInventoryAdd = (ctx: HandlerContext, rq: XNode): HandlerResult => itemAdd(ctx, rq, 'NonInventory', 'ItemNonInventoryAdd', 'ItemNonInventory');
export const itemDiscountAdd = (ctx: HandlerContext, rq: XNode): HandlerResult => itemAdd(ctx, rq, 'Discount', 'ItemDiscountAdd', 'ItemDiscount');
export const itemSalesTaxAdd = (ctx: HandlerContext, rq: XNode): HandlerResult => itemAdd(ctx, rq, 'SalesTax', 'ItemSalesTaxAdd', 'ItemSalesTax');

/**
 * ItemServiceMod / ItemNonInventoryMod: the current EditSequence (else 3200), then only the fields given change.
 * The Mod must use the item's own form: SalesAndPurchaseMod on an item set up for one side only is refused (3170),
 * as QuickBooks will not turn a sold-only item into a bought-and-sold one without its accounts.
 */
function itemMod(ctx: HandlerContext, rq: XNode, kind: ItemKind, element: string, inObject: string): HandlerResult {
  const mod = child(rq, element) as XNode;
  const listId = text(mod, 'ListID') ?? '';
  const current = ctx.store.items.get(listId);
  if (!current || current.kind !== kind) throw objectNotFound(listId);
  const editSequence = text(mod, 'EditSequence') ?? '';
  if (editSequence !== current.editSequence) throw editSequenceOutOfDate(editSequence);
  const item: ItemRecord = { ...current };
  const active = bool(mod, 'IsActive');
  if (active !== undefined) item.isActive = active;
  const sop = child(mod, 'SalesOrPurchaseMod');
  const sap = child(mod, 'SalesAndPurchaseMod');
  if (sop) {
    if (current.form !== 'SalesOrPurchase') throw modifyFailed(inObject, listId, 'This item is set up for both sales and purchases; change it with SalesAndPurchaseMod.');
    const account = accountRef(ctx, sop, 'AccountRef', inObject);
    Object.assign(item, defined({ desc: text(sop, 'Desc'), price: text(sop, 'Price'), accountId: account?.listId }));
  }
  if (sap) {
    if (current.form !== 'SalesAndPurchase') throw modifyFailed(inObject, listId, 'This item is not used for purchases, so it has no purchase cost. Turn on "This service is used in assemblies or is purchased for a specific customer:job" in QuickBooks first.');
    const income = accountRef(ctx, sap, 'IncomeAccountRef', inObject);
    const expense = accountRef(ctx, sap, 'ExpenseAccountRef', inObject);
    Object.assign(item, defined({
      salesDesc: text(sap, 'SalesDesc'),
      salesPrice: text(sap, 'SalesPrice'),
      incomeAccountId: income?.listId,
      purchaseDesc: text(sap, 'PurchaseDesc'),
      purchaseCost: text(sap, 'PurchaseCost'),
      expenseAccountId: expense?.listId,
    }));
  }
  item.modified = ctx.now;
  item.editSequence = ctx.ids.editSequence(current.editSequence);
  ctx.store.items.set(listId, item);
  return { records: [itemRet(ctx, item)] };
}

export const itemServiceMod = (ctx: HandlerContext, rq: XNode): HandlerResult => itemMod(ctx, rq, 'Service', 'ItemServiceMod', 'ItemService');
export const itemNonInventoryMod = (ctx: HandlerContext, rq: XNode): HandlerResult => itemMod(ctx, rq, 'NonInventory', 'ItemNonInventoryMod', 'ItemNonInventory');

export function itemQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  return runQuery<ItemRecord>(
    ctx,
    rq,
    {
      kind: 'ItemQuery',
      all: () => ctx.store.items.values(),
      id: (r) => r.listId,
      byId: (id) => ctx.store.items.get(id),
      byName: (name) => {
        const r = ctx.store.findItemByFullName(name);
        return r ? [r] : [];
      },
      fullName: (r) => ctx.store.itemFullName(r),
      isActive: (r) => r.isActive,
      modified: (r) => r.modified,
      render: (r) => itemRet(ctx, r),
    },
    'list',
  );
}

export function accountQuery(ctx: HandlerContext, rq: XNode): HandlerResult {
  if (rq.attrs.iterator) throw new QbStatusError(3000, 'AccountQuery does not support iterators.');
  const types = children(rq, 'AccountType').map((c) => c.text);
  return runQuery(
    ctx,
    rq,
    {
      kind: 'AccountQuery',
      all: () => ctx.store.accounts.values(),
      id: (r) => r.listId,
      byId: (id) => ctx.store.accounts.get(id),
      byName: (name) => {
        const r = ctx.store.findAccountByFullName(name);
        return r ? [r] : [];
      },
      fullName: (r) => ctx.store.accountFullName(r),
      isActive: (r) => r.isActive,
      modified: (r) => r.modified,
      filter: (r) => !types.length || types.includes(r.accountType),
      render: (r) => accountRet(ctx, r),
    },
    'list',
  );
}


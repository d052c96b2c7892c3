// Items: ItemQuery (every item type at once), ItemServiceAdd, ItemNonInventoryAdd, and the two helper item
// types our invoices need: ItemDiscountAdd (discount lines) and ItemSalesTaxAdd (a tax line or a 0% tax item).
// ItemServiceMod and ItemNonInventoryMod change an item's purchase side (billing keeps its purchase cost in step).
import { guid, identity, listName, optBool, optDecimal, optText, QBXML_LIMITS, QbxmlInputError, refElement, type QbRef } from '../fields.js';
import { textElement } from '../xml.js';
import { includeRetElements, iteratorAttrs, listQueryFilters, openRq, REF_LIMITS, type ListQueryInput, type QbIterator } from './common.js';

/** Sold or bought only: one description, one price, one account. */
export interface SalesOrPurchase {
  desc?: string;
  /** Decimal string, up to 5 places. */
  price?: string;
  /** Income account for sold items, expense account for bought ones. */
  account: QbRef;
}

/** Sold and bought: both sides, each with its account. */
export interface SalesAndPurchase {
  salesDesc?: string;
  salesPrice?: string;
  incomeAccount: QbRef;
  purchaseDesc?: string;
  purchaseCost?: string;
  expenseAccount: QbRef;
  preferredVendor?: QbRef;
}

export interface ItemAddInput {
  /** 1–31 characters, no colon (the FullName adds parents). */
  name: string;
  isActive?: boolean;
  parent?: QbRef;
  /** "Tax" or "Non" in a US file. */
  salesTaxCode?: QbRef;
  /** Exactly one of the two. */
  salesOrPurchase?: SalesOrPurchase;
  salesAndPurchase?: SalesAndPurchase;
  externalGuid?: string;
}

export interface ItemNonInventoryAddInput extends ItemAddInput {
  manufacturerPartNumber?: string;
}

export interface ItemDiscountAddInput {
  name: string;
  isActive?: boolean;
  itemDesc?: string;
  salesTaxCode?: QbRef;
  /** A fixed discount amount (decimal string) or a percentage; neither means the rate is set on each line. */
  discountRate?: string;
  discountRatePercent?: string;
  /** Where discounts post, usually an income account such as "Discounts Given". */
  account: QbRef;
  externalGuid?: string;
}

export interface ItemSalesTaxAddInput {
  name: string;
  isActive?: boolean;
  itemDesc?: string;
  /** Percentage as a decimal string ("0", "8.875"). */
  taxRate?: string;
  /** The tax agency (a vendor). */
  taxVendor?: QbRef;
  externalGuid?: string;
}

export interface ItemQueryInput extends ListQueryInput {
  iterator?: QbIterator;
}

const L = QBXML_LIMITS;

function salesPurchase(input: ItemAddInput): string {
  if (Boolean(input.salesOrPurchase) === Boolean(input.salesAndPurchase)) {
    throw new QbxmlInputError('An item needs exactly one of SalesOrPurchase and SalesAndPurchase', 'SalesOrPurchase');
  }
  if (input.salesOrPurchase) {
    const s = input.salesOrPurchase;
    return `<SalesOrPurchase>${optText('Desc', s.desc, L.desc)}${optDecimal('Price', s.price)}${refElement('AccountRef', s.account, REF_LIMITS.account)}</SalesOrPurchase>`;
  }
  const s = input.salesAndPurchase as SalesAndPurchase;
  return (
    '<SalesAndPurchase>' +
    optText('SalesDesc', s.salesDesc, L.desc) +
    optDecimal('SalesPrice', s.salesPrice) +
    refElement('IncomeAccountRef', s.incomeAccount, REF_LIMITS.account) +
    optText('PurchaseDesc', s.purchaseDesc, L.desc) +
    optDecimal('PurchaseCost', s.purchaseCost) +
    refElement('ExpenseAccountRef', s.expenseAccount, REF_LIMITS.account) +
    refElement('PrefVendorRef', s.preferredVendor, REF_LIMITS.vendor) +
    '</SalesAndPurchase>'
  );
}

export function buildItemServiceAdd(requestId: string, input: ItemAddInput): string {
  const body =
    textElement('Name', listName('Name', input.name, L.itemName)) +
    optBool('IsActive', input.isActive) +
    refElement('ParentRef', input.parent, REF_LIMITS.item) +
    refElement('SalesTaxCodeRef', input.salesTaxCode, REF_LIMITS.salesTaxCode) +
    salesPurchase(input) +
    guid('ExternalGUID', input.externalGuid);
  return `${openRq('ItemServiceAdd', requestId)}<ItemServiceAdd>${body}</ItemServiceAdd></ItemServiceAddRq>`;
}

export function buildItemNonInventoryAdd(requestId: string, input: ItemNonInventoryAddInput): string {
  const body =
    textElement('Name', listName('Name', input.name, L.itemName)) +
    optBool('IsActive', input.isActive) +
    refElement('ParentRef', input.parent, REF_LIMITS.item) +
    optText('ManufacturerPartNumber', input.manufacturerPartNumber, 31) +
    refElement('SalesTaxCodeRef', input.salesTaxCode, REF_LIMITS.salesTaxCode) +
    salesPurchase(input) +
    guid('ExternalGUID', input.externalGuid);
  return `${openRq('ItemNonInventoryAdd', requestId)}<ItemNonInventoryAdd>${body}</ItemNonInventoryAdd></ItemNonInventoryAddRq>`;
}

export function buildItemDiscountAdd(requestId: string, input: ItemDiscountAddInput): string {
  if (input.discountRate !== undefined && input.discountRatePercent !== undefined) {
    throw new QbxmlInputError('DiscountRate and DiscountRatePercent are exclusive', 'DiscountRate');
  }
  const body =
    textElement('Name', listName('Name', input.name, L.itemName)) +
    optBool('IsActive', input.isActive) +
    optText('ItemDesc', input.itemDesc, L.desc) +
    refElement('SalesTaxCodeRef', input.salesTaxCode, REF_LIMITS.salesTaxCode) +
    optDecimal('DiscountRate', input.discountRate) +
    optDecimal('DiscountRatePercent', input.discountRatePercent) +
    refElement('AccountRef', input.account, REF_LIMITS.account) +
    guid('ExternalGUID', input.externalGuid);
  return `${openRq('ItemDiscountAdd', requestId)}<ItemDiscountAdd>${body}</ItemDiscountAdd></ItemDiscountAddRq>`;
}

export function buildItemSalesTaxAdd(requestId: string, input: ItemSalesTaxAddInput): string {
  const body =
    textElement('Name', listName('Name', input.name, L.itemName)) +
    optBool('IsActive', input.isActive) +
    optText('ItemDesc', input.itemDesc, L.desc) +
    optDecimal('TaxRate', input.taxRate) +
    refElement('TaxVendorRef', input.taxVendor, REF_LIMITS.vendor) +
    guid('ExternalGUID', input.externalGuid);
  return `${openRq('ItemSalesTaxAdd', requestId)}<ItemSalesTaxAdd>${body}</ItemSalesTaxAdd></ItemSalesTaxAddRq>`;
}

/** ItemQuery returns every item type (service, non-inventory, inventory, discount, sales tax…) in one answer. */
export function buildItemQuery(requestId: string, input: ItemQueryInput = {}): string {
  const body = listQueryFilters(input, REF_LIMITS.item, input.iterator) + includeRetElements(input.includeRetElements);
  return `${openRq('ItemQuery', requestId, iteratorAttrs(input.iterator))}${body}</ItemQueryRq>`;
}

/** What an item Mod changes: only the fields given (an element left out keeps its value in QuickBooks). */
export interface ItemModInput {
  listId: string;
  editSequence: string;
  /** Sold or bought only (SalesOrPurchaseMod). */
  salesOrPurchase?: { desc?: string; price?: string; account?: QbRef };
  /** Sold and bought (SalesAndPurchaseMod): e.g. just `purchaseCost`. */
  salesAndPurchase?: { salesDesc?: string; salesPrice?: string; incomeAccount?: QbRef; purchaseDesc?: string; purchaseCost?: string; expenseAccount?: QbRef };
}

function itemModBody(input: ItemModInput): string {
  if (input.salesOrPurchase && input.salesAndPurchase) {
    throw new QbxmlInputError('An item Mod takes SalesOrPurchaseMod or SalesAndPurchaseMod, not both', 'SalesOrPurchaseMod');
  }
  let body =
    textElement('ListID', identity('ListID', input.listId, L.listId)) +
    textElement('EditSequence', identity('EditSequence', input.editSequence, L.editSequence));
  if (input.salesOrPurchase) {
    const s = input.salesOrPurchase;
    body += `<SalesOrPurchaseMod>${optText('Desc', s.desc, L.desc)}${optDecimal('Price', s.price)}${refElement('AccountRef', s.account, REF_LIMITS.account)}</SalesOrPurchaseMod>`;
  }
  if (input.salesAndPurchase) {
    const s = input.salesAndPurchase;
    body +=
      '<SalesAndPurchaseMod>' +
      optText('SalesDesc', s.salesDesc, L.desc) +
      optDecimal('SalesPrice', s.salesPrice) +
      refElement('IncomeAccountRef', s.incomeAccount, REF_LIMITS.account) +
      optText('PurchaseDesc', s.purchaseDesc, L.desc) +
      optDecimal('PurchaseCost', s.purchaseCost) +
      refElement('ExpenseAccountRef', s.expenseAccount, REF_LIMITS.account) +
      '</SalesAndPurchaseMod>';
  }
  return body;
}

export function buildItemServiceMod(requestId: string, input: ItemModInput): string {
  return `${openRq('ItemServiceMod', requestId)}<ItemServiceMod>${itemModBody(input)}</ItemServiceMod></ItemServiceModRq>`;
}

export function buildItemNonInventoryMod(requestId: string, input: ItemModInput): string {
  return `${openRq('ItemNonInventoryMod', requestId)}<ItemNonInventoryMod>${itemModBody(input)}</ItemNonInventoryMod></ItemNonInventoryModRq>`;
}

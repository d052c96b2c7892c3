// Reads *Ret elements into the typed records of records.ts.
import { parseCents, type Cents } from '../../../domain/money.js';
import type {
  AccountRecord,
  BillLineRecord,
  BillRecord,
  CompanyRecord,
  CustomerRecord,
  HostRecord,
  InvoiceLineRecord,
  InvoiceRecord,
  ItemRecord,
  ItemType,
  LinkedTxnRecord,
  PreferencesRecord,
  PurchaseOrderLineRecord,
  PurchaseOrderRecord,
  QbRecord,
  ReceivePaymentRecord,
  RefValue,
  Stamped,
  VendorRecord,
} from './records.js';
import { child, childText, children, type XNode } from './tree.js';

/** Thrown when a response element cannot be read (missing required element, malformed amount). */
export class QbxmlResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbxmlResponseError';
  }
}

function req(node: XNode, name: string): string {
  const value = childText(node, name);
  if (value === undefined) throw new QbxmlResponseError(`${node.name} has no ${name}`);
  return value;
}

function bool(node: XNode, name: string): boolean | undefined {
  const value = childText(node, name);
  return value === undefined ? undefined : value === 'true' || value === '1';
}

function cents(node: XNode, name: string): Cents | undefined {
  const value = childText(node, name);
  if (value === undefined || value === '') return undefined;
  try {
    return parseCents(value);
  } catch {
    throw new QbxmlResponseError(`${node.name}/${name} "${value}" is not an amount`);
  }
}

function int(node: XNode, name: string): number | undefined {
  const value = childText(node, name);
  return value === undefined ? undefined : Number.parseInt(value, 10);
}

function ref(node: XNode, name: string): RefValue | undefined {
  const r = child(node, name);
  if (!r) return undefined;
  const value: RefValue = {};
  const listId = childText(r, 'ListID');
  const fullName = childText(r, 'FullName');
  if (listId !== undefined) value.listId = listId;
  if (fullName !== undefined) value.fullName = fullName;
  return value;
}

/** Copies only defined values, so records never carry `key: undefined`. */
function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function stamps(node: XNode): Stamped {
  return defined({ timeCreated: childText(node, 'TimeCreated'), timeModified: childText(node, 'TimeModified'), editSequence: req(node, 'EditSequence') });
}

/** What every transaction record starts with: its id, stamps and number. */
function txnStamps(node: XNode) {
  return { txnId: req(node, 'TxnID'), ...stamps(node), txnNumber: int(node, 'TxnNumber') };
}

function linkedTxns(node: XNode): LinkedTxnRecord[] {
  return children(node, 'LinkedTxn').map((l) =>
    defined({
      txnId: req(l, 'TxnID'),
      txnType: req(l, 'TxnType'),
      txnDate: req(l, 'TxnDate'),
      refNumber: childText(l, 'RefNumber'),
      linkType: childText(l, 'LinkType'),
      amountCents: cents(l, 'Amount') ?? 0,
    }),
  );
}

export function customerRecord(node: XNode): CustomerRecord {
  return defined({
    type: 'Customer',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name: req(node, 'Name'),
    fullName: childText(node, 'FullName') ?? req(node, 'Name'),
    isActive: bool(node, 'IsActive') ?? true,
    parentRef: ref(node, 'ParentRef'),
    sublevel: int(node, 'Sublevel'),
    companyName: childText(node, 'CompanyName'),
    firstName: childText(node, 'FirstName'),
    lastName: childText(node, 'LastName'),
    email: childText(node, 'Email'),
    phone: childText(node, 'Phone'),
    balanceCents: cents(node, 'Balance'),
    totalBalanceCents: cents(node, 'TotalBalance'),
    salesTaxCodeRef: ref(node, 'SalesTaxCodeRef'),
    itemSalesTaxRef: ref(node, 'ItemSalesTaxRef'),
    accountNumber: childText(node, 'AccountNumber'),
    externalGuid: childText(node, 'ExternalGUID'),
  } as CustomerRecord);
}

export function vendorRecord(node: XNode): VendorRecord {
  return defined({
    type: 'Vendor',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name: req(node, 'Name'),
    isActive: bool(node, 'IsActive') ?? true,
    companyName: childText(node, 'CompanyName'),
    firstName: childText(node, 'FirstName'),
    lastName: childText(node, 'LastName'),
    email: childText(node, 'Email'),
    phone: childText(node, 'Phone'),
    accountNumber: childText(node, 'AccountNumber'),
    balanceCents: cents(node, 'Balance'),
    externalGuid: childText(node, 'ExternalGUID'),
  } as VendorRecord);
}

const ITEM_TYPES: Record<string, ItemType> = {
  ItemServiceRet: 'Service',
  ItemNonInventoryRet: 'NonInventory',
  ItemOtherChargeRet: 'OtherCharge',
  ItemInventoryRet: 'Inventory',
  ItemInventoryAssemblyRet: 'InventoryAssembly',
  ItemFixedAssetRet: 'FixedAsset',
  ItemSubtotalRet: 'Subtotal',
  ItemDiscountRet: 'Discount',
  ItemPaymentRet: 'Payment',
  ItemSalesTaxRet: 'SalesTax',
  ItemSalesTaxGroupRet: 'SalesTaxGroup',
  ItemGroupRet: 'Group',
};

export function isItemRet(name: string): boolean {
  return name in ITEM_TYPES;
}

export function itemRecord(node: XNode): ItemRecord {
  const sop = child(node, 'SalesOrPurchase');
  const sap = child(node, 'SalesAndPurchase');
  const name = req(node, 'Name');
  return defined({
    type: 'Item',
    itemType: ITEM_TYPES[node.name] as ItemType,
    listId: req(node, 'ListID'),
    ...stamps(node),
    name,
    fullName: childText(node, 'FullName') ?? name,
    isActive: bool(node, 'IsActive') ?? true,
    parentRef: ref(node, 'ParentRef'),
    salesTaxCodeRef: ref(node, 'SalesTaxCodeRef'),
    description:
      (sop && childText(sop, 'Desc')) ?? (sap && childText(sap, 'SalesDesc')) ?? childText(node, 'SalesDesc') ?? childText(node, 'ItemDesc'),
    salesPrice: (sop && (childText(sop, 'Price') ?? childText(sop, 'PricePercent'))) ?? (sap && childText(sap, 'SalesPrice')) ?? childText(node, 'SalesPrice'),
    purchaseDesc: (sap && childText(sap, 'PurchaseDesc')) ?? childText(node, 'PurchaseDesc'),
    purchaseCost: (sap && childText(sap, 'PurchaseCost')) ?? childText(node, 'PurchaseCost'),
    accountRef: (sop && ref(sop, 'AccountRef')) ?? ref(node, 'AccountRef'),
    incomeAccountRef: (sap && ref(sap, 'IncomeAccountRef')) ?? ref(node, 'IncomeAccountRef'),
    expenseAccountRef: (sap && ref(sap, 'ExpenseAccountRef')) ?? ref(node, 'COGSAccountRef'),
    discountRate: childText(node, 'DiscountRate'),
    discountRatePercent: childText(node, 'DiscountRatePercent'),
    taxRate: childText(node, 'TaxRate'),
    externalGuid: childText(node, 'ExternalGUID'),
  } as ItemRecord);
}

function invoiceLine(l: XNode): InvoiceLineRecord {
  return defined({
    txnLineId: req(l, 'TxnLineID'),
    itemRef: ref(l, 'ItemRef'),
    desc: childText(l, 'Desc'),
    quantity: childText(l, 'Quantity'),
    rate: childText(l, 'Rate'),
    ratePercent: childText(l, 'RatePercent'),
    amountCents: cents(l, 'Amount'),
    serviceDate: childText(l, 'ServiceDate'),
    salesTaxCodeRef: ref(l, 'SalesTaxCodeRef'),
  });
}

/** A transaction's lines in document order, the lines of item groups included in place. */
function linesOf<T>(node: XNode, lineName: string, groupName: string, read: (line: XNode) => T): T[] {
  const lines: T[] = [];
  for (const c of node.children) {
    if (c.name === lineName) lines.push(read(c));
    else if (c.name === groupName) lines.push(...children(c, lineName).map(read));
  }
  return lines;
}

export function invoiceRecord(node: XNode): InvoiceRecord {
  const lines = linesOf(node, 'InvoiceLineRet', 'InvoiceLineGroupRet', invoiceLine);
  return defined({
    type: 'Invoice',
    ...txnStamps(node),
    customerRef: ref(node, 'CustomerRef') ?? {},
    arAccountRef: ref(node, 'ARAccountRef'),
    templateRef: ref(node, 'TemplateRef'),
    txnDate: req(node, 'TxnDate'),
    refNumber: childText(node, 'RefNumber'),
    isPending: bool(node, 'IsPending') ?? false,
    dueDate: childText(node, 'DueDate'),
    poNumber: childText(node, 'PONumber'),
    subtotalCents: cents(node, 'Subtotal') ?? 0,
    itemSalesTaxRef: ref(node, 'ItemSalesTaxRef'),
    salesTaxPercentage: childText(node, 'SalesTaxPercentage'),
    salesTaxTotalCents: cents(node, 'SalesTaxTotal') ?? 0,
    appliedAmountCents: cents(node, 'AppliedAmount') ?? 0,
    balanceRemainingCents: cents(node, 'BalanceRemaining') ?? 0,
    memo: childText(node, 'Memo'),
    isPaid: bool(node, 'IsPaid') ?? false,
    isToBePrinted: bool(node, 'IsToBePrinted') ?? false,
    isToBeEmailed: bool(node, 'IsToBeEmailed') ?? false,
    externalGuid: childText(node, 'ExternalGUID'),
    linkedTxns: linkedTxns(node),
    lines,
  } as InvoiceRecord);
}

export function billRecord(node: XNode): BillRecord {
  const lines: BillLineRecord[] = [];
  const itemLine = (l: XNode): BillLineRecord =>
    defined({
      txnLineId: req(l, 'TxnLineID'),
      kind: 'item' as const,
      itemRef: ref(l, 'ItemRef'),
      desc: childText(l, 'Desc'),
      quantity: childText(l, 'Quantity'),
      cost: childText(l, 'Cost'),
      amountCents: cents(l, 'Amount'),
      customerRef: ref(l, 'CustomerRef'),
      billableStatus: childText(l, 'BillableStatus'),
    });
  for (const c of node.children) {
    if (c.name === 'ExpenseLineRet') {
      lines.push(
        defined({
          txnLineId: req(c, 'TxnLineID'),
          kind: 'expense' as const,
          accountRef: ref(c, 'AccountRef'),
          amountCents: cents(c, 'Amount'),
          memo: childText(c, 'Memo'),
          customerRef: ref(c, 'CustomerRef'),
          billableStatus: childText(c, 'BillableStatus'),
        }),
      );
    } else if (c.name === 'ItemLineRet') lines.push(itemLine(c));
    else if (c.name === 'ItemGroupLineRet') lines.push(...children(c, 'ItemLineRet').map(itemLine));
  }
  return defined({
    type: 'Bill',
    ...txnStamps(node),
    vendorRef: ref(node, 'VendorRef') ?? {},
    apAccountRef: ref(node, 'APAccountRef'),
    txnDate: req(node, 'TxnDate'),
    dueDate: childText(node, 'DueDate'),
    amountDueCents: cents(node, 'AmountDue') ?? 0,
    openAmountCents: cents(node, 'OpenAmount'),
    refNumber: childText(node, 'RefNumber'),
    memo: childText(node, 'Memo'),
    isPaid: bool(node, 'IsPaid') ?? false,
    externalGuid: childText(node, 'ExternalGUID'),
    linkedTxns: linkedTxns(node),
    lines,
  } as BillRecord);
}

export function purchaseOrderRecord(node: XNode): PurchaseOrderRecord {
  const line = (l: XNode): PurchaseOrderLineRecord =>
    defined({
      txnLineId: req(l, 'TxnLineID'),
      itemRef: ref(l, 'ItemRef'),
      desc: childText(l, 'Desc'),
      quantity: childText(l, 'Quantity'),
      rate: childText(l, 'Rate'),
      amountCents: cents(l, 'Amount'),
      receivedQuantity: childText(l, 'ReceivedQuantity'),
      isManuallyClosed: bool(l, 'IsManuallyClosed'),
    });
  const lines = linesOf(node, 'PurchaseOrderLineRet', 'PurchaseOrderLineGroupRet', line);
  return defined({
    type: 'PurchaseOrder',
    ...txnStamps(node),
    vendorRef: ref(node, 'VendorRef') ?? {},
    txnDate: req(node, 'TxnDate'),
    refNumber: childText(node, 'RefNumber'),
    expectedDate: childText(node, 'ExpectedDate'),
    totalAmountCents: cents(node, 'TotalAmount') ?? 0,
    isManuallyClosed: bool(node, 'IsManuallyClosed') ?? false,
    isFullyReceived: bool(node, 'IsFullyReceived') ?? false,
    memo: childText(node, 'Memo'),
    externalGuid: childText(node, 'ExternalGUID'),
    linkedTxns: linkedTxns(node),
    lines,
  } as PurchaseOrderRecord);
}

export function receivePaymentRecord(node: XNode): ReceivePaymentRecord {
  return defined({
    type: 'ReceivePayment',
    ...txnStamps(node),
    customerRef: ref(node, 'CustomerRef') ?? {},
    arAccountRef: ref(node, 'ARAccountRef'),
    txnDate: req(node, 'TxnDate'),
    refNumber: childText(node, 'RefNumber'),
    totalAmountCents: cents(node, 'TotalAmount') ?? 0,
    paymentMethodRef: ref(node, 'PaymentMethodRef'),
    memo: childText(node, 'Memo'),
    depositToAccountRef: ref(node, 'DepositToAccountRef'),
    unusedPaymentCents: cents(node, 'UnusedPayment') ?? 0,
    unusedCreditsCents: cents(node, 'UnusedCredits') ?? 0,
    externalGuid: childText(node, 'ExternalGUID'),
    appliedTo: children(node, 'AppliedToTxnRet').map((a) =>
      defined({
        txnId: req(a, 'TxnID'),
        txnType: req(a, 'TxnType'),
        txnDate: childText(a, 'TxnDate'),
        refNumber: childText(a, 'RefNumber'),
        balanceRemainingCents: cents(a, 'BalanceRemaining'),
        amountCents: cents(a, 'Amount'),
      }),
    ),
  } as ReceivePaymentRecord);
}

export function accountRecord(node: XNode): AccountRecord {
  const name = req(node, 'Name');
  return defined({
    type: 'Account',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name,
    fullName: childText(node, 'FullName') ?? name,
    isActive: bool(node, 'IsActive') ?? true,
    parentRef: ref(node, 'ParentRef'),
    accountType: req(node, 'AccountType'),
    specialAccountType: childText(node, 'SpecialAccountType'),
    accountNumber: childText(node, 'AccountNumber'),
    description: childText(node, 'Desc'),
    balanceCents: cents(node, 'Balance'),
    totalBalanceCents: cents(node, 'TotalBalance'),
  } as AccountRecord);
}

export function hostRecord(node: XNode): HostRecord {
  return defined({
    type: 'Host',
    productName: childText(node, 'ProductName') ?? '',
    majorVersion: childText(node, 'MajorVersion'),
    minorVersion: childText(node, 'MinorVersion'),
    country: childText(node, 'Country'),
    supportedQbxmlVersions: children(node, 'SupportedQBXMLVersion').map((v) => v.text),
    isAutomaticLogin: bool(node, 'IsAutomaticLogin'),
    qbFileMode: childText(node, 'QBFileMode'),
  } as HostRecord);
}

export function companyRecord(node: XNode): CompanyRecord {
  const dataExt: Record<string, string> = {};
  for (const ext of children(node, 'DataExtRet')) dataExt[childText(ext, 'DataExtName') ?? ''] = childText(ext, 'DataExtValue') ?? '';
  return defined({
    type: 'Company',
    companyName: childText(node, 'CompanyName') ?? '',
    legalCompanyName: childText(node, 'LegalCompanyName'),
    isSampleCompany: bool(node, 'IsSampleCompany'),
    email: childText(node, 'Email'),
    phone: childText(node, 'Phone'),
    ein: childText(node, 'EIN'),
    dataExt,
  } as CompanyRecord);
}

export function preferencesRecord(node: XNode): PreferencesRecord {
  const section = (name: string): XNode | undefined => child(node, name);
  const pick = (sectionName: string, field: string): boolean | undefined => {
    const s = section(sectionName);
    return s ? bool(s, field) : undefined;
  };
  const salesTax = section('SalesTaxPreferences');
  return defined({
    type: 'Preferences',
    isUsingInventory: pick('PurchasesAndVendorsPreferences', 'IsUsingInventory'),
    isUsingClassTracking: pick('AccountingPreferences', 'IsUsingClassTracking'),
    isUsingEstimates: pick('JobsAndEstimatesPreferences', 'IsUsingEstimates'),
    isAutoApplyingPayments: pick('SalesAndCustomersPreferences', 'IsAutoApplyingPayments'),
    isMultiCurrencyOn: pick('MultiCurrencyPreferences', 'IsMultiCurrencyOn'),
    salesTaxEnabled: Boolean(salesTax),
    defaultItemSalesTaxRef: salesTax ? ref(salesTax, 'DefaultItemSalesTaxRef') : undefined,
  } as PreferencesRecord);
}

/** Maps one *Ret element to its record. */
export function recordFromRet(node: XNode): QbRecord {
  if (isItemRet(node.name)) return itemRecord(node);
  switch (node.name) {
    case 'CustomerRet': return customerRecord(node);
    case 'VendorRet': return vendorRecord(node);
    case 'InvoiceRet': return invoiceRecord(node);
    case 'BillRet': return billRecord(node);
    case 'PurchaseOrderRet': return purchaseOrderRecord(node);
    case 'ReceivePaymentRet': return receivePaymentRecord(node);
    case 'AccountRet': return accountRecord(node);
    case 'HostRet': return hostRecord(node);
    case 'CompanyRet': return companyRecord(node);
    case 'PreferencesRet': return preferencesRecord(node);
    default: return { type: 'Other', element: node.name };
  }
}

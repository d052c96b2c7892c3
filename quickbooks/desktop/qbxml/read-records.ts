// Reads *Ret elements into the typed records of records.ts: transactions and the company's own description here,
// lists in read-lists.ts, time entries and deletions in read-time.ts; recordFromRet picks the reader.
import type {
  BillLineRecord,
  BillRecord,
  CompanyRecord,
  FirstDayOfWeek,
  HostRecord,
  CreditMemoRecord,
  InvoiceLineRecord,
  InvoiceRecord,
  LinkedTxnRecord,
  PreferencesRecord,
  PurchaseOrderLineRecord,
  PurchaseOrderRecord,
  QbRecord,
  ReceivePaymentRecord,
} from './records.js';
import { bool, cents, defined, ref, req, txnStamps } from './read-fields.js';
import {
  accountRecord,
  classRecord,
  customerRecord,
  employeeRecord,
  isItemRet,
  itemRecord,
  otherNameRecord,
  payrollItemWageRecord,
  vendorRecord,
} from './read-lists.js';
import { listDeletedRecord, timeTrackingRecord, txnDeletedRecord } from './read-time.js';
import { isTermsRet, termsRecord } from './read-terms.js';
import { child, childText, children, type XNode } from './tree.js';

export { QbxmlResponseError } from './read-fields.js';

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

export function creditMemoRecord(node: XNode): CreditMemoRecord {
  return defined({
    type: 'CreditMemo',
    ...txnStamps(node),
    customerRef: ref(node, 'CustomerRef') ?? {},
    txnDate: req(node, 'TxnDate'),
    refNumber: childText(node, 'RefNumber'),
    totalAmountCents: cents(node, 'TotalAmount') ?? 0,
    creditRemainingCents: cents(node, 'CreditRemaining') ?? 0,
    memo: childText(node, 'Memo'),
    isPending: bool(node, 'IsPending') ?? false,
    isToBePrinted: bool(node, 'IsToBePrinted') ?? false,
    isToBeEmailed: bool(node, 'IsToBeEmailed') ?? false,
    externalGuid: childText(node, 'ExternalGUID'),
    lines: linesOf(node, 'CreditMemoLineRet', 'CreditMemoLineGroupRet', invoiceLine),
  } as CreditMemoRecord);
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
  const timeTracking = section('TimeTrackingPreferences');
  return defined({
    type: 'Preferences',
    isUsingInventory: pick('PurchasesAndVendorsPreferences', 'IsUsingInventory'),
    isUsingClassTracking: pick('AccountingPreferences', 'IsUsingClassTracking'),
    isUsingEstimates: pick('JobsAndEstimatesPreferences', 'IsUsingEstimates'),
    isAutoApplyingPayments: pick('SalesAndCustomersPreferences', 'IsAutoApplyingPayments'),
    isMultiCurrencyOn: pick('MultiCurrencyPreferences', 'IsMultiCurrencyOn'),
    salesTaxEnabled: Boolean(salesTax),
    defaultItemSalesTaxRef: salesTax ? ref(salesTax, 'DefaultItemSalesTaxRef') : undefined,
    timeTrackingEnabled: Boolean(timeTracking),
    firstDayOfWeek: timeTracking ? (childText(timeTracking, 'FirstDayOfWeek') as FirstDayOfWeek | undefined) : undefined,
  } as PreferencesRecord);
}

/** Maps one *Ret element to its record. */
export function recordFromRet(node: XNode): QbRecord {
  if (isItemRet(node.name)) return itemRecord(node);
  if (isTermsRet(node.name)) return termsRecord(node);
  switch (node.name) {
    case 'CustomerRet': return customerRecord(node);
    case 'VendorRet': return vendorRecord(node);
    case 'InvoiceRet': return invoiceRecord(node);
    case 'CreditMemoRet': return creditMemoRecord(node);
    case 'BillRet': return billRecord(node);
    case 'PurchaseOrderRet': return purchaseOrderRecord(node);
    case 'ReceivePaymentRet': return receivePaymentRecord(node);
    case 'AccountRet': return accountRecord(node);
    case 'HostRet': return hostRecord(node);
    case 'CompanyRet': return companyRecord(node);
    case 'PreferencesRet': return preferencesRecord(node);
    case 'EmployeeRet': return employeeRecord(node);
    case 'OtherNameRet': return otherNameRecord(node);
    case 'ClassRet': return classRecord(node);
    case 'PayrollItemWageRet': return payrollItemWageRecord(node);
    case 'TimeTrackingRet': return timeTrackingRecord(node);
    case 'ListDeletedRet': return listDeletedRecord(node);
    case 'TxnDeletedRet': return txnDeletedRecord(node);
    default: return { type: 'Other', element: node.name };
  }
}

// HostQuery, CompanyQuery and PreferencesQuery: what the Web Connector also sends as strHCPResponse.
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import type { CompanyFeatures, HandlerContext, HandlerResult } from './context.js';
import { itemRef, simpleRef } from './render.js';
import { el, leaf } from './xml.js';

export interface HostInfo {
  productName: string;
  majorVersion: string;
  minorVersion: string;
  country: string;
  supportedVersions: readonly string[];
  fileMode: 'SingleUser' | 'MultiUser';
}

export interface CompanyInfo {
  companyName: string;
  legalCompanyName: string;
  address: { addr1: string; city: string; state: string; postalCode: string; country: string };
  phone: string;
  email: string;
  ein: string;
  /** Data extensions on the company (name → value), e.g. a FileID an application stored. */
  dataExt: Record<string, string>;
}

export function hostRet(host: HostInfo): XNode {
  return el(
    'HostRet',
    leaf('ProductName', host.productName),
    leaf('MajorVersion', host.majorVersion),
    leaf('MinorVersion', host.minorVersion),
    leaf('Country', host.country),
    host.supportedVersions.map((v) => leaf('SupportedQBXMLVersion', v)),
    leaf('IsAutomaticLogin', 'false'),
    leaf('QBFileMode', host.fileMode),
  );
}

export function companyRet(company: CompanyInfo): XNode {
  const a = company.address;
  return el(
    'CompanyRet',
    leaf('IsSampleCompany', 'false'),
    leaf('CompanyName', company.companyName),
    leaf('LegalCompanyName', company.legalCompanyName),
    el('Address', leaf('Addr1', a.addr1), leaf('City', a.city), leaf('State', a.state), leaf('PostalCode', a.postalCode), leaf('Country', a.country)),
    el('AddressBlock', leaf('Addr1', a.addr1), leaf('Addr2', `${a.city}, ${a.state} ${a.postalCode}`)),
    el('LegalAddress', leaf('Addr1', a.addr1), leaf('City', a.city), leaf('State', a.state), leaf('PostalCode', a.postalCode), leaf('Country', a.country)),
    leaf('Phone', company.phone),
    leaf('Email', company.email),
    leaf('FirstMonthFiscalYear', 'January'),
    leaf('FirstMonthIncomeTaxYear', 'January'),
    leaf('CompanyType', 'RetailShopOrOnlineCommerce'),
    leaf('EIN', company.ein),
    leaf('TaxForm', 'Form1120S'),
    el('AccountantCopy', leaf('AccountantCopyExists', 'false')),
    Object.entries(company.dataExt).map(([name, value]) =>
      el('DataExtRet', leaf('OwnerID', '0'), leaf('DataExtName', name), leaf('DataExtType', 'STR255TYPE'), leaf('DataExtValue', value)),
    ),
  );
}

export function preferencesRet(ctx: HandlerContext, features: CompanyFeatures): XNode {
  const taxCode = (name: string): XNode | undefined => {
    const record = ctx.store.findSimple('SalesTaxCode', name);
    return simpleRef(ctx, name === 'Tax' ? 'DefaultTaxableSalesTaxCodeRef' : 'DefaultNonTaxableSalesTaxCodeRef', record?.listId);
  };
  return el(
    'PreferencesRet',
    el('AccountingPreferences', leaf('IsUsingAccountNumbers', 'true'), leaf('IsRequiringAccounts', 'true'), leaf('IsUsingClassTracking', String(features.classTracking)), leaf('IsUsingAuditTrail', 'true'), leaf('IsAssigningJournalEntryNumbers', 'true')),
    el('FinanceChargePreferences', leaf('AnnualInterestRate', '0.00'), leaf('MinFinanceCharge', '0.00'), leaf('GracePeriod', '0'), leaf('IsAssessingForOverdueCharges', 'false'), leaf('CalculateChargesFrom', 'DueDate'), leaf('IsMarkedToBePrinted', 'false')),
    el('JobsAndEstimatesPreferences', leaf('IsUsingEstimates', 'true'), leaf('IsUsingProgressInvoicing', 'false'), leaf('IsPrintingItemsWithZeroAmounts', 'false')),
    el('MultiCurrencyPreferences', leaf('IsMultiCurrencyOn', 'false')),
    el('PurchasesAndVendorsPreferences', leaf('IsUsingInventory', String(features.purchaseOrders)), leaf('DaysBillsAreDue', '10'), leaf('IsAutomaticallyUsingDiscounts', 'false')),
    el('ReportsPreferences', leaf('AgingReportBasis', 'AgeFromDueDate'), leaf('SummaryReportBasis', 'Accrual')),
    el('SalesAndCustomersPreferences', leaf('IsTrackingReimbursedExpensesAsIncome', 'false'), leaf('IsAutoApplyingPayments', 'true')),
    features.salesTax
      ? el('SalesTaxPreferences', itemRef(ctx, 'DefaultItemSalesTaxRef', ctx.defaults.itemSalesTaxId), leaf('PaySalesTax', 'Monthly'), taxCode('Tax'), taxCode('Non'))
      : undefined,
    // present only when the file tracks time ("Do you track time?" Yes), as SalesTaxPreferences is for sales tax
    features.timeTracking ? el('TimeTrackingPreferences', leaf('FirstDayOfWeek', features.firstDayOfWeek)) : undefined,
    el('CurrentAppAccessRights', leaf('IsAutomaticLoginAllowed', 'true'), leaf('IsPersonalDataAccessAllowed', 'false')),
  );
}

export function hostQuery(host: HostInfo): (ctx: HandlerContext, rq: XNode) => HandlerResult {
  return () => ({ records: [hostRet(host)] });
}

export function companyQuery(company: CompanyInfo): (ctx: HandlerContext, rq: XNode) => HandlerResult {
  return () => ({ records: [companyRet(company)] });
}

export function preferencesQuery(ctx: HandlerContext): HandlerResult {
  return { records: [preferencesRet(ctx, ctx.features)] };
}

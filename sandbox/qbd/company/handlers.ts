// Which request kinds the company file answers, and the function that answers each.
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import type { HandlerContext, HandlerResult } from './context.js';
import { listDeletedQuery, txnDel, txnDeletedQuery } from './deletes.js';
import { QbStatusError } from './errors.js';
import { companyQuery, hostQuery, preferencesQuery, type CompanyInfo, type HostInfo } from './host.js';
import { creditMemoAdd, creditMemoQuery } from './credit-memos.js';
import { invoiceAdd, invoiceMod, invoiceQuery } from './invoices.js';
import { accountQuery, customerAdd, customerQuery, itemDiscountAdd, itemNonInventoryAdd, itemNonInventoryMod, itemQuery, itemSalesTaxAdd, itemServiceAdd, itemServiceMod, vendorAdd, vendorQuery } from './lists.js';
import { receivePaymentAdd, receivePaymentQuery } from './payments.js';
import { classQuery, employeeQuery, itemServiceQuery, otherNameQuery, payrollItemWageQuery } from './people.js';
import { billAdd, billMod, billQuery, purchaseOrderAdd, purchaseOrderQuery } from './purchases.js';
import { termsQuery } from './terms.js';
import { timeTrackingAdd, timeTrackingMod, timeTrackingQuery } from './time.js';

export type Handler = (ctx: HandlerContext, rq: XNode) => HandlerResult;

export function createHandlers(host: HostInfo, company: CompanyInfo): Record<string, Handler> {
  return {
    HostQuery: hostQuery(host),
    CompanyQuery: companyQuery(company),
    PreferencesQuery: preferencesQuery,
    AccountQuery: accountQuery,
    CustomerAdd: customerAdd,
    CustomerQuery: customerQuery,
    VendorAdd: vendorAdd,
    VendorQuery: vendorQuery,
    EmployeeQuery: employeeQuery,
    OtherNameQuery: otherNameQuery,
    ClassQuery: classQuery,
    PayrollItemWageQuery: payrollItemWageQuery,
    ItemQuery: itemQuery,
    ItemServiceQuery: itemServiceQuery,
    ItemServiceAdd: itemServiceAdd,
    ItemNonInventoryAdd: itemNonInventoryAdd,
    ItemServiceMod: itemServiceMod,
    ItemNonInventoryMod: itemNonInventoryMod,
    ItemDiscountAdd: itemDiscountAdd,
    ItemSalesTaxAdd: (ctx, rq) => {
      if (!ctx.features.salesTax) throw new QbStatusError(3250, 'This feature is not enabled or not available in this version of QuickBooks.');
      return itemSalesTaxAdd(ctx, rq);
    },
    InvoiceAdd: invoiceAdd,
    InvoiceMod: invoiceMod,
    InvoiceQuery: invoiceQuery,
    CreditMemoAdd: creditMemoAdd,
    CreditMemoQuery: creditMemoQuery,
    BillAdd: billAdd,
    BillMod: billMod,
    BillQuery: billQuery,
    PurchaseOrderAdd: purchaseOrderAdd,
    PurchaseOrderQuery: purchaseOrderQuery,
    ReceivePaymentAdd: receivePaymentAdd,
    ReceivePaymentQuery: receivePaymentQuery,
    TimeTrackingAdd: timeTrackingAdd,
    TimeTrackingMod: timeTrackingMod,
    TimeTrackingQuery: timeTrackingQuery,
    TxnDel: txnDel,
    TxnDeletedQuery: txnDeletedQuery,
    ListDeletedQuery: listDeletedQuery,
    TermsQuery: termsQuery,
  };
}

// Inspection for tests: every record of a type, exactly as a client parses QuickBooks' answer.
import { recordFromRet } from '../../../quickbooks/desktop/qbxml/read-records.js';
import type {
  AccountRecord,
  BillRecord,
  ClassRecord,
  CustomerRecord,
  EmployeeRecord,
  CreditMemoRecord,
  InvoiceRecord,
  ItemRecord,
  OtherNameRecord,
  PayrollItemWageRecord,
  PurchaseOrderRecord,
  ReceivePaymentRecord,
  TimeTrackingRecord,
  VendorRecord,
} from '../../../quickbooks/desktop/qbxml/records.js';
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import type { HandlerContext } from './context.js';
import { classRet, employeeRet, otherNameRet, wageItemRet } from './render-people.js';
import { timeTrackingRet } from './render-time.js';
import { creditMemoRet } from './credit-memos.js';
import { billRet, invoiceRet, paymentRet, purchaseOrderRet } from './render-txns.js';
import { accountRet, customerRet, itemRet, vendorRet } from './render.js';
import type { NameKind, NameRecord } from './store.js';

export interface ListTypes {
  Customer: CustomerRecord;
  Vendor: VendorRecord;
  Employee: EmployeeRecord;
  OtherName: OtherNameRecord;
  Class: ClassRecord;
  PayrollItemWage: PayrollItemWageRecord;
  Item: ItemRecord;
  Account: AccountRecord;
  Invoice: InvoiceRecord;
  CreditMemo: CreditMemoRecord;
  Bill: BillRecord;
  PurchaseOrder: PurchaseOrderRecord;
  ReceivePayment: ReceivePaymentRecord;
  TimeTracking: TimeTrackingRecord;
}

function nodes(ctx: HandlerContext, type: keyof ListTypes): XNode[] {
  const { store } = ctx;
  const names = (kind: NameKind): NameRecord[] => [...store.names.values()].filter((r) => r.kind === kind);
  switch (type) {
    case 'Customer': return names('Customer').map((r) => customerRet(ctx, r));
    case 'Vendor': return names('Vendor').map((r) => vendorRet(ctx, r));
    case 'Employee': return names('Employee').map((r) => employeeRet({ ...ctx, payroll: ctx.features.payroll }, r));
    case 'OtherName': return names('OtherName').map((r) => otherNameRet(ctx, r));
    case 'Class': return [...store.simple.values()].filter((r) => r.list === 'Class').map((r) => classRet(ctx, r));
    case 'PayrollItemWage': return [...store.wageItems.values()].map((r) => wageItemRet(ctx, r));
    case 'Item': return [...store.items.values()].map((r) => itemRet(ctx, r));
    case 'Account': return [...store.accounts.values()].map((r) => accountRet(ctx, r));
    case 'Invoice': return [...store.invoices.values()].map((r) => invoiceRet(ctx, r, true, true));
    case 'CreditMemo': return [...store.creditMemos.values()].map((r) => creditMemoRet(ctx, r, true));
    case 'Bill': return [...store.bills.values()].map((r) => billRet(ctx, r, true));
    case 'PurchaseOrder': return [...store.purchaseOrders.values()].map((r) => purchaseOrderRet(ctx, r, true));
    case 'ReceivePayment': return [...store.payments.values()].map((r) => paymentRet(ctx, r));
    case 'TimeTracking': return [...store.timeEntries.values()].map((r) => timeTrackingRet(ctx, r));
  }
}

export function listRecords<T extends keyof ListTypes>(ctx: HandlerContext, type: T): ListTypes[T][] {
  return nodes(ctx, type).map((n) => recordFromRet(n) as ListTypes[T]);
}

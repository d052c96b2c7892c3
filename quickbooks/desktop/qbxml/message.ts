// The qbXML message: several requests in one QBXMLMsgsRq, the version in the <?qbxml?> instruction, and one
// request description type (QbxmlRequest) that a durable queue can store and rebuild from.
import { QbxmlInputError } from './fields.js';
import { buildAccountQuery, buildCompanyQuery, buildHostQuery, buildPreferencesQuery, type AccountQueryInput } from './requests/company.js';
import { buildCreditMemoAdd, buildCreditMemoQuery, type CreditMemoAddInput, type CreditMemoQueryInput } from './requests/credit-memos.js';
import { buildInvoiceAdd, buildInvoiceMod, buildInvoiceQuery, type InvoiceAddInput, type InvoiceModInput, type InvoiceQueryInput } from './requests/invoices.js';
import {
  buildItemDiscountAdd,
  buildItemNonInventoryAdd,
  buildItemNonInventoryMod,
  buildItemQuery,
  buildItemSalesTaxAdd,
  buildItemServiceAdd,
  buildItemServiceMod,
  type ItemAddInput,
  type ItemDiscountAddInput,
  type ItemModInput,
  type ItemNonInventoryAddInput,
  type ItemQueryInput,
  type ItemSalesTaxAddInput,
} from './requests/items.js';
import type { ListQueryInput } from './requests/common.js';
import {
  buildListDeletedQuery,
  buildTxnDel,
  buildTxnDeletedQuery,
  type ListDeletedQueryInput,
  type TxnDeletedQueryInput,
  type TxnDelInput,
} from './requests/deletes.js';
import {
  buildClassQuery,
  buildEmployeeQuery,
  buildItemServiceQuery,
  buildOtherNameQuery,
  buildPayrollItemWageQuery,
  type ItemServiceQueryInput,
} from './requests/lists.js';
import {
  buildTimeTrackingAdd,
  buildTimeTrackingMod,
  buildTimeTrackingQuery,
  type TimeTrackingAddInput,
  type TimeTrackingModInput,
  type TimeTrackingQueryInput,
} from './requests/time.js';
import { buildCustomerAdd, buildCustomerQuery, buildVendorAdd, buildVendorQuery, type CustomerAddInput, type NameQueryInput, type VendorAddInput } from './requests/names.js';
import { buildTermsQuery, type TermsQueryInput } from './requests/terms.js';
import { buildReceivePaymentAdd, buildReceivePaymentQuery, type ReceivePaymentAddInput, type ReceivePaymentQueryInput } from './requests/payments.js';
import {
  buildBillAdd,
  buildBillMod,
  buildBillQuery,
  buildPurchaseOrderAdd,
  buildPurchaseOrderQuery,
  type BillAddInput,
  type BillModInput,
  type BillQueryInput,
  type PurchaseOrderAddInput,
  type PurchaseOrderQueryInput,
} from './requests/purchases.js';

/** qbXML versions we speak: 13.0 is QuickBooks 2015 (the oldest we support), 16.0 is QuickBooks 2021 and later. */
export const QBXML_VERSIONS = ['13.0', '14.0', '15.0', '16.0'] as const;
export type QbxmlVersion = (typeof QBXML_VERSIONS)[number];

export type OnError = 'continueOnError' | 'stopOnError';

export interface QbxmlMessageOptions {
  version: QbxmlVersion;
  /** continueOnError (default): one failing request does not stop the others. */
  onError?: OnError;
}

/** Wraps request fragments into one qbXML request message. */
export function buildQbxmlMessage(requests: readonly string[], options: QbxmlMessageOptions): string {
  if (!(QBXML_VERSIONS as readonly string[]).includes(options.version)) {
    throw new QbxmlInputError(`qbXML version ${options.version} is not supported (13.0 to 16.0)`, 'version');
  }
  const onError = options.onError ?? 'continueOnError';
  return (
    `<?xml version="1.0" encoding="utf-8"?><?qbxml version="${options.version}"?>` +
    `<QBXML><QBXMLMsgsRq onError="${onError}">${requests.join('')}</QBXMLMsgsRq></QBXML>`
  );
}

/** Every request kind we send, as data: what a queue row stores. */
export type QbxmlRequest =
  | { kind: 'CustomerQuery'; requestId: string; input?: NameQueryInput }
  | { kind: 'CustomerAdd'; requestId: string; input: CustomerAddInput }
  | { kind: 'VendorQuery'; requestId: string; input?: NameQueryInput }
  | { kind: 'VendorAdd'; requestId: string; input: VendorAddInput }
  | { kind: 'ItemQuery'; requestId: string; input?: ItemQueryInput }
  | { kind: 'ItemServiceAdd'; requestId: string; input: ItemAddInput }
  | { kind: 'ItemNonInventoryAdd'; requestId: string; input: ItemNonInventoryAddInput }
  | { kind: 'ItemServiceMod'; requestId: string; input: ItemModInput }
  | { kind: 'ItemNonInventoryMod'; requestId: string; input: ItemModInput }
  | { kind: 'ItemDiscountAdd'; requestId: string; input: ItemDiscountAddInput }
  | { kind: 'ItemSalesTaxAdd'; requestId: string; input: ItemSalesTaxAddInput }
  | { kind: 'InvoiceAdd'; requestId: string; input: InvoiceAddInput }
  | { kind: 'InvoiceMod'; requestId: string; input: InvoiceModInput }
  | { kind: 'InvoiceQuery'; requestId: string; input?: InvoiceQueryInput }
  | { kind: 'CreditMemoAdd'; requestId: string; input: CreditMemoAddInput }
  | { kind: 'CreditMemoQuery'; requestId: string; input?: CreditMemoQueryInput }
  | { kind: 'BillAdd'; requestId: string; input: BillAddInput }
  | { kind: 'BillMod'; requestId: string; input: BillModInput }
  | { kind: 'BillQuery'; requestId: string; input?: BillQueryInput }
  | { kind: 'PurchaseOrderAdd'; requestId: string; input: PurchaseOrderAddInput }
  | { kind: 'PurchaseOrderQuery'; requestId: string; input?: PurchaseOrderQueryInput }
  | { kind: 'ReceivePaymentAdd'; requestId: string; input: ReceivePaymentAddInput }
  | { kind: 'ReceivePaymentQuery'; requestId: string; input?: ReceivePaymentQueryInput }
  | { kind: 'AccountQuery'; requestId: string; input?: AccountQueryInput }
  | { kind: 'HostQuery'; requestId: string }
  | { kind: 'CompanyQuery'; requestId: string }
  | { kind: 'PreferencesQuery'; requestId: string }
  | { kind: 'EmployeeQuery'; requestId: string; input?: ListQueryInput }
  | { kind: 'OtherNameQuery'; requestId: string; input?: ListQueryInput }
  | { kind: 'ClassQuery'; requestId: string; input?: ListQueryInput }
  | { kind: 'PayrollItemWageQuery'; requestId: string; input?: ListQueryInput }
  | { kind: 'ItemServiceQuery'; requestId: string; input?: ItemServiceQueryInput }
  | { kind: 'TimeTrackingAdd'; requestId: string; input: TimeTrackingAddInput }
  | { kind: 'TimeTrackingMod'; requestId: string; input: TimeTrackingModInput }
  | { kind: 'TimeTrackingQuery'; requestId: string; input?: TimeTrackingQueryInput }
  | { kind: 'TxnDel'; requestId: string; input: TxnDelInput }
  | { kind: 'TxnDeletedQuery'; requestId: string; input: TxnDeletedQueryInput }
  | { kind: 'ListDeletedQuery'; requestId: string; input: ListDeletedQueryInput }
  | { kind: 'TermsQuery'; requestId: string; input?: TermsQueryInput };

export type QbxmlRequestKind = QbxmlRequest['kind'];

/** A request description before it gets its requestID (the queue assigns one). */
export type QbxmlRequestSpec = QbxmlRequest extends infer R ? (R extends QbxmlRequest ? Omit<R, 'requestId'> : never) : never;

/** Gives a request description its requestID. */
export function withRequestId(spec: QbxmlRequestSpec, requestId: string): QbxmlRequest {
  return { ...spec, requestId } as QbxmlRequest;
}

/** Builds the `<XxxRq requestID="…">` fragment for one request description. */
export function buildRequest(request: QbxmlRequest): string {
  const id = request.requestId;
  switch (request.kind) {
    case 'CustomerQuery': return buildCustomerQuery(id, request.input);
    case 'CustomerAdd': return buildCustomerAdd(id, request.input);
    case 'VendorQuery': return buildVendorQuery(id, request.input);
    case 'VendorAdd': return buildVendorAdd(id, request.input);
    case 'ItemQuery': return buildItemQuery(id, request.input);
    case 'ItemServiceAdd': return buildItemServiceAdd(id, request.input);
    case 'ItemNonInventoryAdd': return buildItemNonInventoryAdd(id, request.input);
    case 'ItemServiceMod': return buildItemServiceMod(id, request.input);
    case 'ItemNonInventoryMod': return buildItemNonInventoryMod(id, request.input);
    case 'ItemDiscountAdd': return buildItemDiscountAdd(id, request.input);
    case 'ItemSalesTaxAdd': return buildItemSalesTaxAdd(id, request.input);
    case 'InvoiceAdd': return buildInvoiceAdd(id, request.input);
    case 'InvoiceMod': return buildInvoiceMod(id, request.input);
    case 'InvoiceQuery': return buildInvoiceQuery(id, request.input);
    case 'CreditMemoAdd': return buildCreditMemoAdd(id, request.input);
    case 'CreditMemoQuery': return buildCreditMemoQuery(id, request.input);
    case 'BillAdd': return buildBillAdd(id, request.input);
    case 'BillMod': return buildBillMod(id, request.input);
    case 'BillQuery': return buildBillQuery(id, request.input);
    case 'PurchaseOrderAdd': return buildPurchaseOrderAdd(id, request.input);
    case 'PurchaseOrderQuery': return buildPurchaseOrderQuery(id, request.input);
    case 'ReceivePaymentAdd': return buildReceivePaymentAdd(id, request.input);
    case 'ReceivePaymentQuery': return buildReceivePaymentQuery(id, request.input);
    case 'AccountQuery': return buildAccountQuery(id, request.input);
    case 'HostQuery': return buildHostQuery(id);
    case 'CompanyQuery': return buildCompanyQuery(id);
    case 'PreferencesQuery': return buildPreferencesQuery(id);
    case 'EmployeeQuery': return buildEmployeeQuery(id, request.input);
    case 'OtherNameQuery': return buildOtherNameQuery(id, request.input);
    case 'ClassQuery': return buildClassQuery(id, request.input);
    case 'PayrollItemWageQuery': return buildPayrollItemWageQuery(id, request.input);
    case 'ItemServiceQuery': return buildItemServiceQuery(id, request.input);
    case 'TimeTrackingAdd': return buildTimeTrackingAdd(id, request.input);
    case 'TimeTrackingMod': return buildTimeTrackingMod(id, request.input);
    case 'TimeTrackingQuery': return buildTimeTrackingQuery(id, request.input);
    case 'TxnDel': return buildTxnDel(id, request.input);
    case 'TxnDeletedQuery': return buildTxnDeletedQuery(id, request.input);
    case 'ListDeletedQuery': return buildListDeletedQuery(id, request.input);
    case 'TermsQuery': return buildTermsQuery(id, request.input);
  }
}

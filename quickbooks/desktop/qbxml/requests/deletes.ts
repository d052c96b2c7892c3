// Deleting a transaction (TxnDel) and asking what was deleted (TxnDeletedQuery, ListDeletedQuery). QuickBooks keeps
// deletions for 90 days: an import that runs less often than that can no longer tell a deletion from an omission.
import { dateTime, identity, QBXML_LIMITS, QbxmlInputError } from '../fields.js';
import { textElement } from '../xml.js';
import { includeRetElements, openRq } from './common.js';

/** The ListDelType enumeration of qbXML 13.0 and 16.0 (identical). */
export const LIST_DEL_TYPES = [
  'Account', 'BillingRate', 'Class', 'Currency', 'Customer', 'CustomerMsg', 'CustomerType', 'DateDrivenTerms', 'Employee',
  'InventorySite', 'ItemDiscount', 'ItemFixedAsset', 'ItemGroup', 'ItemInventory', 'ItemInventoryAssembly', 'ItemNonInventory',
  'ItemOtherCharge', 'ItemPayment', 'ItemSalesTax', 'ItemSalesTaxGroup', 'ItemService', 'ItemSubtotal', 'JobType', 'OtherName',
  'PaymentMethod', 'PayrollItemNonWage', 'PayrollItemWage', 'PriceLevel', 'SalesRep', 'SalesTaxCode', 'ShipMethod',
  'StandardTerms', 'ToDo', 'UnitOfMeasureSet', 'Vehicle', 'Vendor', 'VendorType', 'WorkersCompCode',
] as const;
export type ListDelType = (typeof LIST_DEL_TYPES)[number];

/** The TxnDelType enumeration of qbXML 13.0 and 16.0 (identical). */
export const TXN_DEL_TYPES = [
  'ARRefundCreditCard', 'Bill', 'BillPaymentCheck', 'BillPaymentCreditCard', 'BuildAssembly', 'Charge', 'Check', 'CreditCardCharge',
  'CreditCardCredit', 'CreditMemo', 'Deposit', 'Estimate', 'InventoryAdjustment', 'Invoice', 'ItemReceipt', 'JournalEntry',
  'PayrollLiabilityAdjustment', 'PayrollPriorPayment', 'PayrollYearToDateAdjustment', 'PurchaseOrder', 'ReceivePayment',
  'SalesOrder', 'SalesReceipt', 'SalesTaxPaymentCheck', 'TimeTracking', 'TransferInventory', 'VehicleMileage', 'VendorCredit',
] as const;
export type TxnDelType = (typeof TXN_DEL_TYPES)[number];

export interface TxnDelInput {
  txnDelType: TxnDelType;
  txnId: string;
}

/** When the deletion happened (date-times; QuickBooks looks back 90 days at most). */
export interface DeletedDateRange {
  from?: string;
  to?: string;
}

export interface TxnDeletedQueryInput {
  txnDelTypes: readonly TxnDelType[];
  deletedDateRange?: DeletedDateRange;
  includeRetElements?: readonly string[];
}

export interface ListDeletedQueryInput {
  listDelTypes: readonly ListDelType[];
  deletedDateRange?: DeletedDateRange;
  includeRetElements?: readonly string[];
}

function oneOf<T extends string>(field: string, value: T, allowed: readonly T[]): string {
  if (!allowed.includes(value)) throw new QbxmlInputError(`${field} "${value}" is not one of QuickBooks' types`, field);
  return `<${field}>${value}</${field}>`;
}

function deletedRange(range: DeletedDateRange | undefined): string {
  if (!range) return '';
  return `<DeletedDateRangeFilter>${range.from ? dateTime('FromDeletedDate', range.from) : ''}${range.to ? dateTime('ToDeletedDate', range.to) : ''}</DeletedDateRangeFilter>`;
}

export function buildTxnDel(requestId: string, input: TxnDelInput): string {
  const body = oneOf('TxnDelType', input.txnDelType, TXN_DEL_TYPES) + textElement('TxnID', identity('TxnID', input.txnId, QBXML_LIMITS.listId));
  return `${openRq('TxnDel', requestId)}${body}</TxnDelRq>`;
}

export function buildTxnDeletedQuery(requestId: string, input: TxnDeletedQueryInput): string {
  if (!input.txnDelTypes.length) throw new QbxmlInputError('TxnDeletedQuery needs at least one TxnDelType', 'TxnDelType');
  const body = input.txnDelTypes.map((t) => oneOf('TxnDelType', t, TXN_DEL_TYPES)).join('') + deletedRange(input.deletedDateRange) + includeRetElements(input.includeRetElements);
  return `${openRq('TxnDeletedQuery', requestId)}${body}</TxnDeletedQueryRq>`;
}

export function buildListDeletedQuery(requestId: string, input: ListDeletedQueryInput): string {
  if (!input.listDelTypes.length) throw new QbxmlInputError('ListDeletedQuery needs at least one ListDelType', 'ListDelType');
  const body = input.listDelTypes.map((t) => oneOf('ListDelType', t, LIST_DEL_TYPES)).join('') + deletedRange(input.deletedDateRange) + includeRetElements(input.includeRetElements);
  return `${openRq('ListDeletedQuery', requestId)}${body}</ListDeletedQueryRq>`;
}

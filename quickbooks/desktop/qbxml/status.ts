// What a qbXML statusCode means for us (DESIGN.md §5), with a sentence a bookkeeper can act on.

export type QbStatusOutcome = 'ok' | 'empty' | 'adopt' | 'stale' | 'retryLater' | 'rejected';

export interface QbStatusClassification {
  outcome: QbStatusOutcome;
  /** Worth sending again unchanged (or after a re-query, for 'stale'). */
  retryable: boolean;
  message: string;
}

interface StatusLike {
  statusCode: number;
  statusMessage?: string;
  kind?: string;
}

function says(statusMessage: string | undefined): string {
  const text = statusMessage?.trim();
  return text ? ` QuickBooks said: "${text}"` : '';
}

/** Classifies one request's status. `kind` (e.g. "CustomerAdd") makes the sentence more precise. */
export function classifyStatus(status: StatusLike): QbStatusClassification {
  const { statusCode: code, kind } = status;
  const what = kind ? describeKind(kind) : 'the record';
  const quoted = says(status.statusMessage);
  switch (code) {
    case 0:
      return { outcome: 'ok', retryable: false, message: 'QuickBooks accepted the request.' };
    case 1:
      return { outcome: 'empty', retryable: false, message: `QuickBooks found no matching ${what}.` };
    case 500:
      return { outcome: 'empty', retryable: false, message: `Some of the requested records do not exist in QuickBooks.${quoted}` };
    case 3100:
      return {
        outcome: 'adopt',
        retryable: false,
        message: `A ${what} with this name already exists in QuickBooks (customers, vendors, employees and other names share one list); the existing one will be used.${quoted}`,
      };
    case 3120:
    case 3140:
      return {
        outcome: 'rejected',
        retryable: false,
        message: `QuickBooks could not find something this ${what} refers to (a customer, item, account or transaction). Check that it exists and is active in the company file, then retry.${quoted}`,
      };
    case 3170:
      return { outcome: 'rejected', retryable: false, message: `QuickBooks refused to change this ${what}. Open it in QuickBooks to see why (closed period, linked transactions).${quoted}` };
    case 3175:
    case 3176:
      return {
        outcome: 'retryLater',
        retryable: true,
        message: `This ${what} is open or locked by someone using QuickBooks right now; it will be tried again at the next Web Connector run.${quoted}`,
      };
    case 3180:
      return {
        outcome: 'rejected',
        retryable: false,
        message: `QuickBooks could not save this ${what}. Fix the problem QuickBooks describes, then retry.${quoted}`,
      };
    case 3200:
      return {
        outcome: 'stale',
        retryable: true,
        message: `This ${what} was changed in QuickBooks since we last read it; it will be read again and the change re-applied.${quoted}`,
      };
    case 3391:
      // the same Continue can never succeed: the caller starts a new paged read (iterator="Start") instead
      return {
        outcome: 'rejected',
        retryable: false,
        message: `QuickBooks no longer knows this paged read: an iterator lives only as long as one Web Connector session, so the read must start again from the first page.${quoted}`,
      };
    case 3250:
      return {
        outcome: 'rejected',
        retryable: false,
        message: `This feature is turned off in the QuickBooks company file (for example sales tax, purchase orders or inventory). Turn it on in QuickBooks preferences, then retry.${quoted}`,
      };
    case 3260:
      return {
        outcome: 'rejected',
        retryable: false,
        message: `The QuickBooks user the Web Connector runs as may not do this. Give that user permission in QuickBooks (Company > Users), then retry.${quoted}`,
      };
    default:
      if (code > 0 && code < 500) return { outcome: 'ok', retryable: false, message: `QuickBooks processed the request.${quoted}` };
      if (code >= 500 && code < 1000) return { outcome: 'ok', retryable: false, message: `QuickBooks processed the request with a warning.${quoted}` };
      return { outcome: 'rejected', retryable: false, message: `QuickBooks rejected this ${what} (status ${code}).${quoted}` };
  }
}

function describeKind(kind: string): string {
  const noun = kind.replace(/(Add|Mod|Query|Del)$/, '');
  const words: Record<string, string> = {
    Customer: 'customer',
    Vendor: 'vendor',
    Item: 'item',
    ItemService: 'service item',
    ItemNonInventory: 'non-inventory item',
    ItemDiscount: 'discount item',
    ItemSalesTax: 'sales tax item',
    Invoice: 'invoice',
    Bill: 'bill',
    PurchaseOrder: 'purchase order',
    ReceivePayment: 'payment',
    Account: 'account',
    TimeTracking: 'time entry',
    Employee: 'employee',
    OtherName: 'other name',
    Class: 'class',
    PayrollItemWage: 'payroll wage item',
    Txn: 'transaction',
    TxnDeleted: 'deleted transaction',
    ListDeleted: 'deleted list entry',
  };
  return words[noun] ?? noun;
}

// Intuit's fault bodies and the catalogue of faults the sandbox raises. Codes, messages and the shape of
// Detail follow Intuit's published error-code tables and responses seen in the wild; README lists sources.
import type { JsonObject } from './json.js';
import { intuitTime } from './time.js';

export interface FaultError {
  Message: string;
  Detail: string;
  code: string;
  element: string;
}

/** A fault raised while handling a request; routes turn it into Intuit's envelope. */
export class QboFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly errors: FaultError[],
  ) {
    super(errors.map((e) => `${e.code} ${e.Message}: ${e.Detail}`).join('; '));
  }

  /** `{ Fault: { Error: [...], type } }`: the piece that also goes inside a batch item. */
  fault(): JsonObject {
    return { Error: this.errors.map((e) => ({ ...e })), type: this.type };
  }

  body(now: number): JsonObject {
    return { Fault: this.fault(), time: intuitTime(now) };
  }
}

function validation(code: string, message: string, detail: string, element = ''): QboFault {
  return new QboFault(400, 'ValidationFault', [{ Message: message, Detail: detail, code, element }]);
}

const INACTIVE_DETAIL =
  "Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.";

export const fault = {
  invalidProperty: (element: string, why: string) =>
    validation('2010', 'Request has invalid or unsupported property', `Property Name:${why} specified is unsupported or invalid`, element),
  /**
   * What Intuit's JSON reader answers today for a property its schema lacks or a value of the wrong kind: the
   * Detail no longer names the property (Intuit leaves `element` out; the sandbox puts the property's path there).
   */
  unreadableBody: (element: string) =>
    validation('2010', 'Request has invalid or unsupported property', 'Property Name:failed to parse json object; a property specified is unsupported or invalid', element),
  required: (element: string) =>
    validation('2020', 'Required param missing, need to supply the required value for the API', `Required parameter ${element} is missing in the request`, element),
  stringLength: (element: string, max: number, supplied: number) =>
    validation('2050', 'String length is either shorter or longer than supported by specification', `String length specified does not match the supported length. Min:0 Max:${max} supplied:${supplied}`, element),
  invalidEnum: (element: string, value: string) => validation('2170', 'Invalid Enumeration', `Invalid Enumeration : ${value}`, element),
  invalidReference: (element: string) => validation('2500', 'Invalid Reference Id', `Invalid Reference Id : ${INACTIVE_DETAIL}`, element),
  notFound: () => validation('610', 'Object Not Found', `Object Not Found : ${INACTIVE_DETAIL}`),
  deleted: () => validation('610', 'Object Not Found', 'Object Not Found : Another user has deleted this transaction.'),
  unsupported: (operation: string) => validation('500', 'Unsupported Operation', `Operation ${operation} is not supported.`),
  batchTooLarge: (size: number, max: number) =>
    validation('1040', 'Batch size exceeds allowed limit', `The batch size ${size} for the batch request or BatchItemRequest is too big. The batch limit size is ${max}.`),
  queryParse: (detail: string) => validation('4000', 'Error parsing query', `QueryParserError: ${detail}`),
  queryInvalid: (detail: string) => validation('4001', 'Invalid query', `QueryValidationError: ${detail}`),
  stale: (entity: string) =>
    validation('5010', 'Stale Object Error', `Stale Object Error : You and Sandbox User were working on this at the same time. Sandbox User finished before you did, so your work was not saved. Entity=${entity}`, 'SyncToken'),
  featureNotInPlan: (feature: string) =>
    validation('5020', 'You do not have permission to access this feature.', `You have issued a request against a feature for which your product is not entitled. ${feature} is not available in this company's QuickBooks Online plan.`),
  featureUnsupported: (detail: string) => validation('5030', 'Feature Not Supported', `Requested feature is not supported. ${detail}`),
  business: (detail: string, element = '') =>
    validation('6000', 'A business validation error has occurred while processing your request', `Business Validation Error: ${detail}`, element),
  accountType: () =>
    validation('6010', 'Invalid Account.AccountType && Account.SubType', 'Either an Account.AccountType or an Account.AccountSubType must be specified', 'AccountType'),
  amountMismatch: (supplied: string) =>
    validation('6070', 'Amount is not equal to UnitPrice * Qty', `Amount is not equal to UnitPrice * Qty. Supplied value:${supplied}`, 'Amount'),
  discountInfo: () => validation('6090', 'Discount Line missing required info.', 'Discount amount or percent should be provided.', 'DiscountLineDetail'),
  invalidTaxCode: (value: string) =>
    validation('6100', 'Invalid Line TaxCode in the request', `Valid Line TaxCodes for US should be TAX or NON. Supplied value:${value}`, 'TaxCodeRef'),
  duplicateDocNumber: (docNumber: string, entity: string, holderId: string) =>
    validation('6140', 'Duplicate Document Number Error', `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${entity} with TxnId=${holderId}`, 'DocNumber'),
  duplicateName: (existingId: string, element: string) =>
    validation('6240', 'Duplicate Name Exists Error', `The name supplied already exists. : Id=${existingId}`, element),
  system: () =>
    new QboFault(500, 'SystemFault', [
      {
        Message: 'An application error has occurred while processing your request',
        Detail: 'System Failure Error: An unexpected error occurred while accessing or saving your data. Please wait a few minutes and try again. If the problem persists, contact customer support.',
        code: '10000',
        element: '',
      },
    ]),
  throttled: () =>
    new QboFault(429, 'SERVICE', [
      { Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', Detail: 'The request limit was reached.  Try again later', code: '3001', element: '' },
    ]),
};

/**
 * Intuit's gateway answers authentication and authorization failures in a different, lower-case
 * envelope (`fault.error[].message`), not the `Fault.Error[]` of the accounting service.
 */
export function gatewayFaultBody(status: 401 | 403, detail: string | null, now: number): JsonObject {
  const error =
    status === 401
      ? { message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail, code: '3200', element: null }
      : { message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403', detail, code: '3100', element: null };
  return {
    warnings: null,
    intuitObject: null,
    fault: { error: [error], type: status === 401 ? 'AUTHENTICATION' : 'SERVICE' },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    attachableResponse: [],
    syncErrorResponse: null,
    requestId: null,
    time: now,
    status: null,
    cdcresponse: [],
  };
}

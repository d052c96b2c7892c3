// qbXML for QuickBooks Desktop: pure builders, the message envelope, the response parser and the status
// classifier. No I/O and no Node builtins, so workflows and activities can both import it.
export * from './fields.js';
export * from './message.js';
export * from './parse.js';
export * from './records.js';
export * from './duration.js';
export * from './charset.js';
export { recordFromRet, QbxmlResponseError } from './read-records.js';
export * from './status.js';
export { escapeXml, decodeXmlEntities } from './xml.js';
export type { QbAddress, QbIterator, ListQueryInput, TxnQueryInput, ActiveStatus, MatchCriterion } from './requests/common.js';
export * from './requests/names.js';
export * from './requests/items.js';
export * from './requests/invoices.js';
export * from './requests/credit-memos.js';
export * from './requests/purchases.js';
export * from './requests/payments.js';
export * from './requests/company.js';
export * from './requests/time.js';
export * from './requests/deletes.js';
export * from './requests/lists.js';
export * from './requests/terms.js';
export * from './qwc.js';
export * from './web-connector.js';

// The sandbox QuickBooks Desktop: an emulated company file and a Web Connector that drives our SOAP endpoint.
export {
  createCompanyFile,
  QbHresultError,
  type CompanyFile,
  type CompanyFileOptions,
  type CompanyFaults,
  type CompanyFileStats,
  type ListTypes,
  type MessageFaultRule,
  type RequestFaultRule,
} from './company-file.js';
export type { Clock } from './company/clock.js';
export type {
  Bookkeeper,
  BookkeeperList,
  NewClass,
  NewCustomer,
  NewEmployee,
  NewPerson,
  NewServiceItem,
  NewWageItem,
  PayrollSetup,
  TimePreferences,
} from './company/bookkeeper.js';
export { seedTimeCompany, type TimeSeed, type TimeSeedCounts } from './company/seed-time.js';
export type { CompanyFeatures } from './company/context.js';
export type { HostInfo } from './company/host.js';
export { HRESULT } from './company/errors.js';
export {
  createWebConnector,
  type RunOutcome,
  type RunResult,
  type SoapCallRecord,
  type WebConnector,
  type WebConnectorFaults,
  type WebConnectorOptions,
} from './web-connector.js';
export { QBWC_NS, SOAP_ENV_NS, SoapFaultError, SoapProtocolError, type QbwcMethod } from './soap.js';
export { connectDesktop, QUICK_QBD_ENV, runUntil, type ConnectDesktopOptions, type DesktopConnection } from './harness.js';

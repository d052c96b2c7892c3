// The QuickBooks Desktop wing's front door: the ledgers of a process (one exchange shared by every qbd ledger), the
// Web Connector service, connection credentials and the .QWC file, list imports. Other layers import from here.
import type { QbdConfig } from '../../config/index.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Ledger } from '../ledger/index.js';
import { createQbdExchange } from './exchange.js';
import { createQbdLedger } from './ledger.js';
import { createDesktopOperations, type DesktopOperations } from './operations.js';

export { createQbdConnection, issueWebConnectorPassword, qwcFile, qwcPath, type WebConnectorCredentials } from './connections.js';
export { DESKTOP_CANNOT_SEND } from './invoices.js';
export { startListImport } from './web-connector/list-import.js';
export { createQbwcService, SERVER_VERSION, type QbwcService } from './web-connector/service.js';
export { isOpenTicket } from './web-connector/tickets.js';
// XML read safely (no entities, no DTDs, size-capped) and written escaped: the SOAP envelope uses them too
export { parseXmlTree, XmlSyntaxError, type XNode } from './qbxml/tree.js';
export { escapeXml } from './qbxml/xml.js';

export { createDesktopOperations, operationOwner, QbdWaiting, type ActivityIdentity, type DesktopOperations } from './operations.js';

export interface QbdLedgers {
  ledger(connectionId: string): Ledger;
  /** Runs activities as Desktop operations (journaled sends, waiting without holding anything). */
  operations: DesktopOperations;
}

export function createQbdLedgers(deps: { repos: Repositories; config: QbdConfig }): QbdLedgers {
  const operations = createDesktopOperations({ operations: deps.repos.qbdOperations, queue: deps.repos.qbdQueue, config: deps.config });
  const exchange = createQbdExchange({ queue: deps.repos.qbdQueue, operations, config: deps.config });
  return {
    ledger: (connectionId) => createQbdLedger({ connectionId, exchange, lists: deps.repos.qbdLists }),
    operations,
  };
}

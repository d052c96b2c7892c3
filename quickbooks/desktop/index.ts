// The QuickBooks Desktop wing's front door: the ledgers of a process (one exchange shared by every qbd ledger), the
// Web Connector service, connection credentials and the .QWC file, list imports. Other layers import from here.
import type { QbdConfig } from '../../config/index.js';
import type { Repositories } from '../../db/repositories/index.js';
import { createQbdNotifications } from '../../db/repositories/desktop/notifications.js';
import { QBD_CHANNELS } from '../../db/repositories/desktop/queue.js';
import type { Ledger } from '../ledger/index.js';
import { createQbdExchange } from './exchange.js';
import { createQbdLedger } from './ledger.js';

export { createQbdConnection, issueWebConnectorPassword, qwcFile, qwcPath, type WebConnectorCredentials } from './connections.js';
export { DESKTOP_CANNOT_SEND } from './invoices.js';
export { startListImport } from './web-connector/list-import.js';
export { createQbwcService, SERVER_VERSION, type QbwcService } from './web-connector/service.js';
// XML read safely (no entities, no DTDs, size-capped) and written escaped: the SOAP envelope uses them too
export { parseXmlTree, XmlSyntaxError, type XNode } from './qbxml/tree.js';
export { escapeXml } from './qbxml/xml.js';

export interface QbdLedgers {
  ledger(connectionId: string): Ledger;
  close(): Promise<void>;
}

export function createQbdLedgers(deps: { repos: Repositories; config: QbdConfig }): QbdLedgers {
  // LISTEN opens its connection on the first wait only, so processes that never wait (the API) never open it
  const answered = createQbdNotifications(deps.repos.qbdQueue, QBD_CHANNELS.answered);
  const exchange = createQbdExchange({ queue: deps.repos.qbdQueue, answered, config: deps.config });
  return {
    ledger: (connectionId) => createQbdLedger({ connectionId, exchange, lists: deps.repos.qbdLists }),
    close: () => answered.close(),
  };
}

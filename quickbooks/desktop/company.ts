// One QuickBooks Desktop company as the ledger adapters reach it: operations of the Web Connector exchange and the
// lists imported from the company file.
import type { QbdListsRepository } from '../../db/repositories/desktop/lists.js';
import type { QbdExchange, QbdOperation } from './exchange.js';
import type { QbxmlRequestSpec, QbxmlResult } from './qbxml/index.js';

export interface QbdLedgerDeps {
  connectionId: string;
  exchange: QbdExchange;
  lists: QbdListsRepository;
}

export type DesktopAccess = ReturnType<typeof desktopAccess>;

export function desktopAccess(deps: QbdLedgerDeps) {
  const { connectionId, exchange, lists } = deps;
  /** Runs one ledger operation on the connection (see exchange.ts). */
  const run = <T>(work: (op: QbdOperation) => Promise<T>) => exchange.run(connectionId, work);
  const one = async (op: QbdOperation, request: QbxmlRequestSpec): Promise<QbxmlResult> => (await op.send([request]))[0]!;

  return { connectionId, lists, run, one };
}

// Picks the ledger adapter for a connection.
import type { ConnectionsRepository } from '../db/repositories/core/connections.js';
import type { Ledger } from './ledger/index.js';
import type { QboClient } from './online/client.js';
import { createQboLedger } from './online/ledger.js';
import { NotConnectedError } from './errors.js';

export type LedgerFor = (connectionId: string) => Promise<{ ledger: Ledger }>;

export function createLedgerResolver(deps: { connections: ConnectionsRepository; qbo: QboClient; qbd?: (connectionId: string) => Ledger }): LedgerFor {
  // What picks the adapter (type, realm) never changes once a connection has it, so each process looks it up once.
  const known = new Map<string, Ledger>();
  return async (connectionId) => {
    const cached = known.get(connectionId);
    if (cached) return { ledger: cached };
    const connection = await deps.connections.findById(connectionId);
    if (!connection) throw new NotConnectedError(connectionId);
    let ledger: Ledger;
    if (connection.type === 'qbo') {
      if (!connection.realmId) throw new NotConnectedError(connectionId);
      ledger = createQboLedger(deps.qbo.forCompany(connection.id, connection.realmId));
    } else if (connection.type === 'qbd' && deps.qbd) {
      ledger = deps.qbd(connection.id);
    } else {
      throw new Error(`connection type ${connection.type} is not supported yet`);
    }
    known.set(connectionId, ledger);
    return { ledger };
  };
}

// Picks the ledger adapter for a connection.
import type { Connection, ConnectionsRepository } from '../db/repositories/connections.js';
import type { Ledger } from './ledger.js';
import type { QboClient } from './qbo/client.js';
import { createQboLedger } from './qbo/ledger.js';
import { NotConnectedError } from './qbo/tokens.js';

export type LedgerFor = (connectionId: string) => Promise<{ connection: Connection; ledger: Ledger }>;

export function createLedgerResolver(deps: { connections: ConnectionsRepository; qbo: QboClient; qbd?: (connectionId: string) => Ledger }): LedgerFor {
  return async (connectionId) => {
    const connection = await deps.connections.findById(connectionId);
    if (!connection) throw new NotConnectedError(connectionId);
    if (connection.type === 'qbo') {
      if (!connection.realmId) throw new NotConnectedError(connectionId);
      return { connection, ledger: createQboLedger(deps.qbo.forCompany(connection.id, connection.realmId)) };
    }
    if (connection.type === 'qbd' && deps.qbd) return { connection, ledger: deps.qbd(connection.id) };
    throw new Error(`connection type ${connection.type} is not supported yet`);
  };
}

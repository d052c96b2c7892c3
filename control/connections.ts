// Connections from outside the workflows: list and describe them (with the date QuickBooks Online needs them
// re-authorised by), create an Online one (with the URL that authorises it), re-authorise, rename, and remove one:
// revoke the authorisation at Intuit and erase the tokens (through the lifecycle workflow, the only writer of tokens;
// here only when none runs), remove its billing and change feed schedules, then the connection.
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Connection } from '../db/repositories/core/connections.js';
import type { WebConnectorHealth } from '../db/repositories/desktop/queue.js';
import type { Repositories } from '../db/repositories/index.js';
import { Refusal } from '../domain/refusals.js';
import type { IntuitOAuth } from '../quickbooks/online/oauth.js';
import { deleteBillingSchedules } from './billing-schedules.js';
import type { LifecycleControl } from './lifecycle.js';
import type { PaymentsControl } from './payments.js';

export interface ConnectionDescription extends Connection {
  /** When QuickBooks Online stops accepting this connection unless someone reconnects it (the earlier of the two expiries). */
  reauthorizeBy: Date | null;
  /** QuickBooks Desktop only: its Web Connector side as an operator needs to see it. */
  webConnector?: WebConnectorHealth & {
    /** Operations (order or billing steps) waiting for room in the queue before they queue anything. */
    waitingForRoom: number;
  };
}

export function createConnectionControl(deps: {
  client: Client;
  repos: Pick<Repositories, 'tokens' | 'connections' | 'oauthStates' | 'qbdQueue' | 'qbdOperations'>;
  oauth: IntuitOAuth;
  lifecycle: LifecycleControl;
  payments: Pick<PaymentsControl, 'removeFeed'>;
}) {
  const { repos, oauth, lifecycle } = deps;

  const authorizeUrl = async (connection: Connection): Promise<string> => {
    if (connection.type !== 'qbo') throw new Refusal('invalid', 'Only QuickBooks Online connections are authorised through OAuth');
    return oauth.authorizeUrl(await repos.oauthStates.issue(connection.tenantId, connection.id));
  };

  return {
    list: (tenantId: string): Promise<Connection[]> => repos.connections.listForTenant(tenantId),

    async describe(connection: Connection): Promise<ConnectionDescription> {
      const tokens = await repos.tokens.expiries(connection.id);
      const deadline = tokens && [tokens.refreshExpiresAt, tokens.hardExpiresAt].filter((d): d is Date => !!d)
        .reduce((a, b) => (a < b ? a : b));
      if (connection.type !== 'qbd') return { ...connection, reauthorizeBy: deadline ?? null };
      const [health, waitingForRoom] = await Promise.all([repos.qbdQueue.health(connection.id), repos.qbdOperations.countBlocked(connection.id)]);
      return { ...connection, reauthorizeBy: deadline ?? null, webConnector: { ...health, waitingForRoom } };
    },

    /** A new QuickBooks Online connection, pending until its owner authorises it at the URL returned. */
    async createOnline(tenantId: string, name: string | undefined): Promise<{ connection: Connection; authorizeUrl: string }> {
      const connection = await repos.connections.create({ tenantId, type: 'qbo', name: name ?? 'QuickBooks Online' });
      return { connection, authorizeUrl: await authorizeUrl(connection) };
    },

    /** A new authorisation URL for the same company (reconnect); a Refusal for Desktop connections. */
    authorizeUrl,

    async rename(connection: Connection, name: string): Promise<Connection> {
      const renamed = await repos.connections.rename(connection.id, name);
      if (!renamed) throw new Refusal('not_found', `No connection ${connection.id}`);
      return renamed;
    },

    /** `force` removes it even when Intuit cannot be reached to revoke; otherwise that is a Refusal (unavailable). */
    async disconnect(connectionId: string, force: boolean): Promise<void> {
      const tokens = await repos.tokens.read(connectionId);
      if (tokens) {
        try {
          if (!(await lifecycle.disconnect(connectionId, force))) {
            await oauth.revoke(tokens.refreshToken).catch((error: Error) => {
              if (!force) throw error;
            });
            await repos.tokens.erase(connectionId);
          }
        } catch (error) {
          const reason = error instanceof WorkflowUpdateFailedError && error.cause ? error.cause.message : (error as Error).message;
          throw new Refusal('unavailable', `${reason}; try again, or pass force=true to remove the connection anyway`);
        }
      }
      await deleteBillingSchedules(deps.client, connectionId);
      await deps.payments.removeFeed(connectionId);
      await repos.connections.remove(connectionId);
    },
  };
}

export type ConnectionControl = ReturnType<typeof createConnectionControl>;

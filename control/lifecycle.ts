// Talking to a connection's lifecycle workflow from outside it: start it when tokens are stored, ask it for a
// fresh token, ask it to disconnect. Used by the API and by activities alike.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  connectionLifecycle, disconnect, freshToken, NEEDS_REAUTHORIZATION, tokensReplaced, type LifecyclePolicy,
} from '../workflows/connection-lifecycle.js';
import { lifecycleWorkflowId } from './ids.js';
import { connectionSearchAttributes } from './search-attributes.js';
import type { ConnectionsRepository } from '../db/repositories/core/connections.js';
import { type TokenRefresher } from '../quickbooks/online/tokens.js';
import { InvalidGrantError, NotConnectedError } from '../quickbooks/errors.js';

export interface LifecycleControl extends TokenRefresher {
  /** Starts the connection's workflow, or tells the running one that new tokens were stored. */
  tokensStored(connection: { id: string; tenantId: string }): Promise<void>;
  /** Revokes at Intuit and erases the tokens through the workflow; false if no workflow runs for it. */
  disconnect(connectionId: string, force: boolean): Promise<boolean>;
}

export function createLifecycleControl(deps: {
  client: Client;
  taskQueue: string;
  policy: LifecyclePolicy;
  connections: ConnectionsRepository;
}): LifecycleControl {
  const { client } = deps;
  const handle = (connectionId: string) => client.workflow.getHandle(lifecycleWorkflowId(connectionId));

  const tokensStored = async (connection: { id: string; tenantId: string }) => {
    await client.workflow.signalWithStart(connectionLifecycle, {
      workflowId: lifecycleWorkflowId(connection.id),
      taskQueue: deps.taskQueue,
      args: [{ tenantId: connection.tenantId, connectionId: connection.id, policy: deps.policy }],
      signal: tokensReplaced,
      signalArgs: [],
      typedSearchAttributes: connectionSearchAttributes(connection.tenantId, connection.id),
    });
  };

  return {
    tokensStored,

    async fresh(connectionId, staleVersion) {
      try {
        await handle(connectionId).executeUpdate(freshToken, { args: [{ staleVersion }] });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          // No lifecycle (e.g. it was started before an upgrade): start one, then ask again.
          const connection = await deps.connections.findById(connectionId);
          if (!connection) throw new NotConnectedError(connectionId);
          await tokensStored(connection);
          await handle(connectionId).executeUpdate(freshToken, { args: [{ staleVersion }] });
          return;
        }
        if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === NEEDS_REAUTHORIZATION) {
          throw new InvalidGrantError('the connection needs to be reconnected');
        }
        throw error;
      }
    },

    async disconnect(connectionId, force) {
      try {
        await handle(connectionId).executeUpdate(disconnect, { args: [{ force }] });
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },
  };
}

// Removing a connection: revoke the authorisation at Intuit and erase the tokens (through the lifecycle workflow,
// the only writer of tokens; here only when none runs), remove its billing and change feed schedules, then the
// connection.
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Repositories } from '../db/repositories/index.js';
import { Refusal } from '../domain/refusals.js';
import type { IntuitOAuth } from '../quickbooks/online/oauth.js';
import { deleteBillingSchedules } from './billing-schedules.js';
import type { LifecycleControl } from './lifecycle.js';
import type { PaymentsControl } from './payments.js';

export function createConnectionControl(deps: { client: Client; repos: Pick<Repositories, 'tokens' | 'connections'>; oauth: IntuitOAuth; lifecycle: LifecycleControl; payments: Pick<PaymentsControl, 'removeFeed'> }) {
  const { repos, oauth, lifecycle } = deps;
  return {
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

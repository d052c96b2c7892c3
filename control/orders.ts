// Orders from outside their workflow: accept one (the business rule, then signal-with-start, so a retried request
// or a new revision never starts a second run) and read where it stands (the running workflow's query, or its result).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Repositories } from '../db/repositories/index.js';
import { acceptOrder, refuseInvalidOrder } from '../domain/order-acceptance.js';
import type { Order } from '../domain/order.js';
import { Refusal } from '../domain/refusals.js';
import type { ConnectionStatus, ConnectionType } from '../domain/connections.js';
import { orderStatus, sendOrder, submitOrder, type OrderStatus } from '../workflows/send-order.js';
import { sendOrderWorkflowId } from './ids.js';
import { orderSearchAttributes } from './search-attributes.js';

export interface OrderConnection {
  id: string;
  tenantId: string;
  type: ConnectionType;
  status: ConnectionStatus;
}

export interface AcceptedOrder {
  workflowId: string;
  revision: number;
}

export interface OrderView extends OrderStatus {
  workflowId: string;
  /** Temporal's run status: RUNNING, COMPLETED, FAILED, … */
  run: string;
  error?: string;
}

export interface OrderControl {
  /** Checks the order against the connection's rules (throws a Refusal) and hands it to its workflow. */
  accept(connection: OrderConnection, order: Order): Promise<AcceptedOrder>;
  /** Where the order stands; a Refusal (not_found) when it was never sent on this connection. */
  read(connection: OrderConnection, orderId: string): Promise<OrderView>;
}

export function createOrderControl(deps: {
  client: Client;
  taskQueue: string;
  repos: Pick<Repositories, 'settings' | 'documents'>;
  /** How often a paused order re-checks its connection (besides being woken on reconnection). */
  pausedWorkCheckSeconds: number;
}): OrderControl {
  const { client, repos } = deps;
  return {
    async accept(connection, order) {
      refuseInvalidOrder(order, connection.type); // before any read: bad text must not reach the database
      const settings = await repos.settings.read(connection.id);
      const posted = await repos.documents.listForOrder(connection.id, order.orderId);
      const revision = acceptOrder(order, { connection, settings, newestPostedRevision: Math.max(0, ...posted.map((d) => d.revision)) });
      const ids = { tenantId: connection.tenantId, connectionId: connection.id, orderId: order.orderId };
      const workflowId = sendOrderWorkflowId(ids);
      await client.workflow.signalWithStart(sendOrder, {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [{ ...ids, pausedWorkCheckSeconds: deps.pausedWorkCheckSeconds }],
        signal: submitOrder,
        signalArgs: [{ revision, order }],
        typedSearchAttributes: orderSearchAttributes(ids),
      });
      return { workflowId, revision };
    },

    async read(connection, orderId) {
      const workflowId = sendOrderWorkflowId({ tenantId: connection.tenantId, connectionId: connection.id, orderId });
      const handle = client.workflow.getHandle(workflowId);
      let run: string;
      try {
        run = (await handle.describe()).status.name;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw new Refusal('not_found', `No order ${orderId} was sent on this connection`);
        throw error;
      }
      if (run === 'RUNNING') return { workflowId, run, ...(await handle.query(orderStatus)) };
      try {
        return { workflowId, run, ...(await handle.result()) };
      } catch (error) {
        return { workflowId, run, orderId, outcome: 'failed', revision: 0, steps: [], error: rootMessage(error) };
      }
    },
  };
}

function rootMessage(error: unknown): string {
  let current = error as { cause?: unknown; message?: string } | undefined;
  while (current?.cause) current = current.cause as typeof current;
  return current?.message ?? String(error);
}

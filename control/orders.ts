// Orders from outside their workflow: accept one (the business rule, then signal-with-start, so a retried request
// or a new revision never starts a second run), read where it stands (the running workflow's query, or its result),
// list a connection's orders (Temporal's visibility: every run with its state, including those that never reached
// QuickBooks), and send one again as it was last submitted (read back from its run's history).
import { WorkflowNotFoundError, type Client, type WorkflowExecutionInfo } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { Repositories } from '../db/repositories/index.js';
import { acceptOrder, refuseInvalidOrder } from '../domain/order-acceptance.js';
import type { Order } from '../domain/order.js';
import { Refusal } from '../domain/refusals.js';
import type { ConnectionStatus, ConnectionType } from '../domain/connections.js';
import { orderStatus, sendOrder, submitOrder, type OrderStatus, type OrderSubmission } from '../workflows/send-order.js';
import { sendOrderWorkflowId } from './ids.js';
import { ExternalId, Outcome, orderSearchAttributes } from './search-attributes.js';

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

export type OrderState = 'running' | 'posted' | 'partially_posted' | 'failed';

export interface OrderListFilter {
  state?: OrderState;
  /** Started at or after. */
  from?: Date;
  /** Started before. */
  to?: Date;
  limit: number;
}

export interface OrderSummary {
  orderId: string;
  workflowId: string;
  /** Temporal's run status: RUNNING, COMPLETED, FAILED, … */
  run: string;
  state: OrderState;
  startedAt: Date;
  closedAt: Date | null;
}

export interface OrderControl {
  /** Checks the order against the connection's rules (throws a Refusal) and hands it to its workflow. */
  accept(connection: OrderConnection, order: Order): Promise<AcceptedOrder>;
  /** Where the order stands; a Refusal (not_found) when it was never sent on this connection. */
  read(connection: OrderConnection, orderId: string): Promise<OrderView>;
  /** The connection's orders, newest first (at most `limit`; narrow by date to see further back). */
  list(connection: OrderConnection, filter: OrderListFilter): Promise<OrderSummary[]>;
  /** The order as it was last submitted to its current run; undefined when it was never sent. */
  submitted(connection: OrderConnection, orderId: string): Promise<OrderSubmission | undefined>;
  /**
   * Sends the order again as last submitted, through the same rules as a new one (once what stopped it is fixed);
   * a Refusal (not_found) when it was never sent, (conflict) while it is being sent.
   */
  retry(connection: OrderConnection, orderId: string): Promise<AcceptedOrder>;
}

const quoted = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function summarize(info: WorkflowExecutionInfo): OrderSummary {
  const outcome = info.typedSearchAttributes.get(Outcome);
  const run = info.status.name;
  const state: OrderState = run === 'RUNNING' ? 'running'
    : outcome === 'posted' || outcome === 'partially_posted' || outcome === 'failed' ? outcome : 'failed';
  return {
    orderId: info.typedSearchAttributes.get(ExternalId) ?? info.workflowId.split('/').pop()!,
    workflowId: info.workflowId,
    run,
    state,
    startedAt: info.startTime,
    closedAt: info.closeTime ?? null,
  };
}

/** SQL visibility cannot sort: read this many runs at most, then sort by start time. */
const LIST_SCAN = 500;

export function createOrderControl(deps: {
  client: Client;
  taskQueue: string;
  repos: Pick<Repositories, 'orderContext'>;
  /** How often a paused order re-checks its connection (besides being woken on reconnection). */
  pausedWorkCheckSeconds: number;
}): OrderControl {
  const { client, repos } = deps;
  const control: OrderControl = {
    async accept(connection, order) {
      refuseInvalidOrder(order, connection.type); // before any read: bad text must not reach the database
      const { settings, newestRevision } = await repos.orderContext.atTheDoor(connection.id, order.orderId);
      const revision = acceptOrder(order, { connection, settings, newestPostedRevision: newestRevision });
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

    async list(connection, filter) {
      // every run of an order is listed (a retry is a new run): the newest one per order says where it stands, so
      // states are filtered here, over the newest runs, not in the visibility query
      const query = [
        `TenantId = ${quoted(connection.tenantId)}`, `ConnectionId = ${quoted(connection.id)}`, `DocumentKind = 'order'`,
        ...(filter.from ? [`StartTime >= ${quoted(filter.from.toISOString())}`] : []),
        ...(filter.to ? [`StartTime < ${quoted(filter.to.toISOString())}`] : []),
      ].join(' AND ');
      const newest = new Map<string, OrderSummary>();
      let scanned = 0;
      for await (const info of client.workflow.list({ query, pageSize: 100 })) {
        const run = summarize(info);
        const known = newest.get(run.workflowId);
        if (!known || known.startedAt < run.startedAt) newest.set(run.workflowId, run);
        if (++scanned >= LIST_SCAN) break;
      }
      return [...newest.values()].filter((o) => !filter.state || o.state === filter.state)
        .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime()).slice(0, filter.limit);
    },

    async submitted(connection, orderId) {
      const handle = client.workflow.getHandle(sendOrderWorkflowId({ tenantId: connection.tenantId, connectionId: connection.id, orderId }));
      let history;
      try {
        history = await handle.fetchHistory();
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return undefined;
        throw error;
      }
      const signals = (history.events ?? []).map((e) => e.workflowExecutionSignaledEventAttributes)
        .filter((a) => a?.signalName === submitOrder.name);
      const last = signals.at(-1)?.input?.payloads?.[0];
      if (!last) return undefined;
      const converter = client.workflow.options.loadedDataConverter;
      let payloads = [last as Payload];
      for (const codec of [...converter.payloadCodecs].reverse()) payloads = await codec.decode(payloads);
      return converter.payloadConverter.fromPayload<OrderSubmission>(payloads[0]!);
    },

    async retry(connection, orderId) {
      const workflowId = sendOrderWorkflowId({ tenantId: connection.tenantId, connectionId: connection.id, orderId });
      let run: string;
      try {
        run = (await client.workflow.getHandle(workflowId).describe()).status.name;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw new Refusal('not_found', `No order ${orderId} was sent on this connection`);
        throw error;
      }
      if (run === 'RUNNING') throw new Refusal('conflict', `Order ${orderId} is being sent right now; retry it once it has finished`);
      const submission = await control.submitted(connection, orderId);
      if (!submission) throw new Refusal('not_found', `Order ${orderId} has no submission to send again; send it from the upstream app`);
      return control.accept(connection, submission.order);
    },
  };
  return control;
}

function rootMessage(error: unknown): string {
  let current = error as { cause?: unknown; message?: string } | undefined;
  while (current?.cause) current = current.cause as typeof current;
  return current?.message ?? String(error);
}

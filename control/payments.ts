// Payments back from outside their workflows: record what Intuit's webhooks say (durably, deduplicated by event
// key) and wake each connection's sync; the change feed's schedule per QuickBooks Online connection (created with
// its first copied invoice, triggered on demand, removed with the connection). QuickBooks Desktop has no schedule:
// its feed runs at each Web Connector run (`pollDesktop`, from the SOAP endpoint's authenticate), in that run.
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Repositories } from '../db/repositories/index.js';
import type { IntuitNotification } from '../quickbooks/online/index.js';
import { paymentsFeedScheduleId, paymentsFeedWorkflowId, paymentsSyncWorkflowId } from './ids.js';
import { paymentsSearchAttributes } from './search-attributes.js';

/** Only these entities matter for payments back; other notifications are acknowledged and dropped. */
const WANTED = new Set(['Payment', 'Invoice']);
/** The change feed starts this far before the first invoice, so nothing in between is missed. */
const FEED_START_MARGIN_MS = 60_000;

export interface PaymentsConnection {
  id: string;
  tenantId: string;
}

export interface ReceiveResult {
  /** Events stored now (a repeated event is stored once). */
  recorded: number;
  connections: number;
  unknownRealms: string[];
}

/**
 * Starts (or wakes) a connection's payments sync: a signal-with-start, so a stopped one starts again. By name: an
 * activity calls this, and the workflow imports the activities' types, so importing it here would close a loop.
 */
export async function wakePaymentsSync(client: Pick<Client, 'workflow'>, taskQueue: string, connection: PaymentsConnection): Promise<void> {
  // paymentsSync's arguments (workflows/payments-sync.ts), written out: see above
  const args = [{ tenantId: connection.tenantId, connectionId: connection.id }];
  await client.workflow.signalWithStart('paymentsSync', {
    workflowId: paymentsSyncWorkflowId(connection.id),
    taskQueue,
    args,
    signal: 'intuitEventsRecorded',
    signalArgs: [],
    typedSearchAttributes: paymentsSearchAttributes(connection.tenantId, connection.id),
  });
}

export function createPaymentsControl(deps: {
  client: Client;
  taskQueue: string;
  repos: Pick<Repositories, 'intuitEvents' | 'qbdQueue' | 'connections'>;
  /** How long the Web Connector session waits for the Desktop feed's first requests (QBD_HOLD_SECONDS). */
  desktopHoldMs?: number;
  /** How often the change feed runs per connection. */
  feedIntervalSeconds: number;
}) {
  const { client, taskQueue, repos } = deps;
  // One wake in flight per connection in this process; wakes asked for meanwhile become one more after it.
  const waking = new Map<string, { again: boolean }>();
  const wake = (connection: PaymentsConnection, onError: (error: unknown) => void): void => {
    const inFlight = waking.get(connection.id);
    if (inFlight) {
      inFlight.again = true;
      return;
    }
    const state = { again: false };
    waking.set(connection.id, state);
    void (async () => {
      do {
        state.again = false;
        await wakePaymentsSync(client, taskQueue, connection).catch(onError);
      } while (state.again);
      waking.delete(connection.id);
    })();
  };

  const createSchedule = async (connection: PaymentsConnection): Promise<void> => {
    const args = { tenantId: connection.tenantId, connectionId: connection.id }; // paymentsFeed's arguments
    try {
      await client.schedule.create({
        scheduleId: paymentsFeedScheduleId(connection.id),
        spec: { intervals: [{ every: `${deps.feedIntervalSeconds} seconds` }] },
        action: {
          type: 'startWorkflow',
          workflowType: 'paymentsFeed',
          workflowId: paymentsFeedWorkflowId(connection.id),
          taskQueue,
          args: [args],
          typedSearchAttributes: paymentsSearchAttributes(connection.tenantId, connection.id),
        },
        // a run that is late is not worth catching up: the next one reads everything since the mark anyway
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  };

  const ensureFeed = async (connection: PaymentsConnection): Promise<void> => {
    if (await repos.intuitEvents.mark(connection.id)) return;
    // the schedule first: a mark means its schedule exists
    await createSchedule(connection);
    await repos.intuitEvents.startMark(connection.id, new Date(Date.now() - FEED_START_MARGIN_MS).toISOString());
  };

  /** Desktop: the feed starts at a mark; there is no schedule (each Web Connector run reads it). */
  const ensureDesktopFeed = async (connection: PaymentsConnection): Promise<void> => {
    if (await repos.intuitEvents.mark(connection.id)) return;
    await repos.intuitEvents.startMark(connection.id, new Date(Date.now() - FEED_START_MARGIN_MS).toISOString());
  };

  return {
    ensureDesktopFeed,

    /**
     * A Web Connector run began for a Desktop connection whose invoices we copy: keep its session open for the feed's
     * requests (ReceivePaymentQuery modified since the mark, TxnDeletedQuery) and start the feed, so they travel in
     * this same run. The feed lets the hold go once its requests are queued; one already running just goes on.
     */
    async pollDesktop(connectionId: string): Promise<boolean> {
      if (!(await repos.intuitEvents.mark(connectionId))) return false;
      const connection = await repos.connections.findById(connectionId);
      if (!connection) return false;
      await repos.qbdQueue.hold(connectionId, desktopPollHolder(connectionId), deps.desktopHoldMs ?? 60_000);
      try {
        await client.workflow.start('paymentsFeed', {
          workflowId: paymentsFeedWorkflowId(connectionId),
          taskQueue,
          args: [{ tenantId: connection.tenantId, connectionId }], // paymentsFeed's arguments
          typedSearchAttributes: paymentsSearchAttributes(connection.tenantId, connectionId),
        });
        return true;
      } catch (error) {
        await repos.qbdQueue.releaseHold(desktopPollHolder(connectionId), connectionId, 0);
        if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
        throw error;
      }
    },

    /**
     * Records the notifications for every connection of their realms, then wakes each one's sync without waiting for
     * it (Intuit wants its answer within 3 s; the events are stored, and the change feed wakes the sync anyway if a
     * wake is lost).
     */
    async receive(notifications: IntuitNotification[], onWakeError: (error: unknown) => void = () => {}): Promise<ReceiveResult> {
      const realms = [...new Set(notifications.map((n) => n.realmId))];
      const connections = await repos.intuitEvents.connectionsOfRealms(realms);
      const known = new Set(connections.map((c) => c.realmId));
      // only connections that copy invoices care; others (orders, billing) hear nothing of their own changes
      const events = connections.filter((c) => c.feed).flatMap((connection) => notifications
        .filter((n) => n.realmId === connection.realmId && WANTED.has(n.entity))
        .map((n) => ({
          connectionId: connection.id, eventKey: n.key, source: 'webhook' as const, entity: n.entity, entityId: n.entityId,
          operation: n.operation, occurredAt: n.occurredAt,
        })));
      const recorded = events.length > 0 ? await repos.intuitEvents.record(events) : 0;
      const touched = connections.filter((c) => events.some((e) => e.connectionId === c.id));
      for (const connection of touched) wake(connection, onWakeError);
      return { recorded, connections: touched.length, unknownRealms: realms.filter((r) => !known.has(r)) };
    },

    /** The connection's change feed: its mark and its schedule (once; later calls only check the mark). */
    ensureFeed,

    /** Runs the change feed now (creating it first if the connection has none yet). */
    async syncNow(connection: PaymentsConnection): Promise<string> {
      await ensureFeed(connection);
      const handle = client.schedule.getHandle(paymentsFeedScheduleId(connection.id));
      try {
        await handle.trigger();
      } catch (error) {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
        await createSchedule(connection);
        await handle.trigger();
      }
      return paymentsFeedScheduleId(connection.id);
    },

    /** Removes the connection's change feed schedule (absent is fine). */
    async removeFeed(connectionId: string): Promise<void> {
      await client.schedule.getHandle(paymentsFeedScheduleId(connectionId)).delete().catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
    },
  };
}

export type PaymentsControl = ReturnType<typeof createPaymentsControl>;

/** The hold that keeps a Web Connector session open until the Desktop payments feed has queued its reads. */
export const desktopPollHolder = (connectionId: string) => `payments-poll:${connectionId}`;

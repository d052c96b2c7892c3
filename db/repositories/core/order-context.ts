// What sending an order needs to know before its first step, read in one round trip (it is read for every order):
// the connection's type, its settings, whether its tenant listens for document events, and which of the order's
// sync errors are still open (a post clears them only when there are some).
import { and, eq, sql } from 'drizzle-orm';
import { defaultSettings, type Settings } from '../../../domain/settings.js';
import type { Database } from '../../client.js';
import { connections, connectionSettings, syncErrors, webhookEndpoints, type ConnectionType } from '../../schema/index.js';

export interface OrderConnectionContext {
  type: ConnectionType;
  settings: Settings;
  /** Whether an active webhook endpoint of the tenant takes any of the event types asked about. */
  notifies: boolean;
  /** Document kinds (step names) with an open sync error for this order. */
  openErrorKinds: string[];
}

export function createOrderContextRepository(db: Database) {
  return {
    async read(connectionId: string, orderId: string, eventTypes: string[]): Promise<OrderConnectionContext | undefined> {
      const events = sql`array[${sql.join(eventTypes.map((type) => sql`${type}`), sql`, `)}]::text[]`;
      const [row] = await db.select({
        type: connections.type,
        settings: connectionSettings.settings,
        notifies: sql<boolean>`exists (select 1 from ${webhookEndpoints} where ${and(
          eq(webhookEndpoints.tenantId, connections.tenantId), eq(webhookEndpoints.active, true),
        )} and ${webhookEndpoints.events} ?| ${events})`,
        openErrorKinds: sql<string[]>`array(select distinct ${syncErrors.documentKind} from ${syncErrors} where ${and(
          eq(syncErrors.connectionId, connections.id), eq(syncErrors.externalId, orderId), eq(syncErrors.resolved, false),
        )})`,
      }).from(connections)
        .leftJoin(connectionSettings, eq(connectionSettings.connectionId, connections.id))
        .where(eq(connections.id, connectionId));
      if (!row) return undefined;
      return { type: row.type, settings: (row.settings as Settings | null) ?? defaultSettings, notifies: row.notifies, openErrorKinds: row.openErrorKinds };
    },
  };
}

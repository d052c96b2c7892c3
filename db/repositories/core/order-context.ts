// What accepting and sending an order need to know, each read in one round trip (they are read for every order):
// at the door, the settings and the newest revision already written; before the first step, the connection's type,
// its settings, whether its tenant listens for document events, and which of the order's sync errors are still
// open (a post clears them only when there are some).
import { and, eq, sql } from 'drizzle-orm';
import { defaultSettings, type Settings } from '../../../domain/settings.js';
import type { Database } from '../../client.js';
import { connections, connectionSettings, documents, syncErrors, webhookEndpoints, type ConnectionType } from '../../schema/index.js';

export interface OrderConnectionContext {
  type: ConnectionType;
  settings: Settings;
  /** Whether an active webhook endpoint of the tenant takes any of the event types asked about. */
  notifies: boolean;
  /** Document kinds (step names) with an open sync error for this order. */
  openErrorKinds: string[];
}

/** Settings as stored with the connection; none stored means the defaults. */
const settingsOf = (stored: unknown): Settings => (stored as Settings | null | undefined) ?? defaultSettings;

export function createOrderContextRepository(db: Database) {
  return {
    /** The settings an order is checked against, and the newest revision of it that reached the documents table (0: none). */
    async atTheDoor(connectionId: string, orderId: string): Promise<{ settings: Settings; newestRevision: number }> {
      const [row] = await db.select({
        settings: connectionSettings.settings,
        newestRevision: sql<number | null>`(select max(${documents.revision}) from ${documents} where ${and(
          eq(documents.connectionId, connections.id), eq(documents.externalId, orderId),
        )})`,
      }).from(connections)
        .leftJoin(connectionSettings, eq(connectionSettings.connectionId, connections.id))
        .where(eq(connections.id, connectionId));
      return { settings: settingsOf(row?.settings), newestRevision: row?.newestRevision ?? 0 };
    },


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
      return { type: row.type, settings: settingsOf(row.settings), notifies: row.notifies, openErrorKinds: row.openErrorKinds };
    },
  };
}

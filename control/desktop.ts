// QuickBooks Desktop connections from outside the Web Connector: create one (credentials shown once), its .QWC
// file, a new password, where its Web Connector stands (company file, last contact, queue, imported lists), and
// re-importing its lists. The API routes and the console both call these.
import type { Connection } from '../db/repositories/core/connections.js';
import type { QbdConnection } from '../db/repositories/desktop/connections.js';
import type { Repositories } from '../db/repositories/index.js';
import { Refusal } from '../domain/refusals.js';
import {
  createQbdConnection, issueWebConnectorPassword, qwcFile, qwcPath, startListImport, type WebConnectorCredentials,
} from '../quickbooks/desktop/index.js';

export interface WebConnectorState {
  userName: string;
  runEveryMinutes: number;
  qwcUrl: string;
  /** The company file this connection is bound to (set by the first Web Connector run). */
  companyFile: string | null;
  companyName: string | null;
  qbxmlVersion: string | null;
  /** The Web Connector's last contact. */
  lastSessionAt: Date | null;
  queue: { queued: number; sent: number };
  lists: { kind: string; state: string; count: number; pages: number; error: string | null; finishedAt: Date | null }[];
}

export function createDesktopControl(deps: { repos: Repositories; listPageSize: number }) {
  const { repos } = deps;

  const desktop = async (connection: Connection): Promise<QbdConnection> => {
    const qbd = connection.type === 'qbd' ? await repos.qbdConnections.find(connection.id) : undefined;
    if (!qbd) throw new Refusal('invalid', 'This is not a QuickBooks Desktop connection');
    return qbd;
  };

  return {
    /** The connection and its Web Connector credentials (the password is in the answer only). */
    create: (tenantId: string, body: { name?: string; runEveryMinutes?: number }): Promise<{ connection: Connection; webConnector: WebConnectorCredentials }> =>
      createQbdConnection(repos, tenantId, body),

    /** The .QWC file pointing the Web Connector at `publicUrl` (the API's own address, as it is configured). */
    async qwc(connection: Connection, publicUrl: string): Promise<{ fileName: string; xml: string }> {
      return qwcFile(connection, await desktop(connection), publicUrl);
    },

    /** A new password; the old one stops working at once. */
    async newPassword(connection: Connection): Promise<WebConnectorCredentials> {
      return issueWebConnectorPassword(repos, await desktop(connection));
    },

    async state(connection: Connection): Promise<WebConnectorState> {
      const qbd = await desktop(connection);
      const [counts, lists] = await Promise.all([repos.qbdQueue.counts(connection.id), repos.qbdLists.imports(connection.id)]);
      return {
        userName: qbd.userName,
        runEveryMinutes: qbd.runEveryMinutes,
        qwcUrl: qwcPath(connection.id),
        companyFile: qbd.companyFilePath,
        companyName: qbd.companyName,
        qbxmlVersion: qbd.qbxmlVersion,
        lastSessionAt: qbd.lastSessionAt,
        queue: { queued: counts.queued, sent: counts.sent },
        lists: lists.map((l) => ({ kind: l.kind, state: l.state, count: l.count, pages: l.pages, error: l.error, finishedAt: l.finishedAt })),
      };
    },

    /** Imports the company file's lists again during the next Web Connector run. */
    async importLists(connection: Connection): Promise<void> {
      await desktop(connection);
      await startListImport(repos, connection.id, deps.listPageSize);
    },
  };
}

export type DesktopControl = ReturnType<typeof createDesktopControl>;

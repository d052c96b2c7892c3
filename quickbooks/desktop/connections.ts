// A QuickBooks Desktop connection's Web Connector side: its credentials (a generated user name and a strong
// password, shown once and kept as a scrypt hash) and the .QWC file that points the Web Connector at us.
import type { Connection } from '../../db/repositories/core/connections.js';
import type { QbdConnection } from '../../db/repositories/desktop/connections.js';
import type { Repositories } from '../../db/repositories/index.js';
import { Refusal } from '../../domain/refusals.js';
import { generatePassword, generateUserName, hashPassword } from './passwords.js';
import { appUrlProblem, buildQwc } from './qbxml/index.js';

export interface WebConnectorCredentials {
  userName: string;
  /** Shown once; qbflow keeps only its hash. */
  password: string;
  qwcUrl: string;
  runEveryMinutes: number;
}

export const qwcPath = (connectionId: string) => `/v1/connections/${connectionId}/qwc`;

/** The connection and its Web Connector credentials, in one transaction. */
export async function createQbdConnection(
  repos: Repositories,
  tenantId: string,
  body: { name?: string; runEveryMinutes?: number },
): Promise<{ connection: Connection; webConnector: WebConnectorCredentials }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const runEveryMinutes = body.runEveryMinutes ?? 5;
  return repos.transaction(async (tx) => {
    const connection = await repos.connections.create({ tenantId, type: 'qbd', name: body.name ?? 'QuickBooks Desktop' }, tx);
    const qbd = await repos.qbdConnections.create({ connectionId: connection.id, userName: generateUserName(), passwordHash, runEveryMinutes }, tx);
    return { connection, webConnector: { userName: qbd.userName, password, qwcUrl: qwcPath(connection.id), runEveryMinutes } };
  });
}

/** A new password; the old one stops working at once. */
export async function issueWebConnectorPassword(repos: Repositories, qbd: QbdConnection): Promise<WebConnectorCredentials> {
  const password = generatePassword();
  await repos.qbdConnections.setPassword(qbd.connectionId, await hashPassword(password));
  return { userName: qbd.userName, password, qwcUrl: qwcPath(qbd.connectionId), runEveryMinutes: qbd.runEveryMinutes };
}

/** The .QWC file for the connection; a Refusal when the public URL is one the Web Connector would refuse. */
export function qwcFile(connection: Connection, qbd: QbdConnection, publicUrl: string): { fileName: string; xml: string } {
  const problem = appUrlProblem(`${publicUrl}/qbwc`);
  if (problem) throw new Refusal('conflict', problem);
  const xml = buildQwc({
    appName: `qbflow - ${connection.name} (${connection.id.slice(0, 8)})`,
    appDescription: `Sends documents from qbflow to the QuickBooks company file of "${connection.name}"`,
    appUrl: `${publicUrl}/qbwc`,
    appSupportUrl: `${publicUrl}/qbwc/support`,
    userName: qbd.userName,
    fileId: qbd.fileId,
    runEveryMinutes: qbd.runEveryMinutes,
  });
  const fileName = `qbflow-${connection.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'connection'}.qwc`;
  return { fileName, xml };
}

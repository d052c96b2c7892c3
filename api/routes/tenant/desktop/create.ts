// Creating a QuickBooks Desktop connection: the connection, its Web Connector user name and a strong password
// (returned once, stored as a scrypt hash), and where to download the .QWC file.
import { Type } from 'typebox';
import type { Connection } from '../../../../db/repositories/core/connections.js';
import type { Repositories } from '../../../../db/repositories/index.js';
import { generatePassword, generateUserName, hashPassword } from '../../../../quickbooks/desktop/passwords.js';

export const CreateQbdConnection = Type.Object({
  type: Type.Literal('qbd'),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  runEveryMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'How often the Web Connector runs (default 5)' })),
}, { additionalProperties: false });

export const WebConnectorCredentials = Type.Object({
  userName: Type.String({ description: 'The Web Connector user name (it is in the .QWC file too)' }),
  password: Type.String({ description: 'Shown once: enter it in the Web Connector. qbflow keeps only a hash.' }),
  qwcUrl: Type.String({ description: 'Download the .QWC file here and open it with the Web Connector' }),
  runEveryMinutes: Type.Integer(),
});

export const qwcPath = (connectionId: string) => `/v1/connections/${connectionId}/qwc`;

export async function createQbdConnection(
  repos: Repositories,
  tenantId: string,
  body: { name?: string; runEveryMinutes?: number },
): Promise<{ connection: Connection; webConnector: { userName: string; password: string; qwcUrl: string; runEveryMinutes: number } }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const runEveryMinutes = body.runEveryMinutes ?? 5;
  return repos.transaction(async (tx) => {
    const connection = await repos.connections.create({ tenantId, type: 'qbd', name: body.name ?? 'QuickBooks Desktop' }, tx);
    const qbd = await repos.qbdConnections.create({ connectionId: connection.id, userName: generateUserName(), passwordHash, runEveryMinutes }, tx);
    return { connection, webConnector: { userName: qbd.userName, password, qwcUrl: qwcPath(connection.id), runEveryMinutes } };
  });
}

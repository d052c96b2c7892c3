// Schemas for creating a QuickBooks Desktop connection: what the request carries, and the Web Connector credentials
// the answer shows once.
import { Type } from 'typebox';

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

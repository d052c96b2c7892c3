// `npm run sandbox`: the sandbox QuickBooks on its own. Other emulators (QuickBooks Desktop in
// sandbox/qbd) mount on the same Fastify app before listen().
import { pino } from 'pino';
import { createQboSandbox } from './qbo/index.js';

const port = Number(process.env.PORT ?? 4100);
const logger = pino({ level: 'warn', ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty' } } : {}) });
const qbo = createQboSandbox({ logger });
// Mount further emulators here, e.g. `await qbo.app.register(qbdSandbox, {...})`.

const baseUrl = await qbo.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
const urls = qbo.endpoints(baseUrl);
console.log(`Sandbox QuickBooks Online listening on ${baseUrl}
  Accounting API   ${urls.apiBaseUrl}/v3/company/{realmId}/…
  Authorize        ${urls.authorizeEndpoint}
  Token            ${urls.tokenEndpoint}
  Revoke           ${urls.revokeEndpoint}
  UserInfo         ${urls.userInfoEndpoint}
  Client id        ${qbo.clientId}
  Client secret    ${qbo.clientSecret}
  Inspection       ${urls.controlUrl}/companies  (control API: ${urls.controlUrl})
  Webhooks         PUT ${urls.controlUrl}/webhooks { "url", "verifierToken", "format": "legacy" | "cloudevents" }`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void qbo.close().then(() => process.exit(0));
  });
}

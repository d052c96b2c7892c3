// `npm start`: the whole product on one machine with nothing configured, and what to do next.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../config/index.js';
import { startStack, type Stack } from './stack.js';

const dataDir = resolve(process.env.QBFLOW_DATA_DIR ?? '.qbflow');

async function demoTenantKey(stack: Stack): Promise<string> {
  const file = join(dataDir, 'demo-tenant.json');
  if (existsSync(file)) {
    const { apiKey } = JSON.parse(readFileSync(file, 'utf8')) as { apiKey: string };
    const check = await fetch(`${stack.apiUrl}/v1/tenant`, { headers: { Authorization: `Bearer ${apiKey}` } });
    if (check.ok) return apiKey;
  }
  const response = await fetch(`${stack.apiUrl}/v1/tenants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.operatorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Demo tenant', adminEmails: ['admin@example.com'] }),
  });
  const { apiKey } = (await response.json()) as { apiKey: string };
  await writeFile(file, JSON.stringify({ apiKey }, null, 2), { mode: 0o600 });
  return apiKey;
}

/** A console link for the demo tenant (single use, 10 minutes), as an upstream app would ask for one. */
async function consoleLink(stack: Stack, apiKey: string): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/v1/console/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  const { url } = (await response.json()) as { url: string };
  return url;
}

try {
  // a local install may send webhooks to receivers on this machine; production leaves this off
  const env = { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', ...process.env };
  const stack = await startStack({ dataDir, env, log: (line) => console.log(line), sandbox: { autoApprove: false } });
  const key = await demoTenantKey(stack);
  const api = stack.apiUrl;
  const consoleUrl = await consoleLink(stack, key);
  console.log(`
qbflow is running.
  API            ${api}   (OpenAPI: ${api}/docs)
  Temporal UI    ${stack.temporalUiUrl ?? '(your Temporal cluster\'s UI)'}
${stack.sandbox ? `  Sandbox QBO    ${stack.sandbox.url}   (inspect: ${stack.sandbox.url}/_sandbox/companies)\n` : ''}  Operator token ${stack.operatorToken}   (kept in ${join(dataDir, 'local-secrets.json')})
  Demo API key   ${key}
  Webhooks       ${stack.config.webhooks.allowPrivateNetworks ? 'may also go to this machine and private networks (WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true: never in production)' : 'public https endpoints only'}
  Console        ${consoleUrl}
                 (single use, 10 minutes; another: curl -s -X POST ${api}/v1/console/sessions -H 'Authorization: Bearer ${key}')

Next: open the console to connect a QuickBooks company (Online or Desktop), or do it over the API and send an order.
  curl -s -X POST ${api}/v1/connections -H 'Authorization: Bearer ${key}' -H 'Content-Type: application/json' -d '{"type":"qbo"}'
  → open the "authorizeUrl" it returns in a browser and press Connect; then POST an order to
    ${api}/v1/connections/<connection id>/orders  (see README.md), or run \`npm run demo\` for all of it.
Press Ctrl+C to stop.`);
  const stop = async () => {
    console.log('Stopping…');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
}

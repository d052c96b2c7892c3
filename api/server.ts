// The API's entry: builds the services and the app, and listens. Run alone with `tsx api/server.ts`.
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createServices } from '../services.js';
import { loadConfig, type Config } from '../config/index.js';
import { createLogger } from '../config/logger.js';
import { connectionOptions } from '../config/temporal.js';
import { buildApp } from './app.js';

export interface ApiHandle {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startApi(config: Config): Promise<ApiHandle> {
  const connection = await Connection.connect(connectionOptions(config.temporal));
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const services = createServices(config, temporal);
  const app = await buildApp(
    { config, repos: services.repos, oauth: services.oauth, ledgerFor: services.ledgerFor, control: services.control, readinessChecks: services.readinessChecks },
    { logger: createLogger(config.logLevel, 'api') },
  );
  app.addHook('onClose', async () => {
    await connection.close();
    await services.close();
  });
  const address = await app.listen({ host: config.host, port: config.port });
  return { app, url: address, close: () => app.close() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const handle = await startApi(loadConfig());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void handle.close());
}

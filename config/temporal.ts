// Connection options for Temporal, shared by the worker (native connection) and the API (client).
import { readFileSync } from 'node:fs';
import type { TemporalConfig } from './index.js';

export function connectionOptions(config: TemporalConfig) {
  return {
    address: config.address,
    ...(config.tls ? {
      tls: { clientCertPair: { crt: readFileSync(config.tls.certPath), key: readFileSync(config.tls.keyPath) } },
    } : {}),
    ...(config.apiKey ? { apiKey: config.apiKey, tls: true as const } : {}),
  };
}

// docker-compose.yml publishes Temporal (frontend and UI: no authentication of their own, payloads with customer
// names and amounts) on this machine's loopback only; only the API is meant to be reached from outside.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Compose {
  services: Record<string, { image?: string; ports?: (string | { published?: string; host_ip?: string })[] }>;
}

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as Compose;

/** The host address a published port binds to ("" when it binds every interface). */
function hostIp(port: string | { host_ip?: string }): string {
  if (typeof port !== 'string') return port.host_ip ?? '';
  const parts = port.split(':');
  return parts.length === 3 ? parts[0]! : '';
}

describe('docker-compose.yml', () => {
  const temporalServices = Object.entries(compose.services).filter(([, s]) => /^temporalio\/(auto-setup|server|ui)/.test(s.image ?? ''));

  it('binds Temporal\'s frontend and UI to 127.0.0.1', () => {
    expect(temporalServices.map(([name]) => name).sort()).toEqual(['temporal', 'temporal-ui']);
    for (const [name, service] of temporalServices) {
      expect(service.ports?.length, name).toBeGreaterThan(0);
      for (const port of service.ports ?? []) expect(hostIp(port), `${name}: ${JSON.stringify(port)}`).toBe('127.0.0.1');
    }
  });

  it('publishes nothing else but the API', () => {
    const published = Object.entries(compose.services).filter(([, s]) => s.ports?.some((p) => hostIp(p) !== '127.0.0.1')).map(([name]) => name);
    expect(published).toEqual(['api']);
  });
});

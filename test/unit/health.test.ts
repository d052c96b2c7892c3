// Readiness says which dependency did not answer (and never waits on one for long); the worker's listener answers
// live while it drains but not ready, so an orchestrator neither sends it work nor cuts the drain short.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { readiness, serveHealth, type ProcessState } from '../../config/health.js';

describe('readiness', () => {
  it('is ready when every check answers, and names the ones that fail or hang', async () => {
    expect(await readiness({ postgres: async () => 1, temporal: async () => ({}) })).toEqual({ ready: true, checks: { postgres: 'ok', temporal: 'ok' } });
    const result = await readiness({
      postgres: async () => { throw new Error('connect ECONNREFUSED 127.0.0.1:5432'); },
      temporal: () => new Promise(() => {}),
    });
    expect(result).toEqual({ ready: false, checks: { postgres: 'connect ECONNREFUSED 127.0.0.1:5432', temporal: 'no answer within 2000 ms' } });
  });
});

describe("the worker's health listener", () => {
  it('answers live and ready while running, live but not ready while draining, neither once stopped', async () => {
    let state: ProcessState = { live: true, accepting: true };
    const server = await serveHealth(0, () => state, { postgres: async () => 1 });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const status = async (path: string) => (await fetch(`${base}${path}`)).status;
    try {
      expect([await status('/health/live'), await status('/health/ready')]).toEqual([200, 200]);
      state = { live: true, accepting: false };
      expect([await status('/health/live'), await status('/health/ready')]).toEqual([200, 503]);
      state = { live: false, accepting: false };
      expect([await status('/health/live'), await status('/health/ready')]).toEqual([503, 503]);
      expect(await status('/elsewhere')).toBe(404);
    } finally {
      server.close();
    }
  });
});

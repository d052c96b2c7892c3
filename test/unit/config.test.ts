import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/index.js';
import { generateEncryptionKey } from '../../db/secrets.js';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/qbflow',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  OPERATOR_TOKEN: 'x'.repeat(32),
  ENCRYPTION_KEYS: generateEncryptionKey('k1'),
  INTUIT_CLIENT_ID: 'id',
  INTUIT_CLIENT_SECRET: 'secret',
};

describe('config', () => {
  it('reads a valid environment with defaults', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.intuit.minorVersion).toBe(75);
    expect(config.intuit.redirectUri).toBe('http://localhost:3000/v1/oauth/callback');
    expect(config.temporal.taskQueue).toBe('qbflow');
  });

  it('names every bad field at once', () => {
    try {
      loadConfig({ ...valid, DATABASE_URL: '', PORT: 'eighty', OPERATOR_TOKEN: 'short', INTUIT_MINOR_VERSION: '65', ENCRYPTION_KEYS: 'k1:abcd' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['DATABASE_URL', 'PORT', 'OPERATOR_TOKEN', 'INTUIT_MINOR_VERSION', 'ENCRYPTION_KEYS']) expect(message).toContain(name);
    }
  });

  it('keeps webhooks to public addresses unless told otherwise, and reads TRUST_PROXY', () => {
    const config = loadConfig(valid);
    expect(config.webhooks.allowPrivateNetworks).toBe(false);
    expect(config.trustProxy).toBe(false);
    expect(config.qbd.maxSoapBytesWithoutTicket).toBe(65_536);
    expect(loadConfig({ ...valid, WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' }).webhooks.allowPrivateNetworks).toBe(true);
    expect(loadConfig({ ...valid, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...valid, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ ...valid, WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'yes' })).toThrow(/WEBHOOKS_ALLOW_PRIVATE_NETWORKS must be true or false/);
  });
});

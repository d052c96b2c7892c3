// AES-256-GCM encryption for secrets at rest. Each ciphertext names the key that sealed it, so keys rotate:
// the first key seals, every listed key opens.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** A MAC of `data` for one purpose (e.g. OAuth state), under a key derived from the encryption keys. */
  sign(purpose: string, data: string): string;
  verify(purpose: string, data: string, signature: string): boolean;
}

const VERSION = 'v1';

export function createSecretBox(keys: readonly EncryptionKey[]): SecretBox {
  const [active] = keys;
  if (!active) throw new Error('at least one encryption key is required');
  for (const { id, key } of keys) {
    if (key.length !== 32) throw new Error(`encryption key "${id}" must be 32 bytes`);
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`encryption key id "${id}" may use letters, digits, _ and -`);
  }
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const mac = (key: Buffer, purpose: string, data: string) => {
    const derived = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `qbflow:${purpose}`, 32));
    return createHmac('sha256', derived).update(data).digest('base64url');
  };

  return {
    sign(purpose, data) {
      return mac(active.key, purpose, data);
    },
    verify(purpose, data, signature) {
      const given = Buffer.from(signature);
      return keys.some(({ key }) => {
        const expected = Buffer.from(mac(key, purpose, data));
        return expected.length === given.length && timingSafeEqual(expected, given);
      });
    },
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', active.key, iv);
      cipher.setAAD(Buffer.from(active.id));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, active.id, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, keyId, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || !keyId || iv === undefined || body === undefined || tag === undefined) {
        throw new Error('not a sealed secret');
      }
      const key = byId.get(keyId);
      if (!key) throw new Error(`secret sealed with unknown key "${keyId}"`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Parses "id1:base64key,id0:base64key" (first one seals). */
export function parseEncryptionKeys(text: string): EncryptionKey[] {
  return text.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const separator = entry.indexOf(':');
    if (separator <= 0) throw new Error('each encryption key is written "id:base64key"');
    return { id: entry.slice(0, separator), key: Buffer.from(entry.slice(separator + 1), 'base64') };
  });
}

export function generateEncryptionKey(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

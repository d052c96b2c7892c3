import { describe, expect, it } from 'vitest';
import { createSecretBox, generateEncryptionKey, parseEncryptionKeys } from '../../db/secrets.js';

describe('secret box', () => {
  const oldKey = parseEncryptionKeys(generateEncryptionKey('old'))[0]!;
  const newKey = parseEncryptionKeys(generateEncryptionKey('new'))[0]!;

  it('seals so that the plaintext does not appear and opens it again', () => {
    const box = createSecretBox([newKey]);
    const sealed = box.seal('refresh-token-value');
    expect(sealed).not.toContain('refresh-token-value');
    expect(sealed.startsWith('v1.new.')).toBe(true);
    expect(box.open(sealed)).toBe('refresh-token-value');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('rotates: the first key seals, older keys still open', () => {
    const before = createSecretBox([oldKey]).seal('secret');
    const rotated = createSecretBox([newKey, oldKey]);
    expect(rotated.open(before)).toBe('secret');
    expect(rotated.seal('secret').split('.')[1]).toBe('new');
    expect(() => createSecretBox([newKey]).open(before)).toThrow(/unknown key "old"/);
  });

  it('detects tampering', () => {
    const box = createSecretBox([newKey]);
    const parts = box.seal('secret').split('.');
    parts[3] = Buffer.from('forged').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });
});

// Web Connector credentials: a generated user name and a strong password, shown once and kept only as a scrypt
// hash; checked in constant time, also for user names that do not exist (so timing tells nothing).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** 192 random bits, URL-safe: easy to paste into the Web Connector, impossible to guess. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

export function generateUserName(): string {
  return `qbflow-${randomBytes(5).toString('hex')}`;
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

let decoy: Promise<string> | undefined;

/** True when the password matches; an absent or malformed hash is checked against a decoy and fails. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parts = (stored ?? (await (decoy ??= hashPassword(randomBytes(16).toString('hex'))))).split('$');
  const [scheme, n, r, p, saltText, keyText] = parts;
  if (scheme !== 'scrypt' || !saltText || !keyText || parts.length !== 6) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await derive(password, Buffer.from(saltText, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected) && stored !== undefined;
}

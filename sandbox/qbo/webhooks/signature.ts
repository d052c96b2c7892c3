// The `intuit-signature` header: base64 of HMAC-SHA256 over the raw body, keyed with the app's verifier token.
import { createHmac } from 'node:crypto';

export function intuitSignature(body: string, verifierToken: string): string {
  return createHmac('sha256', verifierToken).update(body, 'utf8').digest('base64');
}

// The QuickBooks Online wing's front door: the paced Accounting API client, Intuit OAuth, the token source and the
// ledger over them, and the reading of Intuit's webhook notifications. Other layers import from here.
export { createQboClient, type QboClient } from './client.js';
export { createQboLedger } from './ledger.js';
export { createIntuitOAuth, type IntuitOAuth } from './oauth.js';
export { createPacer } from './pacing.js';
export { createTokenSource, type TokenSource } from './tokens.js';
export { INTUIT_SIGNATURE_HEADER, parseIntuitNotifications, verifyIntuitSignature, WebhookPayloadError, type IntuitNotification } from './webhooks.js';

// One webhook POST over node:http(s) with a guarded `lookup`: the connection is refused unless every address the
// host resolves to at this moment is public (see addresses.ts), redirects are never followed, and the answer's body
// is discarded. Network failures come back as one generic error, so nobody learns an open port from a closed one.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import ipaddr from 'ipaddr.js';
import { AddressRefused, guardedLookup, hostOf, localNameReason, nonPublicReason, type LookupAll } from './addresses.js';

export interface WebhookPostOptions {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  /** Name resolution (the system's by default); tests give their own. */
  lookup?: LookupAll;
}

/** The endpoint could not be reached (refused address, DNS, TCP, TLS, timeout); `cause` is for logs only. */
export class WebhookUnreachable extends Error {
  constructor(cause: Error) {
    super('the endpoint could not be reached', { cause });
  }
}

/** POSTs once and answers the HTTP status (any status: the caller decides what counts as delivered). */
export async function postWebhook(target: string, options: WebhookPostOptions): Promise<number> {
  const url = new URL(target);
  const host = hostOf(url);
  if (!options.allowPrivateNetworks) {
    // literal addresses never reach `lookup`, so they are checked here
    const reason = localNameReason(host) ?? (ipaddr.isValid(host) ? nonPublicReason(host) : undefined);
    if (reason) throw new WebhookUnreachable(new AddressRefused(`${url.hostname} ${reason}`));
  }
  const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
  if (!send) throw new WebhookUnreachable(new Error(`unsupported scheme ${url.protocol}`));
  return new Promise<number>((resolve, reject) => {
    const request = send(url, {
      method: 'POST',
      headers: { ...options.headers, 'Content-Length': String(Buffer.byteLength(options.body)) },
      lookup: guardedLookup(options),
      agent: false,
      signal: AbortSignal.timeout(options.timeoutMs),
    }, (response: IncomingMessage) => {
      response.resume(); // the body is not read, only drained
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', (error) => reject(new WebhookUnreachable(error)));
    });
    request.once('error', (error) => reject(new WebhookUnreachable(error)));
    request.end(options.body);
  });
}

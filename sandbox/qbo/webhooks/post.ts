// One HTTP POST over a real socket, no connection reuse, bounded by a timeout (Intuit: answer within 3 s).
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PostResult {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** Requests still open, so that closing the sandbox can cut them. */
export type OpenRequests = Set<ClientRequest>;

export function postOnce(url: string, body: string, headers: Record<string, string>, timeoutMs: number, open: OpenRequests): Promise<PostResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      response.resume();
      response.on('end', () => finish(response.statusCode ?? null, null));
      response.on('error', (error) => finish(null, error.message));
    });
    const timer = setTimeout(() => {
      finish(null, `no answer within ${timeoutMs} ms`);
      request.destroy();
    }, timeoutMs);
    function finish(status: number | null, error: string | null): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      open.delete(request);
      resolve({ status, error, durationMs: Date.now() - started });
    }
    request.on('error', (error) => finish(null, error.message));
    open.add(request);
    request.end(body);
  });
}

// Reading a SOAP body with the work bounded before any credential is known. Every call must fit in a small limit,
// except receiveResponseXML carrying the ticket of an open session (a whole qbXML response travels in it): past the
// small limit the first bytes are peeked for that ticket, which is checked before another byte is read, and a body
// without one is refused at once. Nothing is parsed until the whole (allowed) body is in.
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';

export interface SoapBodyLimits {
  /** Largest body anyone may send. */
  withoutTicket: number;
  /** Largest receiveResponseXML an open session may send. */
  max: number;
}

export class SoapBodyTooLarge extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
}

/** The ticket a large body was let in for: the parsed call must be receiveResponseXML with that same ticket. */
const admitted = new WeakMap<FastifyRequest, string>();
export const admittedTicket = (request: FastifyRequest): string | undefined => admitted.get(request);

const NAME = '(?:[A-Za-z_][\\w.-]*:)?';
const CALL = new RegExp(`<${NAME}receiveResponseXML[\\s/>]`);
const TICKET = new RegExp(`<(${NAME}ticket)(?:\\s[^>]*)?>([^<]{1,200})</\\1\\s*>`);

/** The ticket of a receiveResponseXML call, read from the first bytes of its body (it comes first in the call). */
export function peekReceiveTicket(prefix: string): string | undefined {
  const call = CALL.exec(prefix);
  if (!call) return undefined;
  return TICKET.exec(prefix.slice(call.index))?.[2]?.trim() || undefined;
}

type Done = (error: Error | null, body?: string) => void;

/** A Fastify content-type parser (raw stream) for SOAP bodies, bounded as above. */
export function createSoapBodyParser(limits: SoapBodyLimits, isOpenTicket: (ticket: string) => Promise<boolean>) {
  const tooLarge = () => new SoapBodyTooLarge(`The request is larger than ${limits.max} bytes`);
  const refused = () => new SoapBodyTooLarge(`The request is larger than ${limits.withoutTicket} bytes; only receiveResponseXML from an open Web Connector session may be larger`);

  return (request: FastifyRequest, payload: IncomingMessage, done: Done): void => {
    if (Number(request.headers['content-length']) > limits.max) {
      done(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let state: 'small' | 'checking' | 'admitted' | 'over' = 'small';
    let ended = false;

    const stop = (error: Error) => {
      if (state === 'over') return;
      state = 'over';
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      payload.resume(); // the rest is discarded unread
      done(error);
    };
    const finish = () => {
      if (state === 'over') return;
      payload.removeListener('data', onData);
      payload.removeListener('error', onError);
      done(null, Buffer.concat(chunks, received).toString('utf8'));
    };
    const check = () => {
      state = 'checking';
      payload.pause();
      const ticket = peekReceiveTicket(Buffer.concat(chunks, received).subarray(0, limits.withoutTicket).toString('utf8'));
      (ticket ? isOpenTicket(ticket) : Promise.resolve(false)).then((open) => {
        if (!open || state !== 'checking') return stop(refused());
        admitted.set(request, ticket!);
        state = 'admitted';
        if (ended) finish();
        else payload.resume();
      }, stop);
    };
    function onData(chunk: Buffer | string) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      if (received > limits.max) return stop(tooLarge());
      chunks.push(bytes);
      if (state === 'small' && received > limits.withoutTicket) check();
    }
    function onEnd() {
      ended = true;
      if (state !== 'checking') finish();
    }
    function onError(error: Error) {
      stop(Object.assign(error, { statusCode: 400 }));
    }
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.resume();
  };
}

// Response helpers: JSON as Intuit sends it, with an intuit_tid header on every answer.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function intuitTid(): string {
  return `1-${randomBytes(4).toString('hex')}-${randomBytes(12).toString('hex')}`;
}

export function sendJson(reply: FastifyReply, status: number, body: unknown, headers: Record<string, string> = {}): FastifyReply {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return reply
    .code(status)
    .headers({ intuit_tid: intuitTid(), ...headers })
    .type('application/json;charset=UTF-8')
    .send(text);
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const query = request.query as Record<string, unknown>;
  const key = Object.keys(query).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : query[key];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

// Problem Details (RFC 9457) for every error the API returns, built from a few typed error classes, including the
// ones Fastify and Node raise themselves (bad URL encoding, over-long parameters, oversized headers, no such method).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Refusal, type RefusalKind } from '../domain/refusals.js';
import { InvalidGrantError, NotConnectedError, QuickBooksFault, QuickBooksUnavailable, explainFault } from '../quickbooks/errors.js';

export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
}, { $id: 'Problem', description: 'application/problem+json' });

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: { field: string; message: string }[]) => new Problem(400, 'Bad Request', detail, errors);
export const unauthorized = (detail: string) => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new Problem(404, 'Not Found', detail);
export const conflict = (detail: string) => new Problem(409, 'Conflict', detail);
export const unprocessable = (detail: string) => new Problem(422, 'Unprocessable Content', detail);
export const badGateway = (detail: string) => new Problem(502, 'Bad Gateway', detail);

const typeFor = (status: number) => `https://qbflow.dev/problems/${status}`;

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send({
    type: typeFor(problem.status),
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    instance: request.url,
    ...(problem.errors ? { errors: problem.errors } : {}),
  });
}

/** The one error handler: 4xx pass through with their detail, 5xx are logged and hidden. */
export function errorHandler(this: unknown, error: FastifyError | Problem | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Problem) return sendProblem(reply, request, error);
  if (error instanceof Refusal) return sendProblem(reply, request, refusalProblem(error));
  const fromQuickBooks = quickBooksProblem(error);
  if (fromQuickBooks) return sendProblem(reply, request, fromQuickBooks);
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors = fastifyError.validation.map((v) => ({
      field: `${fastifyError.validationContext ?? 'body'}${v.instancePath || ''}${missingProperty(v.params)}`,
      message: v.message ?? 'is invalid',
    }));
    return sendProblem(reply, request, badRequest(`The ${fastifyError.validationContext ?? 'request'} is not valid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors));
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendProblem(reply, request, new Problem(status, titleFor(status), error.message));
  }
  request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, request, new Problem(500, 'Internal Server Error', 'Something went wrong on our side; it has been logged.'));
}

function missingProperty(params: unknown): string {
  const missing = (params as { missingProperty?: string } | undefined)?.missingProperty;
  return missing ? `/${missing}` : '';
}

function titleFor(status: number): string {
  return ({ 413: 'Content Too Large', 422: 'Unprocessable Content' } as Record<number, string>)[status] ?? STATUS_CODES[status] ?? 'Error';
}

/** Fastify's own refusals before routing: a URL it cannot decode, a path parameter over maxParamLength. */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : error.statusCode ?? 400;
  const detail = error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid: a part of it is not correctly percent-encoded'
    : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A part of the URL is longer than any identifier this API accepts'
      : error.message;
  return sendProblem(reply, request, new Problem(status, titleFor(status), detail));
}

/** Requests Node itself refuses (headers or URL over the size limit, not HTTP at all, too slow), as problem+json. */
export function clientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'The request line and headers are larger than this server accepts']
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'The request did not arrive in time']
      : [400, 'The request is not valid HTTP'];
  const body = JSON.stringify({ type: typeFor(status), title: titleFor(status), status, detail });
  this.log.debug({ err: error }, 'client error');
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${titleFor(status)}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** No route: 405 with Allow when the path exists for other methods, else 404. */
export function notFoundHandler(app: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const allowed = METHODS.filter((method) => method !== request.method && app.findRoute({ method, url: path }));
    if (allowed.length > 0) {
      reply.header('Allow', allowed.join(', '));
      return sendProblem(reply, request, new Problem(405, titleFor(405), `${request.method} is not allowed on ${path}; use ${allowed.join(' or ')}`));
    }
    return sendProblem(reply, request, notFound(`No route ${request.method} ${path}`));
  };
}

/** Errors from a live QuickBooks call made while answering (look-ups, mapping checks). */
function quickBooksProblem(error: Error): Problem | undefined {
  if (error instanceof NotConnectedError || error instanceof InvalidGrantError) return conflict(error.message);
  if (error instanceof QuickBooksFault) {
    if (error.status === 429) return new Problem(503, 'Service Unavailable', 'QuickBooks is throttling requests for this company; try again in a minute');
    return badGateway(explainFault(error));
  }
  if (error instanceof QuickBooksUnavailable) return badGateway(`QuickBooks could not answer: ${error.message}`);
  return undefined;
}

const refusalStatus: Record<RefusalKind, [number, string]> = {
  invalid: [400, 'Bad Request'],
  forbidden: [403, 'Forbidden'],
  not_found: [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  unprocessable: [422, 'Unprocessable Content'],
  unavailable: [502, 'Bad Gateway'],
  retry_later: [503, 'Service Unavailable'],
};

/** A business rule's refusal, answered with the status its kind stands for. */
function refusalProblem(refusal: Refusal): Problem {
  const [status, title] = refusalStatus[refusal.kind];
  return new Problem(status, title, refusal.message, refusal.problems);
}

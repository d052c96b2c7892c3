// Every 4xx is application/problem+json, including the ones Fastify and Node raise before any route runs: a URL
// that is not correctly percent-encoded, an over-long path parameter, an over-long URL or oversized headers (431),
// bytes that are not HTTP, an unsupported media type, JSON that does not parse, a body over the limit, no such route
// (404) and a route that exists for other methods (405). Driven over real sockets, as a client would see them.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let port: number;

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends raw bytes and reads the whole answer (the server may close the connection after it). */
function raw(request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => (chunks.length ? undefined : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
      }));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.end(request);
  });
}

const get = (path: string, extra = '') => raw(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${extra}\r\n`);
const post = (path: string, contentType: string, body: string) =>
  raw(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer ${stack.operatorToken}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

function expectProblem(answer: RawAnswer, status: number) {
  expect(answer.status, answer.body.slice(0, 300)).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(answer.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n$/g, '')) as Record<string, unknown>;
  expect(problem).toMatchObject({ type: `https://qbflow.dev/problems/${status}`, status, title: expect.any(String), detail: expect.any(String) });
  return problem;
}

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  port = Number(new URL(stack.apiUrl).port);
});

afterAll(async () => {
  await stack?.stop();
});

describe('every 4xx is problem+json', () => {
  it('a URL that is not correctly percent-encoded (400)', async () => {
    expectProblem(await get('/v1/connections/%E0%A4%A'), 400);
  });

  it('a path parameter longer than any identifier (414)', async () => {
    expectProblem(await get(`/v1/connections/${'a'.repeat(150)}`), 414);
  });

  it('a URL longer than the header limit (431)', async () => {
    expectProblem(await get(`/v1/tenant?${'q'.repeat(20_000)}`), 431);
  });

  it('oversized headers (431)', async () => {
    expectProblem(await get('/v1/tenant', `X-Filler: ${'h'.repeat(20_000)}\r\n`), 431);
  });

  it('bytes that are not HTTP (400)', async () => {
    expectProblem(await raw('HELLO THERE\r\n\r\n'), 400);
  });

  it('an unsupported media type (415)', async () => {
    expectProblem(await post('/v1/tenants', 'application/xml', '<tenant><name>Acme</name></tenant>'), 415);
  });

  it('JSON that does not parse, and an empty JSON body (400)', async () => {
    expectProblem(await post('/v1/tenants', 'application/json', '{"name": "Acme"'), 400);
    expectProblem(await post('/v1/tenants', 'application/json', ''), 400);
  });

  it('a body over the limit (413)', async () => {
    expectProblem(await post('/v1/tenants', 'application/json', JSON.stringify({ name: 'x'.repeat(stack.config.bodyLimit) })), 413);
  });

  it('no such route (404)', async () => {
    expectProblem(await get('/v1/nothing-here'), 404);
  });

  it('a route that exists for other methods (405, with Allow)', async () => {
    const answer = await raw('DELETE /v1/tenant HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expectProblem(answer, 405);
    expect(answer.headers.allow).toBe('GET, PATCH');
    const put = await raw('PUT /v1/tenants HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    expectProblem(put, 405);
    expect(put.headers.allow).toBe('POST');
  });
});

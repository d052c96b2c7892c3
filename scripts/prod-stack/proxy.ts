// One address in front of several API processes, as a load balancer would be (nginx, an ingress, a cloud load
// balancer): round robin over the upstreams that answer /health/ready, checked every second. A request that
// cannot reach an upstream at all (refused: the process is gone) goes to the next one, since it never started
// there; a request cut off mid-way answers 502, as nginx does for a POST, and the client retries (order posts are
// idempotent by order id). Sets X-Forwarded-For, so the APIs run with TRUST_PROXY=1.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Proxy {
  url: string;
  /** Upstreams currently in rotation. */
  healthy(): string[];
  close(): Promise<void>;
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND']);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(upstream: string, request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<'done' | 'unreachable'> {
  return new Promise((resolve) => {
    const target = new URL(request.url ?? '/', upstream);
    const forwardedFor = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');
    const outgoing = httpRequest(target, {
      method: request.method,
      headers: { ...request.headers, host: target.host, 'x-forwarded-for': forwardedFor, 'content-length': String(body.length) },
    }, (upstreamResponse) => {
      response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
      upstreamResponse.pipe(response);
      upstreamResponse.on('end', () => resolve('done'));
      upstreamResponse.on('error', () => {
        response.destroy();
        resolve('done');
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (CONNECT_ERRORS.has(error.code ?? '')) return resolve('unreachable');
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Bad gateway', status: 502, detail: error.message }));
      else response.destroy();
      resolve('done');
    });
    outgoing.end(body);
  });
}

export async function startProxy(upstreams: string[], port: number): Promise<Proxy> {
  const ready = new Set(upstreams);
  let next = 0;
  const check = async () => {
    await Promise.all(upstreams.map(async (upstream) => {
      const ok = await fetch(`${upstream}/health/ready`, { signal: AbortSignal.timeout(3000) }).then((r) => r.ok, () => false);
      if (ok) ready.add(upstream);
      else ready.delete(upstream);
    }));
  };
  const timer = setInterval(() => void check(), 1000);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const candidates = ready.size > 0 ? upstreams.filter((u) => ready.has(u)) : upstreams;
    for (let tried = 0; tried < candidates.length; tried++) {
      const upstream = candidates[next++ % candidates.length]!;
      if ((await forward(upstream, request, body, response)) === 'done') return;
      ready.delete(upstream); // gone: out of rotation until its readiness answers again
    }
    response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' })
      .end(JSON.stringify({ title: 'No API process is available', status: 503 }));
  };
  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as { port: number };
  return {
    url: `http://localhost:${bound}`,
    healthy: () => upstreams.filter((u) => ready.has(u)),
    close: () => {
      clearInterval(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

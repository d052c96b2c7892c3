// The console's static files, served from memory by the API itself: htmx from its npm package (no CDN, nothing
// fetched at run time), and the console's own stylesheet and script. Each URL carries the file's hash, so the
// files are cached for a year and a new version is a new URL; pages load them with Subresource Integrity.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export interface Asset {
  /** Where pages load it from. */
  url: string;
  /** For the integrity attribute: sha384-… */
  integrity: string;
}

export interface ConsoleAssets {
  htmx: Asset;
  css: Asset;
  js: Asset;
}

const PREFIX = '/console/assets';

interface Loaded extends Asset {
  name: string;
  hash: string;
  type: string;
  body: Buffer;
}

function load(name: string, path: string, type: string): Loaded {
  const body = readFileSync(path);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { name, hash, type, body, url: `${PREFIX}/${hash}/${name}`, integrity: `sha384-${createHash('sha384').update(body).digest('base64')}` };
}

function loadAll(): Loaded[] {
  const require = createRequire(import.meta.url);
  return [
    load('htmx.min.js', require.resolve('htmx.org/dist/htmx.min.js'), 'text/javascript; charset=utf-8'),
    load('console.css', fileURLToPath(new URL('./assets/console.css', import.meta.url)), 'text/css; charset=utf-8'),
    load('console.js', fileURLToPath(new URL('./assets/console.js', import.meta.url)), 'text/javascript; charset=utf-8'),
  ];
}

/** Registers GET /console/assets/:hash/:name and returns where each file is served. */
export function registerAssets(app: FastifyInstance): ConsoleAssets {
  const files = loadAll();
  const byKey = new Map(files.map((f) => [`${f.hash}/${f.name}`, f]));
  app.get<{ Params: { hash: string; name: string } }>(`${PREFIX}/:hash/:name`, { schema: { hide: true }, config: { console: { public: true } } }, async (request, reply) => {
    const file = byKey.get(`${request.params.hash}/${request.params.name}`);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'same-origin')
      .type(file.type)
      .send(file.body);
  });
  const [htmx, css, js] = files as [Loaded, Loaded, Loaded];
  const pick = (f: Loaded): Asset => ({ url: f.url, integrity: f.integrity });
  return { htmx: pick(htmx), css: pick(css), js: pick(js) };
}

// Console sessions, checked on every console request: the cookie names a session in PostgreSQL (any API process can
// serve it), the URL's tenant and connection must be ones the session may see, a link scoped to a page opens only
// that page, and every change carries the session's CSRF token (compared in constant time) and needs write access.
// Every answer says who may frame it (the tenant's allowed origins, else nobody) under a strict CSP.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleSessionRow, SessionLifetimes } from '../../db/repositories/console/sessions.js';
import type { ConsoleAssets } from './assets.js';
import { connectionPages, type ConsolePage } from './context.js';
import { isLocale, negotiate, translator } from './i18n/index.js';

export const COOKIE = 'qbflow_console';

export interface SessionOptions {
  lifetimes: SessionLifetimes;
  /** Secure cookies (https, or anything but localhost). */
  secure: boolean;
}

/** A console refusal, rendered as a page: 401 session, 403 page or read-only or CSRF, 404 not found. */
export class ConsoleError extends Error {
  constructor(readonly status: number, readonly reason: 'session' | 'forbidden' | 'readOnly' | 'csrf' | 'notFound') {
    super(reason);
  }
}

const sameSecret = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Where a freshly opened session lands. */
export function landing(session: Pick<ConsoleSessionRow, 'operator' | 'tenantId' | 'connectionId' | 'page'>): string {
  if (session.operator && !session.tenantId) return '/console/operator';
  const tenant = `/console/t/${session.tenantId}`;
  const page = session.page as ConsolePage | null;
  if (page && connectionPages.includes(page) && session.connectionId) return `${tenant}/c/${session.connectionId}/${page}`;
  if (page === 'connect' && session.connectionId) return `${tenant}/c/${session.connectionId}/connect`;
  if (page && !connectionPages.includes(page)) return `${tenant}/${page}`;
  return `${tenant}/connections`;
}

export function setSessionCookie(reply: FastifyReply, secret: string, session: ConsoleSessionRow, options: SessionOptions): void {
  // inside another site's iframe a Lax cookie is never sent back: embedded sessions are SameSite=None (which needs
  // Secure, accepted on http://localhost too) and Partitioned, so the cookie lives only under the embedding site
  const embedded = session.embedded;
  reply.setCookie(COOKIE, secret, {
    path: '/console',
    httpOnly: true,
    secure: embedded || options.secure,
    sameSite: embedded ? 'none' : 'lax',
    ...(embedded ? { partitioned: true } : {}),
    expires: session.expiresAt,
  });
}

const CSP = (frameAncestors: string) => [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  `frame-ancestors ${frameAncestors}`,
].join('; ');

/** The session hooks of the console's scope. */
export function registerSessionHooks(scope: FastifyInstance, assets: ConsoleAssets, options: SessionOptions): void {
  const { repos } = scope.deps;
  scope.decorateRequest('consoleContext', null);
  scope.decorateRequest('consoleFrameOrigins', null as unknown as string[]);

  scope.addHook('onRequest', async (request) => {
    request.consoleFrameOrigins = [];
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    const origins = request.consoleFrameOrigins;
    reply.header('content-security-policy', CSP(origins.length > 0 ? origins.join(' ') : "'none'"));
    if (origins.length === 0) reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  scope.addHook('preHandler', async (request: FastifyRequest) => {
    const config = request.routeOptions.config.console ?? {};
    if (config.public) return;
    const secret = request.cookies[COOKIE];
    const session = secret ? await repos.consoleSessions.resume(secret, options.lifetimes) : undefined;
    if (!session) throw new ConsoleError(401, 'session');
    const t = translator(isLocale(session.locale) ? session.locale : negotiate(request.headers['accept-language']));
    if (session.tenantId) request.consoleFrameOrigins = await repos.consoleSettings.frameOrigins(session.tenantId);

    const params = request.params as { tenantId?: string; connectionId?: string };
    let tenant;
    if (params.tenantId !== undefined) {
      if (!session.operator && params.tenantId !== session.tenantId) throw new ConsoleError(404, 'notFound');
      tenant = /^[0-9a-f-]{36}$/i.test(params.tenantId) ? await repos.tenants.findById(params.tenantId) : undefined;
      if (!tenant) throw new ConsoleError(404, 'notFound');
    } else if (config.page !== 'operator' && !session.operator) {
      throw new ConsoleError(404, 'notFound');
    }
    let connection;
    if (params.connectionId !== undefined) {
      connection = /^[0-9a-f-]{36}$/i.test(params.connectionId) ? await repos.connections.findForTenant(tenant!.id, params.connectionId) : undefined;
      if (!connection) throw new ConsoleError(404, 'notFound');
      if (session.connectionId && session.connectionId !== connection.id) throw new ConsoleError(403, 'forbidden');
    }
    if (config.page === 'operator' && !session.operator) throw new ConsoleError(403, 'forbidden');
    const pages = config.page === undefined ? [] : Array.isArray(config.page) ? config.page : [config.page];
    if (session.page && !pages.includes(session.page as ConsolePage)) throw new ConsoleError(403, 'forbidden');

    const changes = !['GET', 'HEAD'].includes(request.method);
    if (changes) {
      const sent = (request.headers['x-csrf-token'] as string | undefined) ?? (request.body as { _csrf?: unknown } | undefined)?._csrf;
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) throw new ConsoleError(403, 'csrf');
      if (!session.canWrite) throw new ConsoleError(403, 'readOnly');
    }
    request.consoleContext = {
      session, t, assets, tenant, connection,
      csrf: session.csrfToken,
      canWrite: session.canWrite,
      page: Array.isArray(config.page) ? config.page[0] : config.page,
      idleMinutes: Math.round(options.lifetimes.idleSeconds / 60),
    };
  });
}

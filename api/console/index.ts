// The console: QuickBooks screens hosted by the API under /console, server-rendered HTML with htmx, reached through
// single-use links (POST /v1/console/sessions, /v1/operator/console/sessions). One encapsulated scope: cookies,
// assets, the session/CSRF/CSP hooks, HTML error pages, and the pages, which call the same control functions and
// schemas as the JSON routes.
import cookie from '@fastify/cookie';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Refusal } from '../../domain/refusals.js';
import { Problem } from '../errors.js';
import { registerAssets } from './assets.js';
import { html } from './html.js';
import { negotiate, translator, type MessageKey } from './i18n/index.js';
import { ConsoleError, COOKIE, landing, registerSessionHooks, setSessionCookie, type SessionOptions } from './session.js';
import { errorPage, page } from './views/layout.js';
import activityPages from './pages/activity.js';
import billingPages from './pages/billing.js';
import connectPages from './pages/connect.js';
import connectionsPages from './pages/connections.js';
import mappingPages from './pages/mappings.js';
import operatorPages from './pages/operator.js';
import pickRoutes from './pages/pick.js';
import settingsPages from './pages/settings.js';
import statusPages from './pages/status.js';
import webhookPages from './pages/webhooks.js';

/** How long console links and sessions last. */
export const CONSOLE_LIFETIMES = {
  linkSeconds: 10 * 60,
  idleSeconds: 30 * 60,
  absoluteSeconds: 8 * 60 * 60,
} as const;

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export default async function consolePlugin(app: FastifyInstance) {
  const publicUrl = new URL(app.deps.config.publicUrl);
  const options: SessionOptions = {
    lifetimes: { idleSeconds: CONSOLE_LIFETIMES.idleSeconds, absoluteSeconds: CONSOLE_LIFETIMES.absoluteSeconds },
    secure: publicUrl.protocol === 'https:' || !LOCAL_HOSTS.includes(publicUrl.hostname),
  };
  // HTML pages for people, not part of the API contract: kept out of the OpenAPI document
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  await app.register(cookie);
  const assets = registerAssets(app);
  registerSessionHooks(app, assets, options);

  const refused = (request: FastifyRequest, reply: FastifyReply, status: number, key: MessageKey, detail?: string) => {
    const t = request.consoleContext?.t ?? translator(negotiate(request.headers['accept-language']));
    const ctx = request.consoleContext;
    const back = ctx?.tenant ? `/console/t/${ctx.tenant.id}/connections` : undefined;
    const body = ctx && status !== 401
      ? page(ctx, { title: t.t('error.title'), body: html`<h1>${t.t('error.title')}</h1><p class="banner bad" role="alert">${detail ?? t.t(key)}</p>${back ? html`<p><a href="${back}">${t.t('error.back')}</a></p>` : ''}` })
      : errorPage({ lang: t.locale, title: t.t('error.title'), message: detail ?? t.t(key), css: assets.css });
    return reply.code(status).type('text/html; charset=utf-8').send(body.text);
  };

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ConsoleError) {
      const keys = { session: 'error.session', forbidden: 'error.forbidden', readOnly: 'error.readOnly', csrf: 'error.csrf', notFound: 'error.notFound' } as const;
      return refused(request, reply, error.status, keys[error.reason]);
    }
    if (error instanceof Refusal) {
      const status = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422, unavailable: 502, retry_later: 503 }[error.kind];
      return refused(request, reply, status, 'error.title', error.message);
    }
    if (error instanceof Problem) return refused(request, reply, error.status, 'error.title', error.message);
    const status = (error as FastifyError).statusCode ?? 500;
    if (status >= 400 && status < 500) return refused(request, reply, status, 'error.notFound', (error as FastifyError).validation ? undefined : error.message);
    request.log.error({ err: error }, 'console request failed');
    return refused(request, reply, 500, 'error.server');
  });

  app.get<{ Params: { token: string } }>('/console/open/:token', { config: { console: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    const opened = /^[A-Za-z0-9_-]{20,100}$/.test(request.params.token)
      ? await app.deps.repos.consoleSessions.openLink(request.params.token, options.lifetimes)
      : undefined;
    if (!opened) {
      const t = translator(negotiate(request.headers['accept-language']));
      return reply.code(410).type('text/html; charset=utf-8').send(errorPage({ lang: t.locale, title: t.t('error.title'), message: t.t('error.session'), css: assets.css }).text);
    }
    const { secret, session } = opened;
    if (session.tenantId) request.consoleFrameOrigins = await app.deps.repos.consoleSettings.frameOrigins(session.tenantId);
    setSessionCookie(reply, secret, session, options);
    return reply.redirect(landing(session), 303);
  });

  app.get('/console', { config: { console: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    const secret = request.cookies[COOKIE];
    const session = secret ? await app.deps.repos.consoleSessions.resume(secret, options.lifetimes) : undefined;
    if (!session) {
      const t = translator(negotiate(request.headers['accept-language']));
      return reply.code(401).type('text/html; charset=utf-8').send(errorPage({ lang: t.locale, title: t.t('error.title'), message: t.t('error.session'), css: assets.css }).text);
    }
    return reply.redirect(landing(session), 303);
  });

  for (const pages of [pickRoutes, operatorPages, connectionsPages, connectPages, settingsPages, mappingPages, billingPages, activityPages, statusPages, webhookPages]) {
    await app.register(pages);
  }
}

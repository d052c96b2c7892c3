// The page frame: language, title, assets (with integrity), htmx's settings for a strict CSP, the skip link, the
// header (tenant, return link, read-only notice), the navigation (tenant pages, then the connection's pages), and
// a live region that announces copies and updates.
import { connectionBase, tenantBase, type ConsoleContext, type ConsolePage } from '../context.js';
import { html, raw, type Html, type Renderable } from '../html.js';
import type { MessageKey } from '../i18n/index.js';

/** htmx under the CSP: no eval, no inline scripts or styles, no history snapshots (they would keep shown-once secrets). */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
  historyCacheSize: 0,
  refreshOnHistoryMiss: true,
  scrollIntoViewOnBoost: false,
  responseHandling: [{ code: '204', swap: false }, { code: '[2345]..', swap: true }],
});

const tenantPages: { page: ConsolePage; key: MessageKey }[] = [
  { page: 'connections', key: 'nav.connections' },
  { page: 'connect', key: 'nav.connect' },
  { page: 'webhooks', key: 'nav.webhooks' },
];

const connectionNav: { page: ConsolePage; key: MessageKey }[] = [
  { page: 'settings', key: 'nav.settings' },
  { page: 'mappings', key: 'nav.mappings' },
  { page: 'billing', key: 'nav.billing' },
  { page: 'activity', key: 'nav.activity' },
  { page: 'status', key: 'nav.status' },
];

function navLink(href: string, label: string, current: boolean): Html {
  return html`<li><a href="${href}"${current ? raw(' aria-current="page"') : ''}>${label}</a></li>`;
}

function navigation(ctx: ConsoleContext): Html {
  const { t, tenant, connection, session } = ctx;
  const scoped = session.page;
  const allowed = (page: ConsolePage) => !scoped || scoped === page;
  const tenantLinks = tenant ? tenantPages.filter((p) => allowed(p.page)).map((p) => navLink(`${tenantBase(tenant.id)}/${p.page}`, t.t(p.key), ctx.page === p.page && !connection)) : [];
  const operator = session.operator && !session.tenantId ? navLink('/console/operator', t.t('nav.operator'), ctx.page === 'operator') : '';
  const main = html`<nav class="pages" aria-label="${t.t('nav.main')}"><ul>${operator}${tenantLinks}</ul></nav>`;
  if (!tenant || !connection) return main;
  const base = connectionBase(tenant.id, connection.id);
  const links = connectionNav.filter((p) => allowed(p.page)).map((p) => navLink(`${base}/${p.page}`, t.t(p.key), ctx.page === p.page));
  if (links.length === 0) return main;
  return html`${main}<nav class="pages connection" aria-label="${t.t('nav.connection', { name: connection.name })}"><span class="label">${connection.name}</span><ul>${links}</ul></nav>`;
}

export interface PageOptions {
  title: string;
  body: Renderable;
  /** A notice shown above the page (saved, removed…). */
  notice?: string;
}

export function page(ctx: ConsoleContext, options: PageOptions): Html {
  const { t, assets, session, tenant } = ctx;
  const returnLink = session.returnUrl ? html`<a class="return" href="${session.returnUrl}">${t.t('layout.return')}</a>` : '';
  const who = tenant ? t.t('layout.tenant', { name: tenant.name }) : t.t('layout.operator');
  return html`<!doctype html>
<html lang="${t.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content="${HTMX_CONFIG}">
<title>${options.title} · ${t.t('app.name')}</title>
<link rel="stylesheet" href="${assets.css.url}" integrity="${assets.css.integrity}">
<script src="${assets.htmx.url}" integrity="${assets.htmx.integrity}" defer></script>
<script src="${assets.js.url}" integrity="${assets.js.integrity}" defer></script>
</head>
<body hx-boost="true" hx-headers="${JSON.stringify({ 'x-csrf-token': ctx.csrf })}">
<a class="skip" href="#main">${t.t('nav.skip')}</a>
<header class="top">
<a class="brand" href="${tenant ? `${tenantBase(tenant.id)}/connections` : '/console/operator'}">${t.t('app.name')}</a>
<span class="who">${who}</span>
${returnLink}
</header>
${navigation(ctx)}
<main id="main" tabindex="-1">
${!ctx.canWrite ? html`<p class="banner warn">${t.t('layout.readOnly')}</p>` : ''}
${options.notice ? html`<p class="banner ok" role="status">${options.notice}</p>` : ''}
${options.body}
</main>
<footer><p>${t.t('layout.sessionNote', { minutes: ctx.idleMinutes })}</p></footer>
<div id="live" class="visually-hidden" role="status" aria-live="polite"></div>
</body>
</html>`;
}

/** A page shown when there is no usable session or the request is refused (no navigation, no data). */
export function errorPage(options: { lang: string; title: string; message: string; css: { url: string; integrity: string }; back?: string; backLabel?: string }): Html {
  return html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="stylesheet" href="${options.css.url}" integrity="${options.css.integrity}">
</head>
<body>
<main id="main">
<h1>${options.title}</h1>
<p class="banner bad">${options.message}</p>
${options.back ? html`<p><a href="${options.back}">${options.backLabel ?? options.back}</a></p>` : ''}
</main>
</body>
</html>`;
}

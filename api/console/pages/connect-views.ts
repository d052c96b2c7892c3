// What the Connect pages show: Online (the authorise link, opening in a new window since Intuit cannot be framed,
// and a status that updates itself), and Desktop (the credentials with the password shown once and a copy button,
// the QWC download, a new password, and the seeds' checklist, ticked off live when the first run arrives).
import type { WebConnectorState } from '../../../control/desktop.js';
import type { Connection } from '../../../db/repositories/core/connections.js';
import type { WebConnectorCredentials } from '../../../quickbooks/desktop/index.js';
import { connectionBase, type ConsoleContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import { postForm, secretValue, submit } from '../views/components.js';

/** Polls `url` every 2 s, replacing itself, until an answer comes without the trigger. */
const polled = (url: string, body: Html) => html`<div id="live-status" hx-get="${url}" hx-trigger="every 2s" hx-swap="outerHTML" hx-push-url="false">${body}</div>`;

export function onlineStatus(ctx: ConsoleContext, connection: Connection, since: number, connected: boolean): Html {
  const { t } = ctx;
  const base = connectionBase(connection.tenantId, connection.id);
  if (connected) {
    return html`<div id="live-status"><p class="banner ok" role="status">${t.t('connect.online.done', { realm: connection.realmId ?? '' })}</p>
<p><a class="button" href="${base}/settings">${t.t('connect.next')}</a></p></div>`;
  }
  return polled(`${base}/connect/status?since=${since}`, html`<p class="banner info" role="status">${t.t('connect.online.waiting')}</p>`);
}

export function onlineWaiting(ctx: ConsoleContext, connection: Connection, authorizeUrl: string): Html {
  const { t } = ctx;
  return html`<h1>${t.t('connect.online.title')}: ${connection.name}</h1>
<p>${t.t('connect.online.text')}</p>
<p><a class="button" href="${authorizeUrl}" target="_blank" rel="noopener" hx-boost="false">${t.t('connect.online.open')}</a></p>
${onlineStatus(ctx, connection, Date.now(), false)}`;
}

const checklist: { key: MessageKey; doneByFirstRun: boolean }[] = [
  { key: 'desktop.check.version', doneByFirstRun: true },
  { key: 'desktop.check.sameMachine', doneByFirstRun: true },
  { key: 'desktop.check.singleUser', doneByFirstRun: true },
  { key: 'desktop.check.addQwc', doneByFirstRun: true },
  { key: 'desktop.check.certificate', doneByFirstRun: true },
  { key: 'desktop.check.password', doneByFirstRun: true },
  { key: 'desktop.check.run', doneByFirstRun: true },
];

/** The live part of the Desktop page: where the Web Connector stands, and the checklist ticked once it has run. */
export function desktopStatus(ctx: ConsoleContext, connection: Connection, state: WebConnectorState): Html {
  const { t } = ctx;
  const base = connectionBase(connection.tenantId, connection.id);
  const connected = !!(state.lastSessionAt && state.companyFile);
  const items = html`<h2>${t.t('desktop.checklist')}</h2>
<ol class="checklist">${checklist.map((c) => html`<li>${t.t(c.key)}${connected && c.doneByFirstRun ? html` <span class="done">✓ ${t.t('desktop.check.done')}</span>` : ''}</li>`)}</ol>`;
  if (!connected) return polled(`${base}/connect/status`, html`<p class="banner info" role="status">${t.t('desktop.waiting')}</p>${items}`);
  const facts = html`<dl class="facts">
<dt>${t.t('desktop.company')}</dt><dd>${state.companyName ?? t.t('common.unknown')}</dd>
<dt>${t.t('desktop.companyFile')}</dt><dd><code>${state.companyFile}</code></dd>
<dt>${t.t('desktop.qbxml')}</dt><dd>${state.qbxmlVersion ?? t.t('common.unknown')}</dd>
<dt>${t.t('desktop.lastContact')}</dt><dd>${state.lastSessionAt ? t.dateTime(state.lastSessionAt) : t.t('common.never')}</dd>
<dt>${t.t('desktop.queue')}</dt><dd>${t.number(state.queue.queued + state.queue.sent)}</dd>
<dt>${t.t('desktop.lists')}</dt><dd>${state.lists.map((l) => t.t('desktop.list', { kind: t.t(`list.${l.kind}` as MessageKey), count: t.number(l.count), state: t.t(`desktop.listState.${l.state}` as MessageKey) })).join(' · ') || t.t('common.none')}</dd>
</dl>`;
  return html`<div id="live-status"><p class="banner ok" role="status">${t.t('desktop.connected', { file: state.companyFile ?? '' })}</p>${facts}${items}
<p><a class="button" href="${base}/settings">${t.t('connect.next')}</a></p></div>`;
}

/** The Desktop page; `credentials` only right after they were issued (the password is never shown again). */
export function desktopView(ctx: ConsoleContext, connection: Connection, state: WebConnectorState, credentials?: WebConnectorCredentials): Html {
  const { t } = ctx;
  const base = connectionBase(connection.tenantId, connection.id);
  return html`<h1>${t.t('desktop.title', { name: connection.name })}</h1>
<p>${t.t('connect.desktop.text')}</p>
<section aria-labelledby="credentials"><h2 id="credentials">${t.t('desktop.credentials')}</h2>
<dl class="facts"><dt>${t.t('desktop.userName')}</dt><dd><code id="wc-user">${state.userName}</code></dd>
<dt>${t.t('desktop.password')}</dt><dd>${credentials
    ? html`${secretValue(ctx, 'wc-password', credentials.password, t.t('desktop.copy'))}<p class="banner warn">${t.t('desktop.passwordOnce')}</p>`
    : html`<p class="hint">${t.t('desktop.passwordHidden')}</p>`}</dd></dl>
<p class="actions"><a class="button" href="${base}/qwc" download hx-boost="false">${t.t('desktop.download')}</a></p>
${postForm(ctx, `${base}/connect/password`, html`${submit(ctx, t.t('desktop.newPassword'), { className: 'secondary' })}<span class="hint">${t.t('desktop.newPasswordNote')}</span>`)}
</section>
${desktopStatus(ctx, connection, state)}`;
}

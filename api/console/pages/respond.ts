// Answers of console pages: HTML, redirects after a change (Post/Redirect/Get, with a notice named in the URL),
// and answers that must not become a history entry (shown-once secrets, forms with errors).
import type { FastifyReply } from 'fastify';
import type { Html } from '../html.js';
import type { MessageKey, Translator } from '../i18n/index.js';

export function sendHtml(reply: FastifyReply, body: Html, options: { status?: number; stay?: boolean; pushUrl?: string } = {}): FastifyReply {
  // htmx would push the POST's URL into the history; a reload must show a page (without what was shown once),
  // never repeat the POST: keep the address as it was, or name the page this answer belongs to
  if (options.pushUrl) reply.header('hx-push-url', options.pushUrl);
  else if (options.stay) reply.header('hx-push-url', 'false');
  return reply.code(options.status ?? 200).type('text/html; charset=utf-8').send(body.text);
}

/** Notices a redirect may name (never free text from the URL). */
const notices = {
  saved: 'common.saved',
  renamed: 'connections.renamed',
  added: 'webhooks.added',
  removed: 'webhooks.removed',
  resent: 'order.resent',
  retried: 'status.retried',
  imported: 'time.imported',
  requeued: 'timesheet.requeued',
} as const satisfies Record<string, MessageKey>;

export type Notice = keyof typeof notices;

export function redirectWith(reply: FastifyReply, url: string, notice?: Notice): FastifyReply {
  const target = notice ? `${url}${url.includes('?') ? '&' : '?'}notice=${notice}` : url;
  return reply.redirect(target, 303);
}

export function noticeText(t: Translator, query: unknown): string | undefined {
  const notice = (query as { notice?: string } | undefined)?.notice;
  return notice && notice in notices ? t.t(notices[notice as Notice]) : undefined;
}

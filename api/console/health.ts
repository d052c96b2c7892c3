// A connection's health in words, in one place: the badge every page shows. Online reads the connection's status
// and re-authorisation date; Desktop reads the Web Connector's last contact, the queue and (when known) the oldest
// waiting request and the last error with what fixes it. The Desktop input's optional fields are the ones
// `GET /v1/connections/:id` is gaining; they slot in here without touching any page.
import type { ConnectionStatus, ConnectionType } from '../../domain/connections.js';
import type { MessageKey, Translator } from './i18n/index.js';

export type Tone = 'ok' | 'warn' | 'bad' | 'pending';

export interface Health {
  tone: Tone;
  /** The badge's words. */
  label: string;
  /** Further lines (queue, last error, what fixes it). */
  details: string[];
}

export interface DesktopHealthInput {
  lastContactAt: Date | null;
  /** Requests waiting for the Web Connector (queued and sent, not yet answered). */
  queued: number;
  runEveryMinutes: number;
  companyFile: string | null;
  /** When the oldest waiting request was queued (from the richer connection view). */
  oldestWaitingSince?: Date | null;
  /** The Web Connector's last error (getLastError / connectionError), when the connection view reports it. */
  lastError?: string | null;
}

export interface HealthInput {
  type: ConnectionType;
  status: ConnectionStatus;
  reauthorizeBy: Date | null;
  desktop?: DesktopHealthInput;
}

/** Within this many days of its re-authorisation date, an Online connection reads as expiring. */
const EXPIRY_WARNING_DAYS = 14;
/** A Web Connector silent for this many of its own intervals (and at least an hour) reads as a warning. */
const SILENT_INTERVALS = 3;

/** What fixes a Web Connector error, from the words QuickBooks and the Web Connector use. */
function desktopFix(error: string): MessageKey {
  if (/could not start quickbooks|not running|0x80040408|busy/i.test(error)) return 'health.qbd.fix.notRunning';
  if (/password|nvu|authenticat/i.test(error)) return 'health.qbd.fix.password';
  if (/company file|another file|different file/i.test(error)) return 'health.qbd.fix.otherFile';
  return 'health.qbd.fix.generic';
}

export function connectionHealth(input: HealthInput, t: Translator, now: Date = new Date()): Health {
  if (input.status === 'disconnected') return { tone: 'bad', label: t.t('health.disconnected'), details: [] };
  if (input.type === 'qbo') {
    if (input.status === 'pending') return { tone: 'pending', label: t.t('health.qbo.pending'), details: [] };
    if (input.status === 'needs_reauth') return { tone: 'bad', label: t.t('health.qbo.needsReauth'), details: [] };
    const by = input.reauthorizeBy;
    const soon = by && by.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * 86_400_000;
    if (input.status === 'expiring' || soon) return { tone: 'warn', label: t.t('health.qbo.expiring', { date: by ? t.date(by) : t.t('common.unknown') }), details: [] };
    return { tone: 'ok', label: by ? t.t('health.qbo.connectedUntil', { date: t.date(by) }) : t.t('health.qbo.connected'), details: [] };
  }

  const desktop = input.desktop;
  if (!desktop || !desktop.lastContactAt || !desktop.companyFile) {
    return { tone: 'pending', label: t.t('health.qbd.pending'), details: queueDetails(desktop, t) };
  }
  const details = queueDetails(desktop, t);
  if (desktop.lastError) details.push(t.t('health.qbd.lastError', { error: desktop.lastError }), t.t(desktopFix(desktop.lastError)));
  const silentMs = Math.max(SILENT_INTERVALS * desktop.runEveryMinutes * 60_000, 3_600_000);
  const silent = now.getTime() - desktop.lastContactAt.getTime() > silentMs;
  if (silent) return { tone: 'warn', label: t.t('health.qbd.silent', { date: t.dateTime(desktop.lastContactAt) }), details };
  return { tone: desktop.lastError ? 'warn' : 'ok', label: t.t('health.qbd.connected', { date: t.dateTime(desktop.lastContactAt) }), details };
}

function queueDetails(desktop: DesktopHealthInput | undefined, t: Translator): string[] {
  if (!desktop || desktop.queued === 0) return [];
  const line = t.plural('health.qbd.queued', desktop.queued);
  return [desktop.oldestWaitingSince ? `${line}, ${t.t('health.qbd.oldest', { date: t.dateTime(desktop.oldestWaitingSince) })}` : line];
}

// The eight Web Connector methods over the durable queue. Every decision is in PostgreSQL (sessions, requests,
// holds), so any API process can answer any call of a session, and a restart loses nothing.
//
//   authenticate        nvu (bad credentials, a throttled or locked-out source) | busy + postpone | none (nothing to do) |
//                       the bound company file path (the Web Connector opens exactly that file) | "" (first run)
//   sendRequestXML      binds or checks the company file on the first call, picks the qbXML version, then hands
//                       out the oldest queued requests (up to 50 / ~100 KB) in one continueOnError message;
//                       "" + getLastError "NoOp" while work is on its way, "" + a final word when there is none
//   receiveResponseXML  matches answers by requestID, stores them, returns a percent that is true
//   connectionError     retries the bound file as many times as configured, then "done"
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { QbdConfig } from '../../../config/index.js';
import type { Repositories } from '../../../db/repositories/index.js';
import type { QbdNotifications } from '../../../db/repositories/desktop/notifications.js';
import type { QbdAnswer, QbdRequestRow, QbdSession, Waiter } from '../../../db/repositories/desktop/queue.js';
import { operationOwner } from '../operations.js';
import {
  buildQbxmlMessage,
  clientVersionVerdict,
  companyFingerprint,
  explainHresult,
  hasFileId,
  parseHcpResponse,
  QbxmlParseError,
  readQbxmlResponse,
  percentDone,
  pickQbxmlVersion,
  type HcpResponse,
  type QbxmlResult,
  type QbxmlVersion,
} from '../qbxml/index.js';
import { parseXmlTree, serializeXml, type XNode } from '../qbxml/tree.js';
import { continueListImport, isListImportJob, refreshLists, startListImport } from './list-import.js';
import { verifyPassword } from '../passwords.js';
import { createLoginGuard, sourceKey } from './login-guard.js';
import { hashTicket } from './tickets.js';

export const SERVER_VERSION = 'qbflow 0.1.0';
const NOOP = 'NoOp';
const LOST = 'The Web Connector session ended before QuickBooks\' answer reached qbflow; whether QuickBooks applied the request is unknown, so qbflow will look for it before sending anything again.';
const MAX_READ_ATTEMPTS = 5;
const UNKNOWN_TICKET = 'qbflow does not know this Web Connector session (it may have ended or expired). Run the update again.';
const PARSE_ERROR = '0x80040400';

export interface QbwcServiceDeps {
  repos: Repositories;
  config: QbdConfig;
  /** Wake-ups when requests are queued or holds are let go (long polls). */
  enqueued: QbdNotifications;
  /** Wakes the workflows waiting on operations whose requests were answered, failed or given back (or found room). */
  wake: (waiters: Waiter[]) => Promise<void>;
  /**
   * A Web Connector run began on a bound company file: work that polls QuickBooks at each run (payments back) starts
   * now, keeping the session open until its requests are queued (it places a hold).
   */
  onRun?: (connectionId: string) => Promise<unknown>;
  log: FastifyBaseLogger;
}

export type QbwcService = ReturnType<typeof createQbwcService>;

const samePath = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

// Over 150 lines on purpose: the eight Web Connector methods share one session's helpers (end, wake, match answers,
// refuse) over the same repositories; each method is short, and apart they would pass that state around.
export function createQbwcService(deps: QbwcServiceDeps) {
  const { repos, config, log } = deps;
  const queue = repos.qbdQueue;
  const endOptions = { lostError: LOST, maxReadAttempts: MAX_READ_ATTEMPTS };
  const guard = createLoginGuard(repos.qbdConnections, config);

  /** Ends a session; the workflows whose requests it held and never answered learn that their outcome is unknown. */
  const endSession = async (id: string, reason: string, lastError: string | null) => {
    await deps.wake((await queue.endSession(id, reason, lastError, endOptions)) ?? []);
  };

  /** Room in the queue again: the operations that have waited longest for it may queue their requests now. */
  const wakeBlocked = async (connectionId: string) => {
    const room = config.maxQueuedPerConnection - (await queue.queuedCount(connectionId));
    if (room <= 0) return;
    // each woken operation takes its turn at the cap again, so waking as many as there is room for never overfills it
    const blocked = await repos.qbdOperations.oldestBlocked(connectionId, room);
    await deps.wake(blocked.map((op) => ({ workflowId: op.workflowId, owner: operationOwner(op) })));
  };

  const openSession = async (ticket: string | undefined): Promise<QbdSession | undefined> => {
    if (!ticket) return undefined;
    const session = await queue.findSession(hashTicket(ticket));
    return session?.state === 'open' ? session : undefined;
  };

  /** Waits (up to `ms`) until requests are queued for the connection or nothing holds the session open any more. */
  const waitForWork = async (connectionId: string, ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const counts = await queue.counts(connectionId);
      const left = deadline - Date.now();
      if (counts.queued > 0 || counts.holds === 0 || left <= 0) return counts;
      await deps.enqueued.wait(connectionId, Math.min(left, 250));
    }
  };

  const refuse = async (session: QbdSession, message: string): Promise<string> => {
    log.warn({ connectionId: session.connectionId, reason: message }, 'Web Connector session refused');
    await endSession(session.id, 'refused', message);
    return '';
  };

  /** First sendRequestXML of a session: the qbXML version, and the company file binding (made or checked). */
  const beginExchange = async (session: QbdSession, hcpText: string, companyFile: string, major: string | undefined, minor: string | undefined): Promise<{ version: QbxmlVersion } | { refusal: string }> => {
    let hcp: HcpResponse | undefined;
    try {
      hcp = hcpText ? parseHcpResponse(hcpText) : undefined;
    } catch (error) {
      log.warn({ err: error, connectionId: session.connectionId }, 'unreadable strHCPResponse');
    }
    const product = hcp?.host?.productName ?? 'This QuickBooks';
    const reported = hcp?.host?.supportedQbxmlVersions.length ? hcp.host.supportedQbxmlVersions : [`${major ?? '0'}.${minor ?? '0'}`];
    const version = pickQbxmlVersion(reported);
    if (!version) {
      return { refusal: `${product} supports qbXML up to ${reported.at(-1) ?? 'an unknown version'}; qbflow needs QuickBooks Desktop 2015 or later (qbXML 13.0). Update QuickBooks, then run the update again. Nothing was changed.` };
    }
    const qbd = await repos.qbdConnections.find(session.connectionId);
    if (!qbd) return { refusal: UNKNOWN_TICKET };
    const company = hcp?.company;
    const fingerprint = companyFingerprint(company) ?? null;
    if (!qbd.companyFilePath) {
      const binding = { companyFilePath: companyFile, companyName: company?.companyName ?? null, companyFingerprint: fingerprint, productName: hcp?.host?.productName ?? null, qbxmlVersion: version };
      if (await repos.qbdConnections.bind(session.connectionId, binding)) {
        await repos.connections.setStatus(session.connectionId, 'connected', null);
        await startListImport(repos, session.connectionId, config.listPageSize);
        log.info({ connectionId: session.connectionId, companyFile, company: company?.companyName }, 'company file bound; list import queued');
        return { version };
      }
      return beginExchange(session, hcpText, companyFile, major, minor); // another process bound it meanwhile
    }
    const sameCompany = hasFileId(company, qbd.fileId) || !fingerprint || !qbd.companyFingerprint || fingerprint === qbd.companyFingerprint;
    if (!samePath(companyFile, qbd.companyFilePath) || !sameCompany) {
      const bound = `"${qbd.companyFilePath}"${qbd.companyName ? ` (${qbd.companyName})` : ''}`;
      const seen = `"${companyFile}"${company?.companyName ? ` (${company.companyName})` : ''}`;
      return { refusal: `This Web Connector entry belongs to the company file ${bound}, but QuickBooks has ${seen} open. qbflow did not change anything. Open ${bound} in QuickBooks and run the update again; to connect ${seen} too, create a separate qbflow connection for it (it gets its own .QWC file and password).` };
    }
    await repos.qbdConnections.noteSession(session.connectionId, { qbxmlVersion: version, productName: hcp?.host?.productName ?? qbd.productName });
    return { version };
  };

  /** Answers for the requests a session holds, matched by requestID, each with its raw `<…Rs>`. */
  const matchAnswers = (sent: QbdRequestRow[], response: string) => {
    let root: XNode;
    try {
      root = parseXmlTree(response, config.maxSoapBytes).root;
    } catch (error) {
      throw new QbxmlParseError(`QuickBooks response is not valid XML: ${(error as Error).message}`);
    }
    const parsed = readQbxmlResponse(root);
    const raw = new Map<string, string>();
    const msgs = root.children.find((c) => c.name === 'QBXMLMsgsRs');
    for (const rs of msgs?.children ?? []) if (rs.attrs.requestID) raw.set(rs.attrs.requestID, serializeXml(rs));
    const answers: { answer: QbdAnswer; row: QbdRequestRow; result: QbxmlResult }[] = [];
    for (const row of sent) {
      const result = parsed.byRequestId.get(row.requestId);
      if (!result) continue;
      answers.push({ row, result, answer: { id: row.id, statusCode: result.statusCode, statusMessage: result.statusMessage, result, response: raw.get(row.requestId) ?? '' } });
    }
    return answers;
  };

  return {
    serverVersion: async () => SERVER_VERSION,

    clientVersion: async (version: string | undefined) => clientVersionVerdict(version),

    /** `from` is the caller's IP address: throttling and the lockout count per source (see login-guard.ts). */
    async authenticate(userName: string | undefined, password: string | undefined, from?: string): Promise<string[]> {
      const source = sourceKey(from);
      const { waitSeconds } = await guard.admit(source);
      if (waitSeconds > 0) {
        log.warn({ source, waitSeconds }, 'Web Connector log-in refused unchecked: this source failed too often');
        return ['', 'nvu'];
      }
      const qbd = await repos.qbdConnections.findByUserName(userName ?? '');
      const matches = await verifyPassword(password ?? '', qbd?.passwordHash);
      if (!qbd || !matches) {
        await guard.failed(qbd?.connectionId ?? null, source);
        return ['', 'nvu'];
      }
      const id = qbd.connectionId;
      if (await guard.lockedOut(id, source)) {
        log.warn({ connectionId: id, source }, 'Web Connector log-in refused: this source is locked out after repeated failures for this user');
        return ['', 'nvu'];
      }
      await guard.succeeded(id, source);
      const connection = await repos.connections.findById(id);
      if (!connection || connection.status === 'disconnected') return ['', 'nvu'];

      // The Web Connector runs one session per application at a time: an open one that was sent a message very
      // recently is still being answered (busy); any other is over, and gives its requests back.
      for (const earlier of await queue.openSessions(id)) {
        if (earlier.sent > 0 && earlier.idleSeconds < config.busySeconds) {
          const wait = Math.min(config.postponeSeconds, Math.max(1, Math.ceil(config.busySeconds - earlier.idleSeconds)));
          return ['', 'busy', String(wait)];
        }
        await endSession(earlier.id, 'superseded', null);
      }
      const ticket = randomBytes(24).toString('base64url');
      const session = await queue.openSession(id, hashTicket(ticket));
      await queue.purge(id, 30);
      await repos.qbdOperations.purge(id, 30);
      if (qbd.companyFilePath && deps.onRun) {
        // a poll that cannot start now starts at the next run: never a reason to refuse this one
        await deps.onRun(id).catch((error: unknown) => log.warn({ err: error, connectionId: id }, 'could not start the work polled at each Web Connector run'));
      }
      const counts = await queue.counts(id);
      if (qbd.companyFilePath && counts.queued === 0 && counts.holds === 0) {
        await endSession(session.id, 'none', null);
        return [ticket, 'none'];
      }
      return [ticket, qbd.companyFilePath ?? ''];
    },

    async sendRequestXML(params: Record<string, string>): Promise<string> {
      let session = await openSession(params.ticket);
      if (!session) return '';
      if (!session.qbxmlVersion) {
        const begun = await beginExchange(session, params.strHCPResponse ?? '', params.strCompanyFileName ?? '', params.qbXMLMajorVers, params.qbXMLMinorVers);
        if ('refusal' in begun) return refuse(session, begun.refusal);
        await queue.updateSession(session.id, { qbxmlVersion: begun.version, companyFilePath: params.strCompanyFileName ?? null });
        session = { ...session, qbxmlVersion: begun.version };
      }
      const limits = { maxRequests: config.maxRequestsPerMessage, maxBytes: config.maxMessageBytes };
      let rows = await queue.takeBatch(session.connectionId, session.id, limits);
      if (rows.length === 0) {
        await waitForWork(session.connectionId, config.longPollMs);
        rows = await queue.takeBatch(session.connectionId, session.id, limits);
      }
      if (rows.length > 0) {
        return buildQbxmlMessage(rows.map((r) => r.requestXml), { version: session.qbxmlVersion as QbxmlVersion, onError: 'continueOnError' });
      }
      const counts = await queue.counts(session.connectionId);
      if (counts.holds > 0 && (await queue.idleSeconds(session.id)) < config.maxIdleSeconds) {
        await queue.updateSession(session.id, { lastError: NOOP });
        return '';
      }
      await queue.updateSession(session.id, { lastError: 'qbflow has nothing more for QuickBooks right now.' });
      return '';
    },

    async receiveResponseXML(params: Record<string, string>): Promise<number> {
      const session = await openSession(params.ticket);
      if (!session) return -1;
      const { connectionId } = session;
      const sent = await queue.sentIn(session.id);
      const hresult = (params.hresult ?? '').trim();

      if (hresult) {
        const text = explainHresult(hresult, params.message ?? '');
        log.warn({ connectionId, hresult, message: params.message, requests: sent.length }, 'QuickBooks refused a whole message');
        if (hresult.toLowerCase() === PARSE_ERROR) {
          // nothing was applied: find the faulty request by sending them one at a time, in this same session
          if (sent.length > 1) await queue.isolate(connectionId, session.id);
          else await deps.wake(await queue.fail(session.id, 'rejected', `QuickBooks could not read this ${sent[0]?.kind ?? 'request'} (${hresult}: ${params.message ?? ''}). Nothing was changed in QuickBooks.`));
        } else {
          await endSession(session.id, 'error', text);
          return -1;
        }
      } else {
        let answers: ReturnType<typeof matchAnswers>;
        try {
          answers = matchAnswers(sent, params.response ?? '');
        } catch (error) {
          log.warn({ err: error, connectionId }, 'unreadable qbXML response');
          await queue.endSession(session.id, 'error', 'QuickBooks sent back an answer qbflow could not read. qbflow will check what QuickBooks did before sending anything again; run the update again.', endOptions);
          return -1;
        }
        const waiters = await repos.transaction(async (tx) => {
          const answered = await queue.answer(session.id, answers.map((a) => a.answer), tx);
          await refreshLists(repos, connectionId, answers.filter((a) => !isListImportJob(a.row.job)).map((a) => a.result), tx);
          for (const { row, result } of answers) {
            if (isListImportJob(row.job)) await continueListImport(repos, row, row.job, result, config.listPageSize, tx);
          }
          return answered;
        });
        await deps.wake(waiters);
        if (answers.length < sent.length) {
          log.warn({ connectionId, missing: sent.length - answers.length }, 'QuickBooks answered fewer requests than it was sent');
          await deps.wake(await queue.release(session.id, LOST, MAX_READ_ATTEMPTS));
        }
        await wakeBlocked(connectionId);
      }
      const counts = await waitForWork(connectionId, config.longPollMs);
      const fresh = await queue.findSessionById(session.id);
      return percentDone(fresh?.answered ?? 0, counts.queued + counts.sent + counts.holds);
    },

    async connectionError(params: Record<string, string>): Promise<string> {
      const session = await openSession(params.ticket);
      if (!session) return 'done';
      const qbd = await repos.qbdConnections.find(session.connectionId);
      let text = explainHresult(params.hresult ?? '', params.message ?? '');
      if (qbd?.companyFilePath && /^0x8004040(3|a)$/i.test((params.hresult ?? '').trim())) {
        text += ` This Web Connector entry belongs to "${qbd.companyFilePath}"${qbd.companyName ? ` (${qbd.companyName})` : ''}. If QuickBooks has another company file open, open that one instead; to connect another company file, create a separate qbflow connection for it.`;
      }
      const tries = session.connectionErrors + 1;
      log.warn({ connectionId: session.connectionId, hresult: params.hresult, message: params.message, tries }, 'the Web Connector could not reach QuickBooks');
      if (tries <= config.connectionRetries) {
        await queue.updateSession(session.id, { connectionErrors: tries, lastError: text });
        return qbd?.companyFilePath ?? '';
      }
      await endSession(session.id, 'connectionError', text);
      return 'done';
    },

    async getLastError(ticket: string | undefined): Promise<string> {
      const session = ticket ? await queue.findSession(hashTicket(ticket)) : undefined;
      if (!session) return UNKNOWN_TICKET;
      if (session.lastError) return session.lastError;
      if (session.endReason === 'superseded') return 'A newer Web Connector session for this company file took over from this one. Nothing was lost; run the update again if it did not finish.';
      if (session.endReason === 'timedOut') return 'This Web Connector session went quiet for too long and was ended. Nothing was lost; run the update again.';
      return 'qbflow has nothing more for QuickBooks right now.';
    },

    async closeConnection(ticket: string | undefined): Promise<string> {
      const session = ticket ? await queue.findSession(hashTicket(ticket)) : undefined;
      if (!session) return 'OK';
      await endSession(session.id, 'closed', null);
      const ended = (await queue.findSessionById(session.id)) ?? session;
      if (ended.endReason !== 'closed' && ended.endReason !== 'none' && ended.lastError && ended.lastError !== NOOP) return ended.lastError;
      return `OK: qbflow exchanged ${ended.answered} request(s) with QuickBooks in ${ended.messages} message(s).`;
    },
  };
}

// Web Connector conventions that need no I/O: which client versions we accept, a progress figure that is true,
// what an HRESULT means for the person in front of QuickBooks, and how we recognise a company file.
import type { CompanyRecord } from './records.js';

/** Below this the Web Connector is refused ("E:"), below the second it is warned ("W:"). */
export const MIN_WEB_CONNECTOR = [2, 0] as const;
export const RECOMMENDED_WEB_CONNECTOR = [2, 1] as const;

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** clientVersion's answer: "" to go on, "W:…" to warn, "E:…" to refuse. An unreadable version goes on. */
export function clientVersionVerdict(version: string | undefined): string {
  const match = /^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(version ?? '');
  if (!match) return '';
  const parts = match.slice(1).map((p) => Number(p ?? 0));
  if (compareVersions(parts, MIN_WEB_CONNECTOR) < 0) {
    return `E:This QuickBooks Web Connector (${version}) is too old for qbflow. Install Web Connector 2.1 or later from Intuit (the latest is recommended), then run the update again.`;
  }
  if (compareVersions(parts, RECOMMENDED_WEB_CONNECTOR) < 0) {
    return `W:This QuickBooks Web Connector (${version}) is older than 2.1. qbflow will work, but please install the latest Web Connector from Intuit.`;
  }
  return '';
}

/**
 * receiveResponseXML's percent: what this session has done against what is still waiting (queued or sent
 * requests, and operations that announced follow-up work). 100 only when nothing is left; otherwise 1–99.
 */
export function percentDone(done: number, remaining: number): number {
  if (remaining <= 0) return 100;
  const percent = Math.floor((100 * done) / (done + remaining));
  return Math.min(99, Math.max(1, percent));
}

/** What an HRESULT from QuickBooks means, said so that the person running QuickBooks can fix it. */
export function explainHresult(hresult: string, message: string): string {
  const code = hresult.trim().toLowerCase();
  const said = message ? ` (QuickBooks said: "${message.trim()}", ${hresult})` : ` (${hresult})`;
  switch (code) {
    case '0x80040408':
      return `QuickBooks is not running or could not be started. Open QuickBooks Desktop with the company file, or allow the Web Connector to start it, then run the update again.${said}`;
    case '0x80040410':
    case '0x80040422':
      return `The company file is open in a mode that does not allow qbflow in, or another application holds it. Switch QuickBooks to single-user mode or close the other application, then run the update again.${said}`;
    case '0x80040403':
    case '0x8004040a':
      return `QuickBooks could not open the company file this Web Connector entry belongs to. Open that file in QuickBooks (or check that it still exists), then run the update again.${said}`;
    case '0x80040420':
    case '0x8004041a':
      return `QuickBooks does not allow qbflow into this company file. In QuickBooks, go to Edit > Preferences > Integrated Applications, allow qbflow (and "Allow this application to login automatically"), then run the update again.${said}`;
    case '0x80040400':
      return `QuickBooks could not read a request qbflow sent. Nothing was changed in QuickBooks; the requests will be sent one at a time so the faulty one can be found. If this repeats, contact qbflow support.${said}`;
    case '0x80042500':
      return `This version of QuickBooks does not understand the requests qbflow sends. qbflow needs QuickBooks 2015 or later; update QuickBooks Desktop.${said}`;
    default:
      return `QuickBooks reported a problem with this update; the requests will be tried again at the next run.${said}`;
  }
}

/** HRESULTs that mean QuickBooks read nothing and changed nothing (safe to send the same requests again). */
export function hresultAppliedNothing(hresult: string): boolean {
  return ['0x80040400', '0x80042500'].includes(hresult.trim().toLowerCase());
}

/** A stable identity for a company file: its name, legal name and EIN as QuickBooks reports them. */
export function companyFingerprint(company: CompanyRecord | undefined): string | undefined {
  if (!company) return undefined;
  const norm = (value: string | undefined) => (value ?? '').trim().toLowerCase();
  return [norm(company.companyName), norm(company.legalCompanyName), norm(company.ein)].join('|');
}

/** Whether the company carries our FileID (the Web Connector stores it as a data extension when the QWC is added). */
export function hasFileId(company: CompanyRecord | undefined, fileId: string): boolean {
  if (!company) return false;
  const bare = (value: string) => value.replace(/^\{|\}$/g, '').toLowerCase();
  return Object.values(company.dataExt).some((value) => bare(value) === bare(fileId));
}

/** Read requests can be sent again without risk; anything else may have changed the company file. */
export function isReadRequest(kind: string): boolean {
  return kind.endsWith('Query');
}

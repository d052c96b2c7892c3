// Test helpers for the emulated company file: send requests in one message, keep every answer so that a test can
// check them all against Intuit's schemas, and a clock the test moves by hand.
import { buildQbxmlMessage, buildRequest, parseQbxmlResponse, type QbxmlRequest, type QbxmlResult, type QbxmlVersion } from '../../../../quickbooks/desktop/qbxml/index.js';
import type { CompanyFile } from '../../../../sandbox/qbd/company-file.js';

export interface ManualClock {
  now(): Date;
  /** Moves the clock forward. */
  advance(ms: number): void;
}

export function manualClock(start = '2024-06-03T14:00:00Z'): ManualClock {
  let current = new Date(start).getTime();
  return { now: () => new Date(current), advance: (ms) => void (current += ms) };
}

export const DAY = 24 * 60 * 60 * 1000;

export interface Sender {
  send(requests: QbxmlRequest[], version?: QbxmlVersion): QbxmlResult[];
  one(request: QbxmlRequest, version?: QbxmlVersion): QbxmlResult;
  /** Every raw answer so far, by schema version. */
  readonly answers: { name: string; xml: string; version: '13.0' | '16.0' }[];
}

export function sender(cf: CompanyFile): Sender {
  const answers: Sender['answers'] = [];
  const send = (requests: QbxmlRequest[], version: QbxmlVersion = '13.0'): QbxmlResult[] => {
    const xml = cf.processRequest(buildQbxmlMessage(requests.map(buildRequest), { version, onError: 'continueOnError' }));
    if (version === '13.0' || version === '16.0') answers.push({ name: `${requests[0]?.requestId ?? 'rq'}-${answers.length}`, xml, version });
    return parseQbxmlResponse(xml).results;
  };
  return { send, one: (request, version) => send([request], version)[0] as QbxmlResult, answers };
}

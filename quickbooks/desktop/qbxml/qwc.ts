// The .QWC file a bookkeeper adds to the QuickBooks Web Connector, and the rules the Web Connector applies to it:
// AppURL must be https (http is accepted for localhost only) and AppSupport must be on the same host. The
// password never appears in it: the Web Connector asks for it once and keeps it.
import { escapeXml } from './xml.js';

/** qbflow's OwnerID: one GUID for the product, the same in every QWC file we issue. */
export const QBFLOW_OWNER_ID = '{6F1C2D7A-3B84-4E55-9A0D-2C7E51B0F4A9}';

export interface QwcInput {
  appName: string;
  appDescription: string;
  /** The SOAP endpoint, e.g. https://qbflow.example.com/qbwc */
  appUrl: string;
  /** A page on the same host where people find help. */
  appSupportUrl: string;
  userName: string;
  /** The connection's FileID (a GUID, with or without braces). */
  fileId: string;
  runEveryMinutes: number;
}

export class QwcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QwcError';
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why the Web Connector would refuse this AppURL, or undefined when it accepts it. */
export function appUrlProblem(appUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return `"${appUrl}" is not a URL`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return undefined;
  return `The Web Connector only accepts https:// addresses (http:// is allowed for localhost only), and qbflow's public address is ${url.origin}. Set PUBLIC_URL to the https address the Web Connector reaches.`;
}

function braced(guid: string): string {
  const bare = guid.replace(/^\{|\}$/g, '');
  if (!/^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/.test(bare)) throw new QwcError(`"${guid}" is not a GUID`);
  return `{${bare.toUpperCase()}}`;
}

/** Builds the QWC document, elements in the order the Web Connector reads them. */
export function buildQwc(input: QwcInput): string {
  const problem = appUrlProblem(input.appUrl);
  if (problem) throw new QwcError(problem);
  if (new URL(input.appSupportUrl).host !== new URL(input.appUrl).host) {
    throw new QwcError('AppSupport must be on the same host as AppURL');
  }
  if (!Number.isInteger(input.runEveryMinutes) || input.runEveryMinutes < 1) throw new QwcError('RunEveryNMinutes must be a whole number of minutes, at least 1');
  const element = (name: string, value: string) => `  <${name}>${escapeXml(value)}</${name}>\n`;
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<QBWCXML>\n' +
    element('AppName', input.appName) +
    element('AppID', '') +
    element('AppURL', input.appUrl) +
    element('AppDescription', input.appDescription) +
    element('AppSupport', input.appSupportUrl) +
    element('UserName', input.userName) +
    element('OwnerID', QBFLOW_OWNER_ID) +
    element('FileID', braced(input.fileId)) +
    element('QBType', 'QBFS') +
    `  <Scheduler>\n    <RunEveryNMinutes>${input.runEveryMinutes}</RunEveryNMinutes>\n  </Scheduler>\n` +
    element('IsReadOnly', 'false') +
    '</QBWCXML>\n'
  );
}

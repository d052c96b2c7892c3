// The Web Connector contract (Intuit's QBWebConnectorSvc.wsdl, carried beside this file) as this service publishes it: the same
// document with soap:address pointing at our endpoint.
import { readFile } from 'node:fs/promises';
import { escapeXml } from '../../quickbooks/desktop/index.js';

const cache = new Map<string, Promise<string>>();

export async function wsdlFor(path: string, endpointUrl: string): Promise<string> {
  let source = cache.get(path);
  if (!source) {
    source = readFile(path, 'utf8');
    cache.set(path, source);
    source.catch(() => cache.delete(path));
  }
  const text = await source;
  return text.replace(/(<soap:address\s+location=")[^"]*(")/, `$1${escapeXml(endpointUrl)}$2`);
}

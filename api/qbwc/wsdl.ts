// The Web Connector contract (shared/spec/qbwc/QBWebConnectorSvc.wsdl) as this service publishes it: the same
// document with soap:address pointing at our endpoint.
import { readFile } from 'node:fs/promises';
import { escapeXml } from '../../domain/qbxml/xml.js';

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

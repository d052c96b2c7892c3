// Loads Intuit's qbXML schemas from the shared spec folder (compiled once per version, then cached).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchema, type CompiledSchema } from './compile.js';

/** Where the shared specs live by default: ../shared/spec/qbxml beside the repository. */
export const DEFAULT_QBXML_SPEC_DIR = fileURLToPath(new URL('../../../../shared/spec/qbxml/', import.meta.url));

/** The schema folders we carry; other versions validate against the nearest one at or above them. */
const SCHEMA_FOLDERS: Record<string, { folder: string; entry: string }> = {
  '13.0': { folder: '13.0', entry: 'qbxmlops130.xsd' },
  '16.0': { folder: '16.0', entry: 'qbxmlops160.xsd' },
};

const cache = new Map<string, CompiledSchema>();

/** The schema a request of `version` is checked against: 13.0 for 13.x, 16.0 for 14.0 to 16.0. */
export function schemaVersionFor(version: string): '13.0' | '16.0' | null {
  const major = Number.parseFloat(version);
  if (!Number.isFinite(major) || major < 13 || major >= 17) return null;
  return major < 14 ? '13.0' : '16.0';
}

export function loadQbxmlSchema(version: '13.0' | '16.0', specDir = DEFAULT_QBXML_SPEC_DIR): CompiledSchema {
  const key = `${specDir}|${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { folder, entry } = SCHEMA_FOLDERS[version] as { folder: string; entry: string };
  const dir = join(specDir, folder);
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) if (name.endsWith('.xsd')) files.set(name, readFileSync(join(dir, name), 'utf8'));
  const schema = compileSchema(entry, files);
  cache.set(key, schema);
  return schema;
}

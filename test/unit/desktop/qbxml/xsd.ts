// Validates qbXML documents against Intuit's schemas with xmllint (compiled to WebAssembly), in process.
// The ops schema includes the other files by relative path, so they are preloaded into xmllint's in-memory file
// system under the same names. One xmllint run checks many documents: it reports each file separately.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

export const SPEC_DIR = fileURLToPath(new URL('../../../../../shared/spec/qbxml/', import.meta.url));

const ENTRY: Record<'13.0' | '16.0', string> = { '13.0': 'qbxmlops130.xsd', '16.0': 'qbxmlops160.xsd' };

function schemaFiles(version: '13.0' | '16.0'): { schema: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] } {
  const dir = join(SPEC_DIR, version);
  const all = readdirSync(dir)
    .filter((name) => name.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(join(dir, fileName), 'utf8') }));
  const schema = all.find((f) => f.fileName === ENTRY[version]);
  if (!schema) throw new Error(`missing ${ENTRY[version]}`);
  return { schema, preload: all.filter((f) => f !== schema) };
}

/** Returns, for each document name, the xmllint error lines (empty when the document is valid). */
export async function validateAgainstXsd(version: '13.0' | '16.0', docs: readonly { name: string; xml: string }[]): Promise<Map<string, string[]>> {
  const { schema, preload } = schemaFiles(version);
  const files = docs.map((d, i) => ({ fileName: `doc${i}.xml`, contents: d.xml }));
  const result = await validateXML({ xml: files, schema: [schema], preload, maxMemoryPages: 4096 });
  const byName = new Map<string, string[]>();
  docs.forEach((d, i) => {
    const fileName = `doc${i}.xml`;
    const lines = result.rawOutput.split('\n').filter((line) => line.startsWith(`${fileName}:`) || line === `${fileName} fails to validate`);
    const validated = result.rawOutput.split('\n').includes(`${fileName} validates`);
    byName.set(d.name, validated ? [] : lines.length ? lines : [`${fileName}: no verdict from xmllint`]);
  });
  return byName;
}

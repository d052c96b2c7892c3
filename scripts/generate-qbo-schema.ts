// Run by hand when Intuit's XSDs change: `npx tsx scripts/generate-qbo-schema.ts <dir with Finance.xsd …>` rewrites
// sandbox/qbo/schema/entities.json (committed), the field list the sandbox QuickBooks Online checks bodies against.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSchemaText } from './qbo-schema/format.js';

const specDir = process.argv[2];
if (!specDir) {
  console.error('usage: npx tsx scripts/generate-qbo-schema.ts <directory holding Finance.xsd, IntuitBaseTypes.xsd, …>');
  process.exit(2);
}
const target = fileURLToPath(new URL('../sandbox/qbo/schema/entities.json', import.meta.url));
const text = generateSchemaText(specDir);
writeFileSync(target, text);
console.log(`wrote ${target} (${text.length} bytes)`);

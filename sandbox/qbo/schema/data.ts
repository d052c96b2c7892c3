// The shape of entities.json (Intuit's entity schemas, derived from its XSDs by scripts/generate-qbo-schema.ts) and
// its loader: the file ships beside this module, so the sandbox never reads the XSDs (or ../shared) at run time.
import { readFileSync } from 'node:fs';

/** Basic value kinds; any other type name is an enum (in `enums`) or an object type (in `types`). */
export const PRIMITIVES = ['string', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'any'] as const;
export type Primitive = (typeof PRIMITIVES)[number];

export interface SchemaType {
  /** Property name → type name, with `[]` appended for arrays (maxOccurs > 1). Inherited fields included. */
  fields: Record<string, string>;
  /** Properties Intuit documents as QuickBooks Desktop only: Online ignores them. */
  desktopOnly?: string[];
}

export interface SchemaData {
  /** Entity name (as in the URL and the JSON wrapper) → its object type. */
  entities: Record<string, string>;
  enums: Record<string, string[]>;
  types: Record<string, SchemaType>;
}

export class SchemaDataError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the parts the checker relies on, so a damaged file fails at start with its reason, not mid-request. */
export function parseSchemaData(text: string): SchemaData {
  const data: unknown = JSON.parse(text);
  if (!isRecord(data) || !isRecord(data.entities) || !isRecord(data.enums) || !isRecord(data.types)) {
    throw new SchemaDataError('entities.json needs entities, enums and types objects');
  }
  for (const [name, type] of Object.entries(data.types)) {
    if (!isRecord(type) || !isRecord(type.fields)) throw new SchemaDataError(`entities.json: type ${name} has no fields`);
  }
  return data as unknown as SchemaData;
}

let loaded: SchemaData | undefined;

export function schemaData(): SchemaData {
  loaded ??= parseSchemaData(readFileSync(new URL('./entities.json', import.meta.url), 'utf8'));
  return loaded;
}

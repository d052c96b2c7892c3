// Reads a request body the way Intuit's JSON reader does, before anything is applied: a property its schema lacks,
// or a value of the wrong kind, at any depth, is refused with 2010; values Jackson would coerce (a number sent for a
// string, "12.5" for a decimal, "true" for a boolean) are coerced; fields documented as Desktop only are dropped.
import { fault } from '../faults.js';
import { isObject, type Json, type JsonObject } from '../json.js';
import { schemaData, type SchemaData } from './data.js';

interface FieldSpec {
  /** Type of one value (without the `[]`). */
  type: string;
  array: boolean;
  desktopOnly: boolean;
}

type Fields = ReadonlyMap<string, FieldSpec>;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

class Reader {
  private readonly compiled = new Map<string, Fields>();

  constructor(private readonly data: SchemaData) {}

  entityType(entity: string): string | undefined {
    return this.data.entities[entity];
  }

  private fields(type: string): Fields | undefined {
    const cached = this.compiled.get(type);
    if (cached) return cached;
    const source = this.data.types[type];
    if (!source) return undefined;
    const desktopOnly = new Set(source.desktopOnly ?? []);
    const fields = new Map<string, FieldSpec>();
    for (const [name, typeName] of Object.entries(source.fields)) {
      const array = typeName.endsWith('[]');
      fields.set(name, { type: array ? typeName.slice(0, -2) : typeName, array, desktopOnly: desktopOnly.has(name) });
    }
    this.compiled.set(type, fields);
    return fields;
  }

  object(value: Json, type: string, path: readonly string[]): JsonObject {
    const fields = this.fields(type);
    if (!fields) throw new Error(`schema data has no type ${type}`);
    if (!isObject(value)) throw refuse(path);
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const spec = fields.get(key);
      const at = [...path, key];
      if (!spec) throw refuse(at);
      // Read even when dropped afterwards: Intuit parses the whole body before its service ignores a field.
      const read = spec.array ? this.array(child, spec.type, at) : this.value(child, spec.type, at);
      if (!spec.desktopOnly) out[key] = read;
    }
    return out;
  }

  private array(value: Json, type: string, path: readonly string[]): Json {
    if (value === null) return null;
    if (!Array.isArray(value)) throw refuse(path);
    return value.map((item) => {
      if (item === null) throw refuse(path);
      return this.value(item, type, path);
    });
  }

  private value(value: Json, type: string, path: readonly string[]): Json {
    if (value === null) return null;
    switch (type) {
      case 'any':
        return value;
      case 'string':
        if (typeof value === 'string') return value;
        if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
        throw refuse(path);
      case 'boolean':
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        throw refuse(path);
      case 'decimal':
      case 'integer': {
        if (typeof value === 'number' && Number.isFinite(value)) return value;
        const text = typeof value === 'string' ? value.trim() : '';
        const number = (type === 'decimal' ? NUMBER : INTEGER).test(text) ? Number(text) : Number.NaN;
        if (Number.isFinite(number)) return number;
        throw refuse(path);
      }
      case 'date':
      case 'dateTime':
        // The format is checked where the sandbox reads the date (TxnDate, DueDate, …).
        if (typeof value === 'string') return value;
        throw refuse(path);
      default: {
        const values = this.data.enums[type];
        if (values) {
          if (typeof value === 'string' && values.includes(value)) return value;
          throw refuse(path);
        }
        return this.object(value, type, path);
      }
    }
  }
}

function refuse(path: readonly string[]) {
  return fault.unreadableBody(path.join('.'));
}

let reader: Reader | undefined;

/**
 * The body of a create, update (full or sparse), delete or void of `entity`, as Intuit would read it: throws 2010 for
 * what its schema refuses, and returns a copy without the Desktop-only fields.
 */
export function conformBody(entity: string, body: JsonObject): JsonObject {
  reader ??= new Reader(schemaData());
  const type = reader.entityType(entity);
  if (type === undefined) throw new Error(`schema data has no entity ${entity}`);
  return reader.object(body, type, []);
}

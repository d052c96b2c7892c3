// Turns the XSD model into the sandbox's schema data: for every entity, the object types reachable from it with
// their inherited fields flattened, basic types resolved, enums listed and Desktop-only fields marked.
import type { Primitive, SchemaData, SchemaType } from '../../sandbox/qbo/schema/data.js';
import { isDesktopOnly, ONLINE_DESPITE_ANNOTATION } from './desktop-only.js';
import { XsdError, type XsdComplexType, type XsdField, type XsdModel } from './xsd.js';

/** XML Schema built-in types → the basic kinds a JSON body is checked against. */
const BUILT_IN: Readonly<Record<string, Primitive>> = {
  'xs:string': 'string',
  'xs:anyURI': 'string',
  'xs:boolean': 'boolean',
  'xs:decimal': 'decimal',
  'xs:int': 'integer',
  'xs:long': 'integer',
  'xs:integer': 'integer',
  'xs:positiveInteger': 'integer',
  'xs:date': 'date',
  'xs:dateTime': 'dateTime',
  'xs:anyType': 'any',
};

class Builder {
  readonly data: SchemaData = { entities: {}, enums: {}, types: {} };
  /** Overrides that met a field marked Desktop only: one that never does is stale and fails the build. */
  readonly overridesUsed = new Set<string>();

  constructor(private readonly model: XsdModel) {}

  /** A type name in the output: a basic kind, an enum name, or an object type name (visited on the way). */
  typeOf(name: string, owner: string): string {
    const builtIn = BUILT_IN[name];
    if (builtIn) return builtIn;
    if (name.startsWith('xs:')) throw new XsdError(`${owner}: unsupported built-in type ${name}`);
    const simple = this.model.simpleTypes.get(name);
    if (simple) {
      if (simple.enumeration.length === 0) return this.typeOf(simple.base, name);
      this.data.enums[name] = simple.enumeration;
      return name;
    }
    const complex = this.model.complexTypes.get(name);
    if (!complex) throw new XsdError(`${owner}: unknown type ${name}`);
    // IntuitAnyType is an open extension point (xs:any): anything goes inside it.
    if (complex.open && complex.fields.length === 0) return 'any';
    this.visit(complex);
    return name;
  }

  /** Own fields after the extension base's, as JAXB (and so Intuit's JSON) sees them. */
  private flatten(type: XsdComplexType): XsdField[] {
    if (!type.base) return type.fields;
    const base = this.model.complexTypes.get(type.base);
    if (!base) throw new XsdError(`${type.name}: unknown base ${type.base}`);
    return [...this.flatten(base), ...type.fields];
  }

  private visit(type: XsdComplexType): void {
    if (this.data.types[type.name]) return;
    const out: SchemaType = { fields: {} };
    // Registered before its fields resolve: types refer to themselves (e.g. Line inside GroupLineDetail).
    this.data.types[type.name] = out;
    if (type.simpleContent) out.fields.value = this.typeOf(type.simpleContent, type.name);
    const desktopOnly: string[] = [];
    for (const field of this.flatten(type)) {
      const key = `${type.name}.${field.name}`;
      out.fields[field.name] = `${this.typeOf(field.type, key)}${field.array ? '[]' : ''}`;
      if (!isDesktopOnly(field.doc)) continue;
      if (ONLINE_DESPITE_ANNOTATION[key]) this.overridesUsed.add(key);
      else desktopOnly.push(field.name);
    }
    if (desktopOnly.length > 0) out.desktopOnly = desktopOnly;
  }
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b, 'en')));
}

export function buildSchemaData(model: XsdModel): SchemaData {
  const builder = new Builder(model);
  for (const [entity, type] of model.entities) builder.data.entities[entity] = builder.typeOf(type, entity);
  const stale = Object.keys(ONLINE_DESPITE_ANNOTATION).filter((key) => !builder.overridesUsed.has(key));
  if (stale.length > 0) throw new XsdError(`overrides that match no Desktop-only field: ${stale.join(', ')}`);
  const { entities, enums, types } = builder.data;
  return { entities: sorted(entities), enums: sorted(enums), types: sorted(types) };
}

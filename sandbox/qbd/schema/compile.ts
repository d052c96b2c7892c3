// Compiles the subset of XML Schema that Intuit's qbXML XSDs use (elements, named and inline complex and simple
// types, sequences, choices, groups, attributes, restrictions with enumeration/pattern/maxLength, unions) into
// content-model regexes and value checkers. Order-sensitive like QuickBooks' own parser, and fast: one RegExp test
// per element instead of a full XSD engine per message.
import { parseXmlTree, type XNode } from '../../../quickbooks/desktop/qbxml/tree.js';

export interface SimpleCheck {
  /** null when valid, else what is wrong. */
  (value: string): ValueProblem | null;
  /** The tightest maxLength facet, if any (for reports and documentation). */
  maxLength?: number;
}

export interface ValueProblem {
  kind: 'length' | 'boolean' | 'date' | 'number' | 'enum' | 'pattern';
  message: string;
}

export interface AttributeDecl {
  name: string;
  required: boolean;
  check: SimpleCheck;
}

export interface ComplexType {
  /** Anchored regex over child names, each followed by ','; null means no child elements allowed. */
  pattern: RegExp | null;
  /** Human-readable content model, e.g. "(Name, IsActive?, ParentRef?)". */
  model: string;
  elements: Map<string, ElementDecl>;
  attributes: Map<string, AttributeDecl>;
  /** For simpleContent types: the text check. */
  text?: SimpleCheck;
}

export interface ElementDecl {
  name: string;
  complex?: ComplexType;
  simple?: SimpleCheck;
  /** Named simple type the element uses (AMTTYPE, BOOLTYPE…), for choosing QuickBooks' status code. */
  typeName?: string;
}

export interface CompiledSchema {
  element(name: string): ElementDecl | undefined;
}

type Particle =
  | { kind: 'element'; name: string; decl: ElementDecl; min: number; max: number }
  | { kind: 'sequence' | 'choice'; items: Particle[]; min: number; max: number };

const XSD = 'xsd:';

/** Compiles a schema from its entry file; `files` maps file names (as used in xsd:include) to their text. */
export function compileSchema(entry: string, files: ReadonlyMap<string, string>): CompiledSchema {
  const defs = { elements: new Map<string, XNode>(), complexTypes: new Map<string, XNode>(), simpleTypes: new Map<string, XNode>(), groups: new Map<string, XNode>() };
  const seen = new Set<string>();
  const load = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`Schema file ${file} was not provided`);
    const { root } = parseXmlTree(text);
    for (const node of root.children) {
      const name = node.attrs.name;
      switch (node.name) {
        case `${XSD}include`: load(node.attrs.schemaLocation ?? ''); break;
        case `${XSD}element`: if (name) defs.elements.set(name, node); break;
        case `${XSD}complexType`: if (name) defs.complexTypes.set(name, node); break;
        case `${XSD}simpleType`: if (name) defs.simpleTypes.set(name, node); break;
        case `${XSD}group`: if (name) defs.groups.set(name, node); break;
        default: break;
      }
    }
  };
  load(entry);

  const elementCache = new Map<string, ElementDecl>();
  const complexCache = new Map<string, ComplexType>();
  const simpleCache = new Map<string, SimpleCheck>();

  function globalElement(name: string): ElementDecl {
    const cached = elementCache.get(name);
    if (cached) return cached;
    const node = defs.elements.get(name);
    if (!node) throw new Error(`Unknown element ${name}`);
    const decl: ElementDecl = { name };
    elementCache.set(name, decl); // before filling: recursive references see the same object
    fillElement(decl, node);
    return decl;
  }

  function fillElement(decl: ElementDecl, node: XNode): void {
    const type = node.attrs.type;
    if (type) {
      if (defs.complexTypes.has(type)) decl.complex = namedComplex(type);
      else { decl.simple = simpleByName(type); decl.typeName = type; }
      return;
    }
    const inline = node.children.find((c) => c.name === `${XSD}complexType` || c.name === `${XSD}simpleType`);
    if (!inline) decl.simple = () => null; // anyType-ish: QuickBooks never declares one without a type
    else if (inline.name === `${XSD}complexType`) decl.complex = compileComplex(inline);
    else { decl.simple = compileSimple(inline); decl.typeName = baseTypeName(inline); }
  }

  function namedComplex(name: string): ComplexType {
    const cached = complexCache.get(name);
    if (cached) return cached;
    const node = defs.complexTypes.get(name);
    if (!node) throw new Error(`Unknown complex type ${name}`);
    const type: ComplexType = { pattern: null, model: '', elements: new Map(), attributes: new Map() };
    complexCache.set(name, type);
    Object.assign(type, compileComplex(node));
    return type;
  }

  function compileComplex(node: XNode): ComplexType {
    const attributes = new Map<string, AttributeDecl>();
    let particle: Particle | null = null;
    let text: SimpleCheck | undefined;
    for (const c of node.children) {
      if (c.name === `${XSD}sequence` || c.name === `${XSD}choice` || c.name === `${XSD}group`) particle = compileParticle(c);
      else if (c.name === `${XSD}attribute`) addAttribute(attributes, c);
      else if (c.name === `${XSD}simpleContent`) {
        const ext = c.children.find((e) => e.name === `${XSD}extension` || e.name === `${XSD}restriction`);
        if (ext) {
          text = simpleByName(ext.attrs.base ?? 'xsd:string');
          for (const a of ext.children) if (a.name === `${XSD}attribute`) addAttribute(attributes, a);
        }
      }
    }
    const elements = new Map<string, ElementDecl>();
    if (particle) collectElements(particle, elements);
    return {
      pattern: particle ? new RegExp(`^${particleRegex(particle)}$`) : null,
      model: particle ? describe(particle) : '(empty)',
      elements,
      attributes,
      ...(text ? { text } : {}),
    };
  }

  function addAttribute(into: Map<string, AttributeDecl>, node: XNode): void {
    const name = node.attrs.name;
    if (!name) return;
    const inline = node.children.find((c) => c.name === `${XSD}simpleType`);
    const check = inline ? compileSimple(inline) : simpleByName(node.attrs.type ?? 'xsd:string');
    into.set(name, { name, required: node.attrs.use === 'required', check });
  }

  function compileParticle(node: XNode): Particle {
    const min = node.attrs.minOccurs === undefined ? 1 : Number(node.attrs.minOccurs);
    const max = node.attrs.maxOccurs === undefined ? 1 : node.attrs.maxOccurs === 'unbounded' ? Infinity : Number(node.attrs.maxOccurs);
    if (node.name === `${XSD}element`) {
      if (node.attrs.ref) return { kind: 'element', name: node.attrs.ref, decl: lazyGlobal(node.attrs.ref), min, max };
      const name = node.attrs.name ?? '';
      const decl: ElementDecl = { name };
      fillElement(decl, node);
      return { kind: 'element', name, decl, min, max };
    }
    if (node.name === `${XSD}group`) {
      const group = defs.groups.get(node.attrs.ref ?? '');
      if (!group) throw new Error(`Unknown group ${node.attrs.ref}`);
      const inner = group.children.find((c) => c.name === `${XSD}sequence` || c.name === `${XSD}choice`);
      if (!inner) throw new Error(`Empty group ${node.attrs.ref}`);
      const compiled = compileParticle(inner);
      // a group reference carries its own occurrence; wrap so both apply
      return min === 1 && max === 1 ? compiled : { kind: 'sequence', items: [compiled], min, max };
    }
    const kind = node.name === `${XSD}choice` ? 'choice' : 'sequence';
    const items = node.children
      .filter((c) => c.name === `${XSD}element` || c.name === `${XSD}sequence` || c.name === `${XSD}choice` || c.name === `${XSD}group`)
      .map(compileParticle);
    return { kind, items, min, max };
  }

  // Global element declarations can reference each other in cycles; resolve on first use.
  function lazyGlobal(name: string): ElementDecl {
    const existing = elementCache.get(name);
    if (existing) return existing;
    if (!defs.elements.has(name)) throw new Error(`Unknown element ${name}`);
    return globalElement(name);
  }

  function simpleByName(name: string): SimpleCheck {
    const cached = simpleCache.get(name);
    if (cached) return cached;
    let check: SimpleCheck;
    if (name.startsWith(XSD)) check = builtin(name.slice(XSD.length));
    else {
      const node = defs.simpleTypes.get(name);
      if (!node) throw new Error(`Unknown simple type ${name}`);
      check = compileSimple(node);
    }
    simpleCache.set(name, check);
    return check;
  }

  function baseTypeName(node: XNode): string | undefined {
    const restriction = node.children.find((c) => c.name === `${XSD}restriction`);
    return restriction?.attrs.base;
  }

  function compileSimple(node: XNode): SimpleCheck {
    const union = node.children.find((c) => c.name === `${XSD}union`);
    if (union) {
      const members = union.children.filter((c) => c.name === `${XSD}simpleType`).map(compileSimple);
      for (const named of (union.attrs.memberTypes ?? '').split(/\s+/).filter(Boolean)) members.push(simpleByName(named));
      return (value) => {
        let first: ValueProblem | null = null;
        for (const member of members) {
          const problem = member(value);
          if (!problem) return null;
          first ??= problem;
        }
        return first;
      };
    }
    const restriction = node.children.find((c) => c.name === `${XSD}restriction`);
    if (!restriction) return () => null;
    const base = simpleByName(restriction.attrs.base ?? 'xsd:string');
    const enums: string[] = [];
    const patterns: RegExp[] = [];
    let maxLength: number | undefined;
    let minInclusive: number | undefined;
    let maxInclusive: number | undefined;
    for (const facet of restriction.children) {
      const value = facet.attrs.value ?? '';
      if (facet.name === `${XSD}enumeration`) enums.push(value);
      else if (facet.name === `${XSD}pattern`) patterns.push(new RegExp(`^(?:${value})$`));
      else if (facet.name === `${XSD}maxLength`) maxLength = Number(value);
      else if (facet.name === `${XSD}minInclusive`) minInclusive = Number(value);
      else if (facet.name === `${XSD}maxInclusive`) maxInclusive = Number(value);
    }
    const check: SimpleCheck = (value) => {
      const fromBase = base(value);
      if (fromBase) return fromBase;
      if (enums.length && !enums.includes(value)) return { kind: 'enum', message: `"${value}" is not one of ${enums.join(', ')}` };
      if (patterns.length && !patterns.some((p) => p.test(value))) return { kind: 'pattern', message: `"${value}" does not match the expected format` };
      if (maxLength !== undefined && Array.from(value).length > maxLength) {
        return { kind: 'length', message: `"${value}" is longer than ${maxLength} characters` };
      }
      const n = Number(value);
      if ((minInclusive !== undefined && n < minInclusive) || (maxInclusive !== undefined && n > maxInclusive)) {
        return { kind: 'number', message: `${value} is out of range` };
      }
      return null;
    };
    const inherited = maxLength ?? base.maxLength;
    if (inherited !== undefined) check.maxLength = inherited;
    return check;
  }

  return {
    element(name) {
      return defs.elements.has(name) ? globalElement(name) : undefined;
    },
  };
}

function builtin(name: string): SimpleCheck {
  switch (name) {
    case 'boolean':
      return (v) => (/^(true|false|1|0)$/.test(v) ? null : { kind: 'boolean', message: `"${v}" is not a boolean` });
    case 'date':
      return (v) => (isDate(v) ? null : { kind: 'date', message: `"${v}" is not a date (YYYY-MM-DD)` });
    case 'integer':
      return (v) => (/^[+-]?\d+$/.test(v) ? null : { kind: 'number', message: `"${v}" is not an integer` });
    case 'decimal':
      return (v) => (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? null : { kind: 'number', message: `"${v}" is not a decimal` });
    case 'duration':
      return (v) => (/^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(v) ? null : { kind: 'pattern', message: `"${v}" is not a duration` });
    default:
      return () => null; // string, token, normalizedString…
  }
}

function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function quantifier(min: number, max: number): string {
  if (min === 1 && max === 1) return '';
  if (min === 0 && max === 1) return '?';
  if (min === 0 && max === Infinity) return '*';
  if (min === 1 && max === Infinity) return '+';
  return max === Infinity ? `{${min},}` : `{${min},${max}}`;
}

function particleRegex(p: Particle): string {
  const body = p.kind === 'element' ? `${p.name},` : p.items.map(particleRegex).join(p.kind === 'choice' ? '|' : '');
  return `(?:${body})${quantifier(p.min, p.max)}`;
}

function describe(p: Particle): string {
  const suffix = quantifier(p.min, p.max).replace(/^\{(\d+),\}$/, '{$1,}');
  if (p.kind === 'element') return `${p.name}${suffix}`;
  return `(${p.items.map(describe).join(p.kind === 'choice' ? ' | ' : ', ')})${suffix}`;
}

function collectElements(p: Particle, into: Map<string, ElementDecl>): void {
  if (p.kind === 'element') {
    if (!into.has(p.name)) into.set(p.name, p.decl);
    return;
  }
  for (const item of p.items) collectElements(item, into);
}

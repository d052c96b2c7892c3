// Reads Intuit's XSD files into a small model: named simple types, complex types (with their extension base and
// fields), groups, and the entities (the IntuitObject substitution group). Fails loudly on constructs it does not know.
import { parseXmlTree, type XNode } from '../../quickbooks/desktop/qbxml/tree.js';

export interface XsdField {
  name: string;
  /** `xs:string`, a named simple or complex type, or `xs:anyType` when the element names no type. */
  type: string;
  /** maxOccurs > 1 on the element or on an enclosing sequence/choice. */
  array: boolean;
  /** Text of the element's xs:annotation/xs:documentation, whitespace collapsed. */
  doc: string;
}

export interface XsdComplexType {
  name: string;
  /** complexContent extension base, e.g. IntuitEntity. */
  base?: string;
  /** simpleContent: the text content, carried in JSON as `value` (ReferenceType's id, MemoRef's text). */
  simpleContent?: string;
  /** xs:any inside: any element is allowed (IntuitAnyType). */
  open: boolean;
  fields: XsdField[];
}

export interface XsdSimpleType {
  name: string;
  base: string;
  enumeration: string[];
}

export interface XsdModel {
  simpleTypes: Map<string, XsdSimpleType>;
  complexTypes: Map<string, XsdComplexType>;
  /** Entity element name → its complex type (members of the IntuitObject substitution group). */
  entities: Map<string, string>;
}

export class XsdError extends Error {}

const XS = 'xs:';

function children(node: XNode, name?: string): XNode[] {
  return node.children.filter((child) => child.name.startsWith(XS) && (name === undefined || child.name === XS + name));
}

function documentation(node: XNode): string {
  const parts: string[] = [];
  for (const annotation of children(node, 'annotation')) {
    for (const doc of children(annotation, 'documentation')) parts.push(doc.text);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function isMany(node: XNode): boolean {
  const max = node.attrs.maxOccurs;
  return max === 'unbounded' || (max !== undefined && Number(max) > 1);
}

interface Context {
  groups: Map<string, XNode>;
  elements: Map<string, XNode>;
  owner: string;
}

/** The fields a content model (sequence, choice, group ref, attribute, element) contributes. */
function particleFields(node: XNode, ctx: Context, many: boolean, into: XsdComplexType): void {
  for (const child of node.children) {
    const kind = child.name.slice(XS.length);
    switch (kind) {
      case 'annotation':
        break;
      case 'sequence':
      case 'choice':
      case 'all':
        particleFields(child, ctx, many || isMany(child), into);
        break;
      case 'group': {
        const group = ctx.groups.get(child.attrs.ref ?? '');
        if (!group) throw new XsdError(`${ctx.owner}: unknown group ${child.attrs.ref ?? '(no ref)'}`);
        particleFields(group, ctx, many || isMany(child), into);
        break;
      }
      case 'any':
        into.open = true;
        break;
      case 'element':
        into.fields.push(elementField(child, ctx, many));
        break;
      case 'attribute':
        // JSON carries an XML attribute (ReferenceType's name, IntuitEntity's sparse) as one more property.
        if (!child.attrs.name || !child.attrs.type) throw new XsdError(`${ctx.owner}: attribute without name or type`);
        into.fields.push({ name: child.attrs.name, type: child.attrs.type, array: false, doc: documentation(child) });
        break;
      default:
        throw new XsdError(`${ctx.owner}: unsupported construct xs:${kind}`);
    }
  }
}

function elementField(node: XNode, ctx: Context, many: boolean): XsdField {
  const array = many || isMany(node);
  if (node.attrs.ref !== undefined) {
    const target = ctx.elements.get(node.attrs.ref);
    if (!target?.attrs.type) throw new XsdError(`${ctx.owner}: unknown element ref ${node.attrs.ref}`);
    return { name: node.attrs.ref, type: target.attrs.type, array, doc: documentation(node) };
  }
  const name = node.attrs.name;
  if (!name) throw new XsdError(`${ctx.owner}: element without name`);
  if (children(node).some((child) => child.name !== `${XS}annotation`)) throw new XsdError(`${ctx.owner}.${name}: inline types are not supported`);
  return { name, type: node.attrs.type ?? 'xs:anyType', array, doc: documentation(node) };
}

function complexType(node: XNode, ctx: Context): XsdComplexType {
  const name = ctx.owner;
  const out: XsdComplexType = { name, open: false, fields: [] };
  const content = children(node).find((child) => child.name === `${XS}complexContent` || child.name === `${XS}simpleContent`);
  if (!content) {
    particleFields(node, ctx, false, out);
    return out;
  }
  const extension = children(content, 'extension')[0];
  if (!extension?.attrs.base || children(content).some((child) => child.name === `${XS}restriction`)) {
    throw new XsdError(`${name}: only ${content.name}/extension is supported`);
  }
  if (content.name === `${XS}complexContent`) out.base = extension.attrs.base;
  else out.simpleContent = extension.attrs.base;
  particleFields(extension, ctx, false, out);
  return out;
}

function simpleType(node: XNode, name: string): XsdSimpleType {
  const restriction = children(node, 'restriction')[0];
  if (!restriction?.attrs.base) throw new XsdError(`${name}: only xs:restriction simple types are supported`);
  return { name, base: restriction.attrs.base, enumeration: children(restriction, 'enumeration').map((e) => e.attrs.value ?? '') };
}

/** Builds the model from the text of every XSD file (include order does not matter: all share one namespace). */
export function readXsd(sources: readonly string[]): XsdModel {
  const roots = sources.map((source) => parseXmlTree(source).root);
  const top = (kind: string) => roots.flatMap((root) => children(root, kind));
  const named = (kind: string) => new Map(top(kind).map((node) => [node.attrs.name ?? '', node]));
  const groups = named('group');
  const elements = named('element');
  const model: XsdModel = { simpleTypes: new Map(), complexTypes: new Map(), entities: new Map() };
  for (const [name, node] of named('simpleType')) model.simpleTypes.set(name, simpleType(node, name));
  for (const [name, node] of named('complexType')) model.complexTypes.set(name, complexType(node, { groups, elements, owner: name }));
  for (const [name, node] of elements) {
    if (node.attrs.substitutionGroup === 'IntuitObject' && node.attrs.type) model.entities.set(name, node.attrs.type);
  }
  return model;
}

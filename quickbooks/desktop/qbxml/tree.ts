// An ordered XML tree: element order matters to QuickBooks, and responses must keep request order. Entity
// processing stays off (only the predefined entities and character references are decoded) and DTDs are refused.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlEntities, escapeXml, hasDoctype } from './xml.js';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Concatenated direct text (decoded); '' for elements with element children only. */
  text: string;
}

export interface XDocument {
  root: XNode;
  /** Processing instructions before the root, e.g. { qbxml: { version: '13.0' } }. */
  instructions: Record<string, Record<string, string>>;
}

export class XmlSyntaxError extends Error {}

/** fast-xml-parser's own bound on nesting (its default); QuickBooks documents stay far below it. */
const MAX_DEPTH = 100;

const parser = new XMLParser({
  maxNestedTags: MAX_DEPTH,
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
  cdataPropName: '__cdata',
});

type Raw = Record<string, unknown>;

/** Parses well-formed XML (no DTD) into an ordered tree; throws XmlSyntaxError otherwise. */
export function parseXmlTree(xml: string, maxBytes = 20 * 1024 * 1024): XDocument {
  if (xml.length > maxBytes) throw new XmlSyntaxError(`XML larger than ${maxBytes} characters`);
  if (hasDoctype(xml)) throw new XmlSyntaxError('DTDs are not accepted');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlSyntaxError(`${valid.err.msg} (line ${valid.err.line})`);
  let raw: Raw[];
  try {
    raw = parser.parse(xml) as Raw[];
  } catch (error) {
    // the parser refuses what the validator let through (e.g. elements nested deeper than it allows): bad input
    throw new XmlSyntaxError((error as Error).message === 'Maximum nested tags exceeded' ? `elements are nested more than ${MAX_DEPTH} deep` : (error as Error).message);
  }
  const instructions: XDocument['instructions'] = {};
  let root: XNode | undefined;
  for (const item of raw) {
    const name = elementName(item);
    if (!name) continue;
    if (name.startsWith('?')) {
      instructions[name.slice(1)] = decodeAttrs(item[':@']);
    } else if (root) {
      throw new XmlSyntaxError('More than one root element');
    } else {
      root = toNode(name, item);
    }
  }
  if (!root) throw new XmlSyntaxError('No root element');
  return { root, instructions };
}

function elementName(item: Raw): string | undefined {
  return Object.keys(item).find((key) => key !== ':@' && key !== '#text');
}

function toNode(name: string, item: Raw): XNode {
  const children: XNode[] = [];
  let text = '';
  for (const child of (item[name] as Raw[]) ?? []) {
    if ('#text' in child) {
      text += decodeXmlEntities(String(child['#text']));
      continue;
    }
    if ('__cdata' in child) {
      // CDATA is literal: no entity decoding inside it
      for (const part of (child.__cdata as Raw[]) ?? []) text += String(part['#text'] ?? '');
      continue;
    }
    const childName = elementName(child);
    if (childName && !childName.startsWith('?')) children.push(toNode(childName, child));
  }
  return { name, attrs: decodeAttrs(item[':@']), children, text };
}

function decodeAttrs(raw: unknown): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) attrs[key] = decodeXmlEntities(String(value));
  }
  return attrs;
}

/** First child with that name. */
export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** Text of the first child with that name. */
export function childText(node: XNode, name: string): string | undefined {
  return child(node, name)?.text;
}

/** All children with that name. */
export function children(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Writes a node back as XML text (attributes and text escaped; no declaration). */
export function serializeXml(node: XNode): string {
  const attrs = Object.entries(node.attrs).map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
  if (!node.children.length && !node.text) return `<${node.name}${attrs} />`;
  return `<${node.name}${attrs}>${escapeXml(node.text)}${node.children.map(serializeXml).join('')}</${node.name}>`;
}

// Building response trees in schema order, and writing them out.
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { escapeXml } from '../../../quickbooks/desktop/qbxml/xml.js';

export type Kid = XNode | undefined | false | null | readonly (XNode | undefined)[];

/** An element with children; undefined when it would be empty and `optional` is set. */
export function el(name: string, ...kids: Kid[]): XNode {
  const children: XNode[] = [];
  for (const kid of kids) {
    if (!kid) continue;
    if (Array.isArray(kid)) {
      for (const k of kid as readonly (XNode | undefined)[]) if (k) children.push(k);
    } else children.push(kid as XNode);
  }
  return { name, attrs: {}, children, text: '' };
}

export function opt(name: string, ...kids: Kid[]): XNode | undefined {
  const node = el(name, ...kids);
  return node.children.length ? node : undefined;
}

export function leaf(name: string, value: string | number | boolean | undefined | null): XNode | undefined {
  if (value === undefined || value === null) return undefined;
  return { name, attrs: {}, children: [], text: String(value) };
}

export function serialize(node: XNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (!node.children.length) return node.text === '' ? `<${node.name}${attrs} />` : `<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`;
  return `<${node.name}${attrs}>${node.children.map(serialize).join('')}</${node.name}>`;
}

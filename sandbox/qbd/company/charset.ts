// QuickBooks stores Windows-1252 text. A message holding other characters literally is refused whole, as a parse
// error; written as character references (&#x4E2D;) they are accepted and stored as "?" (qbwc/qbxml issue #8:
// tested on QuickBooks 2015). This module finds the first and rewrites the second.
import { isStorableCharacter, replaceUnstorable } from '../../../quickbooks/desktop/qbxml/charset.js';
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';

/** The first character QuickBooks cannot take as it is written in the raw message, if any. */
export function firstLiteralUnstorable(xml: string): string | undefined {
  for (const char of xml) if (!isStorableCharacter(char)) return char;
  return undefined;
}

/** Replaces what character references brought in with "?", in place (what QuickBooks will keep). */
export function storeAsQuickBooksWould(node: XNode): void {
  if (node.text) node.text = replaceUnstorable(node.text);
  for (const [name, value] of Object.entries(node.attrs)) node.attrs[name] = replaceUnstorable(value);
  for (const c of node.children) storeAsQuickBooksWould(c);
}

export function describeCharacter(char: string): string {
  return `"${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
}

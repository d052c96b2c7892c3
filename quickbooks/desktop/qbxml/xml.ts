// Tiny XML text helpers shared by the builders, the parser and the sandbox. Pure: no Node builtins.
import { cutText } from '../../../domain/text.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an element body or a quoted attribute; drops characters XML cannot represent. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and numeric character references. Our parsers run with entity
 * processing off (no DTD expansion ever), so this is the only decoding that happens.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Length in characters as XML Schema counts them (code points, not UTF-16 units). */
export function xmlLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** At most `max` characters (code points) of `text`, cut between whole characters (never inside an accented letter). */
export function truncateChars(text: string, max: number): string {
  return cutText(text, max, 'codePoint');
}

/** `<name>escaped</name>`. */
export function textElement(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

/** `<name>children</name>`, or nothing when there are no children. */
export function wrap(name: string, children: string): string {
  return children ? `<${name}>${children}</${name}>` : '';
}

/** Rejects inputs that declare a DTD: entity expansion is never allowed on QuickBooks traffic. */
export function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE/i.test(xml);
}

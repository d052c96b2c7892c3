// Text rules both ledgers share: which characters an order's text may hold, which ones QuickBooks Desktop can store,
// and how to shorten text for QuickBooks without ever splitting a character (or a character and its accents).

/** Identity strings (ids, numbers) and names: no control characters at all. Free text may keep tabs and line breaks. */
export type TextKind = 'identity' | 'name' | 'text';

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x09: 'TAB', 0x0a: 'LF', 0x0b: 'VT', 0x0c: 'FF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL',
};

/** Characters that show nothing: white space, format characters (zero-width space, joiners, bidi marks) and fillers. */
const INVISIBLE = /^[\s\p{Z}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** "U+00E9", the way Unicode names a code point. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `"Ł" (U+0141)`, or just `U+0000 (NUL)` for characters that would not print. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (isControl(code)) return `${codePointName(code)}${CONTROL_NAMES[code] ? ` (${CONTROL_NAMES[code]})` : ''}`;
  if (isSurrogate(code) || isNonCharacter(code)) return codePointName(code);
  return `"${char}" (${codePointName(code)})`;
}

function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** The 66 code points Unicode promises never to assign: U+FDD0–U+FDEF and the last two of every plane. */
function isNonCharacter(code: number): boolean {
  return (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
}

const FREE_TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

/**
 * Why this text cannot travel to QuickBooks (and be stored by us), or undefined when it can: control characters
 * (free text keeps tab, LF and CR), lone surrogates (half of a character: the text was cut or encoded wrongly),
 * non-characters, and (for ids and names) nothing visible at all.
 */
export function textProblem(value: string, kind: TextKind): string | undefined {
  let position = 0;
  for (const char of value) {
    position += 1;
    const code = char.codePointAt(0)!;
    if (isControl(code) && !(kind === 'text' && FREE_TEXT_CONTROLS.has(code))) {
      return `contains the control character ${describeCharacter(char)} at character ${position}: ${kind === 'text' ? 'only tabs and line breaks are allowed in text' : 'names and ids may not hold control characters'}`;
    }
    if (isSurrogate(code)) {
      return `contains half of a character (the lone surrogate ${codePointName(code)} at character ${position}): the text was cut or encoded wrongly`;
    }
    if (isNonCharacter(code)) return `contains ${codePointName(code)} at character ${position}, which Unicode reserves as a non-character`;
  }
  if (kind !== 'text' && INVISIBLE.test(value)) return 'is blank: it has no visible character';
  return undefined;
}

/** Windows-1252's 0x80–0x9F range (the five holes 0x81, 0x8D, 0x8F, 0x90, 0x9D excluded). */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Whether QuickBooks Desktop can store this one character (a code point). The US, Canadian and UK editions keep
 * text in Windows-1252 (ISO-8859-1 plus € ‚ „ … – — ‘ ’ “ ” • ™ and a few more).
 */
export function isWindows1252(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return CP1252_EXTRAS.has(char);
}

/** Why QuickBooks Desktop cannot store this text (its first such character, named), or undefined when it can. */
export function windows1252Problem(value: string): string | undefined {
  let position = 0;
  for (const char of value) {
    position += 1;
    if (!isWindows1252(char)) {
      return `contains ${describeCharacter(char)} at character ${position}, which QuickBooks Desktop cannot store (it keeps text in Windows-1252): replace or transliterate it before sending`;
    }
  }
  return undefined;
}

let graphemes: Intl.Segmenter | undefined;

/**
 * The longest start of `text` made of whole user-perceived characters (grapheme clusters: an emoji with its skin
 * tone, a letter with its accents) that fits in `max`, counted in UTF-16 units (what QuickBooks Online's Java
 * service counts, and never less than code points) or in code points (what XML Schema counts, for qbXML). Never
 * leaves half of a surrogate pair; a single cluster longer than `max` is cut between its code points.
 */
export function cutText(text: string, max: number, unit: 'utf16' | 'codePoint' = 'utf16'): string {
  const size = unit === 'utf16' ? (s: string) => s.length : codePointLength;
  if (size(text) <= max) return text;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const length = size(segment);
    if (used + length > max) {
      if (out === '') {
        for (const char of segment) {
          if (used + size(char) > max) break;
          out += char;
          used += size(char);
        }
      }
      break;
    }
    out += segment;
    used += length;
  }
  return out;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

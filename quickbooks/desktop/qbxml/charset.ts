// The characters QuickBooks Desktop can store. The US, Canadian and UK editions keep text in the Windows "ANSI
// Latin 1" code page (Windows-1252: ISO-8859-1 plus € ‚ „ … – — ‘ ’ “ ” • ™ and a few more). A message holding
// other characters literally is refused whole ("QuickBooks found an error when parsing the provided XML text
// stream", HRESULT 0x80040400); written as character references they are accepted and stored as "?"
// (qbwc/qbxml issue #8, tested on QuickBooks 2015). Either way the text is lost, so callers decide beforehand.
import { isWindows1252 } from '../../../domain/text.js';

/** Whether QuickBooks can store this one character (a code point): the rule lives with the order checks. */
export const isStorableCharacter = isWindows1252;

/** The distinct characters of `text` that QuickBooks cannot store, in order of appearance. */
export function unstorableCharacters(text: string): string[] {
  const found: string[] = [];
  for (const char of text) if (!isStorableCharacter(char) && !found.includes(char)) found.push(char);
  return found;
}

/** Replaces what QuickBooks cannot store (e.g. with "?", as QuickBooks itself would, or with ""). */
export function replaceUnstorable(text: string, replacement = '?'): string {
  let out = '';
  for (const char of text) out += isStorableCharacter(char) ? char : replacement;
  return out;
}

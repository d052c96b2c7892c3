// The characters QuickBooks Desktop can store. The US, Canadian and UK editions keep text in the Windows "ANSI
// Latin 1" code page (Windows-1252: ISO-8859-1 plus € ‚ „ … – — ‘ ’ “ ” • ™ and a few more). A message holding
// other characters literally is refused whole ("QuickBooks found an error when parsing the provided XML text
// stream", HRESULT 0x80040400); written as character references they are accepted and stored as "?"
// (qbwc/qbxml issue #8, tested on QuickBooks 2015). Either way the text is lost, so callers decide beforehand.

/** Windows-1252's 0x80–0x9F range (the five holes 0x81, 0x8D, 0x8F, 0x90, 0x9D excluded). */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Whether QuickBooks can store this one character (a code point). */
export function isStorableCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return CP1252_EXTRAS.has(char);
}

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

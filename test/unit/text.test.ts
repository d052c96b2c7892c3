import { describe, expect, it } from 'vitest';
import { cutText, describeCharacter, textProblem, windows1252Problem } from '../../domain/text.js';
import { qboName } from '../../quickbooks/online/bodies/common.js';
import { freeText, identity, sanitizeListName } from '../../quickbooks/desktop/qbxml/fields.js';

const FAMILY = '👨‍👩‍👧'; // five code points, eight UTF-16 units, one character on screen
/** No lone surrogate (String.prototype.isWellFormed, without needing the ES2024 lib). */
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('what text may hold', () => {
  it('accepts ordinary names, accents, emoji and CJK (the ledger decides about Desktop separately)', () => {
    for (const name of ['ABC Company', 'Zoë & Søn', 'Café “Olé” – 10€', '中文公司', `${FAMILY} Family Shop`]) {
      expect(textProblem(name, 'name'), name).toBeUndefined();
    }
  });

  it('refuses NUL and every other control character in names and ids, naming it and where it is', () => {
    expect(textProblem('ORD\u00001', 'identity')).toBe('contains the control character U+0000 (NUL) at character 4: names and ids may not hold control characters');
    expect(textProblem('Bell\u0007', 'name')).toMatch(/U\+0007 \(BEL\) at character 5/);
    expect(textProblem('a\tb', 'name')).toMatch(/U\+0009 \(TAB\)/);
    expect(textProblem('a\nb', 'identity')).toMatch(/U\+000A \(LF\)/);
    expect(textProblem('x\u007f', 'name')).toMatch(/U\+007F \(DEL\)/);
    expect(textProblem('x\u0085', 'name')).toMatch(/U\+0085/); // C1 controls too
  });

  it('lets free text keep tabs and line breaks, but nothing else of the kind', () => {
    expect(textProblem('line one\r\nline two\tindented', 'text')).toBeUndefined();
    expect(textProblem('memo\u0000', 'text')).toMatch(/U\+0000 \(NUL\) at character 5: only tabs and line breaks are allowed in text/);
    expect(textProblem('esc\u001b[31m', 'text')).toMatch(/U\+001B \(ESC\)/);
  });

  it('refuses half of a character and non-characters', () => {
    expect(textProblem('Smile \uD83D', 'name')).toMatch(/half of a character \(the lone surrogate U\+D83D at character 7\)/);
    expect(textProblem('\uDE00 reversed', 'text')).toMatch(/lone surrogate U\+DE00 at character 1/);
    expect(textProblem('bad\uFFFE', 'text')).toMatch(/U\+FFFE at character 4, which Unicode reserves as a non-character/);
    expect(textProblem('bad\uFDD0', 'name')).toMatch(/U\+FDD0/);
    expect(textProblem('bad\u{10FFFF}', 'name')).toMatch(/U\+10FFFF/);
    expect(textProblem('ok \uFFFD replacement', 'name')).toBeUndefined();
  });

  it('refuses names and ids with nothing visible, but not empty free text', () => {
    for (const blank of ['   ', '\u00a0', '\u200b\u200d', '\u3164', ' \u2800 ']) {
      expect(textProblem(blank, 'name'), JSON.stringify(blank)).toBe('is blank: it has no visible character');
    }
    expect(textProblem('   ', 'text')).toBeUndefined();
    expect(textProblem(' A ', 'name')).toBeUndefined();
  });

  it('names the first character QuickBooks Desktop cannot store', () => {
    expect(windows1252Problem('Café “Olé” – 10€ ™')).toBeUndefined();
    expect(windows1252Problem('Łódź Trading')).toBe('contains "Ł" (U+0141) at character 1, which QuickBooks Desktop cannot store (it keeps text in Windows-1252): replace or transliterate it before sending');
    expect(windows1252Problem('Shop 😀')).toMatch(/"😀" \(U\+1F600\) at character 6/);
    expect(describeCharacter('\u0000')).toBe('U+0000 (NUL)');
  });
});

describe('cutting text for QuickBooks', () => {
  it('never leaves half of an emoji, counting UTF-16 units as QuickBooks Online does', () => {
    const name = `A${'😀'.repeat(99)}`; // 199 units: the old .slice(0, 100) ended on a lone high surrogate
    expect(wellFormed(name.slice(0, 100))).toBe(false);
    const cut = cutText(name, 100);
    expect(wellFormed(cut)).toBe(true);
    expect(cut).toBe(`A${'😀'.repeat(49)}`);
    expect(cut.length).toBeLessThanOrEqual(100);
  });

  it('keeps user-perceived characters whole: families, skin tones, accents', () => {
    expect(cutText(FAMILY.repeat(20), 20)).toBe(FAMILY.repeat(2)); // 16 units; a third family would need 24
    expect(cutText('👍🏽'.repeat(30), 10)).toBe('👍🏽'.repeat(2));
    expect(cutText('e\u0301'.repeat(10), 5, 'codePoint')).toBe('e\u0301'.repeat(2));
    expect(cutText('short', 100)).toBe('short');
  });

  it('cuts a single over-long character between its code points rather than returning nothing', () => {
    const zalgo = `Z${'\u0301'.repeat(200)}`;
    expect(cutText(zalgo, 10)).toBe(`Z${'\u0301'.repeat(9)}`);
  });

  it('counts code points for qbXML, where Windows-1252 text is one code point per character', () => {
    expect(cutText('é'.repeat(50), 41, 'codePoint')).toBe('é'.repeat(41));
    expect(cutText('😀'.repeat(50), 41, 'codePoint')).toBe('😀'.repeat(41));
  });

  it('QuickBooks Online names: 100 emoji stay whole emoji, and the same input always gives the same name', () => {
    const hundred = '😀'.repeat(100);
    expect(qboName(hundred)).toBe('😀'.repeat(50));
    const odd = `A${'😀'.repeat(99)}`;
    expect(wellFormed(qboName(odd))).toBe(true);
    expect(qboName(`${odd} (Customer)`)).toBe(qboName(odd)); // the role name cut the same way: still well formed
    expect(qboName('Acme: East   Side ')).toBe('Acme- East Side');
  });

  it('QuickBooks Desktop names and free text: cut on character boundaries, unstorable text refused with the field named', () => {
    expect(sanitizeListName(`Café ${'é'.repeat(60)}`)).toHaveLength(41);
    expect(freeText('memo\nline', 10)).toBe('memo\nline');
    expect(() => freeText('Łódź', 100, 'Memo')).toThrow(/Memo contains "Ł" \(U\+0141\)/);
    expect(() => identity('Name', 'Shop 😀', 41)).toThrow(/Name contains "😀"/);
    expect(() => identity('RefNumber', 'A\u0000', 11)).toThrow(/RefNumber contains the control character U\+0000/);
  });
});

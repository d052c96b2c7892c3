// Tokens of Intuit's query language. Strings are single-quoted; a quote inside is written \'.
import { fault } from '../faults.js';

export type TokenType = 'word' | 'string' | 'number' | 'punct' | 'eof';

export interface Token {
  type: TokenType;
  /** Source text (for a string: without quotes, escapes resolved). */
  text: string;
  column: number;
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?\d+(?:\.\d+)?/y;
const PUNCT = ['<=', '>=', '!=', '<>', '=', '<', '>', '(', ')', ',', '*'];

function lexicalError(column: number, char: string): never {
  throw fault.queryParse(`Lexical error at line 1, column ${column}.  Encountered: "${char}" (${char.charCodeAt(0)}), after : ""`);
}

function readString(source: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const char = source[i] as string;
    if (char === '\\' && (source[i + 1] === "'" || source[i + 1] === '\\')) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (char === "'") return { text, end: i + 1 };
    text += char;
    i += 1;
  }
  throw fault.queryParse(`Lexical error at line 1, column ${source.length + 1}.  Encountered: <EOF> after : "'${text}"`);
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const column = i + 1;
    if (char === "'") {
      const { text, end } = readString(source, i);
      tokens.push({ type: 'string', text, column });
      i = end;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(source);
    if (word) {
      tokens.push({ type: 'word', text: word[0], column });
      i += word[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(source);
    if (number) {
      tokens.push({ type: 'number', text: number[0], column });
      i += number[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => source.startsWith(p, i));
    if (!punct) lexicalError(column, char);
    tokens.push({ type: 'punct', text: punct, column });
    i += punct.length;
  }
  tokens.push({ type: 'eof', text: '', column: source.length + 1 });
  return tokens;
}

// Parser for `select * | count(*) | fields from Entity [where … and …] [orderby …] [startposition n]
// [maxresults n]`. Keywords are case-insensitive; OR and NOT are not part of Intuit's language.
import { fault } from '../faults.js';
import { tokenize, type Token } from './lexer.js';

export type Literal = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'boolean'; value: boolean };
export type Operator = '=' | '<' | '>' | '<=' | '>=' | 'like' | 'in';

export interface Condition {
  field: string[];
  op: Operator;
  values: Literal[];
}

export interface ParsedQuery {
  entity: string;
  select: { kind: 'all' } | { kind: 'count' } | { kind: 'fields'; fields: string[] };
  where: Condition[];
  orderBy: { field: string[]; descending: boolean }[];
  startPosition?: number;
  maxResults?: number;
}

const KEYWORDS = new Set(['select', 'from', 'where', 'and', 'or', 'not', 'orderby', 'asc', 'desc', 'startposition', 'maxresults', 'in', 'like', 'count', 'true', 'false']);

function isKeyword(token: Token, keyword?: string): boolean {
  if (token.type !== 'word') return false;
  const lower = token.text.toLowerCase();
  return keyword === undefined ? KEYWORDS.has(lower) : lower === keyword;
}

/** JavaCC-style message, as Intuit's parser words it. */
function unexpected(token: Token): never {
  if (token.type === 'eof') throw fault.queryParse(`Encountered "<EOF>" at line 1, column ${token.column}.`);
  const kind = isKeyword(token)
    ? `<${token.text.toUpperCase()}>`
    : token.type === 'word'
      ? '<ID>'
      : token.type === 'string'
        ? '<STRING>'
        : token.type === 'number'
          ? '<INTEGER>'
          : `"${token.text}"`;
  const shown = token.type === 'string' ? `'${token.text}'` : token.text;
  throw fault.queryParse(`Encountered " ${kind} "${shown} "" at line 1, column ${token.column}.`);
}

class Parser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.at] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.at += 1;
    return token;
  }

  keyword(keyword: string): void {
    const token = this.next();
    if (!isKeyword(token, keyword)) unexpected(token);
  }

  punct(text: string): void {
    const token = this.next();
    if (token.type !== 'punct' || token.text !== text) unexpected(token);
  }

  field(): string[] {
    const token = this.next();
    if (token.type !== 'word' || isKeyword(token)) unexpected(token);
    return token.text.split('.');
  }

  literal(): Literal {
    const token = this.next();
    if (token.type === 'string') return { kind: 'string', value: token.text };
    if (token.type === 'number') return { kind: 'number', value: Number(token.text) };
    if (isKeyword(token, 'true') || isKeyword(token, 'false')) return { kind: 'boolean', value: isKeyword(token, 'true') };
    return unexpected(token);
  }

  integer(): number {
    const token = this.next();
    if (token.type !== 'number' || !/^\d+$/.test(token.text)) unexpected(token);
    return Number(token.text);
  }

  condition(): Condition {
    const field = this.field();
    const token = this.next();
    if (isKeyword(token, 'in')) {
      this.punct('(');
      const values = [this.literal()];
      while (this.peek().type === 'punct' && this.peek().text === ',') {
        this.next();
        values.push(this.literal());
      }
      this.punct(')');
      return { field, op: 'in', values };
    }
    if (isKeyword(token, 'like')) {
      const value = this.next();
      if (value.type !== 'string') unexpected(value);
      return { field, op: 'like', values: [{ kind: 'string', value: value.text }] };
    }
    if (token.type === 'punct' && ['=', '<', '>', '<=', '>='].includes(token.text)) {
      return { field, op: token.text as Operator, values: [this.literal()] };
    }
    return unexpected(token);
  }
}

export function parseQuery(text: string): ParsedQuery {
  const p = new Parser(tokenize(text));
  p.keyword('select');
  let select: ParsedQuery['select'];
  const first = p.peek();
  if (first.type === 'punct' && first.text === '*') {
    p.next();
    select = { kind: 'all' };
  } else if (isKeyword(first, 'count')) {
    p.next();
    p.punct('(');
    p.punct('*');
    p.punct(')');
    select = { kind: 'count' };
  } else {
    const fields = [p.field().join('.')];
    while (p.peek().type === 'punct' && p.peek().text === ',') {
      p.next();
      fields.push(p.field().join('.'));
    }
    select = { kind: 'fields', fields };
  }
  p.keyword('from');
  const entityToken = p.next();
  if (entityToken.type !== 'word' || isKeyword(entityToken)) unexpected(entityToken);
  const query: ParsedQuery = { entity: entityToken.text, select, where: [], orderBy: [] };
  if (isKeyword(p.peek(), 'where')) {
    p.next();
    query.where.push(p.condition());
    while (isKeyword(p.peek(), 'and')) {
      p.next();
      query.where.push(p.condition());
    }
  }
  if (isKeyword(p.peek(), 'orderby')) {
    p.next();
    do {
      if (query.orderBy.length > 0) p.next();
      const field = p.field();
      let descending = false;
      if (isKeyword(p.peek(), 'asc') || isKeyword(p.peek(), 'desc')) descending = isKeyword(p.next(), 'desc');
      query.orderBy.push({ field, descending });
    } while (p.peek().type === 'punct' && p.peek().text === ',');
  }
  for (;;) {
    const token = p.peek();
    if (isKeyword(token, 'startposition') && query.startPosition === undefined) {
      p.next();
      query.startPosition = p.integer();
    } else if (isKeyword(token, 'maxresults') && query.maxResults === undefined) {
      p.next();
      query.maxResults = p.integer();
    } else if (token.type === 'eof') {
      return query;
    } else {
      unexpected(token);
    }
  }
}

// Tokenizer for expr-lang (github.com/expr-lang/expr), the language of Argo's successCondition /
// failureCondition. Token kinds and their printed form follow expr's own lexer, so syntax errors
// read like the ones the controller would log (`unexpected token Operator("=")`).

export type TokenKind = 'Identifier' | 'Number' | 'String' | 'Operator' | 'Bracket' | 'EOF';

export interface Token {
  readonly kind: TokenKind;
  /** The source text (for strings: the decoded value). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface LexError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: LexError };

// Longest operators first: the lexer takes the longest match at each position.
const OPERATORS = ['**', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '..', '|', '!', '<', '>', '+', '-', '*', '/', '%', '^', '?', ':', ',', '.', '#', '=', ';'];

export function tokenize(src: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) return fail('unclosed comment', i, n);
      i = close + 2;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1] ?? ''))) {
      const r = scanNumber(src, i);
      if ('error' in r) return { ok: false, error: r.error };
      tokens.push({ kind: 'Number', value: src.slice(i, r.end), start: i, end: r.end });
      i = r.end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(src[j]!)) j++;
      tokens.push({ kind: 'Identifier', value: src.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      const r = scanString(src, i);
      if ('error' in r) return { ok: false, error: r.error };
      tokens.push({ kind: 'String', value: r.value, start: i, end: r.end });
      i = r.end;
      continue;
    }
    if ('()[]{}'.includes(c)) {
      tokens.push({ kind: 'Bracket', value: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      // `..` only when not followed by a digit-less `.` run; `1..3` is a range, `a.b` a member.
      tokens.push({ kind: 'Operator', value: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    return fail(`unrecognized character: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`, i, i + 1);
  }
  tokens.push({ kind: 'EOF', value: '', start: n, end: n });
  return { ok: true, tokens };
}

function fail(message: string, start: number, end: number): LexResult {
  return { ok: false, error: { message, start, end } };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$' || c > '\x7f';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}

function scanNumber(src: string, start: number): { end: number } | { error: LexError } {
  let i = start;
  const bad = (msg: string): { error: LexError } => ({ error: { message: msg, start, end: Math.max(i, start + 1) } });
  if (src[i] === '0' && /[xXoObB]/.test(src[i + 1] ?? '')) {
    const base = src[i + 1]!.toLowerCase();
    const digit = base === 'x' ? /[0-9a-fA-F_]/ : base === 'o' ? /[0-7_]/ : /[01_]/;
    i += 2;
    const from = i;
    while (i < src.length && digit.test(src[i]!)) i++;
    if (i === from) return bad('invalid number literal');
    if (isIdentPart(src[i] ?? '')) return bad('invalid number literal');
    return { end: i };
  }
  const digits = (): void => {
    while (i < src.length && (isDigit(src[i]!) || src[i] === '_')) i++;
  };
  digits();
  // A `.` followed by another `.` is the range operator (`1..3`), not a fraction.
  if (src[i] === '.' && src[i + 1] !== '.' && !isIdentStart(src[i + 1] ?? '')) {
    i++;
    digits();
  }
  if (src[i] === 'e' || src[i] === 'E') {
    let j = i + 1;
    if (src[j] === '+' || src[j] === '-') j++;
    if (!isDigit(src[j] ?? '')) return bad('invalid number literal');
    i = j;
    digits();
  }
  const text = src.slice(start, i);
  if (text.endsWith('_') || text.includes('__') || /_\.|\._/.test(text)) return bad(`invalid number literal: ${text}`);
  if (isIdentStart(src[i] ?? '')) {
    while (i < src.length && isIdentPart(src[i]!)) i++;
    return bad(`invalid number literal: ${src.slice(start, i)}`);
  }
  return { end: i };
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", '`': '`' };

function scanString(src: string, start: number): { value: string; end: number } | { error: LexError } {
  const quote = src[start]!;
  let i = start + 1;
  let value = '';
  while (i < src.length) {
    const c = src[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (quote !== '`' && c === '\n') break;
    if (quote !== '`' && c === '\\') {
      const e = src[i + 1] ?? '';
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        i += 2;
        continue;
      }
      const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hex > 0 && /^[0-9a-fA-F]+$/.test(src.slice(i + 2, i + 2 + hex)) && src.length >= i + 2 + hex) {
        value += String.fromCodePoint(Math.min(0x10ffff, parseInt(src.slice(i + 2, i + 2 + hex), 16)));
        i += 2 + hex;
        continue;
      }
      if (/[0-7]/.test(e) && /^[0-7]{3}$/.test(src.slice(i + 1, i + 4))) {
        value += String.fromCharCode(parseInt(src.slice(i + 1, i + 4), 8));
        i += 4;
        continue;
      }
      return { error: { message: 'invalid char escape', start: i, end: Math.min(src.length, i + 2) } };
    }
    value += c;
    i++;
  }
  return { error: { message: 'literal not terminated', start, end: i } };
}

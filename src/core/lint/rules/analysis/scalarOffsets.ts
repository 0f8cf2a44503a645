// Maps offsets inside a YAML scalar's value (a PromQL query, a condition) back to the document's
// source, through quoting, escapes and line folding. The mapping is rebuilt by re-reading the
// scalar's source the way YAML does and is only trusted when it reproduces the parsed value exactly;
// otherwise callers underline the whole value.
import { isScalar, Scalar, type Node } from 'yaml';
import type { Span } from '../../types';

export interface ScalarOffsets {
  /** The whole value's source range (for block scalars: the content lines, without the header). */
  readonly whole: Span;
  /** Source span of the value range [start, end), or undefined when the mapping is not exact. */
  map(start: number, end: number): Span | undefined;
}

export function scalarOffsets(node: Node | null | undefined, text: string): ScalarOffsets | undefined {
  if (!isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
  const [from, to] = node.range;
  const value = node.value;
  let offs: number[] | undefined;
  let whole: Span = { start: from, end: to };
  switch (node.type) {
    case Scalar.PLAIN:
      offs = readFlow(text, from, to, 'plain');
      break;
    case Scalar.QUOTE_SINGLE:
      offs = readFlow(text, from + 1, to - 1, 'single');
      break;
    case Scalar.QUOTE_DOUBLE:
      offs = readFlow(text, from + 1, to - 1, 'double');
      break;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      const r = readBlock(text, from, to, node.type === Scalar.BLOCK_FOLDED);
      offs = r?.offs;
      if (r) whole = r.content;
      break;
    }
    default:
      break;
  }
  const built = offs;
  // Block scalars end in chomped line breaks that have no place in the source lines.
  const core = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED ? value.replace(/\n+$/, '') : value;
  // offs[i] is the source offset of value[i]; verify the reading reproduced the value.
  const exact = built !== undefined && built.length === core.length && verify(built, core, text);
  return {
    whole: trimSpan(text, whole),
    map(start, end) {
      if (!exact || !built) return undefined;
      if (core.length === 0) return undefined;
      const s = built[Math.min(start, core.length - 1)]!;
      const lastIndex = Math.min(Math.max(start, end - 1), core.length - 1);
      const e = built[lastIndex]! + 1;
      return { start: s, end: Math.max(e, s + 1) };
    },
  };
}

/** Every value char must be the char at its source offset, except folded breaks and escapes. */
function verify(offs: number[], value: string, text: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const o = offs[i]!;
    if (o < 0 || o > text.length) return false;
    const src = text[o] ?? '\n';
    if (src !== value[i] && src !== '\\' && !/\s/.test(value[i]!) && !/\s/.test(src)) return false;
  }
  return true;
}

function trimSpan(text: string, s: Span): Span {
  let end = s.end;
  while (end > s.start && /\s/.test(text[end - 1]!)) end--;
  return { start: s.start, end };
}

/** Plain and quoted scalars: line folding, `''` in single quotes, escapes in double quotes. */
function readFlow(text: string, from: number, to: number, style: 'plain' | 'single' | 'double'): number[] | undefined {
  const offs: number[] = [];
  const chars: string[] = [];
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      // Fold: drop trailing blanks, count empty lines, skip the next line's indentation.
      while (chars.length && (chars[chars.length - 1] === ' ' || chars[chars.length - 1] === '\t')) {
        chars.pop();
        offs.pop();
      }
      const breakAt = i;
      let breaks = 0;
      while (i < to && /[\s]/.test(text[i]!)) {
        if (text[i] === '\n') breaks++;
        i++;
      }
      if (breaks <= 1) {
        chars.push(' ');
        offs.push(breakAt);
      } else {
        for (let k = 1; k < breaks; k++) {
          chars.push('\n');
          offs.push(breakAt);
        }
      }
      continue;
    }
    if (style === 'single' && c === "'" && text[i + 1] === "'") {
      chars.push("'");
      offs.push(i);
      i += 2;
      continue;
    }
    if (style === 'double' && c === '\\') {
      const e = text[i + 1] ?? '';
      if (e === '\n' || e === '\r') {
        // Escaped line break: joins the lines without a space.
        i += 2;
        while (i < to && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
        continue;
      }
      const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const decoded = hex ? String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + hex), 16) || 0) : DOUBLE_ESCAPES[e];
      if (decoded === undefined) return undefined;
      for (let k = 0; k < decoded.length; k++) {
        chars.push(decoded[k]!);
        offs.push(i);
      }
      i += 2 + hex;
      continue;
    }
    chars.push(c);
    offs.push(i);
    i++;
  }
  return offs;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Block scalars: strip the content indentation; `>` folds lines between equally indented text. */
function readBlock(text: string, from: number, to: number, folded: boolean): { offs: number[]; content: Span } | undefined {
  const headerEnd = text.indexOf('\n', from);
  if (headerEnd < 0 || headerEnd >= to) return undefined;
  const header = text.slice(from, headerEnd).replace(/#.*$/, '').trim();
  const explicit = /[1-9]/.exec(header)?.[0];
  const lines: { start: number; end: number }[] = [];
  let p = headerEnd + 1;
  while (p < to) {
    let e = text.indexOf('\n', p);
    if (e < 0 || e > to) e = to;
    lines.push({ start: p, end: e > p && text[e - 1] === '\r' ? e - 1 : e });
    p = e + 1;
  }
  let indent: number;
  if (explicit) {
    indent = leadingSpaces(text, lineStartOf(text, from)) + Number(explicit);
  } else {
    const first = lines.find((l) => text.slice(l.start, l.end).trim() !== '');
    if (!first) return undefined;
    indent = leadingSpaces(text, first.start);
  }
  const offs: number[] = [];
  let contentStart = -1;
  let contentEnd = -1;
  let pendingEmpty = 0;
  let prevKind: 'none' | 'text' | 'more' = 'none';
  for (const l of lines) {
    const body = l.start + indent;
    const isEmpty = body >= l.end ? text.slice(l.start, l.end).trim() === '' : text.slice(l.start, l.end).trim() === '';
    if (isEmpty) {
      pendingEmpty++;
      continue;
    }
    if (contentStart < 0) contentStart = body;
    contentEnd = l.end;
    const kind = text[body] === ' ' || text[body] === '\t' ? 'more' : 'text';
    if (prevKind !== 'none') {
      if (!folded) {
        for (let k = 0; k <= pendingEmpty; k++) offs.push(-2);
      } else if (prevKind === 'text' && kind === 'text') {
        if (pendingEmpty === 0) offs.push(-3);
        else for (let k = 0; k < pendingEmpty; k++) offs.push(-2);
      } else {
        for (let k = 0; k <= pendingEmpty; k++) offs.push(-2);
      }
    } else {
      for (let k = 0; k < pendingEmpty; k++) offs.push(-2);
    }
    pendingEmpty = 0;
    for (let o = body; o < l.end; o++) offs.push(o);
    prevKind = kind;
  }
  if (contentStart < 0) return undefined;
  // Line breaks map to the end of the line before them; fix up the markers.
  let lastReal = contentStart;
  for (let k = 0; k < offs.length; k++) {
    if (offs[k]! >= 0) lastReal = offs[k]!;
    else offs[k] = lastReal + 1;
  }
  return { offs, content: { start: contentStart, end: contentEnd } };
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function leadingSpaces(text: string, from: number): number {
  let n = 0;
  while (text[from + n] === ' ') n++;
  return n;
}

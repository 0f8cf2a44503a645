// PromQL syntax check for Argo's `provider.prometheus.query`, with `{{args.x}}` tags replaced by
// stand-ins that keep the query valid where the tag sits (a label value, a range duration, a number,
// a name). Parsing uses Prometheus' own Lezer grammar; messages are shaped like Prometheus'
// (`1:23: parse error: unclosed left parenthesis`).
import { parser } from '@prometheus-io/lezer-promql';
import { findTemplateTags, substituteTags, type TemplateTag } from '../expr/templateTags';

export interface PromqlProblem {
  readonly message: string;
  /** Range inside the original query text (with its tags). */
  readonly start: number;
  readonly end: number;
}

const cache = new Map<string, PromqlProblem | null>();
const CACHE_LIMIT = 2000;

/** The first syntax problem of `query`, or undefined when it parses. */
export function checkPromql(query: string): PromqlProblem | undefined {
  const hit = cache.get(query);
  if (hit !== undefined) return hit ?? undefined;
  const out = computeProblem(query);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(query, out ?? null);
  return out;
}

type Context = 'string' | 'duration' | 'name' | 'number' | 'free';

const CANDIDATES = ['1', 'x', '5m'] as const;

function computeProblem(query: string): PromqlProblem | undefined {
  const tags = findTemplateTags(query);
  if (query.trim() === '') return tags.length ? undefined : { message: '1:1: parse error: no expression found in input', start: 0, end: query.length };
  const contexts = tags.map((t) => tagContext(query, t));
  const choice = contexts.map((c) => standIn(c, 0));
  const tried = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    const sub = substituteTags(query, tags, choice);
    const err = firstError(sub.text);
    if (!err) return undefined;
    // When the parser stumbles on or right after a tag whose role we guessed, try its other readings.
    const culprit = tags.findIndex((t, i) => contexts[i] === 'free' && near(sub, t, err.pos));
    if (culprit >= 0 && attempt < tags.length * CANDIDATES.length) {
      const cur = CANDIDATES.indexOf(choice[culprit] as (typeof CANDIDATES)[number]);
      const nextChoice = CANDIDATES[cur + 1];
      const key = `${culprit}:${nextChoice}`;
      if (nextChoice !== undefined && !tried.has(key)) {
        tried.add(key);
        choice[culprit] = nextChoice;
        continue;
      }
      // No reading of the tag parses: do not blame the user's query for our guess.
      return undefined;
    }
    if (tags.some((t) => near(sub, t, err.pos))) return undefined;
    const start = sub.toOriginal(err.start);
    const end = Math.max(start + 1, sub.toOriginal(Math.max(err.start, err.end - 1)) + 1);
    const at = sub.toOriginal(err.pos);
    return { message: `${lineCol(query, at)}: parse error: ${err.message}`, start: Math.min(start, query.length), end: Math.min(end, query.length) };
  }
}

function standIn(c: Context, i: number): string {
  switch (c) {
    case 'string':
      return 'x';
    case 'duration':
      return '5m';
    case 'name':
      return 'x';
    case 'number':
      return '1';
    default:
      return CANDIDATES[i] ?? '1';
  }
}

function near(sub: { toOriginal(o: number): number }, tag: TemplateTag, pos: number): boolean {
  const o = sub.toOriginal(pos);
  return o >= tag.start && o <= tag.end;
}

/** Where a tag sits in the query, judged from the text around it. */
function tagContext(q: string, tag: TemplateTag): Context {
  let quote = '';
  const stack: string[] = [];
  for (let i = 0; i < tag.start; i++) {
    const c = q[i]!;
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c === ')' || c === ']' || c === '}') stack.pop();
  }
  if (quote) return 'string';
  const top = stack[stack.length - 1];
  if (top === '[') return 'duration';
  const before = q.slice(0, tag.start);
  const after = q.slice(tag.end);
  if (/\boffset\s*$/i.test(before)) return 'duration';
  if (/[\w:]$/.test(before) || /^[\w:]/.test(after)) return 'name';
  if (/^\s*[{[]/.test(after)) return 'name';
  if (top === '{') return 'name';
  // Grouping labels: `by (...)`, `without (...)`, `on (...)`, `ignoring (...)`, `group_left (...)`.
  if (top === '(' && /\b(by|without|on|ignoring|group_left|group_right)\s*\([^()]*$/i.test(before)) return 'name';
  if (/(==|!=|>=|<=|[<>+\-*/%^]|\bbool)\s*$/.test(before)) return 'number';
  return 'free';
}

interface RawError {
  readonly message: string;
  /** Where Prometheus would report it (line:col). */
  readonly pos: number;
  /** What to underline. */
  readonly start: number;
  readonly end: number;
}

function firstError(q: string): RawError | undefined {
  const lexical = bracketError(q);
  const tree = parser.parse(q);
  let found: RawError | undefined;
  tree.iterate({
    enter(n) {
      if (found) return false;
      if (!n.type.isError) return undefined;
      found = describeError(q, n.from, n.to, n.node.parent?.name);
      return false;
    },
  });
  // Prometheus' lexer finds bracket problems first; an unclosed bracket is the real cause of an error at the end.
  if (lexical && (!found || lexical.pos <= found.pos || (lexical.message.startsWith('unclosed') && found.pos >= q.trimEnd().length))) return lexical;
  return found;
}

const OPENERS: Record<string, string> = { '(': 'parenthesis', '[': 'bracket', '{': 'brace' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Unbalanced brackets and unterminated strings, as Prometheus' lexer reports them. */
function bracketError(q: string): RawError | undefined {
  const stack: number[] = [];
  for (let i = 0; i < q.length; i++) {
    const c = q[i]!;
    if (c === '#') {
      const nl = q.indexOf('\n', i);
      i = nl < 0 ? q.length : nl;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < q.length && q[j] !== c) {
        if (q[j] === '\\' && c !== '`') j++;
        if (q[j] === '\n' && c !== '`') break;
        j++;
      }
      if (j >= q.length || q[j] !== c) return { message: 'unterminated quoted string', pos: i, start: i, end: Math.min(q.length, Math.max(i + 1, j)) };
      i = j;
      continue;
    }
    if (c in OPENERS) stack.push(i);
    else if (c in CLOSERS) {
      const open = stack.pop();
      if (open === undefined || q[open] !== CLOSERS[c]) {
        const what = c === ')' ? 'right parenthesis' : c === ']' ? 'right bracket' : 'right brace';
        return { message: `unexpected ${what} '${c}'`, pos: i, start: i, end: i + 1 };
      }
    }
  }
  const open = stack[0];
  if (open !== undefined) {
    const last = stack[stack.length - 1]!;
    return { message: `unclosed left ${OPENERS[q[last]!]}`, pos: q.trimEnd().length, start: last, end: last + 1 };
  }
  return undefined;
}

function describeError(q: string, from: number, to: number, parent: string | undefined): RawError {
  const end = q.trimEnd().length;
  if (from >= end) {
    const last = Math.max(0, end - 1);
    return { message: 'unexpected end of input', pos: end, start: last, end: last + 1 };
  }
  let start = from;
  while (start < q.length && /\s/.test(q[start]!)) start++;
  const tok = tokenAt(q, start, to > from ? to : undefined);
  // `foo(...)`: the grammar only knows Prometheus' functions, so an unknown name fails at its `(`.
  if (q[start] === '(' ) {
    const name = /([A-Za-z_][\w]*)\s*$/.exec(q.slice(0, start));
    if (name && parent !== 'AggregateExpr') {
      const s = start - name[0].length;
      return { message: `unknown function with name ${JSON.stringify(name[1])}`, pos: s, start: s, end: s + name[1]!.length };
    }
  }
  if (parent === 'UnquotedLabelMatcher' || parent === 'LabelMatchers') {
    return { message: `unexpected ${tok.desc} in label matching, expected string`, pos: start, start, end: tok.end };
  }
  if (parent === 'MatrixSelector' || parent === 'SubqueryExpr' || parent === 'OffsetExpr') {
    return { message: `unexpected ${tok.desc}, expected duration`, pos: start, start, end: tok.end };
  }
  return { message: `unexpected ${tok.desc}`, pos: start, start, end: tok.end };
}

function tokenAt(q: string, i: number, limit: number | undefined): { desc: string; end: number } {
  const rest = q.slice(i);
  const id = /^[A-Za-z_:][\w:]*/.exec(rest);
  if (id) return { desc: `identifier ${JSON.stringify(id[0])}`, end: i + id[0].length };
  const num = /^(\d+(\.\d*)?([eE][+-]?\d+)?|\.\d+)[a-z]*/.exec(rest);
  if (num) return { desc: `number ${JSON.stringify(num[0])}`, end: i + num[0].length };
  const str = /^("([^"\\\n]|\\.)*"|'([^'\\\n]|\\.)*'|`[^`]*`)/.exec(rest);
  if (str) return { desc: `string ${str[0]}`, end: i + str[0].length };
  const op = /^(==|!=|>=|<=|=~|!~|[-+*/%^<>=,@])/.exec(rest);
  if (op) return { desc: `"${op[0]}"`, end: i + op[0].length };
  const c = rest[0] ?? '';
  if (c === ')') return { desc: "right parenthesis ')'", end: i + 1 };
  if (c === ']') return { desc: "right bracket ']'", end: i + 1 };
  if (c === '}') return { desc: "right brace '}'", end: i + 1 };
  if (c === '(') return { desc: "left parenthesis '('", end: i + 1 };
  if (c === '[') return { desc: "left bracket '['", end: i + 1 };
  if (c === '{') return { desc: "left brace '{'", end: i + 1 };
  return { desc: `character: ${JSON.stringify(c)}`, end: Math.min(limit ?? i + 1, i + 1) };
}

/** Prometheus' `line:col` (1-based; columns count from the start of the line). */
function lineCol(q: string, pos: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < q.length; i++) {
    if (q[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${pos - lineStart + 1}`;
}

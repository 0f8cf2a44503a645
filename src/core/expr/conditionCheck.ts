// Checks an Argo analysis condition (successCondition / failureCondition) written in expr-lang:
// syntax, calls to functions that do not exist in Argo's environment, and names other than `result`.
import { walkExpr, type Node } from './exprAst';
import { parseExpr } from './exprParser';
import { findTemplateTags, substituteTags } from './templateTags';

export interface ConditionProblem {
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** What is wrong: the text does not compile, or it names a function or variable that does not exist. */
  readonly kind: 'syntax' | 'unknown-function' | 'unknown-name';
  /** Range inside the condition text. */
  readonly start: number;
  readonly end: number;
  /** The known name closest to an unknown one, which replaces [start, end) as a fix. */
  readonly suggestion?: string;
}

/** Functions Argo adds to the environment (utils/evaluate/evaluate.go). */
export const ARGO_FUNCTIONS: readonly string[] = ['asInt', 'asFloat', 'isNaN', 'isInf', 'isNil', 'default'];

/** expr-lang v1.17 built-in functions. */
export const EXPR_BUILTINS: readonly string[] = [
  'all', 'none', 'any', 'one', 'filter', 'map', 'find', 'findIndex', 'findLast', 'findLastIndex', 'count', 'sum',
  'groupBy', 'sortBy', 'reduce', 'len', 'type', 'abs', 'ceil', 'floor', 'round', 'int', 'float', 'string', 'trim',
  'trimPrefix', 'trimSuffix', 'upper', 'lower', 'split', 'splitAfter', 'replace', 'repeat', 'join', 'indexOf',
  'lastIndexOf', 'hasPrefix', 'hasSuffix', 'max', 'min', 'mean', 'median', 'toJSON', 'fromJSON', 'toBase64',
  'fromBase64', 'now', 'duration', 'date', 'timezone', 'first', 'last', 'get', 'take', 'keys', 'values', 'toPairs',
  'fromPairs', 'sort', 'concat', 'flatten', 'uniq', 'bitand', 'bitor', 'bitxor', 'bitnand', 'bitnot', 'bitshl',
  'bitshr', 'bitushr',
];

export interface ConditionEnv {
  /** Variables available (Argo: `result`; rangeQuery start/end: none). */
  readonly variables: readonly string[];
  readonly functions: readonly string[];
}

export const CONDITION_ENV: ConditionEnv = { variables: ['result'], functions: [...ARGO_FUNCTIONS, ...EXPR_BUILTINS] };

const cache = new Map<string, readonly ConditionProblem[]>();
const CACHE_LIMIT = 2000;

export function checkCondition(text: string, env: ConditionEnv = CONDITION_ENV): readonly ConditionProblem[] {
  const key = `${env.variables.join(',')}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = computeProblems(text, env);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, out);
  return out;
}

function computeProblems(text: string, env: ConditionEnv): ConditionProblem[] {
  const parsed = parseExpr(text);
  if (!parsed.ok) return [{ severity: 'error', kind: 'syntax', ...parsed.error }];
  const functions = new Set(env.functions);
  const variables = new Set(env.variables);
  const out: ConditionProblem[] = [];
  const callees = new Set<Node>();
  walkExpr(parsed.ast, (n, scope) => {
    if (n.type === 'Call' && n.callee.type === 'Identifier') {
      callees.add(n.callee);
      const name = n.callee.name;
      if (!functions.has(name) && !scope.has(name)) {
        const hint = suggest(name, env.functions);
        out.push({
          message: `unknown func ${name}${hint ? ` (did you mean '${hint}'?)` : ''}`,
          severity: 'error',
          kind: 'unknown-function',
          start: n.callee.start,
          end: n.callee.end,
          ...(hint ? { suggestion: hint } : {}),
        });
      }
    } else if (n.type === 'Identifier' && !callees.has(n)) {
      const name = n.name;
      if (!variables.has(name) && !scope.has(name)) {
        const hint = suggest(name, [...env.variables, ...env.functions]);
        const fn = functions.has(name);
        out.push({
          message: fn
            ? `'${name}' is a function; call it, e.g. ${name}(...)`
            : `unknown name ${name}${hint ? ` (did you mean '${hint}'?)` : ''}${variables.has('result') ? ' — only `result` and functions are defined' : ''}`,
          severity: 'warning',
          kind: 'unknown-name',
          start: n.start,
          end: n.end,
          ...(hint && !fn ? { suggestion: hint } : {}),
        });
      }
    }
  });
  return out;
}

/** The closest known name: same spelling ignoring case, else edit distance ≤ 2 (≤ 1 for short names). */
export function suggest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestD = limit + 1;
  for (const k of known) {
    if (Math.abs(k.length - name.length) > limit) continue;
    const d = distance(lower, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Checks a condition that may contain `{{args.x}}` tags: a tag inside a string literal stands for
 * any text, elsewhere for the number `1`. Problems are mapped back to the original text.
 */
export function checkConditionTemplate(text: string, env: ConditionEnv = CONDITION_ENV): readonly ConditionProblem[] {
  const tags = findTemplateTags(text);
  if (tags.length === 0) return checkCondition(text, env);
  const standIns = tags.map((t) => (insideStringLiteral(text, t.start) ? 'x' : '1'));
  const sub = substituteTags(text, tags, standIns);
  return checkCondition(sub.text, env).map((p) => {
    const start = sub.toOriginal(p.start);
    const tag = sub.tagAt(p.start);
    const end = tag && p.end <= p.start + 1 ? tag.end : Math.max(start, sub.toOriginal(Math.max(p.start, p.end - 1)) + 1);
    return { ...p, start, end: Math.min(text.length, Math.max(end, start)) };
  });
}

/** Whether `offset` lies inside a quoted string of an expr expression. */
function insideStringLiteral(text: string, offset: number): boolean {
  let quote = '';
  for (let i = 0; i < offset; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    }
  }
  return quote !== '';
}

export interface ConditionEdit {
  /** Range inside the condition text. */
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface ConditionRepair {
  readonly title: string;
  readonly edits: readonly ConditionEdit[];
}

/** Comparison operators written the way other languages (or fingers) spell them, and expr's spelling. */
const OPERATOR_TYPOS: readonly { readonly typo: string; readonly fixed: string }[] = [
  { typo: '=>', fixed: '>=' },
  { typo: '=<', fixed: '<=' },
  { typo: '=', fixed: '==' },
];

/**
 * For a condition that does not compile: the edits turning `=>` into `>=`, `=<` into `<=` and a lone
 * `=` into `==` (outside strings and `{{...}}` tags), offered only when the repaired text compiles,
 * so `let x = 1; ...` and conditions broken in other ways get no fix that does not fix them.
 */
export function operatorRepair(text: string, env: ConditionEnv = CONDITION_ENV): ConditionRepair | undefined {
  const edits = operatorTypos(text);
  if (edits.length === 0) return undefined;
  let repaired = '';
  let last = 0;
  for (const e of edits) {
    repaired += text.slice(last, e.start) + e.newText;
    last = e.end;
  }
  repaired += text.slice(last);
  if (checkConditionTemplate(repaired, env).some((p) => p.kind === 'syntax')) return undefined;
  const kinds = [...new Set(edits.map((e) => `'${text.slice(e.start, e.end)}' with '${e.newText}'`))];
  return { title: `Replace ${kinds.join(' and ')}`, edits };
}

function operatorTypos(text: string): ConditionEdit[] {
  const out: ConditionEdit[] = [];
  const tags = findTemplateTags(text);
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      continue;
    }
    const tag = tags.find((t) => t.start === i);
    if (tag) {
      i = tag.end - 1;
      continue;
    }
    if (c !== '=') continue;
    const prev = text[i - 1] ?? '';
    if (text[i + 1] === '=') {
      i++; // `==`
      continue;
    }
    if (prev !== '' && '!<>'.includes(prev)) continue; // `!=`, `<=`, `>=`
    const two = text.slice(i, i + 2);
    const typo = OPERATOR_TYPOS.find((t) => t.typo === two) ?? OPERATOR_TYPOS.find((t) => t.typo === c)!;
    out.push({ start: i, end: i + typo.typo.length, newText: typo.fixed });
    i += typo.typo.length - 1;
  }
  return out;
}

// Evaluates expr-lang (the language of Argo's successCondition / failureCondition) over the AST of
// exprParser, with the Go semantics a user can notice: int vs float64 (`/` always gives a float, `%`
// wants ints), NaN comparisons are false, `==` compares 1 and 1.0 as equal, `&&`/`||` want bools,
// predicates over `#`, and expr's error texts. Nothing throws out of `evaluate`.
import type { Node } from './exprAst';
import { BUILTINS, ExprError, sumOf } from './exprBuiltins';
import { parseExpr } from './exprParser';
import { goEqual, goInt, goTypeName, isNumber, toFloat, type GoValue } from './goValue';

/** A function placed in the environment (Argo's asInt, isNaN, default, …). It may throw ExprError. */
export type EnvFunction = (args: GoValue[]) => GoValue;

export interface EvalEnv {
  readonly variables: Readonly<Record<string, GoValue>>;
  readonly functions?: Readonly<Record<string, EnvFunction>>;
}

export type EvalResult = { ok: true; value: GoValue } | { ok: false; error: string };

interface Frame {
  readonly item: GoValue;
  readonly index: bigint;
  readonly acc: GoValue;
}

interface Scope {
  readonly lets: ReadonlyMap<string, GoValue>;
  readonly frames: readonly Frame[];
}

export function evaluate(expr: string, env: EvalEnv): EvalResult {
  try {
    const parsed = parseExpr(expr);
    if (!parsed.ok) return { ok: false, error: parsed.error.message };
    return { ok: true, value: new Evaluator(env).eval(parsed.ast, { lets: new Map(), frames: [] }) };
  } catch (e) {
    if (e instanceof ExprError) return { ok: false, error: e.message };
    // A bug or an exotic input must not break the panel: report it like expr reports a panic.
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const mismatch = (op: string, a: GoValue, b: GoValue): ExprError => new ExprError(`invalid operation: ${op} (mismatched types ${goTypeName(a)} and ${goTypeName(b)})`);

const PREDICATES = new Set(['all', 'any', 'none', 'one', 'filter', 'map', 'count', 'sum', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce']);

class Evaluator {
  constructor(private readonly env: EvalEnv) {}

  eval(n: Node, s: Scope): GoValue {
    switch (n.type) {
      case 'Number':
        return n.isInteger ? goInt(BigInt(n.value)) : n.value;
      case 'String':
      case 'Bool':
        return n.value;
      case 'Nil':
        return null;
      case 'Identifier':
        return this.identifier(n.name, s);
      case 'Pointer':
        return this.pointer(n.name, s);
      case 'Member':
        return this.member(n.object, n.property, n.computed, n.optional, s);
      case 'Slice':
        return this.slice(n, s);
      case 'Call':
        return this.call(n, s, undefined);
      case 'Unary':
        return this.unary(n.op, this.eval(n.operand, s));
      case 'Binary':
        return this.binary(n.op, n.left, n.right, s);
      case 'Conditional': {
        const t = this.eval(n.test, s);
        if (typeof t !== 'boolean') throw new ExprError(`non-bool expression (type ${goTypeName(t)}) used as condition`);
        return this.eval(t ? n.consequent : n.alternate, s);
      }
      case 'Array':
        return n.elements.map((e) => this.eval(e, s));
      case 'Map': {
        const m = new Map<string, GoValue>();
        for (const e of n.entries) m.set(String(this.eval(e.key, s)), this.eval(e.value, s));
        return m;
      }
      case 'Closure':
        throw new ExprError('a predicate can only be given to a function such as all() or filter()');
      case 'Let': {
        const lets = new Map(s.lets);
        lets.set(n.name, this.eval(n.value, s));
        return this.eval(n.body, { ...s, lets });
      }
    }
  }

  private identifier(name: string, s: Scope): GoValue {
    if (s.lets.has(name)) return s.lets.get(name) ?? null;
    if (Object.hasOwn(this.env.variables, name)) return this.env.variables[name] ?? null;
    throw new ExprError(`unknown name ${name}`);
  }

  private pointer(name: string, s: Scope): GoValue {
    const f = s.frames[s.frames.length - 1];
    if (!f) throw new ExprError('cannot use pointer accessor outside predicate');
    if (name === '') return f.item;
    if (name === 'index') return f.index;
    if (name === 'acc') return f.acc;
    throw new ExprError(`unknown pointer #${name}`);
  }

  private member(objNode: Node, propNode: Node, computed: boolean, optional: boolean, s: Scope): GoValue {
    const obj = this.eval(objNode, s);
    const prop = computed ? this.eval(propNode, s) : propNode.type === 'String' ? propNode.value : null;
    if (obj === null && optional) return null;
    return fetch(obj, prop);
  }

  private slice(n: Extract<Node, { type: 'Slice' }>, s: Scope): GoValue {
    const obj = this.eval(n.object, s);
    if (!Array.isArray(obj) && typeof obj !== 'string') throw new ExprError(`cannot slice ${goTypeName(obj)}`);
    const len = typeof obj === 'string' ? [...obj].length : obj.length;
    const bound = (b: Node | undefined, dflt: number): number => {
      if (!b) return dflt;
      const v = this.eval(b, s);
      if (typeof v !== 'bigint') throw new ExprError(`invalid operation: cannot use ${goTypeName(v)} as slice index`);
      const i = Number(v);
      return Math.min(len, Math.max(0, i < 0 ? len + i : i));
    };
    const from = bound(n.from, 0);
    const to = Math.max(from, bound(n.to, len));
    return typeof obj === 'string' ? [...obj].slice(from, to).join('') : obj.slice(from, to);
  }

  call(n: Extract<Node, { type: 'Call' }>, s: Scope, piped: GoValue | undefined): GoValue {
    if (n.callee.type !== 'Identifier') throw new ExprError('method calls are not supported');
    const name = n.callee.name;
    const argNodes = n.args;
    if (PREDICATES.has(name) && !(this.env.functions && Object.hasOwn(this.env.functions, name))) {
      return this.predicate(name, piped !== undefined ? piped : this.eval(argNodes[0] ?? nilNode(n), s), piped !== undefined ? argNodes : argNodes.slice(1), s);
    }
    const args = argNodes.map((a) => this.eval(a, s));
    if (piped !== undefined) args.unshift(piped);
    const fn = this.env.functions?.[name] ?? (Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined);
    if (!fn) throw new ExprError(Object.hasOwn(this.env.variables, name) ? `${name} is not callable` : `unknown func ${name}`);
    return fn(args);
  }

  private predicate(name: string, input: GoValue, rest: readonly Node[], s: Scope): GoValue {
    if (name === 'sum' && rest.length === 0) return sumOf(iterable(name, input));
    const items = iterable(name, input);
    const closure = rest[0];
    if (!closure) throw new ExprError(`not enough arguments to call ${name}`);
    const body = closure.type === 'Closure' ? closure.body : closure;
    const run = (item: GoValue, i: number, acc: GoValue = null): GoValue =>
      this.eval(body, { ...s, frames: [...s.frames, { item, index: BigInt(i), acc }] });
    const test = (item: GoValue, i: number): boolean => {
      const r = run(item, i);
      if (typeof r !== 'boolean') throw new ExprError(`predicate should return boolean (got ${goTypeName(r)})`);
      return r;
    };
    switch (name) {
      case 'all':
        return items.every(test);
      case 'any':
        return items.some(test);
      case 'none':
        return !items.some(test);
      case 'one':
        return items.filter(test).length === 1;
      case 'filter':
        return items.filter(test);
      case 'map':
        return items.map((v, i) => run(v, i));
      case 'count':
        return BigInt(items.filter(test).length);
      case 'sum':
        return sumOf(items.map((v, i) => run(v, i)));
      case 'find':
        return items.find(test) ?? null;
      case 'findIndex':
        return BigInt(items.findIndex(test));
      case 'findLast':
        return [...items].reverse().find((v, k) => test(v, items.length - 1 - k)) ?? null;
      case 'findLastIndex': {
        for (let i = items.length - 1; i >= 0; i--) if (test(items[i] ?? null, i)) return BigInt(i);
        return -1n;
      }
      default: {
        // reduce(list, body, initial?): #acc starts at the initial value or the first element.
        let start = 0;
        let acc: GoValue;
        // The parser reads every argument after the first as a predicate; the initial value is a plain one.
        const init = rest[1];
        if (init) acc = this.eval(init.type === 'Closure' ? init.body : init, s);
        else {
          if (items.length === 0) throw new ExprError('reduce of empty array with no initial value');
          acc = items[0] ?? null;
          start = 1;
        }
        for (let i = start; i < items.length; i++) acc = run(items[i] ?? null, i, acc);
        return acc;
      }
    }
  }

  private unary(op: string, v: GoValue): GoValue {
    if (op === '!' || op === 'not') {
      if (typeof v !== 'boolean') throw new ExprError(`invalid operation: ${op} (mismatched type ${goTypeName(v)})`);
      return !v;
    }
    if (!isNumber(v)) throw new ExprError(`invalid operation: ${op} (mismatched type ${goTypeName(v)})`);
    if (op === '+') return v;
    return typeof v === 'bigint' ? goInt(-v) : -v;
  }

  private binary(op: string, ln: Node, rn: Node, s: Scope): GoValue {
    if (op === '||' || op === 'or' || op === '&&' || op === 'and') {
      const isOr = op === '||' || op === 'or';
      const l = this.eval(ln, s);
      if (typeof l !== 'boolean') throw mismatch(op, l, true);
      if (l === isOr) return l;
      const r = this.eval(rn, s);
      if (typeof r !== 'boolean') throw mismatch(op, l, r);
      return r;
    }
    if (op === '??') {
      const l = this.eval(ln, s);
      return l !== null ? l : this.eval(rn, s);
    }
    if (op === ';') {
      this.eval(ln, s);
      return this.eval(rn, s);
    }
    if (op === '|') {
      const l = this.eval(ln, s);
      if (rn.type !== 'Call') throw new ExprError('expected function call after pipe');
      return this.call(rn, s, l);
    }
    const l = this.eval(ln, s);
    const r = this.eval(rn, s);
    if (op.startsWith('not ')) {
      const v = binaryOp(op.slice(4), l, r);
      return !v;
    }
    return binaryOp(op, l, r);
  }
}

function nilNode(at: Node): Node {
  return { type: 'Nil', start: at.start, end: at.end };
}

function iterable(name: string, v: GoValue): GoValue[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Map) return [...v.values()];
  throw new ExprError(`cannot iterate over ${goTypeName(v)} in ${name}`);
}

/** expr's runtime.Fetch: map keys, array/string indices (negative from the end). */
function fetch(obj: GoValue, prop: GoValue): GoValue {
  if (obj instanceof Map) {
    if (typeof prop !== 'string') throw new ExprError(`cannot use ${goTypeName(prop)} to get an element from ${goTypeName(obj)}`);
    return obj.get(prop) ?? null;
  }
  if (Array.isArray(obj) || typeof obj === 'string') {
    if (typeof prop !== 'bigint') throw new ExprError(`array elements can only be selected using an integer (got ${goTypeName(prop)})`);
    const chars = typeof obj === 'string' ? [...obj] : obj;
    let i = Number(prop);
    if (i < 0) i += chars.length;
    if (i < 0 || i >= chars.length) throw new ExprError(`index out of range: ${i} (array length is ${chars.length})`);
    return chars[i] ?? null;
  }
  throw new ExprError(`cannot fetch ${typeof prop === 'string' ? prop : String(prop)} from ${goTypeName(obj)}`);
}

function compare(op: string, l: GoValue, r: GoValue): boolean {
  let c: number;
  if (isNumber(l) && isNumber(r)) {
    if (typeof l === 'bigint' && typeof r === 'bigint') c = l < r ? -1 : l > r ? 1 : 0;
    else {
      const a = toFloat(l);
      const b = toFloat(r);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      c = a < b ? -1 : a > b ? 1 : 0;
    }
  } else if (typeof l === 'string' && typeof r === 'string') {
    c = l < r ? -1 : l > r ? 1 : 0;
  } else {
    throw mismatch(op, l, r);
  }
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

function arithmetic(op: string, l: GoValue, r: GoValue): GoValue {
  if (op === '+' && typeof l === 'string' && typeof r === 'string') return l + r;
  if (op === '+' && Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
  if (!isNumber(l) || !isNumber(r)) throw mismatch(op, l, r);
  if (op === '/') return toFloat(l) / toFloat(r);
  if (op === '**' || op === '^') return Math.pow(toFloat(l), toFloat(r));
  if (op === '%') {
    if (typeof l !== 'bigint' || typeof r !== 'bigint') throw mismatch(op, l, r);
    if (r === 0n) throw new ExprError('integer divide by zero');
    return l % r;
  }
  if (typeof l === 'bigint' && typeof r === 'bigint') {
    return goInt(op === '+' ? l + r : op === '-' ? l - r : l * r);
  }
  const a = toFloat(l);
  const b = toFloat(r);
  return op === '+' ? a + b : op === '-' ? a - b : a * b;
}

function stringOp(op: string, l: GoValue, r: GoValue): boolean {
  if (typeof l !== 'string' || typeof r !== 'string') throw mismatch(op, l, r);
  if (op === 'contains') return l.includes(r);
  if (op === 'startsWith') return l.startsWith(r);
  if (op === 'endsWith') return l.endsWith(r);
  try {
    return new RegExp(r, 'u').test(l);
  } catch {
    throw new ExprError(`error parsing regexp: ${r}`);
  }
}

function binaryOp(op: string, l: GoValue, r: GoValue): GoValue {
  switch (op) {
    case '==':
      return goEqual(l, r);
    case '!=':
      return !goEqual(l, r);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, l, r);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '**':
    case '^':
      return arithmetic(op, l, r);
    case 'in':
      if (Array.isArray(r)) return r.some((x) => goEqual(x, l));
      if (r instanceof Map) return typeof l === 'string' && r.has(l);
      throw mismatch(op, l, r);
    case 'contains':
    case 'startsWith':
    case 'endsWith':
    case 'matches':
      return stringOp(op, l, r);
    case '..': {
      if (typeof l !== 'bigint' || typeof r !== 'bigint') throw mismatch(op, l, r);
      if (r - l > 1_000_000n) throw new ExprError(`range ${l}..${r} is too large`);
      const out: GoValue[] = [];
      for (let i = l; i <= r; i++) out.push(i);
      return out;
    }
    default:
      throw new ExprError(`unknown operator ${op}`);
  }
}

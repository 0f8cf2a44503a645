// expr-lang's built-in functions that take plain values (the ones taking predicates — all, any,
// filter, map, … — live in the evaluator because they need the closure). Semantics follow expr v1.17:
// int stays int where Go keeps it, `float()`/`mean()` give float64, `string()` prints like Go's %v.
import { formatGoValue, goEqual, goInt, goTypeName, isNumber, toFloat, type GoMap, type GoValue } from './goValue';

/** Thrown inside the evaluator; the public API turns it into an error message. */
export class ExprError extends Error {}

export type Builtin = (args: GoValue[]) => GoValue;

function arity(name: string, args: GoValue[], min: number, max = min): void {
  if (args.length < min) throw new ExprError(`not enough arguments to call ${name}`);
  if (args.length > max) throw new ExprError(`too many arguments to call ${name}`);
}

function num(name: string, v: GoValue): number | bigint {
  if (!isNumber(v)) throw new ExprError(`invalid argument for ${name} (type ${goTypeName(v)})`);
  return v;
}

function str(name: string, v: GoValue): string {
  if (typeof v !== 'string') throw new ExprError(`invalid argument for ${name} (type ${goTypeName(v)})`);
  return v;
}

function list(name: string, v: GoValue): GoValue[] {
  if (!Array.isArray(v)) throw new ExprError(`invalid argument for ${name} (type ${goTypeName(v)})`);
  return v;
}

/** Arguments of max/min/mean/median: either several numbers or one array of numbers (flattened). */
function numbers(name: string, args: GoValue[]): (number | bigint)[] {
  const out: (number | bigint)[] = [];
  const add = (v: GoValue): void => {
    if (Array.isArray(v)) v.forEach(add);
    else out.push(num(name, v));
  };
  args.forEach(add);
  return out;
}

function extreme(name: string, args: GoValue[], better: (a: number, b: number) => boolean): GoValue {
  if (args.length === 0) throw new ExprError(`not enough arguments to call ${name}`);
  const ns = numbers(name, args);
  let best: number | bigint | null = null;
  for (const n of ns) if (best === null || better(toFloat(n), toFloat(best))) best = n;
  return best;
}

/** Sum of numbers: int while every element is an int, float64 otherwise (expr's runtime.Add). */
export function sumOf(values: readonly GoValue[]): GoValue {
  let acc: number | bigint = 0n;
  for (const v of values) {
    const n = num('sum', v);
    acc = typeof acc === 'bigint' && typeof n === 'bigint' ? goInt(acc + n) : toFloat(acc) + toFloat(n);
  }
  return acc;
}

function toInt(v: GoValue): GoValue {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return -(2n ** 63n); // Go's conversion of NaN/Inf on amd64
    return goInt(BigInt(Math.trunc(v)));
  }
  if (typeof v === 'string') {
    if (!/^[+-]?\d+$/.test(v)) throw new ExprError(`strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
    return goInt(BigInt(v));
  }
  throw new ExprError(`invalid operation: int(${goTypeName(v)})`);
}

function toFloat64(v: GoValue): GoValue {
  if (isNumber(v)) return toFloat(v);
  if (typeof v === 'string') {
    const f = parseGoFloat(v);
    if (f === undefined) throw new ExprError(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
    return f;
  }
  throw new ExprError(`invalid operation: float(${goTypeName(v)})`);
}

/** strconv.ParseFloat(s, 64) for the decimal forms and Inf/NaN spellings; undefined when Go would fail. */
export function parseGoFloat(s: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  return undefined;
}

function len(v: GoValue): GoValue {
  if (typeof v === 'string') return BigInt([...v].length);
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof Map) return BigInt(v.size);
  throw new ExprError(`invalid argument for len (type ${goTypeName(v)})`);
}

function round(name: string, f: (x: number) => number): Builtin {
  return (a) => {
    arity(name, a, 1);
    const n = num(name, a[0] ?? null);
    return typeof n === 'bigint' ? Number(n) : f(n);
  };
}

function mapOf(name: string, v: GoValue): GoMap {
  if (!(v instanceof Map)) throw new ExprError(`invalid argument for ${name} (type ${goTypeName(v)})`);
  return v;
}

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  len: (a) => (arity('len', a, 1), len(a[0] ?? null)),
  abs: (a) => {
    arity('abs', a, 1);
    const n = num('abs', a[0] ?? null);
    return typeof n === 'bigint' ? (n < 0n ? goInt(-n) : n) : Math.abs(n);
  },
  int: (a) => (arity('int', a, 1), toInt(a[0] ?? null)),
  float: (a) => (arity('float', a, 1), toFloat64(a[0] ?? null)),
  string: (a) => (arity('string', a, 1), formatGoValue(a[0] ?? null)),
  type: (a) => {
    arity('type', a, 1);
    const v = a[0] ?? null;
    if (v === null) return 'nil';
    if (Array.isArray(v)) return 'array';
    if (v instanceof Map) return 'map';
    return goTypeName(v);
  },
  ceil: round('ceil', Math.ceil),
  floor: round('floor', Math.floor),
  // Go's math.Round rounds half away from zero.
  round: round('round', (x) => Math.sign(x) * Math.round(Math.abs(x))),
  max: (a) => extreme('max', a, (x, y) => x > y),
  min: (a) => extreme('min', a, (x, y) => x < y),
  mean: (a) => {
    const ns = numbers('mean', a);
    return ns.length === 0 ? 0 : ns.reduce<number>((s, n) => s + toFloat(n), 0) / ns.length;
  },
  median: (a) => {
    const ns = numbers('median', a).map(toFloat).sort((x, y) => x - y);
    if (ns.length === 0) return 0;
    const mid = Math.floor(ns.length / 2);
    return ns.length % 2 === 1 ? ns[mid]! : (ns[mid - 1]! + ns[mid]!) / 2;
  },
  first: (a) => (arity('first', a, 1), list('first', a[0] ?? null)[0] ?? null),
  last: (a) => {
    arity('last', a, 1);
    const l = list('last', a[0] ?? null);
    return l[l.length - 1] ?? null;
  },
  keys: (a) => (arity('keys', a, 1), [...mapOf('keys', a[0] ?? null).keys()]),
  values: (a) => (arity('values', a, 1), [...mapOf('values', a[0] ?? null).values()]),
  upper: (a) => (arity('upper', a, 1), str('upper', a[0] ?? null).toUpperCase()),
  lower: (a) => (arity('lower', a, 1), str('lower', a[0] ?? null).toLowerCase()),
  trim: (a) => (arity('trim', a, 1, 2), a.length === 2 ? trimChars(str('trim', a[0] ?? null), str('trim', a[1] ?? null)) : str('trim', a[0] ?? null).trim()),
  trimPrefix: (a) => {
    arity('trimPrefix', a, 2);
    const s = str('trimPrefix', a[0] ?? null);
    const p = str('trimPrefix', a[1] ?? null);
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimSuffix: (a) => {
    arity('trimSuffix', a, 2);
    const s = str('trimSuffix', a[0] ?? null);
    const p = str('trimSuffix', a[1] ?? null);
    return p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s;
  },
  split: (a) => (arity('split', a, 2), str('split', a[0] ?? null).split(str('split', a[1] ?? null))),
  join: (a) => {
    arity('join', a, 1, 2);
    const sep = a.length === 2 ? str('join', a[1] ?? null) : '';
    return list('join', a[0] ?? null).map((v) => str('join', v)).join(sep);
  },
  hasPrefix: (a) => (arity('hasPrefix', a, 2), str('hasPrefix', a[0] ?? null).startsWith(str('hasPrefix', a[1] ?? null))),
  hasSuffix: (a) => (arity('hasSuffix', a, 2), str('hasSuffix', a[0] ?? null).endsWith(str('hasSuffix', a[1] ?? null))),
  indexOf: (a) => (arity('indexOf', a, 2), BigInt(str('indexOf', a[0] ?? null).indexOf(str('indexOf', a[1] ?? null)))),
  lastIndexOf: (a) => (arity('lastIndexOf', a, 2), BigInt(str('lastIndexOf', a[0] ?? null).lastIndexOf(str('lastIndexOf', a[1] ?? null)))),
  repeat: (a) => (arity('repeat', a, 2), str('repeat', a[0] ?? null).repeat(Number(toInt(a[1] ?? null)))),
  replace: (a) => (arity('replace', a, 3), str('replace', a[0] ?? null).split(str('replace', a[1] ?? null)).join(str('replace', a[2] ?? null))),
  concat: (a) => a.flatMap((v) => list('concat', v)),
  flatten: (a) => {
    arity('flatten', a, 1);
    const out: GoValue[] = [];
    const add = (v: GoValue): void => (Array.isArray(v) ? v.forEach(add) : void out.push(v));
    add(list('flatten', a[0] ?? null));
    return out;
  },
  uniq: (a) => {
    arity('uniq', a, 1);
    const out: GoValue[] = [];
    for (const v of list('uniq', a[0] ?? null)) if (!out.some((o) => goEqual(o, v))) out.push(v);
    return out;
  },
  reverse: (a) => (arity('reverse', a, 1), [...list('reverse', a[0] ?? null)].reverse()),
  take: (a) => (arity('take', a, 2), list('take', a[0] ?? null).slice(0, Number(toInt(a[1] ?? null)))),
  sort: (a) => {
    arity('sort', a, 1, 2);
    const l = [...list('sort', a[0] ?? null)];
    const desc = a[1] === 'desc';
    l.sort((x, y) => {
      const c = isNumber(x) && isNumber(y) ? toFloat(x) - toFloat(y) : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
      return desc ? -c : c;
    });
    return l;
  },
  get: (a) => {
    arity('get', a, 2);
    const [c = null, k = null] = a;
    if (c instanceof Map) return typeof k === 'string' ? (c.get(k) ?? null) : null;
    if (Array.isArray(c) && typeof k === 'bigint') {
      const i = k < 0n ? c.length + Number(k) : Number(k);
      return c[i] ?? null;
    }
    return null;
  },
};

function trimChars(s: string, cut: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && cut.includes(s[i]!)) i++;
  while (j > i && cut.includes(s[j - 1]!)) j--;
  return s.slice(i, j);
}

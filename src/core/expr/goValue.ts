// Go values as expr-lang sees them inside Argo's evaluator, and the Go formatting rules the UI must
// reproduce (float text, %T type names, strconv.Quote). Go `int` is a JS bigint so that `1` and `1.0`
// stay distinguishable: expr's `/` turns ints into floats, `%` only takes ints, and error messages
// name the Go type (`expected bool, but got float64`).

export type GoValue = null | boolean | bigint | number | string | GoValue[] | GoMap;
export type GoMap = Map<string, GoValue>;

// Arrays that Go would type as []float64 (Prometheus results); everything else is []interface {}.
const float64Slices = new WeakSet<GoValue[]>();

/** Marks a list as Go's []float64, the type Argo gives a Prometheus vector/matrix result. */
export function float64Slice(values: readonly number[]): GoValue[] {
  const out: GoValue[] = [...values];
  float64Slices.add(out);
  return out;
}

export function isFloat64Slice(v: GoValue): boolean {
  return Array.isArray(v) && float64Slices.has(v);
}

/** What Go's `%T` prints for the value. */
export function goTypeName(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return float64Slices.has(v) ? '[]float64' : '[]interface {}';
  return 'map[string]interface {}';
}

export function isNumber(v: GoValue): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

export function toFloat(v: number | bigint): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

/** Go int arithmetic wraps at 64 bits. */
export function goInt(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** Shortest round-trip digits and decimal exponent of a finite non-zero float: 0.0123 → ['123', -1]. */
function shortestDigits(x: number): { digits: string; dp: number } {
  const [mant = '0', exp = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  return { digits, dp: Number(exp) + 1 };
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  return undefined;
}

/** strconv.FormatFloat(x, 'f', -1, 64) — Prometheus' SampleValue.String(), hence measurement values. */
export function formatFloatF(x: number): string {
  const s = special(x);
  if (s !== undefined) return s;
  const { digits, dp } = shortestDigits(x);
  const sign = x < 0 ? '-' : '';
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= digits.length) return sign + digits + '0'.repeat(dp - digits.length);
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/** Go's `%v` for a float64 (strconv 'g', shortest): 1e+06, 123456, 0.0001, 1e-05. */
export function formatFloatV(x: number): string {
  const s = special(x);
  if (s !== undefined) return s;
  const { digits, dp } = shortestDigits(x);
  const exp = dp - 1;
  // Shortest 'g' switches to %e when the exponent is < -4 or >= 6 (strconv uses eprec 6 for shortest).
  if (exp < -4 || exp >= 6) {
    const sign = x < 0 ? '-' : '';
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  return formatFloatF(x);
}

/** Go's `%v` of any value, as expr's `string()` and Argo's fieldRef extraction print it. */
export function formatGoValue(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'number') return formatFloatV(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(formatGoValue).join(' ')}]`;
  const keys = [...v.keys()].sort();
  return `map[${keys.map((k) => `${k}:${formatGoValue(v.get(k) ?? null)}`).join(' ')}]`;
}

const QUOTE_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/** strconv.Quote: Go's double-quoted string literal (used by %q and Argo's argument escaping). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = QUOTE_ESCAPES[ch];
    if (esc !== undefined) {
      out += esc;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** reflect.DeepEqual-like equality, except numbers compare by value across int/float as expr's `==` does. */
export function goEqual(a: GoValue, b: GoValue): boolean {
  if (isNumber(a) && isNumber(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
    return toFloat(a) === toFloat(b);
  }
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => goEqual(x, b[i] ?? null));
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !goEqual(v, b.get(k) ?? null)) return false;
    }
    return true;
  }
  return a === b;
}

/** Turns untrusted JSON-ish data (e.g. a Rollout object) into Go values; numbers become float64 like encoding/json does. */
export function fromJson(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (v instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, x] of v) m.set(String(k), fromJson(x));
    return m;
  }
  if (typeof v === 'object') {
    const m: GoMap = new Map();
    for (const [k, x] of Object.entries(v)) m.set(k, fromJson(x));
    return m;
  }
  return null;
}

// Argo's EvalCondition (utils/evaluate/evaluate.go): the expr environment Argo builds around a
// measurement's `result`, and the bool check on the outcome (§5.2).
import { ExprError } from '../expr/exprBuiltins';
import { evaluate, type EnvFunction, type EvalEnv } from '../expr/exprEvaluator';
import { formatGoValue, goQuote, goTypeName, isNumber, toFloat, type GoValue } from '../expr/goValue';
import { parseGoFloat } from '../expr/exprBuiltins';

export type ConditionResult = { ok: true; value: boolean } | { ok: false; error: string };

function notSupported(fn: string, v: GoValue): ExprError {
  // Go: panic(fmt.Sprintf("asInt() not supported on %v %v", reflect.TypeOf(in), in))
  return new ExprError(`${fn}() not supported on ${goTypeName(v)} ${formatGoValue(v)}`);
}

const asInt: EnvFunction = ([v = null]) => {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : -(2n ** 63n);
  if (typeof v === 'string') {
    // strconv.ParseInt(s, 10, 64)
    if (!/^[+-]?\d+$/.test(v)) throw new ExprError(`strconv.ParseInt: parsing ${goQuote(v)}: invalid syntax`);
    const n = BigInt(v);
    if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) throw new ExprError(`strconv.ParseInt: parsing ${goQuote(v)}: value out of range`);
    return n;
  }
  throw notSupported('asInt', v);
};

const asFloat: EnvFunction = ([v = null]) => {
  if (isNumber(v)) return toFloat(v);
  if (typeof v === 'string') {
    const f = parseGoFloat(v);
    if (f === undefined) throw new ExprError(`strconv.ParseFloat: parsing ${goQuote(v)}: invalid syntax`);
    return f;
  }
  throw notSupported('asFloat', v);
};

/** math.IsNaN / isInf take a float64; expr converts integer arguments, anything else is a type error. */
function floatArg(fn: string, args: GoValue[]): number {
  if (args.length !== 1) throw new ExprError(`${args.length < 1 ? 'not enough' : 'too many'} arguments to call ${fn}`);
  const v = args[0] ?? null;
  if (!isNumber(v)) throw new ExprError(`cannot use ${goTypeName(v)} as argument (type float64) to call ${fn}`);
  return toFloat(v);
}

/**
 * The environment of EvalCondition. `isNil` and `default` ignore their first argument and look at the
 * raw result: Argo binds them to it (a Prometheus empty vector is an empty list, not nil).
 */
export function argoConditionEnv(result: GoValue): EvalEnv {
  const functions: Record<string, EnvFunction> = {
    asInt,
    asFloat,
    isNaN: (a) => Number.isNaN(floatArg('isNaN', a)),
    isInf: (a) => {
      const f = floatArg('isInf', a);
      return f === Infinity || f === -Infinity;
    },
    isNil: () => result === null,
    default: (a) => {
      if (a.length !== 2) throw new ExprError(`${a.length < 2 ? 'not enough' : 'too many'} arguments to call default`);
      return result === null ? (a[1] ?? null) : result;
    },
  };
  return { variables: { result }, functions };
}

/** Evaluates one condition against a result; a non-bool outcome is Argo's `expected bool, but got <type>`. */
export function evalCondition(condition: string, result: GoValue): ConditionResult {
  const r = evaluate(condition, argoConditionEnv(result));
  if (!r.ok) return r;
  if (typeof r.value !== 'boolean') return { ok: false, error: `expected bool, but got ${goTypeName(r.value)}` };
  return { ok: true, value: r.value };
}

// The horizontal line a chart draws for a condition: from `result[0] >= 0.95`, `result < 0.4`,
// `all(result, {# < 0.4})`, `len(result) == 0 || result[0] >= 0.95`, `isNaN(result[0]) || …` derive
// {value, op}. Only one comparison of the result with a number may remain once the usual guards
// (len/isNaN/isInf/isNil checks) are set aside; anything else is not drawable and gives undefined.
import type { Node } from '../expr/exprAst';
import { parseExpr } from '../expr/exprParser';

export type ThresholdOp = '<' | '<=' | '>' | '>=' | '==';

export interface Threshold {
  readonly value: number;
  /** Reads `result <op> value`. */
  readonly op: ThresholdOp;
  /** Which condition the line comes from: crossing it means success, or failure. */
  readonly side: 'success' | 'failure';
}

const FLIP: Record<ThresholdOp, ThresholdOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };
const NEGATE: Partial<Record<ThresholdOp, ThresholdOp>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
const GUARDS = new Set(['isNaN', 'isInf', 'isNil', 'len']);
const WRAPPERS = new Set(['asFloat', 'asInt', 'float', 'int']);
const QUANTIFIERS = new Set(['all', 'any', 'none', 'one', 'filter']);

type Cmp = { value: number; op: ThresholdOp };

function isThresholdOp(op: string): op is ThresholdOp {
  return Object.hasOwn(FLIP, op);
}

/** `result`, `result[0]`, `result[-1]`, `asFloat(result[0])`, `default(result, 0)`…, or `#` inside a quantifier over result. */
function isResultValue(n: Node, inPredicate: boolean): boolean {
  if (n.type === 'Identifier') return n.name === 'result';
  if (n.type === 'Pointer') return inPredicate && n.name === '';
  if (n.type === 'Member') return n.computed && isResultValue(n.object, inPredicate) && isIndexLiteral(n.property);
  if (n.type === 'Call' && n.callee.type === 'Identifier') {
    if (WRAPPERS.has(n.callee.name) && n.args.length === 1) return isResultValue(n.args[0]!, inPredicate);
    if (n.callee.name === 'default' && n.args.length === 2) return isResultValue(n.args[0]!, inPredicate);
  }
  return false;
}

function isIndexLiteral(n: Node): boolean {
  return (n.type === 'Number' && n.isInteger) || (n.type === 'Unary' && n.op === '-' && n.operand.type === 'Number');
}

function numberOf(n: Node): number | undefined {
  if (n.type === 'Number') return n.value;
  if (n.type === 'Unary' && (n.op === '-' || n.op === '+')) {
    const v = numberOf(n.operand);
    return v === undefined ? undefined : n.op === '-' ? -v : v;
  }
  return undefined;
}

/** A check such as `len(result) == 0` or `isNaN(result[0])` that guards the real comparison. */
function isGuard(n: Node): boolean {
  if (n.type === 'Unary' && (n.op === '!' || n.op === 'not')) return isGuard(n.operand);
  if (n.type === 'Call' && n.callee.type === 'Identifier') return GUARDS.has(n.callee.name);
  if (n.type === 'Binary' && ['==', '!=', '<', '<=', '>', '>='].includes(n.op)) {
    const call = n.left.type === 'Call' ? n.left : n.right.type === 'Call' ? n.right : undefined;
    return call !== undefined && call.callee.type === 'Identifier' && call.callee.name === 'len';
  }
  return false;
}

function comparisons(n: Node, inPredicate: boolean, out: Cmp[]): boolean {
  switch (n.type) {
    case 'Binary': {
      if (['||', 'or', '&&', 'and'].includes(n.op)) {
        return comparisons(n.left, inPredicate, out) && comparisons(n.right, inPredicate, out);
      }
      if (n.op === '|') {
        // `result | all(# < 0.4)`: the piped call's only argument is the predicate.
        const call = n.right;
        if (call.type !== 'Call' || call.callee.type !== 'Identifier' || !QUANTIFIERS.has(call.callee.name) || call.args.length !== 1) return false;
        if (!isResultValue(n.left, inPredicate)) return false;
        const arg = call.args[0]!;
        return comparisons(arg.type === 'Closure' ? arg.body : arg, true, out);
      }
      const op = n.op;
      if (!isThresholdOp(op)) return isGuard(n);
      const r = numberOf(n.right);
      const l = numberOf(n.left);
      if (r !== undefined && isResultValue(n.left, inPredicate)) out.push({ value: r, op });
      else if (l !== undefined && isResultValue(n.right, inPredicate)) out.push({ value: l, op: FLIP[op] });
      else return isGuard(n);
      return true;
    }
    case 'Unary': {
      if (n.op !== '!' && n.op !== 'not') return false;
      if (isGuard(n.operand)) return true;
      const inner: Cmp[] = [];
      if (!comparisons(n.operand, inPredicate, inner) || inner.length !== 1) return false;
      const neg = NEGATE[inner[0]!.op];
      if (!neg) return false;
      out.push({ value: inner[0]!.value, op: neg });
      return true;
    }
    case 'Call': {
      if (n.callee.type !== 'Identifier') return false;
      if (QUANTIFIERS.has(n.callee.name) && n.args.length === 2 && isResultValue(n.args[0]!, inPredicate)) {
        const body = n.args[1]!.type === 'Closure' ? n.args[1]!.body : n.args[1]!;
        return comparisons(body, true, out);
      }
      return isGuard(n);
    }
    default:
      return false;
  }
}

/** `side` says which condition the text is (successCondition → 'success'). Substitute args first. */
export function thresholdOf(condition: string, side: 'success' | 'failure' = 'success'): Threshold | undefined {
  const parsed = parseExpr(condition);
  if (!parsed.ok) return undefined;
  const found: Cmp[] = [];
  if (!comparisons(parsed.ast, false, found)) return undefined;
  const first = found[0];
  if (!first || found.some((c) => c.value !== first.value)) return undefined;
  // `result[0] >= 0.9 && result[0] <= 1.1` is a band, not a line.
  if (found.length > 1 && !found.every((c) => c.op === first.op)) return undefined;
  return { value: first.value, op: first.op, side };
}

import { strict as assert } from 'node:assert';
import { evalCondition } from '../../../../src/core/analysis/evalCondition';
import { evaluate, type EvalEnv } from '../../../../src/core/expr/exprEvaluator';
import { float64Slice, formatFloatF, formatFloatV, goQuote, type GoValue } from '../../../../src/core/expr/goValue';

const env = (variables: Record<string, GoValue> = {}): EvalEnv => ({ variables });

function value(expr: string, variables: Record<string, GoValue> = {}): GoValue {
  const r = evaluate(expr, env(variables));
  if (!r.ok) throw new Error(`${expr}: ${r.error}`);
  return r.value;
}

function error(expr: string, variables: Record<string, GoValue> = {}): string {
  const r = evaluate(expr, env(variables));
  assert.equal(r.ok, false, `${expr} should fail`);
  return r.ok ? '' : r.error;
}

describe('expr evaluator', () => {
  describe('numbers keep Go int and float64 apart', () => {
    it('adds ints to an int', () => assert.equal(value('1 + 2'), 3n));
    it('turns int division into a float', () => assert.equal(value('7 / 2'), 3.5));
    it('mixes int and float into a float', () => assert.equal(value('1 + 0.5'), 1.5));
    it('computes % on ints', () => assert.equal(value('7 % 3'), 1n));
    it('refuses % on floats', () => assert.equal(error('7.5 % 2'), 'invalid operation: % (mismatched types float64 and int)'));
    it('reports integer divide by zero for %', () => assert.equal(error('1 % 0'), 'integer divide by zero'));
    it('divides by zero into +Inf', () => assert.equal(value('1 / 0'), Infinity));
    it('raises with ** and ^ to a float', () => assert.deepEqual([value('2 ** 10'), value('2 ^ 3')], [1024, 8]));
    it('honours precedence and right-associative power', () => assert.deepEqual([value('1 + 2 * 3'), value('2 ** 3 ** 2')], [7n, 512]));
    it('negates ints and floats', () => assert.deepEqual([value('-3'), value('-0.5')], [-3n, -0.5]));
    it('wraps int overflow at 64 bits like Go', () => assert.equal(value('x + 1', { x: 9223372036854775807n }), -9223372036854775808n));
  });

  describe('comparisons', () => {
    it('compares 1 and 1.0 as equal', () => assert.equal(value('1 == 1.0'), true));
    it('finds NaN unequal to itself and never less or greater', () => {
      const v = { x: NaN };
      assert.deepEqual([value('x == x', v), value('x != x', v), value('x < 1', v), value('x >= 1', v)], [false, true, false, false]);
    });
    it('puts +Inf above every number', () => assert.equal(value('x > 1e308', { x: Infinity }), true));
    it('compares strings lexically', () => assert.equal(value('"abc" < "abd"'), true));
    it('reports mismatched types', () => assert.equal(error('"a" < 1'), 'invalid operation: < (mismatched types string and int)'));
    it('compares lists element by element', () => assert.equal(value('[1, 2] == [1, 2]'), true));
    it('compares nil with nil', () => assert.equal(value('nil == nil'), true));
  });

  describe('logic', () => {
    it('accepts both spellings of and/or/not', () => {
      assert.deepEqual([value('true && false'), value('true and false'), value('false || true'), value('false or true'), value('!true'), value('not true')], [false, false, true, true, false, false]);
    });
    it('short-circuits: the right side of a true || is not evaluated', () => assert.equal(value('true || [][0] > 1'), true));
    it('short-circuits: the right side of a false && is not evaluated', () => assert.equal(value('false && [][0] > 1'), false));
    it('wants bools around &&', () => assert.equal(error('1 && true'), 'invalid operation: && (mismatched types int and bool)'));
    it('wants a bool for !', () => assert.equal(error('!1'), 'invalid operation: ! (mismatched type int)'));
    it('evaluates the ternary operator', () => assert.equal(value('x > 1 ? "big" : "small"', { x: 2n }), 'big'));
    it('uses ?? for nil', () => assert.equal(value('nil ?? 3'), 3n));
  });

  describe('indexing and membership', () => {
    const result = float64Slice([0.9, 0.8, 0.7]);
    it('indexes from the start and from the end', () => assert.deepEqual([value('result[0]', { result }), value('result[-1]', { result })], [0.9, 0.7]));
    it('reports an index out of range', () => assert.equal(error('result[3]', { result }), 'index out of range: 3 (array length is 3)'));
    it('reports fetching from nil', () => assert.equal(error('result[0]', { result: null }), 'cannot fetch 0 from <nil>'));
    it('slices lists', () => assert.deepEqual(value('result[1:]', { result }), [0.8, 0.7]));
    it('reads map fields by dot and by key, nil when missing', () => {
      const m = new Map<string, GoValue>([['a', 1n]]);
      assert.deepEqual([value('m.a', { m }), value('m["a"]', { m }), value('m.b', { m })], [1n, 1n, null]);
    });
    it('optional chaining stops at nil', () => assert.equal(value('x?.y', { x: null }), null));
    it('finds values in arrays with in and not in', () => assert.deepEqual([value('2 in [1, 2]'), value('2.0 in [1, 2]'), value('3 not in [1, 2]')], [true, true, true]));
    it('finds keys in maps with in', () => assert.equal(value('"a" in {a: 1}'), true));
    it('builds int ranges', () => assert.deepEqual(value('1..3'), [1n, 2n, 3n]));
  });

  describe('strings', () => {
    it('concatenates', () => assert.equal(value('"a" + "b"'), 'ab'));
    it('supports contains, startsWith, endsWith and matches', () => {
      assert.deepEqual([value('"canary" contains "nar"'), value('"canary" startsWith "can"'), value('"canary" endsWith "ry"'), value('"v1.2" matches "^v[0-9]"')], [true, true, true, true]);
    });
    it('counts runes with len', () => assert.equal(value('len("héllo")'), 5n));
    it('prints floats the way Go does with string()', () => assert.deepEqual([value('string(0.5)'), value('string(1e6)'), value('string(3)')], ['0.5', '1e+06', '3']));
    it('upper-cases and splits', () => assert.deepEqual([value('upper("a")'), value('split("a,b", ",")')], ['A', ['a', 'b']]));
  });

  describe('predicates with #', () => {
    const result = float64Slice([0.1, 0.5, 0.9]);
    it('all / any / none / one', () => {
      assert.deepEqual(
        [value('all(result, {# < 1})', { result }), value('any(result, # > 0.8)', { result }), value('none(result, {# > 1})', { result }), value('one(result, {# > 0.8})', { result })],
        [true, true, true, true],
      );
    });
    it('filter and map', () => assert.deepEqual([value('filter(result, {# > 0.3})', { result }), value('map(result, {# * 10})', { result })], [[0.5, 0.9], [1, 5, 9]]));
    it('count, sum and #index', () => assert.deepEqual([value('count(result, {# > 0.3})', { result }), value('sum(map(result, #index))', { result })], [2n, 3n]));
    it('nests predicates with their own #', () => assert.equal(value('all([[1, 2], [3]], {all(#, {# > 0})})'), true));
    it('reads fields of the element with .field', () => assert.equal(value('all(xs, {.ok})', { xs: [new Map<string, GoValue>([['ok', true]])] }), true));
    it('takes the list from a pipe', () => assert.equal(value('result | any(# > 0.8)', { result }), true));
    it('wants a bool from an all() predicate', () => assert.equal(error('all(result, {# + 1})', { result }), 'predicate should return boolean (got float64)'));
    it('reduces with #acc', () => assert.equal(value('reduce(1..4, #acc + #, 0)'), 10n));
  });

  describe('built-ins', () => {
    it('len of lists and maps', () => assert.deepEqual([value('len([1, 2])'), value('len({a: 1})')], [2n, 1n]));
    it('abs, int, float', () => assert.deepEqual([value('abs(-2)'), value('abs(-2.5)'), value('int(2.7)'), value('float(2)'), value('int("42")')], [2n, 2.5, 2n, 2, 42n]));
    it('max, min, mean and sum over a list or arguments', () => {
      assert.deepEqual([value('max(1, 3, 2)'), value('min([4, 2.5])'), value('mean([1, 2])'), value('sum([1, 2.5])'), value('sum([1, 2])')], [3n, 2.5, 1.5, 3.5, 3n]);
    });
    it('let binds a name', () => assert.equal(value('let x = 2; x * x'), 4n));
    it('names an unknown variable', () => assert.equal(error('foo > 1'), 'unknown name foo'));
    it('names an unknown function', () => assert.equal(error('foo(1)'), 'unknown func foo'));
    it('returns parse errors as messages instead of throwing', () => assert.equal(error('1 +'), 'unexpected token EOF'));
  });
});

describe("Argo's condition environment", () => {
  const vector = float64Slice([0.97]);
  it('asInt and asFloat parse strings', () => {
    assert.deepEqual([evalCondition('asInt("5") == 5', null), evalCondition('asFloat("0.5") == 0.5', null)], [{ ok: true, value: true }, { ok: true, value: true }]);
  });
  it('asInt reports Go\'s parse error for a non-number', () => {
    assert.deepEqual(evalCondition('asInt("1.5") == 1', null), { ok: false, error: 'strconv.ParseInt: parsing "1.5": invalid syntax' });
  });
  it('asFloat rejects a bool with Argo\'s message', () => {
    assert.deepEqual(evalCondition('asFloat(true) > 1', null), { ok: false, error: 'asFloat() not supported on bool true' });
  });
  it('asFloat reads NaN and Inf spellings', () => assert.deepEqual(evalCondition('isNaN(asFloat("NaN")) && isInf(asFloat("+Inf"))', null), { ok: true, value: true }));
  it('isNaN accepts an integer literal', () => assert.deepEqual(evalCondition('isNaN(1)', null), { ok: true, value: false }));
  it('isNaN refuses a list', () => {
    assert.deepEqual(evalCondition('isNaN(result)', vector), { ok: false, error: 'cannot use []float64 as argument (type float64) to call isNaN' });
  });
  it('isNil ignores its argument and tells whether the raw result is nil', () => {
    assert.deepEqual([evalCondition('isNil(1)', null), evalCondition('isNil(nil)', vector)], [{ ok: true, value: true }, { ok: true, value: false }]);
  });
  it('default returns the result when it is not nil, ignoring its first argument', () => {
    assert.deepEqual([evalCondition('default(nil, 0.5) == 0.97', 0.97), evalCondition('default(result, 0.5) == 0.5', null)], [{ ok: true, value: true }, { ok: true, value: true }]);
  });
  it('insists on a bool', () => assert.deepEqual(evalCondition('len(result)', vector), { ok: false, error: 'expected bool, but got int' }));
  it('names Go list types when insisting on a bool', () => assert.deepEqual(evalCondition('result', vector), { ok: false, error: 'expected bool, but got []float64' }));
});

describe('Go value formatting', () => {
  const f: [number, string][] = [[0.99, '0.99'], [10, '10'], [1e21, '1000000000000000000000'], [1e-7, '0.0000001'], [-2.5, '-2.5'], [NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf']];
  for (const [x, s] of f) it(`prints ${s} with strconv 'f'`, () => assert.equal(formatFloatF(x), s));
  const v: [number, string][] = [[123456, '123456'], [1234567, '1.234567e+06'], [0.0001, '0.0001'], [0.00001, '1e-05'], [3, '3']];
  for (const [x, s] of v) it(`prints ${s} with %v`, () => assert.equal(formatFloatV(x), s));
  it('quotes like strconv.Quote', () => assert.equal(goQuote('a"b\n\x01'), '"a\\"b\\n\\x01"'));
});

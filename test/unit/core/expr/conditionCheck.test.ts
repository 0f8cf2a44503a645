import { strict as assert } from 'node:assert';
import { checkConditionTemplate, suggest } from '../../../../src/core/expr/conditionCheck';

function problems(src: string): { message: string; severity: string; at: string }[] {
  return checkConditionTemplate(src).map((p) => ({ message: p.message, severity: p.severity, at: src.slice(p.start, p.end) }));
}

describe('checking analysis conditions', () => {
  it('accepts the conditions of the Argo docs and common idioms', () => {
    for (const c of [
      'result[0] >= 0.95',
      'len(result) == 0 || result[0] >= 0.95',
      'isNaN(result)',
      'all(result, {# < 0.4})',
      'default(result, 0) > 0',
      'result[0] >= 0.95 and result[0] < 2',
      'asFloat(result) >= 0.9 && !isNil(result)',
      'len(result[0].Values) >= 5 and all(result[0].Values, {# <= 0.01})',
      'all(result.service_apdex.values.values, {asFloat(.value) >= 9900})',
      "result == 'It worked!'",
      'let r = result[0]; r > 1 && r < 3',
    ]) {
      assert.deepEqual(problems(c), [], c);
    }
  });

  it('reports an unknown function with a did-you-mean, at the function name', () => {
    assert.deepEqual(problems('isNan(result[0])'), [{ message: "unknown func isNan (did you mean 'isNaN'?)", severity: 'error', at: 'isNan' }]);
  });

  it('warns about names other than result', () => {
    assert.deepEqual(problems('results[0] >= 90'), [
      { message: "unknown name results (did you mean 'result'?) — only `result` and functions are defined", severity: 'warning', at: 'results' },
    ]);
  });

  it('reads {{args}} tags as a number, or as text inside a string literal', () => {
    assert.deepEqual(problems('result[0] >= {{args.threshold}}'), []);
    assert.deepEqual(problems('result == "{{ args.expected }}"'), []);
  });

  it('maps a syntax error after a tag back to the original text', () => {
    assert.deepEqual(problems('result[0] >= {{args.threshold}} =='), [{ message: 'unexpected token EOF', severity: 'error', at: '=' }]);
    assert.deepEqual(problems('isNan({{args.x}})'), [{ message: "unknown func isNan (did you mean 'isNaN'?)", severity: 'error', at: 'isNan' }]);
  });

  it('suggests names by case first, then by edit distance', () => {
    assert.equal(suggest('isnan', ['isNaN', 'isInf']), 'isNaN');
    assert.equal(suggest('lenn', ['len', 'all']), 'len');
    assert.equal(suggest('zzz', ['len', 'all']), undefined);
  });
});

import { strict as assert } from 'node:assert';
import { thresholdOf } from '../../../../src/core/analysis/thresholdOf';

describe('Threshold line of a condition', () => {
  const drawable: [string, number, string][] = [
    ['result[0] >= 0.95', 0.95, '>='],
    ['result < 0.4', 0.4, '<'],
    ['all(result, {# < 0.4})', 0.4, '<'],
    ['any(result, # > 100)', 100, '>'],
    ['len(result) == 0 || result[0] >= 0.95', 0.95, '>='],
    ['isNaN(result[0]) || result[0] >= 0.95', 0.95, '>='],
    ['0.95 <= result[0]', 0.95, '>='],
    ['not (result[0] < 0.95)', 0.95, '>='],
    ['asFloat(result[0]) > 5', 5, '>'],
    ['default(result, 0) < 10', 10, '<'],
    ['result[0] == 0', 0, '=='],
    ['result[0] > -1', -1, '>'],
    ['result | all(# <= 0.5)', 0.5, '<='],
  ];
  for (const [cond, value, op] of drawable) {
    it(`draws ${op} ${value} for ${cond}`, () => assert.deepEqual(thresholdOf(cond), { value, op, side: 'success' }));
  }

  it('marks a failureCondition line as the failure side', () => assert.deepEqual(thresholdOf('result[0] > 0.05', 'failure'), { value: 0.05, op: '>', side: 'failure' }));

  const notDrawable = ['result[0] >= 0.9 && result[0] <= 1.1', 'result[0] * 100 >= 95', 'result[0] >= result[1]', 'true', 'result[0] >=', 'len(result) > 2', 'result[0] > 0.9 || result[1] > 0.8'];
  for (const cond of notDrawable) {
    it(`draws nothing for ${cond}`, () => assert.equal(thresholdOf(cond), undefined));
  }
});

import { strict as assert } from 'node:assert';
import { age, humanDuration } from '../../../../src/core/rollout/humanDuration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('Human durations as the plugin prints them (apimachinery HumanDuration)', () => {
  const cases: [number, string][] = [
    [0, '0s'], [-1500, '0s'], [-2500, '<invalid>'], [59 * S, '59s'], [119 * S, '119s'], [2 * M, '2m'], [2 * M + 5 * S, '2m5s'],
    [10 * M + 30 * S, '10m'], [179 * M, '179m'], [3 * H, '3h'], [4 * H - S, '3h59m'], [7 * H + 59 * M, '7h59m'], [8 * H + 30 * M, '8h'],
    [47 * H, '47h'], [2 * D, '2d'], [7 * D, '7d'], [7 * D + 5 * H, '7d5h'], [8 * D, '8d'], [400 * D, '400d'], [730 * D, '2y'],
    [800 * D, '2y70d'], [3000 * D, '8y'],
  ];
  for (const [ms, text] of cases) it(`prints ${ms} ms as ${text}`, () => assert.equal(humanDuration(ms), text));
  it('prints <unknown> as the age of an object without a timestamp', () => assert.equal(age(undefined, 0), '<unknown>'));
});

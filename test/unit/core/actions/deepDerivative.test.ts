import { strict as assert } from 'node:assert';
import { deepDerivative } from '../../../../src/core/actions/deepDerivative';

describe('DeepDerivative template comparison', () => {
  const cases: [title: string, a: unknown, b: unknown, expected: boolean][] = [
    ['equal objects match', { x: 1, y: ['a'] }, { x: 1, y: ['a'] }, true],
    ['keys only in the second are ignored', { x: 1 }, { x: 1, y: 2 }, true],
    ['a key missing from the second fails', { x: 1, y: 2 }, { x: 1, z: 2 }, false],
    ['a null in the first matches a present key', { x: null }, { x: 5 }, true],
    ['a null in the first still needs the key', { x: null, y: 1 }, { y: 1, z: 1 }, false],
    ['an empty string in the first matches anything', { image: '' }, { image: 'nginx' }, true],
    ['different strings fail', { image: 'nginx:1' }, { image: 'nginx:2' }, false],
    ['an empty list or map in the first matches anything', { l: [], m: {} }, { l: [1], m: { k: 1 } }, true],
    ['a list is compared as a prefix', { l: [1] }, { l: [1, 2] }, true],
    ['a longer list fails', { l: [1, 2] }, { l: [1] }, false],
    ['false is compared, not treated as unset', { b: false }, { b: true }, false],
    ['numbers must be equal', { n: 0 }, { n: 1 }, false],
    ['types must agree', { n: 1 }, { n: '1' }, false],
  ];
  for (const [title, a, b, expected] of cases) it(title, () => assert.equal(deepDerivative(a, b), expected));
});

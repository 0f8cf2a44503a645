import { strict as assert } from 'node:assert';
import { closestNames, didYouMean, osaDistance } from '../../../../../../src/core/lint/rules/schema/didYouMean';

describe('did-you-mean candidates', () => {
  it('counts a swapped pair of letters as one edit', () => {
    assert.equal(osaDistance('canaryserivce', 'canaryservice'), 1);
    assert.equal(osaDistance('abc', 'abc'), 0);
    assert.equal(osaDistance('kitten', 'sitting'), 3);
  });

  it('prefers a case-insensitive match over other close names', () => {
    assert.deepEqual(closestNames('setweight', ['setWeight', 'setWeights']), ['setWeight']);
  });

  it('allows two edits for long names, one for short ones, none for very short ones', () => {
    assert.deepEqual(closestNames('replcas', ['replicas', 'selector']), ['replicas']);
    assert.deepEqual(closestNames('canarSrvice', ['canaryService']), ['canaryService']);
    assert.deepEqual(closestNames('nam', ['name']), ['name']);
    assert.deepEqual(closestNames('nme2', ['name']), []);
    assert.deepEqual(closestNames('ab', ['ac']), []);
  });

  it('returns every equally close name and skips excluded ones', () => {
    assert.deepEqual(closestNames('pxngService', ['pingService', 'pongService']), ['pingService', 'pongService']);
    assert.deepEqual(
      closestNames('pxngService', ['pingService', 'pongService'], (c) => c === 'pingService'),
      ['pongService'],
    );
  });

  it('formats one or several suggestions', () => {
    assert.equal(didYouMean([]), '');
    assert.equal(didYouMean(['a']), ' — did you mean "a"?');
    assert.equal(didYouMean(['a', 'b', 'c']), ' — did you mean "a", "b" or "c"?');
  });
});

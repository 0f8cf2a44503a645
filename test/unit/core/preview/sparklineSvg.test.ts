import * as assert from 'node:assert/strict';
import { sparklineSvg } from '../../../../src/core/preview/sparklineSvg';

describe('sparklineSvg', () => {
  it('draws one path through the samples, lowest value at the bottom', () => {
    const svg = sparklineSvg([{ t: 0, v: 0 }, { t: 10, v: 1 }], { width: 100, height: 20 });
    assert.match(svg, /<path d="M2 18L98 2"/);
  });

  it('leaves a gap where samples are further apart than allowed', () => {
    const svg = sparklineSvg([{ t: 0, v: 1 }, { t: 15, v: 2 }, { t: 300, v: 3 }], { maxGapSec: 30 });
    assert.equal((svg.match(/M/g) ?? []).length, 2);
  });

  it('draws the threshold inside the range even when every sample is far from it', () => {
    const svg = sparklineSvg([{ t: 0, v: 10 }, { t: 1, v: 11 }], { width: 100, height: 20, threshold: 0 });
    assert.match(svg, /<line x1="0" y1="18" x2="100" y2="18"/);
  });

  it('skips NaN and infinite samples and draws nothing for no data', () => {
    assert.doesNotMatch(sparklineSvg([{ t: 0, v: NaN }, { t: 1, v: Infinity }]), /<path/);
    assert.match(sparklineSvg([]), /^<svg [^>]+><\/svg>$/);
  });
});

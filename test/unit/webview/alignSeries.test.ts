import * as assert from 'node:assert/strict';
import { alignSeries } from '../../../webview/alignSeries';

describe('Aligning series on one time axis', () => {
  it('merges the timestamps of all lines and puts null where a line has no sample, so the chart shows the gap', () => {
    const canary = { t: [0, 5, 10, 15], v: [1, 2, 3, 4] };
    const stable = { t: [0, 15, 20], v: [9, null, 7] };
    assert.deepEqual(alignSeries([canary, stable]), {
      xs: [0, 5, 10, 15, 20],
      ys: [
        [1, 2, 3, 4, null],
        [9, null, null, null, 7],
      ],
    });
  });

  it('keeps lines sampled at the same times as they are', () => {
    assert.deepEqual(alignSeries([{ t: [0, 5], v: [1, null] }, { t: [0, 5], v: [2, 3] }]), { xs: [0, 5], ys: [[1, null], [2, 3]] });
  });

  it('returns empty columns for no lines or empty lines', () => {
    assert.deepEqual(alignSeries([]), { xs: [], ys: [] });
    assert.deepEqual(alignSeries([{ t: [], v: [] }]), { xs: [], ys: [[]] });
  });
});

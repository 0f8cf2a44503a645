// Replaying a metric as a run started at each point: the limits decide each run as Argo's assessment does.
import { strict as assert } from 'node:assert';
import { rangeChunks, replayAll, summarize, type BacktestPoint } from '../../../../src/core/backtest/backtest';
import type { MeasurementPhase } from '../../../../src/core/analysis/measurementOutcome';

const P: Record<string, MeasurementPhase> = { S: 'Successful', F: 'Failed', I: 'Inconclusive', E: 'Error' };
function points(s: string): BacktestPoint[] {
  return [...s].map((c, i) => ({ t: 600 + i * 60, v: null, phase: P[c] ?? 'Successful', text: '' }));
}
const clock = (sec: number): string => `${String(Math.floor(sec / 60) % 60).padStart(2, '0')}m`;

describe('replaying a metric over backtested points', () => {
  it('fails a run on its second failure with failureLimit 1, and passes runs with at most one', () => {
    const runs = replayAll({ interval: '1m', count: 3, failureLimit: 1 }, points('SSFSFSS'), 60);
    assert.deepEqual(runs.map((r) => r.phase), ['Successful', 'Successful', 'Failed', 'Successful', 'Successful']);
    assert.equal(runs[2]?.reason, 'failed (2) > failureLimit (1)');
  });

  it('starts measuring after initialDelay, so the last starts without room for count measurements are not run', () => {
    const runs = replayAll({ interval: '1m', count: 2, initialDelay: '2m' }, points('FSSSS'), 60);
    assert.deepEqual(runs.map((r) => r.phase), ['Successful', 'Successful']);
  });

  it('ends a run early on consecutiveSuccessLimit, and fails it when count runs out first with failureLimit -1', () => {
    const runs = replayAll({ interval: '1m', count: 3, failureLimit: -1, consecutiveSuccessLimit: 2 }, points('SSFSF'), 60);
    assert.deepEqual(runs.map((r) => [r.phase, r.decidedAt]), [['Successful', 1], ['Failed', 3], ['Failed', 4]]);
  });

  it('errors a run after more consecutive errors than consecutiveErrorLimit (4 by default)', () => {
    const runs = replayAll({ interval: '1m', count: 10, failureLimit: 3 }, points('EEEEESSSSSSSSS'), 60);
    assert.equal(runs[0]?.phase, 'Error');
    assert.equal(runs[0]?.reason, 'consecutiveErrors (5) > consecutiveErrorLimit (4)');
  });

  it('runs a metric without count until it fails or the window ends', () => {
    const runs = replayAll({ interval: '1m', failureLimit: 0 }, points('SSSFSS'), 60);
    assert.deepEqual(runs.map((r) => r.phase), ['Failed', 'Failed', 'Failed', 'Failed', 'Running', 'Running']);
  });

  it('says the count of failed runs and the first failure in one sentence', () => {
    const pts = points('SSFSFSS');
    const s = summarize({ interval: '1m', count: 3, failureLimit: 1 }, pts, { startSec: 600, endSec: 600 + 6 * 60, stepSec: 60 }, clock);
    assert.equal(s.sentence, 'started any time in the last 6 min, this analysis would have failed 1 of 5 times (first at 14m: 2 failures > failureLimit 1)');
    assert.deepEqual(s.counts, { Successful: 4, Failed: 1, Inconclusive: 0, Error: 0, Running: 0 });
  });

  it('covers a window with chunks of at most 11,000 points on the step grid', () => {
    assert.deepEqual(rangeChunks({ startSec: 0, endSec: 25_000, stepSec: 1 }), [{ startSec: 0, endSec: 10_999 }, { startSec: 11_000, endSec: 21_999 }, { startSec: 22_000, endSec: 25_000 }]);
    assert.deepEqual(rangeChunks({ startSec: 0, endSec: 3600, stepSec: 60 }), [{ startSec: 0, endSec: 3600 }]);
  });
});

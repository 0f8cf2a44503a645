import { strict as assert } from 'node:assert';
import {
  ABORT_AT_SEC, ANALYSIS_START_SEC, DATA_END_SEC, DATA_START_SEC, ERRORS_FROM_SEC, SCRAPE_SEC, UPDATE_AT_SEC,
  canaryWeightAt, gitopsHugoEndCounters, gitopsHugoOpenMetrics, scenarioTimes,
} from '../../scenario/gitopsHugoOpenMetrics';

describe('The scenario window shifted to another end time', () => {
  it('is the fixed 2025 anchor by default', () => {
    assert.deepEqual(scenarioTimes(), {
      dataStartSec: DATA_START_SEC, dataEndSec: DATA_END_SEC, updateAtSec: UPDATE_AT_SEC, analysisStartSec: ANALYSIS_START_SEC,
      errorsFromSec: ERRORS_FROM_SEC, abortAtSec: ABORT_AT_SEC, shiftSec: 0,
    });
  });

  it('ends at the last 15 s scrape at or before the requested end and moves every moment by the same shift', () => {
    const end = 1_795_000_007.9; // not on the grid, with a fraction like Date.now() / 1000
    const t = scenarioTimes(end);
    assert.equal(t.dataEndSec, 1_795_000_005);
    assert.equal(t.dataEndSec % SCRAPE_SEC, 0);
    assert.equal(t.shiftSec, t.dataEndSec - DATA_END_SEC);
    assert.deepEqual(
      [t.dataStartSec, t.updateAtSec, t.analysisStartSec, t.errorsFromSec, t.abortAtSec].map((s) => s - t.shiftSec),
      [DATA_START_SEC, UPDATE_AT_SEC, ANALYSIS_START_SEC, ERRORS_FROM_SEC, ABORT_AT_SEC],
    );
    assert.equal(canaryWeightAt(t.updateAtSec + 60, t), 30);
    assert.equal(canaryWeightAt(UPDATE_AT_SEC + 60, t), 0, 'the fixed anchor\'s moments are outside the shifted run');
  });

  it('writes the same samples as the fixed window, each timestamp moved by the shift', () => {
    const t = scenarioTimes(DATA_END_SEC + 86_400 * 500 + 7);
    const fixed = gitopsHugoOpenMetrics().split('\n');
    const shifted = gitopsHugoOpenMetrics('default', { endAtSec: DATA_END_SEC + 86_400 * 500 + 7 }).split('\n');
    assert.equal(shifted.length, fixed.length);
    const moved = fixed.map((line) => line.replace(/ (\d+)$/, (_, ts: string) => ` ${Number(ts) + t.shiftSec}`));
    assert.deepEqual(shifted, moved);
    assert.notDeepEqual(shifted, fixed);
  });

  it('tells a live exporter the counters at the last sample: the canary\'s whole life and the stable\'s running total', () => {
    const end = gitopsHugoEndCounters(scenarioTimes(DATA_END_SEC + 3600));
    // 10 % for a minute, 30 % and 50 % for a minute each of 600 requests per 15 s; 398 of them 5xx.
    assert.deepEqual({ ok: end.canary.ok, errors: end.canary.errors, count: end.canary.count }, { ok: 1762, errors: 398, count: 2160 });
    assert.equal(end.canary.buckets.length, 11);
    assert.equal(end.stable.ok + end.stable.errors, 1_000_000 + 1_000_000 / 200 + end.stable.count);
  });
});

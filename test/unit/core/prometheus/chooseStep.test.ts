import { strict as assert } from 'node:assert';
import { chooseStep, pointsPerSeries, MAX_POINTS_PER_SERIES } from '../../../../src/core/prometheus/chooseStep';

describe('Choosing the step of a range query', () => {
  const end = 1_767_225_600;
  it('gives a 2-hour window on an 800 px chart a 10 s step (721 points)', () => {
    assert.equal(chooseStep(end - 7200, end, 800), 10);
    assert.equal(pointsPerSeries(end - 7200, end, 10), 721);
  });
  it('never returns less than one second, even for a short window on a wide chart', () => assert.equal(chooseStep(end - 60, end, 4000), 1));
  it('never exceeds 11,000 points however wide the chart', () => {
    const step = chooseStep(end - 86_400, end, 1_000_000);
    assert.ok(pointsPerSeries(end - 86_400, end, step) <= MAX_POINTS_PER_SERIES);
  });
  it('rounds a 30-day window to whole days when the chart is tiny', () => assert.equal(chooseStep(end - 30 * 86_400, end, 10), 4 * 86_400));
  it('keeps points at or under the width for many windows and widths', () => {
    for (const span of [1, 59, 600, 3601, 7200, 86_399, 604_800, 31_536_000]) {
      for (const width of [2, 37, 300, 1280, 3840, 20_000]) {
        const step = chooseStep(end - span, end, width);
        assert.ok(step >= 1 && Number.isInteger(step));
        assert.ok(pointsPerSeries(end - span, end, step) <= Math.min(width, MAX_POINTS_PER_SERIES), `${span}s on ${width}px: step ${step}`);
      }
    }
  });
  it('answers 1 s for an empty or reversed window instead of dividing by zero', () => {
    assert.equal(chooseStep(end, end, 800), 1);
    assert.equal(chooseStep(end, end - 10, 800), 1);
  });
});

// The `step` of a range query for a chart: one point per pixel at most (more points than pixels
// only cost bandwidth) and never more than Prometheus accepts, which refuses a query_range whose
// (end - start) / step exceeds 11,000 with a 400 bad_data.

export const MAX_POINTS_PER_SERIES = 11_000;

// Steps people read at a glance on an axis; beyond a day the step is a whole number of days.
const NICE_STEPS_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
const DAY = 86_400;

/**
 * Step in whole seconds for a range query from `startSec` to `endSec` (Unix seconds) drawn `widthPx`
 * wide: at least 1 s, the smallest nice step giving no more than `widthPx` points (and never more
 * than 11,000), where Prometheus returns floor((end - start) / step) + 1 points per series.
 */
export function chooseStep(startSec: number, endSec: number, widthPx: number): number {
  const span = endSec - startSec;
  if (!Number.isFinite(span) || span <= 0) return 1;
  const width = Number.isFinite(widthPx) ? Math.floor(widthPx) : 2;
  const maxPoints = Math.min(Math.max(width, 2), MAX_POINTS_PER_SERIES);
  // floor(span / step) + 1 <= maxPoints  <=>  step >= span / (maxPoints - 1) (enough for the floor too).
  const minStep = span / (maxPoints - 1);
  const nice = NICE_STEPS_SECONDS.find((s) => s >= minStep);
  return nice ?? Math.ceil(minStep / DAY) * DAY;
}

/** Points per series Prometheus returns for this range and step. */
export function pointsPerSeries(startSec: number, endSec: number, stepSec: number): number {
  return Math.floor((endSec - startSec) / stepSec) + 1;
}

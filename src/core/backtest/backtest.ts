// Backtesting an analysis metric on past traffic: the metric's query is evaluated at every interval of
// a window (range queries of at most 11,000 points each, Prometheus' limit), each point is a
// measurement judged by Argo's own evaluator (successCondition / failureCondition, NaN, empty results,
// `default`, vectors), and the metric is then replayed as a run started at every possible point:
// initialDelay, count, failureLimit, inconclusiveLimit, consecutiveErrorLimit and
// consecutiveSuccessLimit decide each run's outcome exactly as the controller's assessment does.
import { parseGoDuration } from '../goDuration';
import { measureQueryData } from '../analysis/shapeQueryData';
import type { MeasurementPhase } from '../analysis/measurementOutcome';
import { applyMeasurement, effectiveCount, isCompleted, limitsOf, metricPhase, NO_MEASUREMENTS, type AnalysisPhase, type MetricLimits } from '../analysis/metricPhase';
import { MAX_POINTS_PER_SERIES } from '../prometheus/chooseStep';
import type { QueryData, Series } from '../prometheus/parseQueryResponse';
import { isRecord } from '../untrustedJson';

/** Beyond this many points a backtest is refused: the window or the interval must change. */
export const MAX_BACKTEST_POINTS = 100_000;
export const DEFAULT_WINDOW_SECONDS = 6 * 3600;

export interface BacktestWindow {
  readonly startSec: number;
  readonly endSec: number;
  /** The metric's interval in seconds: one measurement per step. */
  readonly stepSec: number;
}

/** `[start, end]` ranges of at most 11,000 points each, in order, covering the window on its step grid. */
export function rangeChunks(w: BacktestWindow): { startSec: number; endSec: number }[] {
  const chunks: { startSec: number; endSec: number }[] = [];
  const perChunk = (MAX_POINTS_PER_SERIES - 1) * w.stepSec;
  for (let start = w.startSec; start <= w.endSec; start += perChunk + w.stepSec) chunks.push({ startSec: start, endSec: Math.min(start + perChunk, w.endSec) });
  return chunks;
}

/** The step of a metric: its interval (Argo's default is none; a metric without one is measured once, so a backtest takes a minute). */
export function metricStepSeconds(metric: unknown): { ok: true; seconds: number } | { ok: false; error: string } {
  const interval = isRecord(metric) && typeof metric['interval'] === 'string' ? metric['interval'] : '';
  if (interval === '') return { ok: true, seconds: 60 };
  const d = parseGoDuration(interval);
  if (!d.ok) return { ok: false, error: `interval "${interval}" is not a duration: ${d.error}` };
  if (d.seconds < 1) return { ok: false, error: `interval "${interval}" is shorter than a second` };
  return { ok: true, seconds: Math.round(d.seconds) };
}

export function planWindow(endSec: number, windowSec: number, stepSec: number): { ok: true; window: BacktestWindow; points: number } | { ok: false; error: string } {
  const start = endSec - windowSec;
  const points = Math.floor(windowSec / stepSec) + 1;
  if (!Number.isFinite(points) || points < 2) return { ok: false, error: 'the window must hold at least two intervals' };
  if (points > MAX_BACKTEST_POINTS) return { ok: false, error: `${points.toLocaleString('en-US')} points at one per ${stepSec} s: choose a window of at most ${Math.floor(((MAX_BACKTEST_POINTS - 1) * stepSec) / 3600)} h` };
  return { ok: true, window: { startSec: start, endSec, stepSec }, points };
}

export interface BacktestPoint {
  /** Unix seconds. */
  readonly t: number;
  /** The plotted number; null when the result is not one finite number. */
  readonly v: number | null;
  readonly phase: MeasurementPhase;
  /** Argo's stored value (`[0.97]`) or the error message. */
  readonly text: string;
}

/**
 * The measurement at every step of the window from the range answers (matrices): at time t the result
 * is the vector of every series' sample at t, as an instant query at t would have answered (a series
 * without a sample at t is absent, so a quiet time is an empty result, as Argo would have seen it).
 */
export function pointsOf(metric: unknown, w: BacktestWindow, answers: readonly QueryData[]): BacktestPoint[] {
  const series: Series[] = answers.flatMap((a) => (a.resultType === 'matrix' || a.resultType === 'vector' ? a.series : []));
  const byTime = new Map<number, { labels: Series['labels']; v: number }[]>();
  // Series of several chunks are the same series again: keep the order of first appearance by labels.
  const order = new Map<string, number>();
  for (const s of series) {
    const key = JSON.stringify(Object.entries(s.labels).sort());
    if (!order.has(key)) order.set(key, order.size);
    for (const sample of s.samples) {
      const list = byTime.get(sample.t) ?? [];
      list.push({ labels: s.labels, v: sample.v });
      byTime.set(sample.t, list);
    }
  }
  const points: BacktestPoint[] = [];
  for (let t = w.startSec; t <= w.endSec; t += w.stepSec) {
    const samples = byTime.get(t) ?? [];
    const vector: QueryData = { resultType: 'vector', series: samples.map((s) => ({ labels: s.labels, samples: [{ t, v: s.v }] })), warnings: [] };
    const m = measureQueryData(metric, vector);
    const only = samples.length === 1 ? samples[0]?.v : undefined;
    points.push({ t, v: only !== undefined && Number.isFinite(only) ? only : null, phase: m.phase, text: m.phase === 'Error' ? m.message : m.value });
  }
  return points;
}

export interface ReplayedRun {
  /** Index of the point the run started at. */
  readonly start: number;
  /** Successful / Failed / Inconclusive / Error; Running when the window ended first. */
  readonly phase: AnalysisPhase;
  /** Index of the measurement that decided it. */
  readonly decidedAt?: number;
  /** Argo's reason when a limit tripped: `failed (2) > failureLimit (1)`. */
  readonly reason?: string;
}

function initialDelaySteps(metric: unknown, stepSec: number): number {
  const d = isRecord(metric) && typeof metric['initialDelay'] === 'string' ? parseGoDuration(metric['initialDelay']) : undefined;
  return d?.ok ? Math.ceil(d.seconds / stepSec) : 0;
}

/** One run started at point `start`: measurements every interval after initialDelay until the metric's phase completes. */
export function replayFrom(points: readonly BacktestPoint[], start: number, limits: MetricLimits, delaySteps: number): ReplayedRun {
  let counters = NO_MEASUREMENTS;
  for (let i = start + delaySteps; i < points.length; i++) {
    const p = points[i];
    if (p === undefined) break;
    counters = applyMeasurement(counters, p.phase);
    const phase = metricPhase(counters, limits);
    if (isCompleted(phase.phase)) return { start, phase: phase.phase, decidedAt: i, ...(phase.reason !== undefined ? { reason: phase.reason } : {}) };
  }
  return { start, phase: 'Running' };
}

export interface BacktestSummary {
  readonly runs: readonly ReplayedRun[];
  readonly counts: Readonly<Record<'Successful' | 'Failed' | 'Inconclusive' | 'Error' | 'Running', number>>;
  /** The one sentence: `started any time in the last 6 h, this analysis would have failed 3 of 24 times (first at 10:05: …)`. */
  readonly sentence: string;
}

/** Runs that could finish inside the window: a bounded metric needs count measurements after its delay. */
export function replayAll(metric: unknown, points: readonly BacktestPoint[], stepSec: number): ReplayedRun[] {
  const limits = limitsOf(metric);
  const delay = initialDelaySteps(metric, stepSec);
  const count = effectiveCount(limits);
  const runs: ReplayedRun[] = [];
  // Each start gets its own replay; a bounded metric's last starts are those with room for `count` measurements.
  const lastStart = count === undefined ? points.length - 1 - delay : points.length - delay - count;
  for (let s = 0; s <= lastStart; s++) runs.push(replayFrom(points, s, limits, delay));
  return runs;
}

function windowWords(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** `failed (2) > failureLimit (1)` → `2 failures > failureLimit 1`, as a person reads it. */
function reasonWords(reason: string): string {
  const m = /^(\w+) \((\d+)\) > (\w+) \((-?\d+)\)$/.exec(reason);
  if (!m) return reason;
  const noun: Record<string, string> = { failed: 'failure', inconclusive: 'inconclusive measurement', consecutiveErrors: 'consecutive error' };
  const n = Number(m[2]);
  const word = noun[m[1] ?? ''] ?? m[1] ?? '';
  return `${n} ${word}${n === 1 ? '' : 's'} > ${m[3]} ${m[4]}`;
}

/**
 * The sentence. `clock` formats a Unix time as the user reads it (local HH:MM). A metric that never
 * finishes inside the window (no count) is judged by whether it would have failed.
 */
export function summarize(metric: unknown, points: readonly BacktestPoint[], w: BacktestWindow, clock: (sec: number) => string): BacktestSummary {
  const runs = replayAll(metric, points, w.stepSec);
  const counts = { Successful: 0, Failed: 0, Inconclusive: 0, Error: 0, Running: 0 };
  for (const r of runs) {
    const k = r.phase === 'Pending' ? 'Running' : r.phase;
    counts[k] += 1;
  }
  const span = `started any time in the last ${windowWords(w.endSec - w.startSec)}`;
  const bad = runs.filter((r) => r.phase === 'Failed' || r.phase === 'Error' || r.phase === 'Inconclusive');
  const first = bad[0];
  let sentence: string;
  if (runs.length === 0) sentence = `the last ${windowWords(w.endSec - w.startSec)} are too short for one run of this analysis (${effectiveCount(limitsOf(metric)) ?? 'unbounded'} measurements every ${w.stepSec} s)`;
  else if (first === undefined) {
    const ok = counts.Successful;
    sentence = ok > 0 ? `${span}, this analysis would have passed all ${runs.length} times` : `${span}, this analysis would never have failed (it has no count, so it runs until the rollout ends)`;
  } else {
    const verb = first.phase === 'Failed' ? 'failed' : first.phase === 'Error' ? 'errored' : 'been inconclusive';
    const at = first.decidedAt !== undefined ? points[first.decidedAt]?.t : undefined;
    const when = at !== undefined ? ` (first at ${clock(at)}${first.reason !== undefined ? `: ${reasonWords(first.reason)}` : ''})` : '';
    const others = [counts.Error > 0 && first.phase !== 'Error' ? `errored ${counts.Error}` : '', counts.Inconclusive > 0 && first.phase !== 'Inconclusive' ? `inconclusive ${counts.Inconclusive}` : '', counts.Failed > 0 && first.phase !== 'Failed' ? `failed ${counts.Failed}` : ''].filter((x) => x !== '');
    const own = first.phase === 'Failed' ? counts.Failed : first.phase === 'Error' ? counts.Error : counts.Inconclusive;
    sentence = `${span}, this analysis would have ${verb} ${own} of ${runs.length} times${when}${others.length > 0 ? `; ${others.join(', ')}` : ''}`;
  }
  return { runs, counts, sentence };
}

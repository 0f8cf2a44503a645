// A metric's counters and phase (§5.3): how each measurement moves the counters, and the phase Argo
// assesses from counters and limits (assessMetricStatus / assessMetricFailureInconclusiveOrError).
import { isRecord } from '../lint/lintDoc';
import type { MeasurementPhase } from './measurementOutcome';

export type AnalysisPhase = 'Pending' | 'Running' | 'Successful' | 'Failed' | 'Error' | 'Inconclusive';

export interface MetricCounters {
  readonly count: number;
  readonly successful: number;
  readonly failed: number;
  readonly inconclusive: number;
  readonly error: number;
  readonly consecutiveError: number;
  readonly consecutiveSuccess: number;
}

export const NO_MEASUREMENTS: MetricCounters = { count: 0, successful: 0, failed: 0, inconclusive: 0, error: 0, consecutiveError: 0, consecutiveSuccess: 0 };

/** Counters after one completed measurement; an Error does not count towards `count`. */
export function applyMeasurement(c: MetricCounters, phase: MeasurementPhase): MetricCounters {
  switch (phase) {
    case 'Successful':
      return { ...c, successful: c.successful + 1, count: c.count + 1, consecutiveError: 0, consecutiveSuccess: c.consecutiveSuccess + 1 };
    case 'Failed':
      return { ...c, failed: c.failed + 1, count: c.count + 1, consecutiveError: 0, consecutiveSuccess: 0 };
    case 'Inconclusive':
      return { ...c, inconclusive: c.inconclusive + 1, count: c.count + 1, consecutiveError: 0, consecutiveSuccess: 0 };
    case 'Error':
      return { ...c, error: c.error + 1, consecutiveError: c.consecutiveError + 1, consecutiveSuccess: 0 };
  }
}

/** Reads counters from `status.metricResults[]` (untrusted; missing numbers are 0). */
export function countersOf(metricResult: unknown): MetricCounters {
  const r = isRecord(metricResult) ? metricResult : {};
  const n = (k: string): number => (typeof r[k] === 'number' && Number.isFinite(r[k]) ? Math.trunc(r[k]) : 0);
  return { count: n('count'), successful: n('successful'), failed: n('failed'), inconclusive: n('inconclusive'), error: n('error'), consecutiveError: n('consecutiveError'), consecutiveSuccess: n('consecutiveSuccess') };
}

/** IntOrString.IntValue(): an int, or a string read by Atoi (anything else → 0); undefined when unset. */
export function intOrStringValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : 0;
  if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
  return undefined;
}

export interface MetricLimits {
  readonly count?: number;
  readonly interval?: string;
  readonly failureLimit?: number;
  readonly inconclusiveLimit?: number;
  readonly consecutiveErrorLimit?: number;
  readonly consecutiveSuccessLimit?: number;
}

/** The limits of an (argument-substituted) metric spec. */
export function limitsOf(metric: unknown): MetricLimits {
  const m = isRecord(metric) ? metric : {};
  const out: Record<string, number | string> = {};
  for (const k of ['count', 'failureLimit', 'inconclusiveLimit', 'consecutiveErrorLimit', 'consecutiveSuccessLimit'] as const) {
    const v = intOrStringValue(m[k]);
    if (v !== undefined) out[k] = v;
  }
  if (typeof m.interval === 'string' && m.interval !== '') out.interval = m.interval;
  return out;
}

export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

/** Metric.EffectiveCount(): count when set and non-zero; 1 without count and interval; unbounded otherwise. */
export function effectiveCount(l: MetricLimits): number | undefined {
  if (l.count === undefined || l.count === 0) return l.interval === undefined ? 1 : undefined;
  return l.count;
}

export interface MetricPhase {
  readonly phase: AnalysisPhase;
  /** Argo's reason (`failed (2) > failureLimit (1)`), set when a limit tripped. */
  readonly reason?: string;
}

/** Limit checks; when several trip, the later check wins: Error beats Inconclusive beats Failed. */
export function limitTripped(c: MetricCounters, l: MetricLimits): MetricPhase | undefined {
  let out: MetricPhase | undefined;
  const failureLimit = l.failureLimit ?? 0;
  if (failureLimit >= 0 && c.failed > failureLimit) out = { phase: 'Failed', reason: `failed (${c.failed}) > failureLimit (${failureLimit})` };
  const inconclusiveLimit = l.inconclusiveLimit ?? 0;
  if (c.inconclusive > inconclusiveLimit) out = { phase: 'Inconclusive', reason: `inconclusive (${c.inconclusive}) > inconclusiveLimit (${inconclusiveLimit})` };
  const errorLimit = l.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT;
  if (c.consecutiveError > errorLimit) out = { phase: 'Error', reason: `consecutiveErrors (${c.consecutiveError}) > consecutiveErrorLimit (${errorLimit})` };
  return out;
}

export interface MetricState {
  /** Measurements taken so far (default: count + error, i.e. the completed ones). */
  readonly measurements?: number;
  /** The last measurement has started but not finished. */
  readonly inFlight?: boolean;
  /** The run is terminating (terminate requested, or another metric Failed/Error/Inconclusive). */
  readonly terminating?: boolean;
  /** A phase already completed sticks (Argo never re-assesses a completed metric). */
  readonly previous?: AnalysisPhase;
}

const COMPLETED: ReadonlySet<AnalysisPhase> = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);

export function isCompleted(p: AnalysisPhase): boolean {
  return COMPLETED.has(p);
}

export function metricPhase(c: MetricCounters, metric: MetricLimits, state: MetricState = {}): MetricPhase {
  if (state.previous !== undefined && isCompleted(state.previous)) return { phase: state.previous };
  const taken = state.measurements ?? c.count + c.error;
  if (taken === 0 && !state.inFlight) return { phase: state.terminating ? 'Successful' : 'Pending' };
  if (state.inFlight) return { phase: 'Running' };
  const tripped = limitTripped(c, metric);
  if (tripped) return tripped;
  const successLimit = metric.consecutiveSuccessLimit ?? 0;
  if (successLimit > 0 && c.consecutiveSuccess >= successLimit) return { phase: 'Successful' };
  const limit = effectiveCount(metric);
  if (limit !== undefined && c.count >= limit) {
    const failureApplicable = (metric.failureLimit ?? 0) >= 0;
    if (successLimit > 0) return { phase: failureApplicable ? 'Inconclusive' : 'Failed' };
    return { phase: 'Successful' };
  }
  // Not finished (or unbounded): a terminating run ends it as Successful.
  return { phase: state.terminating ? 'Successful' : 'Running' };
}

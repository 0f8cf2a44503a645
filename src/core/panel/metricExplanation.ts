// The one sentence under a metric: why it is where it is. A metric with a completed measurement is
// explained by explainOutcome on its last one; the cases explainOutcome does not cover (nothing
// measured yet, a measurement still in flight, a run that ended before measuring) are worded here
// in the same shape, `<Phase>: <what>; <consequence>.`
import { explainNotJudged, explainOutcome } from '../analysis/explainOutcome';
import type { MeasurementPhase } from '../analysis/measurementOutcome';
import { countersOf, effectiveCount, isCompleted, limitTripped, limitsOf, metricPhase, type AnalysisPhase, type MetricPhase } from '../analysis/metricPhase';
import { parseGoDuration } from '../goDuration';
import { at, isRecord, stringAt } from '../untrustedJson';
import { clockTime, unixSeconds } from './unixSeconds';

export interface ExplanationInput {
  readonly metricName: string;
  /** The metric spec with the run's args substituted. */
  readonly metric: unknown;
  /** The metric's entry of status.metricResults (untrusted; undefined before the first measurement). */
  readonly result: unknown;
  readonly dryRun: boolean;
  readonly runPhase: string;
  readonly runMessage: string;
  /** Unix seconds. */
  readonly runStartedAt: number | undefined;
}

const MEASUREMENT_PHASES: readonly string[] = ['Successful', 'Failed', 'Inconclusive', 'Error'];
const ANALYSIS_PHASES: readonly string[] = ['Pending', 'Running', 'Successful', 'Failed', 'Error', 'Inconclusive'];

function isMeasurementPhase(p: string): p is MeasurementPhase {
  return MEASUREMENT_PHASES.includes(p);
}

function isAnalysisPhase(p: string): p is AnalysisPhase {
  return ANALYSIS_PHASES.includes(p);
}

/**
 * The phase explainOutcome words the consequence with. Counters and limits alone cannot tell a
 * terminated run (its unfinished metrics end Successful) from a running one, so the phase the
 * controller recorded wins; the computed one supplies Argo's reason when a limit tripped.
 */
function phaseForExplanation(recorded: string, metric: unknown, result: unknown): MetricPhase {
  const counters = countersOf(result);
  const limits = limitsOf(metric);
  const computed = metricPhase(counters, limits);
  if (!isAnalysisPhase(recorded) || recorded === computed.phase) return computed;
  const tripped = limitTripped(counters, limits);
  return tripped?.phase === recorded ? tripped : { phase: recorded };
}

/**
 * Argo ends a terminated run's unfinished metrics Successful (another metric failed, or the run was
 * terminated): recorded Successful while its counters and limits say it was still running.
 */
export function terminatedUnjudged(metric: unknown, result: unknown): boolean {
  return stringAt(result, 'phase') === 'Successful' && metricPhase(countersOf(result), limitsOf(metric)).phase === 'Running';
}

/** The phase the panel shows for a metric: Argo's, except "Not judged" for a terminated one (see terminatedUnjudged). */
export function shownMetricPhase(metric: unknown, result: unknown): string {
  return terminatedUnjudged(metric, result) ? 'Not judged' : stringAt(result, 'phase') || 'Pending';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function progress(metric: unknown, result: unknown): string {
  const c = countersOf(result);
  const total = effectiveCount(limitsOf(metric));
  return total === undefined ? `${c.successful} of ${plural(c.count, 'measurement')} successful so far, no count limit` : `${c.successful} of ${total} measurements successful so far`;
}

function notMeasuredYet(input: ExplanationInput): string {
  const { runPhase, runMessage, metricName } = input;
  if (isAnalysisPhase(runPhase) && isCompleted(runPhase)) {
    return `${runPhase}: ${metricName} was never measured; the run ended ${runPhase}${runMessage !== '' ? ` (${runMessage})` : ''}.`;
  }
  const delay = at(input.metric, 'initialDelay');
  const parsed = typeof delay === 'string' && delay !== '' ? parseGoDuration(delay) : undefined;
  if (parsed?.ok && parsed.seconds > 0 && input.runStartedAt !== undefined) {
    const first = input.runStartedAt + Math.trunc(parsed.seconds);
    return `Pending: no measurement yet; the first is taken at ${clockTime(first)}, initialDelay ${String(delay)} after the run started.`;
  }
  return 'Pending: no measurement yet; the first is taken as soon as the controller starts the run.';
}

export function metricExplanation(input: ExplanationInput): string {
  const measurements = at(input.result, 'measurements');
  const list = Array.isArray(measurements) ? measurements.filter(isRecord) : [];
  const last = list.at(-1);
  if (last === undefined) return notMeasuredYet(input);
  const phase = stringAt(last, 'phase') ?? '';
  const recorded = stringAt(input.result, 'phase') ?? '';
  if (!isMeasurementPhase(phase)) {
    // A measurement in flight (the Job and Web providers take time); Prometheus ones finish at once.
    const started = unixSeconds(at(last, 'startedAt'));
    const since = started === undefined ? '' : ` since ${clockTime(started)}`;
    return `Running: a measurement of ${input.metricName} is in progress${since}; ${progress(input.metric, input.result)}.`;
  }
  const value = stringAt(last, 'value');
  const message = stringAt(last, 'message');
  const finishedAt = stringAt(last, 'finishedAt') ?? stringAt(last, 'startedAt');
  if (terminatedUnjudged(input.metric, input.result)) {
    return explainNotJudged({
      metricName: input.metricName,
      metric: input.metric,
      measurement: { phase, ...(value !== undefined ? { value } : {}), ...(message ? { message } : {}), ...(finishedAt ? { finishedAt } : {}) },
      counters: countersOf(input.result),
    });
  }
  return explainOutcome({
    metricName: input.metricName,
    metric: input.metric,
    measurement: { phase, ...(value !== undefined ? { value } : {}), ...(message ? { message } : {}), ...(finishedAt ? { finishedAt } : {}) },
    counters: countersOf(input.result),
    metricPhase: phaseForExplanation(recorded, input.metric, input.result),
    dryRun: input.dryRun,
  });
}

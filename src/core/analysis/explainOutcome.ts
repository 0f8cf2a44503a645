// One plain sentence that says why a measurement and its metric ended as they did, e.g.
// `Failed: success-rate was 0.71 at 12:03:30, below 0.95 (successCondition result[0] >= 0.95);
// 1 failure > failureLimit 0, so the rollout was aborted.`
import type { MeasurementPhase } from './measurementOutcome';
import { conditionsOf } from './measurementOutcome';
import { effectiveCount, limitsOf, metricPhase, DEFAULT_CONSECUTIVE_ERROR_LIMIT, type MetricCounters, type MetricLimits, type MetricPhase } from './metricPhase';
import { thresholdOf } from './thresholdOf';

export interface ExplainInput {
  readonly metricName: string;
  /** The metric spec with args substituted (conditions and limits). */
  readonly metric: unknown;
  readonly measurement: { readonly phase: MeasurementPhase; readonly value?: string; readonly message?: string; readonly finishedAt?: string };
  /** Counters after this measurement. */
  readonly counters: MetricCounters;
  /** The metric's phase after this measurement; computed from counters and limits when omitted. */
  readonly metricPhase?: MetricPhase;
  readonly dryRun?: boolean;
  /** Formats `finishedAt`; defaults to UTC `HH:MM:SS`. */
  readonly formatTime?: (iso: string) => string;
}

function utcTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(11, 19);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A number as a sentence shows it: at most four significant digits (0.8162590096072389 → 0.8163,
 * 1234567 → 1235000); the tables and tooltips keep the full value.
 */
export function sentenceNumber(n: number): string {
  if (!Number.isFinite(n) || n === 0) return String(n);
  return String(Number(n.toPrecision(4)));
}

/** `[0.71]` reads as 0.71; `[]` as no data. */
function shownValue(value: string): { text: string; number?: number } {
  const single = /^\[([^,\]]+)\]$/.exec(value)?.[1] ?? (value.startsWith('[') ? undefined : value);
  if (value === '[]') return { text: 'empty (no data)' };
  if (single === undefined) return { text: value };
  const n = single === '+Inf' ? Infinity : single === '-Inf' ? -Infinity : Number(single);
  if (Number.isNaN(n) && single !== 'NaN') return { text: single };
  return { text: Number.isFinite(n) ? sentenceNumber(n) : single, number: n };
}

function relation(v: number, t: number): string {
  if (Number.isNaN(v)) return 'not a number, so no comparison holds against';
  return v < t ? 'below' : v > t ? 'above' : 'at';
}

/** How a measurement's value compares with the deciding condition, e.g. `below 0.95 (successCondition result[0] >= 0.95)`. */
function verdict(input: ExplainInput, shown: { number?: number }): string {
  const { measurement } = input;
  const { successCondition: s, failureCondition: f } = conditionsOf(input.metric);
  if (s === undefined && f === undefined) return 'no successCondition or failureCondition, so every measurement succeeds';
  if (measurement.phase === 'Inconclusive') return `neither successCondition ${s ?? ''} nor failureCondition ${f ?? ''} held`;
  // The deciding condition: Failed comes from a true failureCondition or a false successCondition.
  const byFailure = f !== undefined && (measurement.phase === 'Failed' || s === undefined);
  const cond = byFailure ? f : s!;
  const label = byFailure ? 'failureCondition' : 'successCondition';
  const t = thresholdOf(cond, byFailure ? 'failure' : 'success');
  if (t && shown.number !== undefined) return `${relation(shown.number, t.value)} ${t.value} (${label} ${cond})`;
  const holds = (measurement.phase === 'Failed') === byFailure;
  return `${label} ${cond} was ${holds ? 'true' : 'false'}`;
}

function timeOf(input: ExplainInput): string {
  return input.measurement.finishedAt ? (input.formatTime ?? utcTime)(input.measurement.finishedAt) : '';
}

function what(input: ExplainInput): string {
  const { metricName, measurement } = input;
  const time = timeOf(input);
  const at = time ? ` at ${time}` : '';
  if (measurement.phase === 'Error') return `${metricName} could not be measured${at}: ${measurement.message ?? 'unknown error'}`;
  const shown = shownValue(measurement.value ?? '');
  const head = `${metricName} was ${shown.text}${at}`;
  const v = verdict(input, shown);
  if (measurement.phase === 'Inconclusive') return `${head}; ${v}`;
  return shown.number !== undefined && /^(below|above|at|not a number)/.test(v) ? `${head}, ${v}` : `${head} (${v})`;
}

const MEANING: Record<MeasurementPhase, string> = { Successful: 'a success', Failed: 'a failure', Inconclusive: 'an inconclusive result', Error: 'an error' };

/**
 * A metric Argo marked Successful only because its run was terminated while it was still measuring
 * (another metric failed, or someone terminated the run): it was never judged, so the sentence says
 * so and what its last measurement would have meant, instead of "passed".
 */
export function explainNotJudged(input: ExplainInput): string {
  const time = timeOf(input);
  const head = 'Not judged: the run was terminated while the metric was running';
  if (input.measurement.phase === 'Error') return `${head}; its last measurement${time ? ` at ${time}` : ''} was an error: ${input.measurement.message ?? 'unknown error'}.`;
  const shown = shownValue(input.measurement.value ?? '');
  return `${head}; its last value, ${shown.text}${time ? ` at ${time}` : ''}, would have meant ${MEANING[input.measurement.phase]}: ${verdict(input, shown)}.`;
}

function consequence(input: ExplainInput, l: MetricLimits, p: MetricPhase): string {
  const c = input.counters;
  const effect = (e: string): string => (input.dryRun ? `, but the metric is a dry run, so the rollout is not affected` : `, so ${e}`);
  if (p.phase === 'Failed' && p.reason) return `${plural(c.failed, 'failure')} > failureLimit ${l.failureLimit ?? 0}${effect('the rollout was aborted')}`;
  if (p.phase === 'Error' && p.reason) return `${plural(c.consecutiveError, 'consecutive error')} > consecutiveErrorLimit ${l.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT}${effect('the rollout was aborted')}`;
  if (p.phase === 'Inconclusive' && p.reason) return `${c.inconclusive} inconclusive > inconclusiveLimit ${l.inconclusiveLimit ?? 0}${effect('the rollout was paused until it is promoted or aborted')}`;
  const total = effectiveCount(l);
  const successLimit = l.consecutiveSuccessLimit ?? 0;
  if (p.phase === 'Successful') {
    if (successLimit > 0 && c.consecutiveSuccess >= successLimit) return `${plural(c.consecutiveSuccess, 'consecutive success')} reached consecutiveSuccessLimit ${successLimit}, so the metric passed`;
    return total !== undefined ? `${plural(c.count, 'measurement')} of ${total} done, so the metric passed` : 'the run was terminated, so the metric passed';
  }
  if (p.phase === 'Inconclusive' || p.phase === 'Failed') {
    const e = p.phase === 'Failed' ? 'the rollout was aborted' : 'the rollout was paused until it is promoted or aborted';
    return `count ${total ?? c.count} reached without ${successLimit} consecutive successes${effect(e)}`;
  }
  const progress = total !== undefined ? `measurement ${c.count} of ${total}` : `measurement ${c.count}, no count limit`;
  if (input.measurement.phase === 'Failed' && (l.failureLimit ?? 0) >= 0) return `${progress}, ${plural(c.failed, 'failure')} of at most ${l.failureLimit ?? 0} allowed, so the analysis continues`;
  if (input.measurement.phase === 'Error') return `${plural(c.consecutiveError, 'consecutive error')} of at most ${l.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT} allowed, so Argo retries in 10s`;
  return `${progress}, so the analysis continues`;
}

export function explainOutcome(input: ExplainInput): string {
  const limits = limitsOf(input.metric);
  const p = input.metricPhase ?? metricPhase(input.counters, limits);
  return `${input.measurement.phase}: ${what(input)}; ${consequence(input, limits, p)}.`;
}

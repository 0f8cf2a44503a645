// One metric of an AnalysisRun as the panel shows it: phase, counters against their limits, the
// resolved query, the threshold line and the measurements to plot, plus the sentence explaining it.
import { conditionsOf } from '../analysis/measurementOutcome';
import { countersOf, DEFAULT_CONSECUTIVE_ERROR_LIMIT, effectiveCount, limitsOf } from '../analysis/metricPhase';
import { thresholdOf } from '../analysis/thresholdOf';
import type { MeasurementPoint, MetricView, ThresholdLine } from '../../shared/protocol';
import { at, isRecord, stringAt } from '../untrustedJson';
import { metricExplanation, shownMetricPhase } from './metricExplanation';
import { metricKey } from './metricKey';
import { prometheusQuery, providerOf, secretArgsIn, substitutedMetric, type RunArg } from './runArgs';
import { unixSeconds } from './unixSeconds';

export interface MetricViewInput {
  readonly runName: string;
  readonly metricName: string;
  /** The run's spec.metrics entry as stored (args not substituted); undefined if only a result exists. */
  readonly spec: unknown;
  /** The run's status.metricResults entry; undefined before the first measurement. */
  readonly result: unknown;
  readonly args: readonly RunArg[];
  readonly dryRun: boolean;
  readonly runPhase: string;
  readonly runMessage: string;
  readonly runStartedAt: number | undefined;
}

/** `0.71`, `[0.71]` → 0.71; NaN, ±Inf, `[]`, `[0.7,0.8]` or text → null (nothing one can plot). */
export function plottedValue(value: string): number | null {
  const single = /^\[([^,\]]*)\]$/.exec(value)?.[1] ?? value;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(single.trim())) return null;
  const n = Number(single);
  return Number.isFinite(n) ? n : null;
}

function measurementPoints(result: unknown): MeasurementPoint[] {
  const list = at(result, 'measurements');
  // Argo appends measurements and drops the oldest beyond the retention limit: stored oldest first.
  return (Array.isArray(list) ? list.filter(isRecord) : []).flatMap((m): MeasurementPoint[] => {
    const t = unixSeconds(m.finishedAt) ?? unixSeconds(m.startedAt);
    if (t === undefined) return [];
    const value = stringAt(m, 'value') ?? '';
    const text = [value, stringAt(m, 'message') ?? ''].filter((s) => s !== '').join(' — ');
    return [{ t, v: plottedValue(value), phase: stringAt(m, 'phase') || 'Running', text }];
  });
}

function thresholdLine(successCondition: string | undefined, failureCondition: string | undefined): ThresholdLine | undefined {
  for (const [condition, side] of [[successCondition, 'success'], [failureCondition, 'failure']] as const) {
    if (condition === undefined) continue;
    const t = thresholdOf(condition, side);
    if (t) return { value: t.value, op: t.op, side: t.side, condition };
  }
  return undefined;
}

export function metricView(input: MetricViewInput): MetricView {
  const metric = substitutedMetric(input.spec, input.args);
  const limits = limitsOf(metric);
  const c = countersOf(input.result);
  const provider = providerOf(metric);
  const query = prometheusQuery(metric);
  const rawQuery = prometheusQuery(input.spec) ?? '';
  const { successCondition, failureCondition } = conditionsOf(metric);
  const threshold = thresholdLine(successCondition, failureCondition);
  const count = effectiveCount(limits);
  return {
    key: metricKey(input.runName, input.metricName),
    name: input.metricName,
    phase: shownMetricPhase(metric, input.result),
    dryRun: input.dryRun,
    counts: { count: c.count, successful: c.successful, failed: c.failed, inconclusive: c.inconclusive, error: c.error, consecutiveError: c.consecutiveError },
    limits: {
      failureLimit: limits.failureLimit ?? 0,
      inconclusiveLimit: limits.inconclusiveLimit ?? 0,
      consecutiveErrorLimit: limits.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT,
      ...(count !== undefined ? { count } : {}),
    },
    provider,
    ...(query !== undefined ? { query } : {}),
    ...(successCondition !== undefined ? { successCondition } : {}),
    ...(failureCondition !== undefined ? { failureCondition } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    measurements: measurementPoints(input.result),
    explanation: metricExplanation({
      metricName: input.metricName,
      metric,
      result: input.result,
      dryRun: input.dryRun,
      runPhase: input.runPhase,
      runMessage: input.runMessage,
      runStartedAt: input.runStartedAt,
    }),
    // A masked secret would be sent as `*****`: the query can only be rerun with values the panel has.
    hasSeries: provider === 'prometheus' && query !== undefined && !query.includes('{{') && secretArgsIn(rawQuery, input.args).length === 0,
  };
}

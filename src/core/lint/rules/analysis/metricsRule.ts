// §4.1 ValidateMetrics: the checks the controller runs when an AnalysisRun starts. Argo stops at the
// first failure; the linter reports every one, each at the field it is about.
import { parseGoDuration } from '../../../goDuration';
import type { Rule, RuleContext } from '../../rule';
import type { Path } from '../../yamlPath';
import { ANALYSIS_KINDS, argValues, arrayAt, intOrString, isRecord, metricsOf, RUN_ERROR, resolveTags, specOf } from './analysisShape';

/** Provider keys counted by ValidateMetric (one more per key under `plugin`). */
export const PROVIDER_KEYS = ['prometheus', 'job', 'web', 'wavefront', 'kayenta', 'datadog', 'newRelic', 'cloudWatch', 'graphite', 'influxdb', 'skywalking'] as const;

export const metricsRule = {
  id: 'analysis-metrics',
  severity: 'error',
  kinds: ANALYSIS_KINDS,
  title: 'Analysis metrics must pass ValidateMetrics (names, limits, count, interval, provider)',
  description:
    'When an AnalysisRun starts, the controller validates its metrics: unique names, non-negative limits, a count large enough for the limits, an interval when count > 1, Go durations for interval and initialDelay, and exactly one provider. A failure puts the run in phase Error ("Analysis spec invalid: …") without taking any measurement, which aborts the rollout mid-update. Fix the metric; templates are only checked when a run starts, so this is the only early warning.',
  source: '§4.1',
  check(ctx) {
    const spec = specOf(ctx.value);
    if (!spec) return;
    const metrics = spec.metrics;
    // A non-list is a schema error (reported by the schema rules); Go would not get this far.
    if (metrics !== undefined && metrics !== null && !Array.isArray(metrics)) return;
    if (!Array.isArray(metrics) || metrics.length === 0) {
      // Templates that include other templates (`spec.templates`) get their metrics from them.
      if ((arrayAt(spec, 'templates')?.length ?? 0) > 0) return;
      ctx.report({ message: `no metrics specified — ${RUN_ERROR}`, at: ['spec', 'metrics'], argoPath: 'spec.metrics' });
      return;
    }
    const args = argValues(spec);
    const seen = new Set<string>();
    for (const { index, metric } of metricsOf(spec)) {
      const name = typeof metric.name === 'string' ? metric.name : '';
      if (seen.has(name)) {
        report(ctx, index, 'name', `duplicate name '${name}'`);
      }
      seen.add(name);
      checkMetric(ctx, index, metric, args);
    }
  },
} as const satisfies Rule;

function report(ctx: RuleContext, index: number, field: string | Path, detail: string, part?: 'key'): void {
  const sub = typeof field === 'string' ? [field] : field;
  const at: Path = ['spec', 'metrics', index, ...sub];
  const argoPath = `spec.metrics[${index}]${sub.length ? '.' + sub.join('.') : ''}`;
  ctx.report({ message: `metrics[${index}]: ${detail} — ${RUN_ERROR}`, at, argoPath, ...(part ? { part } : {}) });
}

function checkMetric(ctx: RuleContext, i: number, m: Record<string, unknown>, args: ReadonlyMap<string, string>): void {
  const has = (k: string): boolean => m[k] !== undefined && m[k] !== null;
  const count = has('count') ? intOrString(m.count, args) : 0;
  const failureLimit = has('failureLimit') ? intOrString(m.failureLimit, args) : 0;
  const inconclusiveLimit = has('inconclusiveLimit') ? intOrString(m.inconclusiveLimit, args) : 0;
  const successLimit = has('consecutiveSuccessLimit') ? intOrString(m.consecutiveSuccessLimit, args) : 0;
  const errorLimit = has('consecutiveErrorLimit') ? intOrString(m.consecutiveErrorLimit, args) : undefined;

  if (successLimit !== undefined && successLimit < 0) report(ctx, i, 'consecutiveSuccessLimit', 'consecutiveSuccessLimit must be >= 0');
  if (failureLimit !== undefined && failureLimit < -1) report(ctx, i, 'failureLimit', 'failureLimit must be >= 0, or -1 to be disabled');
  if (successLimit === 0 && failureLimit === -1) {
    report(ctx, i, 'failureLimit', 'failureLimit and consecutiveSuccessLimit cannot both be disabled');
  }
  if (inconclusiveLimit !== undefined && inconclusiveLimit < 0) report(ctx, i, 'inconclusiveLimit', 'inconclusiveLimit must be >= 0');
  if (errorLimit !== undefined && errorLimit < 0) report(ctx, i, 'consecutiveErrorLimit', 'consecutiveErrorLimit must be >= 0');
  if (count !== undefined && count > 0 && failureLimit !== undefined && successLimit !== undefined) {
    if (failureLimit >= 0 && successLimit >= 0 && count < failureLimit + successLimit) {
      report(ctx, i, 'count', `count (${count}) must be >= failureLimit + consecutiveSuccessLimit (${failureLimit} + ${successLimit}) if both >= 0`);
    } else if (failureLimit === -1 && count < successLimit) {
      report(ctx, i, 'count', 'count must be >= consecutiveSuccessLimit');
    }
  }
  if (count !== undefined && inconclusiveLimit !== undefined && count > 0 && count < inconclusiveLimit) {
    report(ctx, i, 'count', 'count must be >= inconclusiveLimit');
  }
  const interval = typeof m.interval === 'string' ? m.interval : '';
  if (count !== undefined && count > 1 && interval === '') {
    ctx.report({
      message: `metrics[${i}]: interval must be specified when count > 1 — ${RUN_ERROR}`,
      at: ['spec', 'metrics', i, 'count'],
      argoPath: `spec.metrics[${i}].interval`,
    });
  }
  checkDuration(ctx, i, 'interval', interval, 'interval', args);
  checkDuration(ctx, i, 'initialDelay', typeof m.initialDelay === 'string' ? m.initialDelay : '', 'startDelay', args);

  const provider = m.provider;
  let providers = 0;
  if (isRecord(provider)) {
    for (const k of PROVIDER_KEYS) if (provider[k] !== undefined && provider[k] !== null) providers++;
    if (isRecord(provider.plugin)) providers += Object.keys(provider.plugin).length;
  }
  if (providers === 0) report(ctx, i, 'provider', 'no provider specified', 'key');
  else if (providers > 1) report(ctx, i, 'provider', 'multiple providers specified', 'key');
}

function checkDuration(ctx: RuleContext, i: number, field: string, raw: string, argoName: string, args: ReadonlyMap<string, string>): void {
  if (raw === '') return;
  const s = resolveTags(raw, args);
  if (s === undefined) return;
  const d = parseGoDuration(s);
  if (!d.ok) report(ctx, i, field, `invalid ${argoName} string: ${d.error}`);
}

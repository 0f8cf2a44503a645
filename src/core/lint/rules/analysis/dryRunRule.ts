// §4.1 (3)/(4): every dryRun / measurementRetention rule must match a metric name, and their
// metricName entries must be unique. Argo matches with Go's regexp.MatchString (unanchored); an
// invalid pattern matches nothing.
import type { Rule, RuleContext } from '../../rule';
import { ANALYSIS_KINDS, arrayAt, isRecord, metricsOf, RUN_ERROR, specOf } from './analysisShape';

const LISTS = [
  { key: 'dryRun', duplicate: 'two Dry-Run metric rules have the same name' },
  { key: 'measurementRetention', duplicate: 'two Measurement Retention metric rules have the same name' },
] as const;

export const dryRunRule = {
  id: 'analysis-dry-run',
  severity: 'error',
  kinds: ANALYSIS_KINDS,
  title: 'dryRun and measurementRetention rules must match a metric and be unique',
  description:
    'Each `dryRun` / `measurementRetention` entry is an unanchored Go regular expression matched against the metric names; an entry matching no metric (or an invalid pattern such as `*`) makes the AnalysisRun go to phase Error ("Analysis spec invalid: dryRun[<k>]: Rule didn\'t match any metric name(s)"), aborting the rollout. Two entries with the same metricName fail when the run is created from the template. Use `.*` to match all metrics.',
  source: '§4.1',
  check(ctx) {
    const spec = specOf(ctx.value);
    if (!spec) return;
    // Metrics may come from included templates; matching is then only possible on the merged run.
    const included = (arrayAt(spec, 'templates')?.length ?? 0) > 0;
    const names = metricsOf(spec).map(({ metric }) => (typeof metric.name === 'string' ? metric.name : ''));
    for (const { key, duplicate } of LISTS) checkList(ctx, spec, key, duplicate, names, included);
  },
} as const satisfies Rule;

function checkList(ctx: RuleContext, spec: Record<string, unknown>, key: string, duplicate: string, names: string[], included: boolean): void {
  const seen = new Set<string>();
  arrayAt(spec, key)?.forEach((entry, k) => {
    if (!isRecord(entry)) return;
    const pattern = typeof entry.metricName === 'string' ? entry.metricName : '';
    const at = ['spec', key, k, 'metricName'];
    if (seen.has(pattern)) {
      ctx.report({ message: `${duplicate} '${pattern}' — the AnalysisRun cannot be created from this template`, at, argoPath: `spec.${key}[${k}].metricName` });
    }
    seen.add(pattern);
    if (included) return;
    const re = goRegExp(pattern);
    if (!names.some((n) => re !== undefined && re.test(n))) {
      ctx.report({ message: `${key}[${k}]: Rule didn't match any metric name(s) — ${RUN_ERROR}`, at, argoPath: `spec.${key}[${k}].metricName` });
    }
  });
}

/** A JavaScript RegExp for a Go (RE2) pattern; undefined when the pattern does not compile. */
export function goRegExp(pattern: string): RegExp | undefined {
  let src = pattern;
  let flags = '';
  // RE2's leading flag group `(?i)` / `(?s)` becomes JS flags.
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    if (m[1]!.includes('U')) return undefined;
    flags = [...new Set(m[1]!)].join('');
    src = src.slice(m[0].length);
  }
  try {
    return new RegExp(src, flags);
  } catch {
    return undefined;
  }
}

// The "runs indefinitely" error of an inline analysis, shown on the template itself with a fix.
import { insertPairFix, replaceFix } from '../../fixes';
import type { Rule } from '../../rule';
import type { Fix } from '../../types';
import { findPair, nodeAt, type Path } from '../../yamlPath';
import { countValue } from './analysisMerge';
import { rolloutAnalysisGroups } from './analysisRefs';
import { isRecord, list, str } from './refHelpers';
import type { LintDoc } from '../../lintDoc';
import type { Node } from 'yaml';

function limit(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^[+-]?\d+$/.test(v.trim())) return Number(v.trim());
  return 0;
}

/** The count that ends the metric and still satisfies `count >= failureLimit + consecutiveSuccessLimit`. */
export function suggestedCount(metric: Record<string, unknown>): number {
  return Math.max(1, limit(metric.failureLimit) + limit(metric.consecutiveSuccessLimit) + 1);
}

/** Inserts `count: n` right after `interval` (or sets an existing count). */
function countFix(doc: LintDoc, metricPath: Path, n: number): Fix | undefined {
  const title = `Set count: ${n} so the metric ends`;
  // An explicit `count: 0` is replaced in place.
  const existing = (findPair(nodeAt(doc.yaml, metricPath), 'count')?.value as Node | null | undefined)?.range;
  if (existing) return replaceFix(title, { start: existing[0], end: existing[1] }, String(n));
  return insertPairFix(doc, metricPath, 'count', String(n), title, 'interval');
}

export const templateInlineIndefiniteRule = {
  id: 'analysis-template-indefinite-inline',
  severity: 'error',
  kinds: ['AnalysisTemplate', 'ClusterAnalysisTemplate'],
  usesIndex: true,
  title: 'A metric with interval but no count must not be used by a step or blue-green analysis',
  description:
    "A metric with an interval and no count (or count 0) measures until the run is terminated. That is fine for background analysis, but a step analysis (or blue-green pre/post-promotion analysis) must finish, so Argo rejects any Rollout that uses such a template there. The fix sets count to failureLimit + consecutiveSuccessLimit + 1 (at least 1): Argo requires count >= failureLimit + consecutiveSuccessLimit, and the extra measurement lets the metric still fail once failureLimit is exceeded.",
  source: '§2.2 Analysis templates 2',
  check(ctx) {
    const tmplName = ctx.doc.name;
    if (tmplName === undefined) return;
    const cluster = ctx.doc.kind === 'ClusterAnalysisTemplate';
    const users: string[] = [];
    // Only the Rollouts that name this template (see templateReferences): a keystroke in another
    // Rollout does not re-run this rule.
    for (const r of ctx.index.usersOf(cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate', tmplName)) {
      if (r.kind !== 'Rollout') continue;
      if (!cluster && r.namespace !== undefined && ctx.doc.namespace !== undefined && r.namespace !== ctx.doc.namespace) continue;
      for (const g of rolloutAnalysisGroups(r.value)) {
        if (g.type === 'background' || g.type === 'experiment') continue;
        if (!g.refs.some((ref) => ref.name === tmplName && ref.cluster === cluster)) continue;
        const where = g.type === 'inline' ? `step ${g.stepIndex ?? 0}` : g.type === 'pre' ? 'prePromotionAnalysis' : 'postPromotionAnalysis';
        users.push(`Rollout ${r.name} (${where})`);
      }
    }
    if (users.length === 0) return;
    const spec = ctx.value.spec;
    const metrics = isRecord(spec) ? list(spec.metrics) : [];
    metrics.forEach((m, k) => {
      if (!isRecord(m)) return;
      const interval = str(m.interval) ?? '';
      if (interval === '' || interval.includes('{{')) return;
      const count = typeof m.count === 'number' ? String(m.count) : typeof m.count === 'string' ? m.count : undefined;
      if (count !== undefined && (count.includes('{{') || countValue(count) !== 0)) return;
      const more = users.length > 1 ? ` and ${users.length - 1} more` : '';
      const fix = countFix(ctx.doc, ['spec', 'metrics', k], suggestedCount(m));
      ctx.report({
        message: `AnalysisTemplate ${tmplName} has metric ${str(m.name) ?? ''} which runs indefinitely. Invalid value for count: ${count ?? '<nil>'} — used inline by ${users[0]}${more}; such an analysis never completes, so Argo rejects the Rollout`,
        at: ['spec', 'metrics', k, 'interval'],
        part: 'key',
        ...(fix ? { fix } : {}),
      });
    });
  },
} as const satisfies Rule;

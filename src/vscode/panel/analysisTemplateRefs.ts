// The AnalysisTemplates a Rollout names (background analysis, analysis and experiment steps,
// blue-green pre/post-promotion), in spec order and without repeats. Pure: the panel's
// "open template" looks them up in the workspace, then in the cluster.
import { arrayAt, isRecord, stringAt } from '../../core/actions/untrusted';

export interface TemplateRef {
  readonly name: string;
  /** A ClusterAnalysisTemplate (`clusterScope: true`). */
  readonly clusterScope: boolean;
}

export function analysisTemplateRefs(rollout: unknown): TemplateRef[] {
  const refs: TemplateRef[] = [];
  const add = (t: unknown): void => {
    const name = stringAt(t, 'templateName');
    if (name === undefined || name === '') return;
    const clusterScope = isRecord(t) && t['clusterScope'] === true;
    if (!refs.some((r) => r.name === name && r.clusterScope === clusterScope)) refs.push({ name, clusterScope });
  };
  const canary = ['spec', 'strategy', 'canary'];
  arrayAt(rollout, ...canary, 'analysis', 'templates').forEach(add);
  for (const step of arrayAt(rollout, ...canary, 'steps')) {
    arrayAt(step, 'analysis', 'templates').forEach(add);
    arrayAt(step, 'experiment', 'analyses').forEach(add);
  }
  const blueGreen = ['spec', 'strategy', 'blueGreen'];
  arrayAt(rollout, ...blueGreen, 'prePromotionAnalysis', 'templates').forEach(add);
  arrayAt(rollout, ...blueGreen, 'postPromotionAnalysis', 'templates').forEach(add);
  return refs;
}

/** The index of the metric named `metric` in a template object's `spec.metrics`, or -1. */
export function metricIndex(template: unknown, metric: string): number {
  return arrayAt(template, 'spec', 'metrics').findIndex((m) => stringAt(m, 'name') === metric);
}

/** `<run name>/<metric name>` (MetricView.key): run names have no slash, metric names may. */
export function metricOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(slash + 1);
}

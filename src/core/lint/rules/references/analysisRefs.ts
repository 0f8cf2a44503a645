// Where a Rollout or Experiment names analysis templates, and resolving those names (with the
// templates that templates include through `spec.templates`) against the workspace.
import type { IndexedObject, ReferenceIndex } from '../../referenceIndex';
import type { Path } from '../../yamlPath';
import { dig, isRecord, list, name, rec, strategyOf } from './refHelpers';

export type GroupType = 'pre' | 'post' | 'inline' | 'background' | 'experiment';

export interface TemplateRef {
  readonly name: string;
  readonly cluster: boolean;
  /** YAML path of the `templateName` value. */
  readonly at: Path;
}

/** One place that creates an AnalysisRun from templates (a step analysis, background analysis...). */
export interface AnalysisGroup {
  readonly type: GroupType;
  readonly stepIndex: number | undefined;
  /** YAML path of the analysis object holding `templates` and `args`. */
  readonly path: Path;
  /** Argo's field path for errors about these templates. */
  readonly argoPath: string;
  /** YAML path findings point at (the `templates` list, or an experiment analysis' templateName). */
  readonly at: Path;
  readonly refs: TemplateRef[];
  readonly args: unknown;
  readonly dryRun: unknown;
  readonly measurementRetention: unknown;
}

function refsOf(templates: unknown, base: Path): TemplateRef[] {
  const out: TemplateRef[] = [];
  list(templates).forEach((t, i) => {
    const n = name(dig(t, 'templateName'));
    if (n !== undefined) out.push({ name: n, cluster: dig(t, 'clusterScope') === true, at: [...base, i, 'templateName'] });
  });
  return out;
}

function group(type: GroupType, stepIndex: number | undefined, path: Path, analysis: Record<string, unknown>): AnalysisGroup {
  return {
    type,
    stepIndex,
    path,
    argoPath: [...path, 'templates'].map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '['),
    at: [...path, 'templates'],
    refs: refsOf(analysis.templates, [...path, 'templates']),
    args: analysis.args,
    dryRun: analysis.dryRun,
    measurementRetention: analysis.measurementRetention,
  };
}

/** The Rollout's analyses in the order the controller fetches them. */
export function rolloutAnalysisGroups(rollout: Record<string, unknown>): AnalysisGroup[] {
  const { canary, blueGreen } = strategyOf(rollout);
  const out: AnalysisGroup[] = [];
  if (blueGreen) {
    for (const [key, type] of [['prePromotionAnalysis', 'pre'], ['postPromotionAnalysis', 'post']] as const) {
      const a = rec(blueGreen[key]);
      if (a) out.push(group(type, undefined, ['spec', 'strategy', 'blueGreen', key], a));
    }
  } else if (canary) {
    list(canary.steps).forEach((step, i) => {
      const a = rec(dig(step, 'analysis'));
      if (a) out.push(group('inline', i, ['spec', 'strategy', 'canary', 'steps', i, 'analysis'], a));
    });
    const bg = rec(canary.analysis);
    if (bg) out.push(group('background', undefined, ['spec', 'strategy', 'canary', 'analysis'], bg));
  }
  return out;
}

/** Experiment analyses: of Experiment documents (`spec.analyses`) or of Rollout experiment steps. */
export function experimentAnalysisGroups(doc: Record<string, unknown>, kind: string): AnalysisGroup[] {
  const out: AnalysisGroup[] = [];
  const add = (analyses: unknown, base: Path): void => {
    list(analyses).forEach((a, j) => {
      if (!isRecord(a)) return;
      const n = name(a.templateName);
      if (n === undefined) return;
      const path = [...base, j];
      out.push({
        type: 'experiment',
        stepIndex: undefined,
        path,
        argoPath: [...path, 'templateName'].map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '['),
        at: [...path, 'templateName'],
        refs: [{ name: n, cluster: a.clusterScope === true, at: [...path, 'templateName'] }],
        args: a.args,
        dryRun: undefined,
        measurementRetention: undefined,
      });
    });
  };
  if (kind === 'Experiment') add(dig(doc, 'spec', 'analyses'), ['spec', 'analyses']);
  else {
    list(dig(strategyOf(doc).canary, 'steps')).forEach((step, i) => {
      add(dig(step, 'experiment', 'analyses'), ['spec', 'strategy', 'canary', 'steps', i, 'experiment', 'analyses']);
    });
  }
  return out;
}

export interface ResolvedTemplate {
  readonly name: string;
  readonly kind: 'AnalysisTemplate' | 'ClusterAnalysisTemplate';
  readonly spec: Record<string, unknown>;
  readonly obj: IndexedObject;
}

export interface MissingTemplate {
  readonly name: string;
  readonly cluster: boolean;
  /** The top-level reference it was reached from. */
  readonly ref: TemplateRef;
  /** True when it is named in another template's `spec.templates`. */
  readonly nested: boolean;
}

export interface Resolution {
  /** Found templates, namespaced ones first then cluster ones (Argo's order), each once. */
  readonly templates: ResolvedTemplate[];
  readonly missing: MissingTemplate[];
  /** Whether any top-level reference of each kind was found. */
  readonly foundAny: { readonly AnalysisTemplate: boolean; readonly ClusterAnalysisTemplate: boolean };
}

export function resolveTemplates(index: ReferenceIndex, refs: readonly TemplateRef[], namespace: string | undefined): Resolution {
  const ns: ResolvedTemplate[] = [];
  const cluster: ResolvedTemplate[] = [];
  const missing: MissingTemplate[] = [];
  const seen = new Set<string>();
  const foundAny = { AnalysisTemplate: false, ClusterAnalysisTemplate: false };
  const visit = (n: string, isCluster: boolean, ref: TemplateRef, nested: boolean): void => {
    const kind = isCluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
    const key = `${kind}/${n}`;
    if (seen.has(key)) return;
    seen.add(key);
    const obj = index.find(kind, n, isCluster ? undefined : namespace);
    if (!obj) {
      missing.push({ name: n, cluster: isCluster, ref, nested });
      return;
    }
    if (!nested) foundAny[kind] = true;
    const spec = rec(obj.value.spec) ?? {};
    (isCluster ? cluster : ns).push({ name: n, kind, spec, obj });
    // Templates may include other templates; cycles end at `seen`.
    for (const t of list(spec.templates)) {
      const child = name(dig(t, 'templateName'));
      if (child !== undefined) visit(child, dig(t, 'clusterScope') === true, ref, true);
    }
  };
  for (const r of refs) visit(r.name, r.cluster, r, false);
  return { templates: [...ns, ...cluster], missing, foundAny };
}

// The AnalysisRun a Rollout's controller creates (§5.4): templates fetched and merged, arguments
// resolved from the Rollout (src/core/analysis/resolveArgs), name `<rollout>-<podHash>-<revision>`
// plus `-<stepIndex>` for a step, labels rollout-type / step-index / pod-template hash, the
// revision annotation and a controller ownerReference to the Rollout.
import { resolveArgs } from '../../src/core/analysis/resolveArgs';
import { at, list, str } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../apiDouble/clusterStore';
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../apiDouble/jsonValue';
import { controllerRef, nameOf, namespaceOf, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, rfc3339, stringMap } from './simObjects';

export type RunKind = 'Step' | 'Background';

export interface RunRequest {
  readonly rollout: JsonObject;
  readonly kind: RunKind;
  /** steps[i].analysis or canary.analysis: {templates, args, dryRun, measurementRetention}. */
  readonly analysis: unknown;
  readonly podHash: string;
  readonly stableHash: string;
  readonly revision: number;
  readonly stepIndex?: number;
  readonly nowMs: number;
}

function uniqueName(store: ClusterStore, namespace: string, base: string): string {
  // Argo appends .1, .2, … when a run of that name already exists (a retried update).
  let name = base;
  for (let i = 1; store.get({ resource: 'analysisruns', namespace, name }); i++) name = `${base}.${i}`;
  return name;
}

function fetchTemplates(store: ClusterStore, namespace: string, analysis: unknown): { specs: JsonObject[]; error?: string } {
  const specs: JsonObject[] = [];
  for (const ref of list(at(analysis, 'templates'))) {
    const name = str(at(ref, 'templateName'));
    const cluster = at(ref, 'clusterScope') === true;
    const template = store.get(cluster ? { resource: 'clusteranalysistemplates', name } : { resource: 'analysistemplates', namespace, name });
    const spec = template?.spec;
    if (!isJsonObject(spec)) {
      return { specs, error: `${cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate'}.argoproj.io "${name}" not found` };
    }
    specs.push(spec);
  }
  return { specs };
}

function concat(specs: JsonObject[], key: string): JsonValue[] {
  return specs.flatMap((s) => (Array.isArray(s[key]) ? cloneJson(s[key]) : []));
}

/** Template args merged by name (first declaration wins), as Argo's MergeArgs over several templates. */
function templateArgs(specs: JsonObject[]): JsonValue[] {
  const seen = new Set<string>();
  return concat(specs, 'args').filter((a) => {
    const name = str(at(a, 'name'));
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/** Builds the run (with status Running, or Error when templates or args cannot be resolved) and creates it. */
export function createRolloutAnalysisRun(store: ClusterStore, req: RunRequest): JsonObject {
  const namespace = namespaceOf(req.rollout);
  const rolloutName = nameOf(req.rollout);
  const base = `${rolloutName}-${req.podHash}-${req.revision}${req.kind === 'Step' ? `-${req.stepIndex ?? 0}` : ''}`;
  const { specs, error: fetchError } = fetchTemplates(store, namespace, req.analysis);
  const args = resolveArgs(templateArgs(specs), at(req.analysis, 'args'), { rollout: req.rollout, latestPodHash: req.podHash, stablePodHash: req.stableHash });
  const labels: JsonObject = {
    ...stringMap(at(req.rollout, 'spec', 'selector', 'matchLabels')),
    'rollout-type': req.kind,
    [POD_TEMPLATE_HASH_LABEL]: req.podHash,
  };
  if (req.kind === 'Step') labels['step-index'] = String(req.stepIndex ?? 0);
  const spec: JsonObject = {
    metrics: concat(specs, 'metrics'),
    args: args.args.map((a): JsonObject => (a.value === undefined ? { name: a.name } : { name: a.name, value: a.value })),
  };
  const dryRun = [...concat(specs, 'dryRun'), ...(Array.isArray(at(req.analysis, 'dryRun')) ? list(at(req.analysis, 'dryRun')).filter(isJsonObject) : [])];
  if (dryRun.length > 0) spec.dryRun = dryRun;
  const retention = concat(specs, 'measurementRetention');
  if (retention.length > 0) spec.measurementRetention = retention;
  const problem = fetchError ?? (args.ok ? undefined : `Unable to resolve metric arguments: ${args.error}`);
  const status: JsonObject = problem === undefined
    ? { phase: 'Running', startedAt: rfc3339(req.nowMs) }
    : { phase: 'Error', message: problem, startedAt: rfc3339(req.nowMs), completedAt: rfc3339(req.nowMs) };
  return store.create('analysisruns', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name: uniqueName(store, namespace, base),
      namespace,
      labels,
      annotations: { [REVISION_ANNOTATION]: String(req.revision) },
      ownerReferences: [controllerRef(req.rollout)],
    },
    spec,
    status,
  }, { keepStatus: true });
}

// The model behind the live tree and the rollout panel: one Rollout and the objects it owns, shaped
// as `kubectl argo rollouts get rollout` shows them (pkg/kubectl-argo-rollouts/info/rollout_info.go).
import { AnalysisRunInfo, analysisRunInfos } from './analysisRunInfo';
import { CanaryStep, actualWeight, canaryStep, maxTrafficWeight, setWeight, stepText } from './canaryWeights';
import { ExperimentInfo, RelatedObjects, experimentInfos } from './experimentInfo';
import { rolloutIcon } from './icons';
import { ImageInfo, rolloutImages } from './imageTags';
import { at, int, isObject } from './jsonFields';
import { ObjectMetaInfo, objectMeta } from './objectMeta';
import { ReplicaSetInfo, replicaSetInfos } from './replicaSetInfo';
import { desiredReplicas, rolloutPhase } from './rolloutPhase';

export type { RelatedObjects } from './experimentInfo';

export type RolloutStrategy = 'Canary' | 'BlueGreen' | '';

export interface RevisionInfo {
  revision: number;
  replicaSets: ReplicaSetInfo[];
  experiments: ExperimentInfo[];
  analysisRuns: AnalysisRunInfo[];
}

export interface RolloutInfo extends ObjectMetaInfo {
  /** Healthy / Progressing / Paused / Degraded (§6.1). */
  phase: string;
  message: string;
  icon: string;
  strategy: RolloutStrategy;
  /** Canary only: raw step index and count; `step` is the printed `<index>/<count>` ('' when unknown). */
  canaryStep: CanaryStep | undefined;
  step: string;
  /** Canary only (undefined for blueGreen): desired and observed canary weight in percent. */
  setWeight: number | undefined;
  actualWeight: number | undefined;
  /** The scale of both weights: trafficRouting.maxTrafficWeight, else 100 (undefined for blue-green). */
  maxWeight: number | undefined;
  desired: number;
  current: number;
  updated: number;
  ready: number;
  available: number;
  images: ImageInfo[];
  /** Newest revision first; each holds that revision's ReplicaSets, Experiments and AnalysisRuns. */
  revisions: RevisionInfo[];
  replicaSets: ReplicaSetInfo[];
  experiments: ExperimentInfo[];
  analysisRuns: AnalysisRunInfo[];
}

/**
 * Builds the model. `related` holds everything listed in the Rollout's namespace; only objects whose
 * ownerReference UID is the Rollout's (or its Experiments') are used. `now` (epoch ms) decides the
 * scale-down delays. Never throws, whatever the objects hold.
 */
export function rolloutInfo(rollout: unknown, related: RelatedObjects, now: number): RolloutInfo {
  const meta = objectMeta(rollout);
  const replicaSets = meta.uid === '' ? [] : replicaSetInfos(meta.uid, rollout, related.replicaSets ?? [], related.pods ?? [], now);
  const experiments = experimentInfos(meta.uid, related, now);
  const analysisRuns = analysisRunInfos(meta.uid, related.analysisRuns ?? []);
  const { phase, message } = rolloutPhase(rollout);
  const isCanary = isObject(at(rollout, 'spec', 'strategy', 'canary'));
  const strategy: RolloutStrategy = isCanary ? 'Canary' : isObject(at(rollout, 'spec', 'strategy', 'blueGreen')) ? 'BlueGreen' : '';
  const step = isCanary ? canaryStep(rollout) : undefined;
  // With several canary ReplicaSets (should not happen) the plugin takes the last one.
  const canaryAvailable = replicaSets.filter((rs) => rs.canary).at(-1)?.available;
  const status = at(rollout, 'status');
  return {
    ...meta,
    phase,
    message,
    icon: rolloutIcon(phase),
    strategy,
    canaryStep: step,
    step: step === undefined ? '' : stepText(step),
    setWeight: isCanary ? setWeight(rollout) : undefined,
    actualWeight: isCanary ? actualWeight(rollout, canaryAvailable) : undefined,
    maxWeight: isCanary ? maxTrafficWeight(rollout) : undefined,
    desired: desiredReplicas(rollout),
    current: int(at(status, 'replicas')),
    updated: int(at(status, 'updatedReplicas')),
    ready: int(at(status, 'readyReplicas')),
    available: int(at(status, 'availableReplicas')),
    images: rolloutImages(replicaSets, experiments),
    revisions: groupByRevision(replicaSets, experiments, analysisRuns),
    replicaSets,
    experiments,
    analysisRuns,
  };
}

function groupByRevision(replicaSets: ReplicaSetInfo[], experiments: ExperimentInfo[], analysisRuns: AnalysisRunInfo[]): RevisionInfo[] {
  const numbers = new Set([...replicaSets, ...experiments, ...analysisRuns].map((o) => o.revision));
  return [...numbers]
    .sort((a, b) => b - a)
    .map((revision) => ({
      revision,
      replicaSets: replicaSets.filter((o) => o.revision === revision),
      experiments: experiments.filter((o) => o.revision === revision),
      analysisRuns: analysisRuns.filter((o) => o.revision === revision),
    }));
}

// Experiment nodes of the tree (info/experiment_info.go): phase plus its own ReplicaSets and runs.
import { AnalysisRunInfo, analysisRunInfos } from './analysisRunInfo';
import { analysisIcon } from './icons';
import { at, str } from './jsonFields';
import { ObjectMetaInfo, compareCreated, isOwnedBy, objectMeta, revisionOf } from './objectMeta';
import { ReplicaSetInfo, replicaSetInfos } from './replicaSetInfo';

export interface RelatedObjects {
  replicaSets?: readonly unknown[];
  pods?: readonly unknown[];
  experiments?: readonly unknown[];
  analysisRuns?: readonly unknown[];
}

export interface ExperimentInfo extends ObjectMetaInfo {
  revision: number;
  /** status.phase verbatim (an AnalysisPhase: Pending, Running, Successful, …). */
  status: string;
  message: string;
  icon: string;
  replicaSets: ReplicaSetInfo[];
  analysisRuns: AnalysisRunInfo[];
}

export function experimentInfo(experiment: unknown, related: RelatedObjects, now: number): ExperimentInfo {
  const meta = objectMeta(experiment);
  const status = str(at(experiment, 'status', 'phase'));
  return {
    ...meta,
    revision: revisionOf(experiment),
    status,
    message: str(at(experiment, 'status', 'message')),
    icon: analysisIcon(status),
    replicaSets: meta.uid === '' ? [] : replicaSetInfos(meta.uid, undefined, related.replicaSets ?? [], related.pods ?? [], now),
    analysisRuns: analysisRunInfos(meta.uid, related.analysisRuns ?? []),
  };
}

/** Experiments owned by the Rollout `ownerUid`: newest revision first, then oldest first. */
export function experimentInfos(ownerUid: string, related: RelatedObjects, now: number): ExperimentInfo[] {
  return (related.experiments ?? [])
    .filter((e) => ownerUid !== '' && isOwnedBy(e, ownerUid))
    .map((e) => experimentInfo(e, related, now))
    .sort((a, b) => b.revision - a.revision || compareCreated(a.createdAt, b.createdAt));
}

// ReplicaSet rows of the tree (info/replicaset_info.go): health, role tags, scale-down delay, pods.
import { humanDuration } from './humanDuration';
import { replicaSetIcon } from './icons';
import { at, isObject, int, list, optInt, rfc3339, str } from './jsonFields';
import { ObjectMetaInfo, annotation, compareCreated, compareStrings, label, objectMeta, ownerUid, revisionOf } from './objectMeta';
import { PodInfo, podInfo } from './podInfo';

export const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';
export const EXPERIMENT_TEMPLATE_ANNOTATION = 'experiment.argoproj.io/template-name';

export type ReplicaSetStatus = 'Progressing' | 'ReplicaFailure' | 'ScaledDown' | 'Healthy';

export interface ReplicaSetInfo extends ObjectMetaInfo {
  revision: number;
  status: ReplicaSetStatus;
  icon: string;
  /** status.replicas: only ReplicaSets with pods contribute their images to the header. */
  replicas: number;
  available: number;
  images: string[];
  /** Experiment template that made this ReplicaSet ('' for a Rollout's own). */
  template: string;
  podTemplateHash: string;
  stable: boolean;
  canary: boolean;
  active: boolean;
  preview: boolean;
  ping: boolean;
  pong: boolean;
  /** Raw `scale-down-deadline` annotation ('' when absent). */
  scaleDownDeadline: string;
  /** `passed`, a human duration until the deadline, or '' (no deadline, or one Go cannot parse). */
  scaleDownDelay: string;
  pods: PodInfo[];
}

export function replicaSetHealth(rs: unknown): ReplicaSetStatus {
  const specReplicas = optInt(at(rs, 'spec', 'replicas'));
  if (int(at(rs, 'metadata', 'generation')) > int(at(rs, 'status', 'observedGeneration'))) return 'Progressing';
  const failure = list(at(rs, 'status', 'conditions')).find((c) => isObject(c) && c.type === 'ReplicaFailure');
  if (isObject(failure) && failure.status === 'True') return 'ReplicaFailure';
  if (specReplicas !== undefined && int(at(rs, 'status', 'availableReplicas')) < specReplicas) return 'Progressing';
  return specReplicas === 0 ? 'ScaledDown' : 'Healthy';
}

export function scaleDownDelay(deadline: string, now: number): string {
  const deadlineMs = rfc3339(deadline);
  if (deadlineMs === undefined) return '';
  return deadlineMs < now ? 'passed' : humanDuration(deadlineMs - now);
}

/** Role tags from the Rollout's status; undefined rollout (an Experiment's ReplicaSets) gives none. */
function roles(rollout: unknown, hash: string): Pick<ReplicaSetInfo, 'stable' | 'canary' | 'active' | 'preview' | 'ping' | 'pong'> {
  const r = { stable: false, canary: false, active: false, preview: false, ping: false, pong: false };
  if (rollout === undefined) return r;
  const stableRS = str(at(rollout, 'status', 'stableRS'));
  const canary = at(rollout, 'spec', 'strategy', 'canary');
  if (isObject(canary)) {
    const pingPong = isObject(canary.pingPong);
    const stableIsPing = str(at(rollout, 'status', 'canary', 'stablePingPong')) === 'ping';
    if (stableRS === hash) {
      r.stable = true;
      if (pingPong) [r.ping, r.pong] = [stableIsPing, !stableIsPing];
    } else if (str(at(rollout, 'status', 'currentPodHash')) === hash) {
      r.canary = true;
      if (pingPong) [r.ping, r.pong] = [!stableIsPing, stableIsPing];
    }
  }
  if (isObject(at(rollout, 'spec', 'strategy', 'blueGreen'))) {
    if (stableRS === hash) r.stable = true;
    if (str(at(rollout, 'status', 'blueGreen', 'activeSelector')) === hash) r.active = true;
    else if (str(at(rollout, 'status', 'blueGreen', 'previewSelector')) === hash) r.preview = true;
  }
  return r;
}

/**
 * ReplicaSets owned by `ownerUid` (a Rollout or an Experiment), newest revision first, each with
 * its pods (oldest first). `rollout` is given for a Rollout's ReplicaSets so they get role tags.
 */
export function replicaSetInfos(ownerUidValue: string, rollout: unknown, replicaSets: readonly unknown[], pods: readonly unknown[], now: number): ReplicaSetInfo[] {
  const owner = new Set([ownerUidValue]);
  const infos: ReplicaSetInfo[] = replicaSets
    .filter((rs) => ownerUid(rs, owner) !== undefined)
    .map((rs) => {
      const status = replicaSetHealth(rs);
      const hash = label(rs, POD_TEMPLATE_HASH_LABEL);
      const deadline = annotation(rs, SCALE_DOWN_DEADLINE_ANNOTATION);
      return {
        ...objectMeta(rs),
        revision: revisionOf(rs),
        status,
        icon: replicaSetIcon(status),
        replicas: int(at(rs, 'status', 'replicas')),
        available: int(at(rs, 'status', 'availableReplicas')),
        images: list(at(rs, 'spec', 'template', 'spec', 'containers')).map((c) => str(at(c, 'image'))),
        template: annotation(rs, EXPERIMENT_TEMPLATE_ANNOTATION),
        podTemplateHash: hash,
        ...roles(rollout, hash),
        scaleDownDeadline: deadline,
        scaleDownDelay: deadline === '' ? '' : scaleDownDelay(deadline, now),
        pods: [],
      };
    });
  // The plugin means to order by revision, then creation time, then name, but its creation-time
  // branch returns nothing, so the name decides.
  infos.sort((a, b) => b.revision - a.revision || compareStrings(a.name, b.name));

  const byUid = new Map<string, ReplicaSetInfo>();
  for (const info of infos) if (info.uid !== '' && !byUid.has(info.uid)) byUid.set(info.uid, info);
  const uids = new Set(byUid.keys());
  for (const pod of pods) {
    const uid = ownerUid(pod, uids);
    if (uid !== undefined) byUid.get(uid)?.pods.push(podInfo(pod));
  }
  for (const info of infos) info.pods.sort((a, b) => compareCreated(a.createdAt, b.createdAt) || compareStrings(a.name, b.name));
  return infos;
}

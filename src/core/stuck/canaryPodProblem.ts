// Why the new pods of a rollout are not ready, in the pod's own words: the image it cannot pull, the
// container that keeps crashing, the readiness probe that fails, the scheduler that finds no node.
// Reads the pods the Rollout owns through its ReplicaSets of the current pod template hash.
import { POD_TEMPLATE_HASH_LABEL } from '../rollout/replicaSetInfo';
import { at, int, isObject, list, str } from '../rollout/jsonFields';
import { isOwnedBy, label, objectMeta } from '../rollout/objectMeta';
import { rfc3339 } from '../rollout/jsonFields';

export interface PodProblem {
  readonly kind: 'imagePull' | 'crashLoop' | 'config' | 'unschedulable' | 'readiness';
  /** `pod web-abc12 cannot pull image nginx:1.99 (ImagePullBackOff)`. */
  readonly text: string;
  readonly pod: string;
  readonly container?: string;
  readonly image?: string;
}

const IMAGE_PULL = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);
const CONFIG = new Set(['CreateContainerConfigError', 'CreateContainerError', 'RunContainerError']);
/** A container may take a while to pass its first readiness probe; only after this long is it called failing. */
const READINESS_GRACE_MS = 30_000;
const MAX_MESSAGE = 160;
const RANK: Readonly<Record<PodProblem['kind'], number>> = { imagePull: 0, crashLoop: 1, config: 2, unschedulable: 3, readiness: 4 };

function short(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE - 1)}…` : oneLine;
}

function imageOf(pod: unknown, container: string, status: unknown): string {
  const spec = [...list(at(pod, 'spec', 'containers')), ...list(at(pod, 'spec', 'initContainers'))].find((c) => str(at(c, 'name')) === container);
  return str(at(spec, 'image')) || str(at(status, 'image'));
}

function lastExit(status: unknown): string {
  const t = at(status, 'lastState', 'terminated');
  if (!isObject(t)) return '';
  const reason = str(t.reason);
  return `; last exit ${reason !== '' ? `${reason}, ` : ''}code ${int(t.exitCode)}`;
}

function containerProblem(pod: unknown, name: string, status: unknown, now: number): PodProblem | undefined {
  const container = str(at(status, 'name'));
  const waiting = at(status, 'state', 'waiting');
  const reason = str(at(waiting, 'reason'));
  const message = str(at(waiting, 'message'));
  if (IMAGE_PULL.has(reason)) {
    const image = imageOf(pod, container, status);
    return { kind: 'imagePull', pod: name, container, image, text: `pod ${name} cannot pull image ${image || '?'} (${reason}${message !== '' ? `: ${short(message)}` : ''})` };
  }
  if (reason === 'CrashLoopBackOff') {
    const restarts = int(at(status, 'restartCount'));
    return { kind: 'crashLoop', pod: name, container, text: `container ${container} of pod ${name} keeps crashing (CrashLoopBackOff, ${restarts} restart${restarts === 1 ? '' : 's'}${lastExit(status)})` };
  }
  if (CONFIG.has(reason)) return { kind: 'config', pod: name, container, text: `container ${container} of pod ${name} cannot start (${reason}${message !== '' ? `: ${short(message)}` : ''})` };
  const startedAt = rfc3339(at(status, 'state', 'running', 'startedAt'));
  if (startedAt !== undefined && at(status, 'ready') !== true && now - startedAt >= READINESS_GRACE_MS) {
    return { kind: 'readiness', pod: name, container, text: `container ${container} of pod ${name} is running but fails its readiness probe` };
  }
  return undefined;
}

function podProblem(pod: unknown, now: number): PodProblem | undefined {
  const name = objectMeta(pod).name;
  const problems: PodProblem[] = [];
  for (const status of [...list(at(pod, 'status', 'initContainerStatuses')), ...list(at(pod, 'status', 'containerStatuses'))]) {
    const p = containerProblem(pod, name, status, now);
    if (p) problems.push(p);
  }
  const scheduled = list(at(pod, 'status', 'conditions')).find((c) => str(at(c, 'type')) === 'PodScheduled');
  if (str(at(scheduled, 'status')) === 'False' && str(at(scheduled, 'reason')) === 'Unschedulable') {
    problems.push({ kind: 'unschedulable', pod: name, text: `pod ${name} cannot be scheduled (${short(str(at(scheduled, 'message'))) || 'Unschedulable'})` });
  }
  return problems.sort((a, b) => RANK[a.kind] - RANK[b.kind])[0];
}

/** The pods of the rollout's ReplicaSets with `podHash` (the new version), through their owners. */
export function podsOfHash(rolloutUid: string, podHash: string, replicaSets: readonly unknown[], pods: readonly unknown[]): unknown[] {
  if (rolloutUid === '' || podHash === '') return [];
  const uids = new Set(replicaSets.filter((rs) => isOwnedBy(rs, rolloutUid) && label(rs, POD_TEMPLATE_HASH_LABEL) === podHash).map((rs) => objectMeta(rs).uid).filter((u) => u !== ''));
  return pods.filter((p) => [...uids].some((uid) => isOwnedBy(p, uid)) && at(p, 'metadata', 'deletionTimestamp') == null);
}

/** The worst problem among the pods (image pull first, a slow readiness last), or undefined when none is stuck. */
export function canaryPodProblem(pods: readonly unknown[], now: number): PodProblem | undefined {
  return pods
    .map((p) => podProblem(p, now))
    .filter((p): p is PodProblem => p !== undefined)
    .sort((a, b) => RANK[a.kind] - RANK[b.kind])[0];
}

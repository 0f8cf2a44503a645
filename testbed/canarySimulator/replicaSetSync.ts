// ReplicaSets and Pods as the ReplicaSet controller and kubelet would leave them, but at once: a
// scaled ReplicaSet gets its pods created Running and ready (or deleted) in the same step, and its
// status counts them. Pod names are derived from a counter, so a run of the simulator is repeatable.
import { at, int, isObject, list, str } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../apiDouble/clusterStore';
import { cloneJson, isJsonObject, type JsonObject } from '../apiDouble/jsonValue';
import { fnv1a32, safeEncodeString } from './podTemplateHash';
import {
  controllerRef, DESIRED_REPLICAS_ANNOTATION, metaMap, nameOf, namespaceOf, POD_TEMPLATE_HASH_LABEL, refOf, REVISION_ANNOTATION, rfc3339,
  isOwnedByUid, stringMap, uidOf,
} from './simObjects';

export interface PodNamer {
  next(rsName: string): string;
}

/** Pod names `<rs>-<5 chars>` from a counter: stable across runs, unique within one. */
export function counterPodNamer(): PodNamer {
  let serial = 0;
  return { next: (rsName) => `${rsName}-${safeEncodeString(String(fnv1a32(`${rsName}/${serial++}`))).slice(0, 5)}` };
}

export function ownedReplicaSets(store: ClusterStore, rollout: unknown): JsonObject[] {
  return store.list('replicasets', { namespace: namespaceOf(rollout) }).items.filter((rs) => isOwnedByUid(rs, uidOf(rollout)));
}

export function podsOf(store: ClusterStore, rs: unknown): JsonObject[] {
  return store.list('pods', { namespace: namespaceOf(rs) }).items.filter((p) => isOwnedByUid(p, uidOf(rs)));
}

function objectAtPath(v: unknown, ...path: string[]): JsonObject {
  const found = at(v, ...path);
  return isJsonObject(found) ? cloneJson(found) : {};
}

export function createReplicaSet(store: ClusterStore, rollout: JsonObject, hash: string, revision: number): JsonObject {
  const template = objectAtPath(rollout, 'spec', 'template');
  metaMap(template, 'labels')[POD_TEMPLATE_HASH_LABEL] = hash;
  const selector = { ...stringMap(at(rollout, 'spec', 'selector', 'matchLabels')), [POD_TEMPLATE_HASH_LABEL]: hash };
  return store.create('replicasets', {
    metadata: {
      name: `${nameOf(rollout)}-${hash}`,
      namespace: namespaceOf(rollout),
      labels: { ...stringMap(at(template, 'metadata', 'labels')) },
      annotations: { [REVISION_ANNOTATION]: String(revision), [DESIRED_REPLICAS_ANNOTATION]: String(int(at(rollout, 'spec', 'replicas')) || 1) },
      ownerReferences: [controllerRef(rollout)],
    },
    spec: { replicas: 0, selector: { matchLabels: selector }, template },
    status: { replicas: 0, observedGeneration: 1 },
  }, { keepStatus: true, namespace: namespaceOf(rollout) });
}

/** Writes metadata annotations (undefined removes one); a no-op when nothing changes. */
export function annotate(store: ClusterStore, obj: JsonObject, values: Record<string, string | undefined>): JsonObject {
  const next = cloneJson(obj);
  const annotations = metaMap(next, 'annotations');
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete annotations[k];
    else annotations[k] = v;
  }
  return store.update(str(at(obj, 'kind')) === 'ReplicaSet' ? 'replicasets' : 'rollouts', next);
}

/** Whether a new pod of this ReplicaSet becomes ready (default: every pod does, at once). */
export type PodReadiness = (rs: JsonObject) => boolean;

function newPod(rs: JsonObject, name: string, nowMs: number, ready = true): JsonObject {
  const template = at(rs, 'spec', 'template');
  const containers = list(at(template, 'spec', 'containers')).filter(isJsonObject);
  const started = rfc3339(nowMs);
  const conditions = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
    type, status: ready || type === 'Initialized' || type === 'PodScheduled' ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: started,
    ...(!ready && (type === 'Ready' || type === 'ContainersReady') ? { reason: 'ContainersNotReady', message: `containers with unready status: [${containers.map((c) => str(c.name)).join(' ')}]` } : {}),
  }));
  return {
    metadata: { name, namespace: namespaceOf(rs), labels: stringMap(at(template, 'metadata', 'labels')), ownerReferences: [controllerRef(rs)] },
    spec: isObject(at(template, 'spec')) ? objectAtPath(template, 'spec') : { containers: [] },
    status: {
      phase: 'Running',
      conditions,
      containerStatuses: containers.map((c) => ({
        name: str(c.name), image: str(c.image), imageID: '', ready, started: true, restartCount: 0, state: { running: { startedAt: started } },
      })),
      startTime: started,
      qosClass: 'BestEffort',
    },
  };
}

export function isPodReady(pod: unknown): boolean {
  return list(at(pod, 'status', 'conditions')).some((c) => at(c, 'type') === 'Ready' && at(c, 'status') === 'True');
}

/** Scales a ReplicaSet: spec.replicas, pods created (ready unless `ready` says no) or deleted (newest first), status counts. */
export function scaleReplicaSet(store: ClusterStore, rs: JsonObject, replicas: number, namer: PodNamer, nowMs: number, ready: PodReadiness = () => true): JsonObject {
  let current = rs;
  if (int(at(rs, 'spec', 'replicas')) !== replicas || at(rs, 'spec', 'replicas') === undefined) {
    const next = cloneJson(rs);
    next.spec = { ...(isJsonObject(rs.spec) ? rs.spec : {}), replicas };
    current = store.update('replicasets', next);
  }
  const pods = podsOf(store, current);
  for (let i = pods.length; i < replicas; i++) store.create('pods', newPod(current, namer.next(nameOf(current)), nowMs, ready(current)), { keepStatus: true });
  const surplus = pods.slice(replicas).length > 0 ? [...pods].sort(byNewest).slice(0, pods.length - replicas) : [];
  for (const pod of surplus) store.delete(refOf('pods', pod));
  return writeReplicaSetStatus(store, current);
}

function byNewest(a: JsonObject, b: JsonObject): number {
  return str(at(b, 'metadata', 'creationTimestamp')).localeCompare(str(at(a, 'metadata', 'creationTimestamp'))) || nameOf(b).localeCompare(nameOf(a));
}

/** The ReplicaSet controller's status: its pods counted, ready ones (minReadySeconds 0) as available. */
function writeReplicaSetStatus(store: ClusterStore, rs: JsonObject): JsonObject {
  const pods = podsOf(store, rs);
  const ready = pods.filter(isPodReady).length;
  const status: JsonObject = { replicas: pods.length, observedGeneration: int(at(rs, 'metadata', 'generation')) };
  // Kubernetes omits zero counts (omitempty); only `replicas` is always there.
  if (pods.length > 0) status.fullyLabeledReplicas = pods.length;
  if (ready > 0) Object.assign(status, { readyReplicas: ready, availableReplicas: ready });
  const next = cloneJson(rs);
  next.status = status;
  return store.update('replicasets', next, { subresource: 'status' });
}

/**
 * Evicts a pod (the Eviction API) and lets the ReplicaSet controller replace it at once, as restart does
 * to pods created before spec.restartAt.
 */
export function evictPod(store: ClusterStore, rs: JsonObject, pod: JsonObject, namer: PodNamer, nowMs: number, ready: PodReadiness = () => true): void {
  store.delete(refOf('pods', pod));
  store.create('pods', newPod(rs, namer.next(nameOf(rs)), nowMs, ready(rs)), { keepStatus: true });
  writeReplicaSetStatus(store, rs);
}

/** Counts over the Rollout's ReplicaSets, as the controller sums them into the Rollout status. */
export function replicaCounts(replicaSets: readonly JsonObject[], currentHash: string): { replicas: number; updated: number; ready: number; available: number } {
  let replicas = 0;
  let updated = 0;
  let ready = 0;
  let available = 0;
  for (const rs of replicaSets) {
    replicas += int(at(rs, 'status', 'replicas'));
    ready += int(at(rs, 'status', 'readyReplicas'));
    available += int(at(rs, 'status', 'availableReplicas'));
    if (str(at(rs, 'metadata', 'labels', POD_TEMPLATE_HASH_LABEL)) === currentHash) updated += int(at(rs, 'status', 'replicas'));
  }
  return { replicas, updated, ready, available };
}

export function hashOf(rs: unknown): string {
  return str(at(rs, 'metadata', 'labels', POD_TEMPLATE_HASH_LABEL));
}

export function revisionOfRs(rs: unknown): number {
  const v = str(at(rs, 'metadata', 'annotations', REVISION_ANNOTATION));
  return /^\d+$/.test(v) ? Number(v) : 0;
}


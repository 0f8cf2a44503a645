// A blue-green Rollout as the Argo controller leaves it after its second revision was promoted:
// the active ReplicaSet with ready pods behind both the active and the preview Service, the first
// revision scaled to zero, status Healthy. The canary simulator does not model blue-green, so this
// state is written once and stays as it is (promote/abort on it change the status but nothing reacts).
import { at, isObject } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import { cloneJson, isJsonObject, type JsonObject } from '../../testbed/apiDouble/jsonValue';
import { podTemplateHash } from '../../testbed/canarySimulator/podTemplateHash';
import { availableCondition, progressingCondition, setCondition } from '../../testbed/canarySimulator/rolloutConditions';
import { counterPodNamer, createReplicaSet, scaleReplicaSet } from '../../testbed/canarySimulator/replicaSetSync';
import { POD_TEMPLATE_HASH_LABEL, rfc3339, selectorString, stringMap } from '../../testbed/canarySimulator/simObjects';

export interface BlueGreenSeed {
  /** The Rollout as written in the workspace (spec.strategy.blueGreen with activeService/previewService). */
  readonly rollout: JsonObject;
  /** The image of the revision before, whose ReplicaSet is kept scaled to zero. */
  readonly previousImage: string;
  readonly nowMs: number;
}

function withImage(rollout: JsonObject, image: string): JsonObject {
  const copy = cloneJson(rollout);
  const containers = at(copy, 'spec', 'template', 'spec', 'containers');
  if (Array.isArray(containers) && isJsonObject(containers[0])) containers[0].image = image;
  return copy;
}

export function seedBlueGreen(store: ClusterStore, seed: BlueGreenSeed): JsonObject {
  const blueGreen = at(seed.rollout, 'spec', 'strategy', 'blueGreen');
  if (!isObject(blueGreen)) throw new Error('seedBlueGreen needs a Rollout with spec.strategy.blueGreen');
  const created = store.create('rollouts', seed.rollout);
  const namer = counterPodNamer();
  const oldHash = podTemplateHash(at(withImage(created, seed.previousImage), 'spec', 'template'));
  const hash = podTemplateHash(at(created, 'spec', 'template'));
  const oldRs = createReplicaSet(store, withImage(created, seed.previousImage), oldHash, 1);
  scaleReplicaSet(store, oldRs, 0, namer, seed.nowMs);
  const replicas = typeof at(created, 'spec', 'replicas') === 'number' ? Number(at(created, 'spec', 'replicas')) : 1;
  const rs = createReplicaSet(store, created, hash, 2);
  scaleReplicaSet(store, rs, replicas, namer, seed.nowMs);

  // After promotion both Services select the active pods (the controller adds the hash to their selectors).
  for (const key of ['activeService', 'previewService']) {
    const name = blueGreen[key];
    if (typeof name !== 'string') continue;
    const svc = store.get({ resource: 'services', namespace: String(at(created, 'metadata', 'namespace')), name });
    if (!svc) continue;
    const next = cloneJson(svc);
    next.spec = { ...(isJsonObject(next.spec) ? next.spec : {}), selector: { ...stringMap(at(svc, 'spec', 'selector')), [POD_TEMPLATE_HASH_LABEL]: hash } };
    store.update('services', next);
  }

  const nowText = rfc3339(seed.nowMs);
  const status: JsonObject = {
    phase: 'Healthy', message: '',
    observedGeneration: String(at(created, 'metadata', 'generation') ?? 1),
    replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, HPAReplicas: replicas,
    currentPodHash: hash, stableRS: hash,
    selector: selectorString({ ...stringMap(at(created, 'spec', 'selector', 'matchLabels')), [POD_TEMPLATE_HASH_LABEL]: hash }),
    blueGreen: { activeSelector: hash, previewSelector: hash },
    canary: {},
  };
  setCondition(status, availableCondition(true), nowText);
  setCondition(status, progressingCondition('completed', `${String(at(created, 'metadata', 'name'))}-${hash}`, ''), nowText);
  setCondition(status, { type: 'Healthy', status: 'True', reason: 'RolloutHealthy', message: 'Rollout is healthy' }, nowText);
  const next = cloneJson(created);
  next.status = status;
  return store.update('rollouts', next, { subresource: 'status' });
}

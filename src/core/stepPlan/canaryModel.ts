// Reads the fields the replica computation needs from a Rollout (a file, a rendered template or the live
// object: untrusted JSON), with the controller's defaults: replicas 1, maxSurge and maxUnavailable 25%,
// maxTrafficWeight 100. A field Go could not decode into its type (a string setWeight) counts as unset,
// as the controller would never see the object at all.
import { arrayAt, at, intAt, isRecord, recordAt } from '../actions/untrusted';
import type { CanaryModel, CanaryStepModel, IntOrPercent, SetCanaryScaleModel } from './canaryReplicaCounts';

const DEFAULT_SURGE_OR_UNAVAILABLE = '25%';

function intOrPercent(v: unknown): IntOrPercent | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && v !== '') return v;
  return undefined;
}

function setCanaryScale(v: unknown): SetCanaryScaleModel | undefined {
  if (!isRecord(v)) return undefined;
  const replicas = intAt(v, 'replicas');
  const weight = intAt(v, 'weight');
  return {
    ...(replicas !== undefined ? { replicas } : {}),
    ...(weight !== undefined ? { weight } : {}),
    ...(v['matchTrafficWeight'] === true ? { matchTrafficWeight: true } : {}),
  };
}

function stepModel(step: unknown): CanaryStepModel {
  const setWeight = intAt(step, 'setWeight');
  const scs = setCanaryScale(at(step, 'setCanaryScale'));
  return { ...(setWeight !== undefined ? { setWeight } : {}), ...(scs !== undefined ? { setCanaryScale: scs } : {}) };
}

/** The canary strategy as the computation reads it, or undefined when the Rollout is not a canary. */
export function readCanaryModel(rollout: unknown): CanaryModel | undefined {
  const canary = recordAt(rollout, 'spec', 'strategy', 'canary');
  if (canary === undefined) return undefined;
  const routing = at(canary, 'trafficRouting');
  const minPods = intAt(canary, 'minPodsPerReplicaSet');
  const abortDelay = intAt(canary, 'abortScaleDownDelaySeconds');
  return {
    replicas: intAt(rollout, 'spec', 'replicas') ?? 1,
    maxSurge: intOrPercent(canary['maxSurge']) ?? DEFAULT_SURGE_OR_UNAVAILABLE,
    maxUnavailable: intOrPercent(canary['maxUnavailable']) ?? DEFAULT_SURGE_OR_UNAVAILABLE,
    trafficRouting: isRecord(routing),
    maxTrafficWeight: intAt(routing, 'maxTrafficWeight') ?? 100,
    dynamicStableScale: canary['dynamicStableScale'] === true,
    ...(minPods !== undefined ? { minPodsPerReplicaSet: minPods } : {}),
    ...(abortDelay !== undefined ? { abortScaleDownDelaySeconds: abortDelay } : {}),
    steps: arrayAt(canary, 'steps').map(stepModel),
  };
}

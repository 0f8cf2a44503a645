// Step and weights of a canary Rollout as `get rollout` prints them (§6.2; info/rollout_info.go and
// utils/replicaset/canary.go). SetWeight is the desired weight, ActualWeight the observed one.
import { at, bool, int, isObject, list, optInt } from './jsonFields';

export interface CanaryStep {
  /** status.currentStepIndex; undefined before the first reconcile. */
  index: number | undefined;
  count: number;
}

export function canarySteps(rollout: unknown): unknown[] {
  return list(at(rollout, 'spec', 'strategy', 'canary', 'steps'));
}

export function canaryStep(rollout: unknown): CanaryStep {
  return { index: optInt(at(rollout, 'status', 'currentStepIndex')), count: canarySteps(rollout).length };
}

/** `<currentStepIndex>/<len(steps)>`: the raw 0-based index, so `8/8` once done; '' without index or steps. */
export function stepText(step: CanaryStep): string {
  return step.index !== undefined && step.count > 0 ? `${step.index}/${step.count}` : '';
}

/** Index of the step being executed, or undefined when there are no steps or all are done (GetCurrentCanaryStep). */
export function currentStepIndex(rollout: unknown): number | undefined {
  const { index = 0, count } = canaryStep(rollout);
  return count === 0 || index >= count ? undefined : index;
}

/**
 * weightutil.MaxTrafficWeight: the scale of every weight, spec.strategy.canary.trafficRouting.maxTrafficWeight
 * when set (setWeight steps and status weights are then in its units), else 100.
 */
export function maxTrafficWeight(rollout: unknown): number {
  return optInt(at(rollout, 'spec', 'strategy', 'canary', 'trafficRouting', 'maxTrafficWeight')) ?? 100;
}

/** GetCurrentSetWeight: 0 when aborted, maxTrafficWeight when past the steps, else the latest setWeight up to the current step (0 if none). */
export function setWeight(rollout: unknown): number {
  if (bool(at(rollout, 'status', 'abort'))) return 0;
  const current = currentStepIndex(rollout);
  if (current === undefined) return maxTrafficWeight(rollout);
  const steps = canarySteps(rollout);
  // A negative index would panic in Go; here it finds no step and gives 0.
  for (let i = current; i >= 0; i--) {
    const weight = optInt(at(steps[i], 'setWeight'));
    if (weight !== undefined) return weight;
  }
  return 0;
}

/**
 * ActualWeight. Without traffic routing it is the share of the canary ReplicaSet's available pods;
 * with traffic routing the weight the controller last reported (status.canary.weights), else SetWeight.
 * `canaryAvailable` is the canary ReplicaSet's status.availableReplicas (undefined: no canary RS).
 */
export function actualWeight(rollout: unknown, canaryAvailable: number | undefined): number {
  if (currentStepIndex(rollout) === undefined) return maxTrafficWeight(rollout);
  const available = int(at(rollout, 'status', 'availableReplicas'));
  if (available <= 0) return 0;
  if (at(rollout, 'spec', 'strategy', 'canary', 'trafficRouting') == null) {
    return canaryAvailable === undefined ? 0 : Math.trunc((canaryAvailable * maxTrafficWeight(rollout)) / available);
  }
  const weights = at(rollout, 'status', 'canary', 'weights');
  return isObject(weights) ? int(at(weights, 'canary', 'weight')) : setWeight(rollout);
}

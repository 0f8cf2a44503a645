// The canary and stable ReplicaSet sizes exactly as the Argo Rollouts controller computes them on one
// reconcile: a line-by-line port of argo-rollouts v1.9.1 utils/replicaset/canary.go
// (CalculateReplicaCountsForBasicCanary, CalculateReplicaCountsForTrafficRoutedCanary and their
// helpers), utils/replicaset/replicaset.go (MaxSurge, MaxUnavailable, resolveFenceposts) and
// k8s.io/apimachinery's GetValueFromIntOrPercent. Go's int32 truncation is kept where it matters
// (int32(math.Ceil(...)), int32 products). Names follow the Go code so the two can be read side by side;
// the tests replay the upstream table tests (test/unit/core/stepPlan).

/** An IntOrString: a number, or a string such as `25%` (a string without `%` is read as a percentage, like Go's legacy reader). */
export type IntOrPercent = number | string;

export interface SetCanaryScaleModel {
  readonly replicas?: number;
  readonly weight?: number;
  readonly matchTrafficWeight?: boolean;
}

export interface CanaryStepModel {
  readonly setWeight?: number;
  readonly setCanaryScale?: SetCanaryScaleModel;
}

/** The parts of a canary Rollout the replica computation reads, with Argo's defaults already applied. */
export interface CanaryModel {
  /** spec.replicas (default 1). */
  readonly replicas: number;
  /** Default `25%` each (GetMaxSurgeOrDefault / GetMaxUnavailableOrDefault). */
  readonly maxSurge: IntOrPercent;
  readonly maxUnavailable: IntOrPercent;
  readonly trafficRouting: boolean;
  /** trafficRouting.maxTrafficWeight (default 100). */
  readonly maxTrafficWeight: number;
  readonly dynamicStableScale: boolean;
  readonly minPodsPerReplicaSet?: number;
  readonly abortScaleDownDelaySeconds?: number;
  readonly steps: readonly CanaryStepModel[];
}

export interface CanaryStatusModel {
  readonly currentStepIndex?: number;
  readonly abort: boolean;
  readonly promoteFull: boolean;
  readonly stableRS: string;
  readonly currentPodHash: string;
}

/** A ReplicaSet as the computation sees it: its name (pod hash), spec.replicas and status.availableReplicas. */
export interface ReplicaSetModel {
  readonly name: string;
  readonly specReplicas: number;
  readonly available: number;
}

export interface TrafficWeightsModel {
  readonly canary: number;
  readonly stable: number;
}

export interface RolloutModel {
  readonly canary: CanaryModel;
  readonly status: CanaryStatusModel;
}

/** Go's int32(x) of a float64 already rounded: truncation towards zero, wrapped to 32 bits. */
function int32(x: number): number {
  return Math.trunc(x) | 0;
}

/** GetValueFromIntOrPercent: a percentage of `total`, rounded up or down; an int as it is; undefined when unreadable. */
export function valueFromIntOrPercent(v: IntOrPercent, total: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  const s = v.replace(/%/g, '');
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const value = Number(s);
  return roundUp ? Math.ceil((value * total) / 100) : Math.floor((value * total) / 100);
}

/** resolveFenceposts: when both round to zero, maxUnavailable becomes 1 (surge might not work because of quota). */
export function resolveFenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, desired: number): { surge: number; unavailable: number } | undefined {
  const surge = valueFromIntOrPercent(maxSurge, desired, true);
  const unavailable = valueFromIntOrPercent(maxUnavailable, desired, false);
  if (surge === undefined || unavailable === undefined) return undefined;
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

export function maxSurge(c: CanaryModel): number {
  return resolveFenceposts(c.maxSurge, c.maxUnavailable, c.replicas)?.surge ?? 0;
}

export function maxUnavailable(c: CanaryModel): number {
  if (c.replicas === 0) return 0;
  const unavailable = resolveFenceposts(c.maxSurge, c.maxUnavailable, c.replicas)?.unavailable ?? 0;
  return unavailable > c.replicas ? c.replicas : unavailable;
}

export function maxTrafficWeight(c: CanaryModel): number {
  return c.trafficRouting ? c.maxTrafficWeight : 100;
}

/** GetCurrentCanaryStep: the step at status.currentStepIndex (0 when unset), undefined past the last one. */
export function currentCanaryStep(r: RolloutModel): { step: CanaryStepModel | undefined; index: number | undefined } {
  if (r.canary.steps.length === 0) return { step: undefined, index: undefined };
  const index = r.status.currentStepIndex ?? 0;
  return { step: r.canary.steps[index], index };
}

/** GetCurrentSetWeight: 0 when aborted, the max weight past the steps, else the latest setWeight up to the current step. */
export function currentSetWeight(r: RolloutModel): number {
  if (r.status.abort) return 0;
  const { step, index } = currentCanaryStep(r);
  if (step === undefined || index === undefined) return maxTrafficWeight(r.canary);
  for (let i = index; i >= 0; i--) {
    const w = r.canary.steps[i]?.setWeight;
    if (w !== undefined) return w;
  }
  return 0;
}

/** UseSetCanaryScale: only with traffic routing, not after a matchTrafficWeight, not while aborted unless abortScaleDownDelaySeconds is 0. */
export function useSetCanaryScale(r: RolloutModel): SetCanaryScaleModel | undefined {
  if (!r.canary.trafficRouting) return undefined;
  // GetAbortScaleDownDelaySecondsOrDefault is nil only for an explicit 0 (with traffic routing).
  if (r.status.abort && r.canary.abortScaleDownDelaySeconds !== 0) return undefined;
  const { step, index } = currentCanaryStep(r);
  if (step === undefined || index === undefined) return undefined;
  for (let i = index; i >= 0; i--) {
    const scs = r.canary.steps[i]?.setCanaryScale;
    if (scs === undefined) continue;
    if (scs.matchTrafficWeight === true) return undefined;
    return scs;
  }
  return undefined;
}

/** trafficWeightToReplicas: rounds up. */
export function trafficWeightToReplicas(replicas: number, weight: number, maxWeight: number): number {
  return int32(Math.ceil((weight * replicas) / maxWeight));
}

/**
 * GetDesiredCanaryWeight: aborted with dynamicStableScale, the canary steps back down the setWeight steps
 * in reverse (no surge of stable pods at once); otherwise the current setWeight.
 */
function desiredCanaryWeight(r: RolloutModel, newRS: ReplicaSetModel | undefined, stableRS: ReplicaSetModel | undefined): number {
  if (r.status.abort && r.canary.dynamicStableScale && newRS !== undefined && stableRS !== undefined) {
    const maxWeight = maxTrafficWeight(r.canary);
    const expectedCanaryReplicas = r.canary.replicas - stableRS.available;
    const canaryReplicas = Math.max(expectedCanaryReplicas, newRS.available);
    for (let i = r.canary.steps.length - 1; i >= 0; i--) {
      const w = r.canary.steps[i]?.setWeight;
      if (w !== undefined && trafficWeightToReplicas(r.canary.replicas, w, maxWeight) < canaryReplicas) return w;
    }
    return 0;
  }
  return currentSetWeight(r);
}

/** GetCanaryReplicasOrWeight: explicit canary replicas (setCanaryScale.replicas) or a weight. */
export function canaryReplicasOrWeight(r: RolloutModel, newRS?: ReplicaSetModel, stableRS?: ReplicaSetModel): { replicas?: number; weight: number } {
  const s = r.status;
  if (s.promoteFull || s.stableRS === '' || s.currentPodHash === s.stableRS) return { weight: maxTrafficWeight(r.canary) };
  const scs = useSetCanaryScale(r);
  if (scs !== undefined) {
    if (scs.replicas !== undefined) return { replicas: scs.replicas, weight: 0 };
    if (scs.weight !== undefined) return { weight: scs.weight };
  }
  return { weight: desiredCanaryWeight(r, newRS, stableRS) };
}

/** floorCeilingTied: the floor and the ceiling are equally far from the weight (then the larger wins). */
function floorCeilingTied(desiredWeight: number, maxWeight: number, totalReplicas: number): boolean {
  const x = totalReplicas * (desiredWeight / maxWeight);
  return x - Math.trunc(x) === 0.5;
}

function weightDelta(desiredWeight: number, maxWeight: number, canaryReplicas: number, totalReplicas: number): number {
  return Math.abs(Math.imul(canaryReplicas, maxWeight) / totalReplicas - desiredWeight);
}

/**
 * approximateWeightedCanaryStableReplicaCounts: the canary/stable counts closest to the weight; they sum
 * to replicas or replicas + 1 (only when maxSurge > 0); a weight between 1 and 99 never gives 0 pods to
 * either side once 2 or more pods (surge included) run.
 */
export function approximateWeightedCanaryStableReplicaCounts(specReplicas: number, desiredWeight: number, maxWeight: number, surge: number): { canary: number; stable: number } {
  if (specReplicas === 0) return { canary: 0, stable: 0 };
  const product = Math.imul(specReplicas, desiredWeight);
  const ceil = int32(Math.ceil(product / maxWeight));
  const floor = int32(Math.floor(product / maxWeight));
  const tied = floorCeilingTied(desiredWeight, maxWeight, specReplicas);
  const zeroAllowed = desiredWeight === maxWeight || desiredWeight === 0 || (specReplicas === 1 && surge === 0);
  const options: { canary: number; total: number }[] = [];
  if (ceil < specReplicas || zeroAllowed) options.push({ canary: ceil, total: specReplicas });
  if (!tied && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: specReplicas });
  if (surge > 0) {
    options.push({ canary: ceil, total: specReplicas + 1 });
    const surgeIsTied = floorCeilingTied(desiredWeight, maxWeight, specReplicas + 1);
    if (!surgeIsTied && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: specReplicas + 1 });
  }
  const first = options[0];
  if (first === undefined) return { canary: 0, stable: specReplicas };
  let best = first;
  let bestDelta = weightDelta(desiredWeight, maxWeight, best.canary, best.total);
  for (const option of options.slice(1)) {
    const delta = weightDelta(desiredWeight, maxWeight, option.canary, option.total);
    if (delta < bestDelta) {
      best = option;
      bestDelta = delta;
    }
  }
  return { canary: best.canary, stable: best.total - best.canary };
}

function replicaCount(sets: readonly (ReplicaSetModel | undefined)[]): number {
  return sets.reduce((sum, rs) => sum + (rs?.specReplicas ?? 0), 0);
}

/** CheckStableRSExists: a stable ReplicaSet that is not the new one. */
function stableRSExists(newRS: ReplicaSetModel | undefined, stableRS: ReplicaSetModel | undefined): stableRS is ReplicaSetModel {
  if (stableRS === undefined) return false;
  return newRS === undefined || newRS.name !== stableRS.name;
}

/** GetReplicasForScaleDown: spec replicas when availability may be ignored (or more pods are available than wanted), else the available ones. */
export function replicasForScaleDown(rs: ReplicaSetModel | undefined, ignoreAvailability: boolean): number {
  if (rs === undefined) return 0;
  if (rs.specReplicas < rs.available) return rs.specReplicas;
  return ignoreAvailability ? rs.specReplicas : rs.available;
}

function scaleDownReplicaCount(drainRS: ReplicaSetModel | undefined, desired: number, scaleDownCount: number, drainCount: number): number {
  if (drainRS !== undefined && drainRS.specReplicas > desired) return Math.max(desired, drainRS.specReplicas - scaleDownCount);
  return drainCount;
}

/** adjustReplicaWithinLimits: keeps the pair within maxSurge, then gives back availability maxUnavailable needs. */
function adjustReplicaWithinLimits(
  drainRS: ReplicaSetModel | undefined,
  adjustRS: ReplicaSetModel | undefined,
  drainCount: number,
  adjustCount: number,
  maxReplicaCountAllowed: number,
  minAvailableReplicaCount: number,
): [number, number] {
  let overTheLimit = Math.max(0, adjustCount + drainCount - maxReplicaCountAllowed);
  let totalAvailable = drainRS !== undefined ? Math.min(drainRS.available, drainCount) : 0;
  if (adjustRS !== undefined) {
    adjustCount -= overTheLimit;
    totalAvailable += Math.min(adjustRS.available, adjustCount);
    const extraAvailableAdjustRS = Math.max(0, adjustRS.available - adjustCount);
    const moreNeeded = Math.max(0, minAvailableReplicaCount - totalAvailable);
    adjustCount += Math.min(extraAvailableAdjustRS, moreNeeded);
    overTheLimit = Math.max(0, adjustCount + drainCount - maxReplicaCountAllowed);
    drainCount -= overTheLimit;
  }
  return [drainCount, adjustCount];
}

export interface ReplicaCounts {
  readonly canary: number;
  readonly stable: number;
}

/** CalculateReplicaCountsForBasicCanary: the weight is approximated with pods, within maxSurge and maxUnavailable. */
export function basicCanaryReplicaCounts(r: RolloutModel, newRS: ReplicaSetModel | undefined, stableRS: ReplicaSetModel | undefined, oldRSs: readonly (ReplicaSetModel | undefined)[]): ReplicaCounts {
  const specReplicas = r.canary.replicas;
  const { weight } = canaryReplicasOrWeight(r, newRS, stableRS);
  const surge = maxSurge(r.canary);
  let { canary: desiredNew, stable: desiredStable } = approximateWeightedCanaryStableReplicaCounts(specReplicas, weight, maxTrafficWeight(r.canary), surge);

  let newCount = newRS?.specReplicas ?? 0;
  let stableCount = 0;
  const scaleStable = stableRSExists(newRS, stableRS);
  if (scaleStable) stableCount = stableRS.specReplicas;
  else {
    // No stable (or it is the new one): no steps, the new ReplicaSet goes to 100%.
    desiredNew = specReplicas;
    desiredStable = 0;
  }
  const maxReplicaCountAllowed = specReplicas + surge;
  const all = [...oldRSs, newRS, ...(scaleStable ? [stableRS] : [])];
  let scaleUpCount = maxReplicaCountAllowed - replicaCount(all);

  if (scaleStable && stableRS.specReplicas < desiredStable && scaleUpCount > 0) {
    if (stableRS.specReplicas + scaleUpCount < desiredStable) {
      stableCount = stableRS.specReplicas + scaleUpCount;
      scaleUpCount = 0;
    } else {
      stableCount = desiredStable;
      scaleUpCount -= desiredStable - stableRS.specReplicas;
    }
  }
  if (newRS !== undefined && newRS.specReplicas < desiredNew && scaleUpCount > 0) {
    newCount = newRS.specReplicas + scaleUpCount < desiredNew ? newRS.specReplicas + scaleUpCount : desiredNew;
  }
  // Older ReplicaSets are scaled down first, before the new or the stable one.
  if (replicaCount(oldRSs) > 0) return { canary: newCount, stable: stableCount };

  const minAvailable = specReplicas - maxUnavailable(r.canary);
  // Increasing the canary: the stable's availability may be ignored; decreasing (abort): the canary's.
  const isIncreasing = newRS === undefined || desiredNew >= newRS.specReplicas;
  const replicasToScaleDown = replicasForScaleDown(newRS, !isIncreasing) + replicasForScaleDown(stableRS, isIncreasing);
  if (replicasToScaleDown <= minAvailable) return { canary: newCount, stable: stableCount };

  const scaleDownCount = replicasToScaleDown - minAvailable;
  if (!isIncreasing) {
    newCount = scaleDownReplicaCount(newRS, desiredNew, scaleDownCount, newCount);
    [newCount, stableCount] = adjustReplicaWithinLimits(newRS, stableRS, newCount, stableCount, maxReplicaCountAllowed, minAvailable);
  } else if (scaleStable) {
    stableCount = scaleDownReplicaCount(stableRS, desiredStable, scaleDownCount, stableCount);
    [stableCount, newCount] = adjustReplicaWithinLimits(stableRS, newRS, stableCount, newCount, maxReplicaCountAllowed, minAvailable);
  }
  return { canary: newCount, stable: stableCount };
}

/** CheckMinPodsPerReplicaSet: a non-zero count is at least minPodsPerReplicaSet (traffic routing only). */
export function checkMinPodsPerReplicaSet(c: CanaryModel, count: number): number {
  if (count === 0 || c.minPodsPerReplicaSet === undefined || !c.trafficRouting) return count;
  return Math.max(count, c.minPodsPerReplicaSet);
}

/**
 * CalculateReplicaCountsForTrafficRoutedCanary: the router moves traffic, so the canary gets the pods of
 * its weight (rounded up) and the stable stays at 100% unless dynamicStableScale, where it follows the
 * larger of its desired and its actual traffic weight.
 */
export function trafficRoutedReplicaCounts(r: RolloutModel, newRS: ReplicaSetModel | undefined, stableRS: ReplicaSetModel | undefined, weights: TrafficWeightsModel | undefined): ReplicaCounts {
  const specReplicas = r.canary.replicas;
  const { replicas: setCanaryScaleReplicas, weight } = canaryReplicasOrWeight(r, newRS, stableRS);
  const maxWeight = maxTrafficWeight(r.canary);
  let canaryCount = setCanaryScaleReplicas ?? checkMinPodsPerReplicaSet(r.canary, trafficWeightToReplicas(specReplicas, weight, maxWeight));
  if (!r.canary.dynamicStableScale) return { canary: canaryCount, stable: specReplicas };
  let stableCount = trafficWeightToReplicas(specReplicas, maxWeight - weight, maxWeight);
  if (weights !== undefined) {
    stableCount = Math.max(stableCount, trafficWeightToReplicas(specReplicas, weights.stable, maxWeight));
    // Aborting: the canary keeps its pods until traffic has left it.
    if (r.status.abort) canaryCount = Math.max(trafficWeightToReplicas(specReplicas, weights.canary, maxWeight), canaryCount);
  }
  return { canary: checkMinPodsPerReplicaSet(r.canary, canaryCount), stable: checkMinPodsPerReplicaSet(r.canary, stableCount) };
}

// setWeight range and setCanaryScale's need for traffic routing (§1.4 ST3, ST5).
import { invalid, required, type Rule } from '../../rule';
import { argoStrategyPath, canarySteps, goInt, isSet, rec, rolloutParts, strategyAt, type Obj } from './rolloutShape';

/** Argo's `weightutil.MaxTrafficWeight`: trafficRouting.maxTrafficWeight, else 100. */
export function maxTrafficWeight(canary: Obj): number {
  const w = rec(canary.trafficRouting)?.maxTrafficWeight;
  return isSet(w) ? (goInt(w, 100) ?? 100) : 100;
}

export const stepSetWeightRangeRule: Rule<'step-set-weight-range'> = {
  id: 'step-set-weight-range',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'setWeight must be between 0 and the maximum traffic weight',
  description:
    'Argo rejects a setWeight below 0 or above trafficRouting.maxTrafficWeight (100 unless set). Use a percentage of the ' +
    'maximum weight.',
  source: '§1.4 ST3',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary) return;
    const max = maxTrafficWeight(canary);
    for (const { step, i } of canarySteps(canary)) {
      if (!isSet(step.setWeight)) continue;
      const w = goInt(step.setWeight, 0);
      if (w === undefined || (w >= 0 && w <= max)) continue;
      ctx.report({
        message: invalid(w, `SetWeight needs to be between 0 and ${max}`),
        at: strategyAt('canary', 'steps', i, 'setWeight'),
        argoPath: argoStrategyPath('steps', i, 'setWeight'),
      });
    }
  },
};

export const setCanaryScaleNeedsRoutingRule: Rule<'set-canary-scale-needs-routing'> = {
  id: 'set-canary-scale-needs-routing',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'setCanaryScale steps need trafficRouting',
  description:
    'setCanaryScale decouples the canary pod count from its traffic weight, which only makes sense with a traffic router; ' +
    'Argo rejects it (once per step, at spec.strategy.trafficRouting) when trafficRouting is not set.',
  source: '§1.4 ST5',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary || isSet(canary.trafficRouting)) return;
    for (const { step, i } of canarySteps(canary)) {
      if (!isSet(step.setCanaryScale)) continue;
      ctx.report({
        message: required('SetCanaryScale requires TrafficRouting to be set'),
        at: strategyAt('canary', 'steps', i, 'setCanaryScale'),
        argoPath: argoStrategyPath('trafficRouting'),
        part: 'key',
      });
    }
  },
};

// Canary strategy-level rules about surge and Services (§1.3 C1, C2).
import { invalid, type Rule } from '../../rule';
import { argoStrategyPath, goString, isSet, rolloutParts, strategyAt } from './rolloutShape';

/**
 * Argo's `getIntOrPercentValue`: ints as-is, `"N%"` → N, other strings through Go's Atoi (0 when it
 * fails). Undefined for values Go could not decode into an IntOrString.
 */
export function intOrPercentValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const percent = /^([0-9]+)%$/.exec(v);
  if (percent) return Number(percent[1]);
  return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0;
}

export const canaryMaxSurgeUnavailableZeroRule: Rule<'canary-max-surge-unavailable-zero'> = {
  id: 'canary-max-surge-unavailable-zero',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'canary maxSurge and maxUnavailable must not both be zero',
  description:
    'With both zero a canary update could never create or remove a pod, so Argo rejects it. Both default to 25%; a string ' +
    'that is neither a number nor a percentage counts as 0. Set maxSurge or maxUnavailable to at least 1.',
  source: '§1.3 C1',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    // Unset fields default to "25", so both must be given explicitly for this to fire.
    if (!canary || !isSet(canary.maxSurge) || !isSet(canary.maxUnavailable)) return;
    if (intOrPercentValue(canary.maxSurge) !== 0 || intOrPercentValue(canary.maxUnavailable) !== 0) return;
    ctx.report({
      message:
        invalid(canary.maxSurge, 'MaxSurge and MaxUnavailable both can not be zero') +
        ' — with both 0 the canary can neither add a pod nor take one away, so the update could never move; set one of them to at least 1',
      at: strategyAt('canary', 'maxSurge'),
      argoPath: argoStrategyPath('maxSurge'),
    });
  },
};

export const canarySameServicesRule: Rule<'canary-same-services'> = {
  id: 'canary-same-services',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'canaryService and stableService must be different Services',
  description:
    'Argo rejects a canary whose canaryService and stableService name the same Service: traffic could not be split between ' +
    'the two ReplicaSets. Create a second Service and name it in canaryService.',
  source: '§1.3 C2',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary) return;
    const stable = goString(canary.stableService);
    if (!stable || stable !== goString(canary.canaryService)) return;
    ctx.report({
      message: invalid(stable, 'This rollout uses the same service for the stable and canary services, but two different services are required.'),
      at: strategyAt('canary', 'stableService'),
      argoPath: argoStrategyPath('stableService'),
    });
  },
};

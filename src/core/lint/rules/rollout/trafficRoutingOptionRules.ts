// Canary options that depend on traffic routing (§1.3 C10–C13).
import { invalid, type Rule } from '../../rule';
import { argoStrategyPath, goInt, isSet, isTrue, rec, rolloutParts, routers, strategyAt } from './rolloutShape';

export const scaleDownDelayNeedsRoutingRule: Rule<'canary-scale-down-delay-needs-routing'> = {
  id: 'canary-scale-down-delay-needs-routing',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'canary scaleDownDelaySeconds needs trafficRouting',
  description:
    'scaleDownDelaySeconds keeps the old ReplicaSet up while traffic routing switches away from it; without trafficRouting ' +
    'Argo rejects it. Remove it or configure trafficRouting.',
  source: '§1.3 C10',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary || isSet(canary.trafficRouting) || !isSet(canary.scaleDownDelaySeconds)) return;
    const delay = goInt(canary.scaleDownDelaySeconds, 0);
    if (delay === undefined) return;
    ctx.report({
      message: invalid(delay, 'Canary scaleDownDelaySeconds can only be used with traffic routing'),
      at: strategyAt('canary', 'scaleDownDelaySeconds'),
      argoPath: argoStrategyPath('scaleDownDelaySeconds'),
    });
  },
};

export const dynamicStableScaleNeedsRoutingRule: Rule<'dynamic-stable-scale-needs-routing'> = {
  id: 'dynamic-stable-scale-needs-routing',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'dynamicStableScale needs trafficRouting',
  description:
    'dynamicStableScale scales the stable ReplicaSet down as traffic moves to the canary, which needs a traffic router; ' +
    'Argo rejects it without trafficRouting.',
  source: '§1.3 C11',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary || isSet(canary.trafficRouting) || !isTrue(canary.dynamicStableScale)) return;
    ctx.report({
      message: invalid(true, 'Canary dynamicStableScale can only be used with traffic routing'),
      at: strategyAt('canary', 'dynamicStableScale'),
      argoPath: argoStrategyPath('dynamicStableScale'),
    });
  },
};

export const dynamicStableScaleWithDelayRule: Rule<'dynamic-stable-scale-with-scale-down-delay'> = {
  id: 'dynamic-stable-scale-with-scale-down-delay',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'dynamicStableScale cannot be combined with scaleDownDelaySeconds',
  description:
    'dynamicStableScale scales the old ReplicaSet down immediately while scaleDownDelaySeconds keeps it up; Argo rejects ' +
    'the combination. Keep one of them.',
  source: '§1.3 C12',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary || !isSet(canary.trafficRouting) || !isSet(canary.scaleDownDelaySeconds) || !isTrue(canary.dynamicStableScale)) return;
    ctx.report({
      message: invalid(true, 'Canary dynamicStableScale cannot be used with scaleDownDelaySeconds'),
      at: strategyAt('canary', 'dynamicStableScale'),
      argoPath: argoStrategyPath('dynamicStableScale'),
    });
  },
};

export const maxTrafficWeightRouterRule: Rule<'max-traffic-weight-unsupported'> = {
  id: 'max-traffic-weight-unsupported',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'trafficRouting.maxTrafficWeight works only with NGINX and plugins',
  description:
    'Only the NGINX router and plugins support a maximum traffic weight other than 100; Argo rejects maxTrafficWeight with ' +
    'other routers. Remove it, and express setWeight steps as percentages of 100.',
  source: '§1.3 C13',
  check(ctx) {
    const tr = rec(rolloutParts(ctx.value)?.canary?.trafficRouting);
    if (!tr || !isSet(tr.maxTrafficWeight)) return;
    const rs = routers(tr);
    if (rs.has('nginx') || rs.has('plugins')) return;
    const weight = goInt(tr.maxTrafficWeight, 0);
    if (weight === undefined) return;
    ctx.report({
      message: invalid(weight, 'Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins'),
      at: strategyAt('canary', 'trafficRouting', 'maxTrafficWeight'),
      argoPath: argoStrategyPath('trafficRouting', 'maxTrafficWeight'),
    });
  },
};

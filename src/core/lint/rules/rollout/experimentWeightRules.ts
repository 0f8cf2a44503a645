// Experiment template weights in canary steps (§1.4 ST15, ST16).
import { invalid, type Rule } from '../../rule';
import { argoStrategyPath, canarySteps, goInt, isSet, list, rec, rolloutParts, routers, strategyAt } from './rolloutShape';

export const experimentWeightRule: Rule<'experiment-weight-routing'> = {
  id: 'experiment-weight-routing',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'Experiment template weights need SMI, ALB, Istio or plugin traffic routing',
  description:
    'A `weight` on an experiment step template sends that share of traffic to the experiment pods, which needs a router ' +
    'that can split to extra Services: SMI, ALB, Istio or a plugin. Argo rejects the weight without trafficRouting or with ' +
    'other routers (e.g. NGINX). Remove the weight or change the router.',
  source: '§1.4 ST15, ST16',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary) return;
    const tr = rec(canary.trafficRouting);
    if (isSet(canary.trafficRouting) && !tr) return;
    const rs = tr ? routers(tr) : new Set<string>();
    const supported = rs.has('alb') || rs.has('smi') || rs.has('istio') || rs.has('plugins');
    if (tr && supported) return;
    const detail = tr
      ? 'Experiment template weight is only available for TrafficRouting with SMI, ALB, Istio and Plugins at this time'
      : 'Experiment template weight cannot be set unless TrafficRouting is enabled';
    for (const { step, i } of canarySteps(canary)) {
      const templates = list(rec(step.experiment)?.templates);
      for (let j = 0; j < templates.length; j++) {
        const t = rec(templates[j]);
        if (!t || !isSet(t.weight)) continue;
        const weight = goInt(t.weight, 0);
        if (weight === undefined) continue;
        ctx.report({
          message: invalid(weight, detail),
          at: strategyAt('canary', 'steps', i, 'experiment', 'templates', j, 'weight'),
          argoPath: argoStrategyPath('steps', i, 'experiment', 'templates', j, 'weight'),
        });
      }
    }
  },
};

// Anti-affinity between old and new ReplicaSets, for both strategies (§1.5, §1.2 B3).
import { invalid, type Rule, type RuleContext } from '../../rule';
import { argoStrategyPath, goInt, isSet, rec, rolloutParts, strategyAt, type Obj } from './rolloutShape';

const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';
const REQUIRED = 'requiredDuringSchedulingIgnoredDuringExecution';

function antiAffinity(ctx: RuleContext): { aa: Obj; kind: 'canary' | 'blueGreen' } | undefined {
  const parts = rolloutParts(ctx.value);
  if (parts?.canary) {
    const aa = rec(parts.canary.antiAffinity);
    return aa && { aa, kind: 'canary' };
  }
  if (parts?.blueGreen) {
    const aa = rec(parts.blueGreen.antiAffinity);
    return aa && { aa, kind: 'blueGreen' };
  }
  return undefined;
}

export const antiAffinityOneStrategyRule: Rule<'anti-affinity-one-strategy'> = {
  id: 'anti-affinity-one-strategy',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'antiAffinity must list exactly one of preferred/required',
  description:
    `Argo rejects a strategy antiAffinity that has neither or both of \`${PREFERRED}\` and \`${REQUIRED}\`. ` +
    'Keep exactly one (preferred needs a weight of 1-100; required is `{}`).',
  source: '§1.5, §1.2 B3',
  check(ctx) {
    const found = antiAffinity(ctx);
    if (!found) return;
    const preferred = isSet(found.aa[PREFERRED]);
    const req = isSet(found.aa[REQUIRED]);
    if (preferred !== req) return;
    ctx.report({
      message: invalid(
        `antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: ${preferred} antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: ${req}`,
        'AntiAffinity must have exactly one strategy listed',
      ),
      at: strategyAt(found.kind, 'antiAffinity'),
      argoPath: argoStrategyPath('antiAffinity'),
      part: 'key',
    });
  },
};

export const antiAffinityWeightRule: Rule<'anti-affinity-weight'> = {
  id: 'anti-affinity-weight',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'Preferred antiAffinity weight must be between 1 and 100',
  description:
    'Argo rejects a preferred antiAffinity whose weight (default 0) is outside 1-100. Set `weight:` to a value in that range.',
  source: '§1.5',
  check(ctx) {
    const found = antiAffinity(ctx);
    const preferred = found && rec(found.aa[PREFERRED]);
    if (!found || !preferred) return;
    const weight = goInt(preferred.weight, 0);
    if (weight === undefined || (weight >= 1 && weight <= 100)) return;
    ctx.report({
      message: invalid(weight, 'AntiAffinity weight must be between 1-100'),
      at: strategyAt(found.kind, 'antiAffinity', PREFERRED, 'weight'),
      argoPath: argoStrategyPath('antiAffinity', 'weight'),
    });
  },
};

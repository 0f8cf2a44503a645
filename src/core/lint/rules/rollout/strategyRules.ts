// Exactly one strategy (§1.1 S1, S2).
import { invalid, required, type Rule } from '../../rule';
import { isSet, rec, rolloutParts } from './rolloutShape';

export const strategyMissingRule: Rule<'rollout-strategy-missing'> = {
  id: 'rollout-strategy-missing',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'A Rollout needs spec.strategy.canary or spec.strategy.blueGreen',
  description:
    'Argo requires one deployment strategy and marks a Rollout without one InvalidSpec (Argo reports it at the doubled path ' +
    '`spec.strategy.strategy`). Add `strategy: {canary: {}}` or a blueGreen strategy with an activeService.',
  source: '§1.1 S1',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    if (!parts || (isSet(parts.spec.strategy) && !parts.strategy)) return;
    if (isSet(parts.strategy?.canary) || isSet(parts.strategy?.blueGreen)) return;
    ctx.report({
      message: required("Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"),
      at: ['spec', 'strategy'],
      argoPath: 'spec.strategy.strategy',
      part: 'key',
    });
  },
};

export const strategyMultipleRule: Rule<'rollout-strategy-multiple'> = {
  id: 'rollout-strategy-multiple',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'A Rollout must not have both canary and blueGreen',
  description:
    'Argo rejects a Rollout that lists both strategies ("Multiple Strategies can not be listed"). Keep only one of ' +
    'spec.strategy.canary and spec.strategy.blueGreen.',
  source: '§1.1 S2',
  check(ctx) {
    const strategy = rec(rolloutParts(ctx.value)?.strategy);
    if (!strategy || !isSet(strategy.canary) || !isSet(strategy.blueGreen)) return;
    ctx.report({
      message: invalid('blueGreen: true canary: true', 'Multiple Strategies can not be listed') + ' — spec.strategy sets both canary and blueGreen; keep one of them',
      at: ['spec', 'strategy'],
      argoPath: 'spec.strategy.strategy',
      part: 'key',
    });
  },
};

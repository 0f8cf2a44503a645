// Background analysis startingStep beyond the steps (beyond Argo: Argo accepts any integer).
import type { Rule } from '../../rule';
import { goInt, isSet, list, rec, rolloutParts, strategyAt } from './rolloutShape';

export const startingStepRule: Rule<'starting-step-out-of-range'> = {
  id: 'starting-step-out-of-range',
  severity: 'warning',
  kinds: ['Rollout'],
  title: 'canary.analysis.startingStep should be the index of a step',
  description:
    'Background analysis starts once the rollout reaches step index startingStep. Argo accepts any integer, but a negative ' +
    'value starts the analysis at once (like 0), and a value past the last step means it never runs while the canary ' +
    'progresses. Use an index between 0 and the number of steps minus 1.',
  source: 'beyond Argo',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    const analysis = canary && rec(canary.analysis);
    if (!canary || !analysis || !isSet(analysis.startingStep)) return;
    const start = goInt(analysis.startingStep, 0);
    if (start === undefined) return;
    const count = list(canary.steps).length;
    if (start >= 0 && start < count) return;
    // startingStep counts from 0, while the panel and the tree number steps from 1: say which is which.
    const range = count === 0 ? 'there are no steps' : `startingStep counts from 0: 0 to ${count - 1} for these ${count} steps, the panel's steps 1 to ${count}`;
    const effect = start < 0 ? 'background analysis starts at once, as with 0' : 'background analysis never starts while the canary progresses';
    ctx.report({
      message: `startingStep ${start} is outside the steps (${range}): ${effect}`,
      at: strategyAt('canary', 'analysis', 'startingStep'),
    });
  },
};

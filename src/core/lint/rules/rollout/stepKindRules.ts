// What a canary step is (§1.4 ST1, ST2).
import { invalid, type Rule } from '../../rule';
import type { Fix } from '../../types';
import { findPair, nodeAt } from '../../yamlPath';
import { argoStrategyPath, canarySteps, isSet, rolloutParts, strategyAt, type Obj } from './rolloutShape';
import type { RuleContext } from '../../rule';

const MESSAGE = 'Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause';

export const stepOneKindRule: Rule<'step-one-kind'> = {
  id: 'step-one-kind',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'A canary step must be only one of setWeight, pause, experiment, analysis',
  description:
    'Argo rejects a step that sets more than one of setWeight, pause, experiment and analysis (setCanaryScale, ' +
    'setHeaderRoute, setMirrorRoute and plugin may accompany them). Split it into one step per action.',
  source: '§1.4 ST1',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary) return;
    for (const { step, i } of canarySteps(canary)) {
      const e = isSet(step.experiment);
      const p = isSet(step.pause);
      const w = isSet(step.setWeight);
      const a = isSet(step.analysis);
      if (Number(e) + Number(p) + Number(w) + Number(a) < 2) continue;
      // Argo's text lists true/false per kind; say in words which ones this step mixes.
      const mixed = (['experiment', 'pause', 'setWeight', 'analysis'] as const).filter((k, j) => [e, p, w, a][j]);
      ctx.report({
        message:
          invalid(`step.Experiment: ${e} step.Pause: ${p} step.SetWeight: ${w} step.Analysis: ${a}`, MESSAGE) +
          ` — a step does one thing, and this one sets ${mixed.join(' and ')}: split it into one step each`,
        at: strategyAt('canary', 'steps', i),
        argoPath: argoStrategyPath('steps', i),
      });
    }
  },
};

const KINDS = ['experiment', 'pause', 'setWeight', 'analysis', 'setCanaryScale', 'setHeaderRoute', 'setMirrorRoute', 'plugin'];
// Argo prints "<is nil>" for each kind; every one is nil when this fires. The exact label list of
// the newest version (with plugin) is our reading of the source pattern, not a quoted test.
const EMPTY_VALUE =
  'step.Experiment: true step.Pause: true step.SetWeight: true step.Analysis: true step.SetCanaryScale: true ' +
  'step.SetHeaderRoute: true step.SetMirrorRoutes: true step.Plugin: true';

/** `- pause:` with no value → `- pause: {}`. */
function pauseMapFix(ctx: RuleContext, i: number): Fix | undefined {
  const pair = findPair(nodeAt(ctx.doc.yaml, strategyAt('canary', 'steps', i)), 'pause');
  const keyEnd = pair?.key.range?.[1];
  if (!pair || keyEnd === undefined) return undefined;
  const title = 'Use pause: {} (pause until promoted)';
  const range = pair.value?.range;
  if (range && range[1] > range[0]) return { title, edits: [{ start: range[0], end: range[1], newText: '{}' }] };
  const colon = ctx.doc.text.indexOf(':', keyEnd);
  if (colon < 0) return undefined;
  return { title, edits: [{ start: colon + 1, end: colon + 1, newText: ' {}' }] };
}

export const stepEmptyRule: Rule<'step-empty'> = {
  id: 'step-empty',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'A canary step must set one step kind',
  description:
    'Argo rejects a step with none of setWeight, pause, experiment, analysis, setCanaryScale, setHeaderRoute, setMirrorRoute ' +
    'or plugin. A bare `- pause:` counts as empty (YAML null decodes as absent): write `- pause: {}` to pause until promoted.',
  source: '§1.4 ST2',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary) return;
    for (const { step, i } of canarySteps(canary)) {
      if (KINDS.some((k) => isSet(step[k]))) continue;
      const barePause = hasNullKey(step, 'pause');
      const fix = barePause ? pauseMapFix(ctx, i) : undefined;
      const others = Object.keys(step).filter((k) => !KINDS.includes(k));
      // Argo's text marks every kind "true" (each is nil); say plainly that the step does nothing Argo knows.
      const plain = barePause
        ? ' — `pause:` with no value is read as no pause at all; write `pause: {}` to pause until the rollout is promoted'
        : ` — this step sets none of them${others.length > 0 ? `: Argo does not read ${others.map((k) => `\`${k}\``).join(', ')} (misspelt?)` : ''}`;
      ctx.report({
        message: invalid(EMPTY_VALUE, MESSAGE) + plain,
        at: strategyAt('canary', 'steps', i),
        argoPath: argoStrategyPath('steps', i),
        ...(fix ? { fix } : {}),
      });
    }
  },
};

function hasNullKey(o: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key) && o[key] === null;
}

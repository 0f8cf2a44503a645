// What Promote does to this rollout now, for its confirmation: the plugin's promote (planPromote)
// ends a pause, or, when nothing is paused, skips the current step. One word (Promote, the plugin's)
// covers both, so the sentence says which it is here and where the rollout goes next.
import { stepSummary } from '../launch/stepSummary';
import { arrayAt, at, boolAt, intAt, isRecord, stringAt } from './untrusted';

/** `step 3 (setWeight 30)`, numbered from 1 as the panel and the tree show steps. */
function stepName(steps: readonly unknown[], index: number): string {
  return `step ${index + 1} (${stepSummary(steps[index])})`;
}

function then(steps: readonly unknown[], next: number): string {
  return next < steps.length ? `goes on with ${stepName(steps, next)}` : 'finishes: the new version becomes stable';
}

export function promoteEffect(rollout: unknown, options: { full: boolean }): string {
  if (options.full) return 'All remaining steps, pauses and analysis are skipped and the new version gets all traffic.';
  const userPaused = boolAt(rollout, 'spec', 'paused');
  const pauseConditions = arrayAt(rollout, 'status', 'pauseConditions');
  const reasons = pauseConditions.map((c) => stringAt(c, 'reason'));
  if (isRecord(at(rollout, 'spec', 'strategy', 'blueGreen'))) {
    if (reasons.includes('BlueGreenPause')) return 'The pause before the switch ends: the active Service switches to the new version.';
    return userPaused ? 'The pause a user set (spec.paused) ends and the rollout continues.' : 'Nothing is paused: the rollout carries on as it is.';
  }
  const steps = arrayAt(rollout, 'spec', 'strategy', 'canary', 'steps');
  const index = intAt(rollout, 'status', 'currentStepIndex') ?? 0;
  if (steps.length === 0 || index >= steps.length) {
    return userPaused ? 'The pause a user set (spec.paused) ends and the rollout continues.' : 'All steps are done: nothing to promote.';
  }
  if (pauseConditions.length > 0) {
    if (reasons.includes('InconclusiveAnalysisRun')) return `The pause after an inconclusive analysis at ${stepName(steps, index)} ends and the rollout ${then(steps, index + 1)}.`;
    const current = steps[index];
    const timed = isRecord(current) && isRecord(current.pause) && current.pause.duration !== undefined;
    return `The ${timed ? 'rest of the ' : ''}pause at ${stepName(steps, index)} ${timed ? 'is skipped' : 'ends'} and the rollout ${then(steps, index + 1)}.`;
  }
  if (userPaused) return `The pause a user set (spec.paused) ends and the rollout continues at ${stepName(steps, index)}.`;
  return `${stepName(steps, index).replace(/^s/, 'S')} is skipped and the rollout ${then(steps, index + 1)}.`;
}

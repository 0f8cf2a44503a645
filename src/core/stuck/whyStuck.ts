// Why a live rollout is not progressing, in one sentence, and what to do next. The causes are checked
// in the order the controller lets them block: an invalid spec stops everything; an aborted update
// waits for Retry; pods that cannot start hold a step (and after progressDeadlineSeconds degrade the
// rollout); a pause waits for a human or a clock; a weight the load balancer has not verified holds a
// setWeight step. A rollout that is Healthy or simply moving gets no explanation.
import type { ActionId } from '../actions/actionIds';
import { parseGoDuration } from '../goDuration';
import { canarySteps, currentStepIndex } from '../rollout/canaryWeights';
import { humanDuration } from '../rollout/humanDuration';
import { at, int, isObject, list, optInt, rfc3339, str } from '../rollout/jsonFields';
import { isOwnedBy, objectMeta, revisionOf } from '../rollout/objectMeta';
import type { RelatedObjects } from '../rollout/rolloutInfo';
import { rolloutPhase } from '../rollout/rolloutPhase';
import { canaryPodProblem, podsOfHash, type PodProblem } from './canaryPodProblem';
import { invalidSpecDetail } from './invalidSpecRule';

export type StuckKind =
  | 'invalidSpec'
  | 'aborted'
  | 'progressDeadline'
  | 'podsNotReady'
  | 'inconclusive'
  | 'waitingForPromotion'
  | 'timedPause'
  | 'pausedByUser'
  | 'weightNotVerified';

export interface StuckExplanation {
  readonly kind: StuckKind;
  /** One sentence: what holds the rollout, with the controller's or the pod's own words. */
  readonly sentence: string;
  /** What to do next, e.g. `Promote to continue to step 4.` */
  readonly next: string;
  /** The action that does it, when one does. */
  readonly action?: ActionId;
  /** InvalidSpec: the lint rule whose text explains the controller's message. */
  readonly ruleId?: string;
  /** Timed pause: epoch ms when it ends. */
  readonly pauseEndsAt?: number;
}

function condition(rollout: unknown, type: string): unknown {
  return list(at(rollout, 'status', 'conditions')).find((c) => str(at(c, 'type')) === type);
}

/** `step 4 of 8` for the 0-based index, as a person counts. */
function stepWords(rollout: unknown): string {
  const index = currentStepIndex(rollout);
  return index === undefined ? '' : `step ${index + 1} of ${canarySteps(rollout).length}`;
}

function nextStepWords(rollout: unknown): string {
  const index = currentStepIndex(rollout);
  const count = canarySteps(rollout).length;
  if (index === undefined || index + 1 >= count) return 'to finish the update';
  return `to continue to step ${index + 2}`;
}

function pauseDurationSeconds(step: unknown): number | undefined {
  const d = at(step, 'pause', 'duration');
  if (typeof d === 'number') return Number.isInteger(d) && d >= 0 ? d : undefined;
  if (typeof d !== 'string' || d === '') return undefined;
  if (/^\d+$/.test(d)) return Number(d);
  const parsed = parseGoDuration(d);
  return parsed.ok && parsed.seconds >= 0 ? Math.trunc(parsed.seconds) : undefined;
}

/** The pause duration as the user wrote it (`1m`, `30` → `30s`). */
function writtenDuration(step: unknown): string | undefined {
  const d = at(step, 'pause', 'duration');
  if (typeof d === 'number') return `${d}s`;
  return typeof d === 'string' && d !== '' ? (/^\d+$/.test(d) ? `${d}s` : d) : undefined;
}

/** The pod problem of the new version's pods, if any. */
function podProblem(rollout: unknown, related: RelatedObjects, now: number): PodProblem | undefined {
  const uid = objectMeta(rollout).uid;
  const hash = str(at(rollout, 'status', 'currentPodHash'));
  // A fully promoted rollout's current pods are the stable ones; a problem there is not a stuck update.
  const pods = podsOfHash(uid, hash, related.replicaSets ?? [], related.pods ?? []);
  return canaryPodProblem(pods, now);
}

function podNext(problem: PodProblem): { next: string; action: ActionId } {
  switch (problem.kind) {
    case 'imagePull':
      return { next: 'Set Image to an image that exists (or fix the registry credentials), or Abort to go back to the stable version.', action: 'setImage' };
    case 'crashLoop':
      return { next: `Read the logs of ${problem.pod} (kubectl logs ${problem.pod} -c ${problem.container ?? ''} --previous), then Set Image to a fixed version or Abort.`, action: 'abort' };
    case 'readiness':
      return { next: `Check the readiness probe and the logs of ${problem.pod}; Abort to go back to the stable version.`, action: 'abort' };
    default:
      return { next: 'Fix the pod (see kubectl describe pod), or Abort to go back to the stable version.', action: 'abort' };
  }
}

/** The failed or inconclusive metrics of a run: `success-rate (2 failed > failureLimit 1)` when the counts say so. */
function runMetrics(run: unknown, phase: string): string[] {
  return list(at(run, 'status', 'metricResults'))
    .filter((m) => str(at(m, 'phase')) === phase)
    .map((m) => {
      const name = str(at(m, 'name'));
      const message = str(at(m, 'message'));
      return message !== '' ? `${name}: ${message}` : name;
    });
}

function inconclusiveRun(rollout: unknown, related: RelatedObjects): unknown {
  const uid = objectMeta(rollout).uid;
  const revision = revisionOf(rollout);
  return (related.analysisRuns ?? []).find((r) => isOwnedBy(r, uid) && str(at(r, 'status', 'phase')) === 'Inconclusive' && (revision === 0 || revisionOf(r) === revision));
}

function pauseExplanation(rollout: unknown, related: RelatedObjects, now: number): StuckExplanation | undefined {
  const conditions = list(at(rollout, 'status', 'pauseConditions'));
  const reasons = conditions.map((c) => str(at(c, 'reason')));
  if (reasons.includes('InconclusiveAnalysisRun')) {
    const run = inconclusiveRun(rollout, related);
    const metrics = run === undefined ? [] : runMetrics(run, 'Inconclusive');
    const which = run === undefined ? 'An analysis run' : `Analysis run ${objectMeta(run).name}`;
    return {
      kind: 'inconclusive',
      sentence: `${which} was Inconclusive${metrics.length > 0 ? ` (${metrics.join('; ')})` : ''}: the rollout waits for you to decide.`,
      next: `Promote ${nextStepWords(rollout)} if the results are good enough, or Abort.`,
      action: 'promote',
    };
  }
  if (reasons.includes('CanaryPauseStep')) {
    const index = currentStepIndex(rollout);
    const step = index === undefined ? undefined : canarySteps(rollout)[index];
    const seconds = pauseDurationSeconds(step);
    if (seconds === undefined) {
      return { kind: 'waitingForPromotion', sentence: `Waiting for promotion at ${stepWords(rollout)}: the pause has no duration.`, next: `Promote ${nextStepWords(rollout)}.`, action: 'promote' };
    }
    const start = rfc3339(at(conditions.find((c) => str(at(c, 'reason')) === 'CanaryPauseStep'), 'startTime'));
    const endsAt = start === undefined ? undefined : start + seconds * 1000;
    const left = endsAt === undefined ? '' : `, ${humanDuration(Math.max(0, endsAt - now))} left`;
    return {
      kind: 'timedPause',
      sentence: `Paused for ${writtenDuration(step) ?? `${seconds}s`} at ${stepWords(rollout)}${left}.`,
      next: `Nothing to do: it continues by itself. Promote ${nextStepWords(rollout)} now.`,
      action: 'promote',
      ...(endsAt !== undefined ? { pauseEndsAt: endsAt } : {}),
    };
  }
  if (reasons.includes('BlueGreenPause')) {
    return { kind: 'waitingForPromotion', sentence: 'Waiting for promotion: the preview is up and the active service switches when you promote.', next: 'Promote to switch the active service to the new version.', action: 'promote' };
  }
  if (at(rollout, 'spec', 'paused') === true) {
    return { kind: 'pausedByUser', sentence: 'Paused by a user (spec.paused): the controller does nothing until it is promoted.', next: 'Promote to let it continue.', action: 'promote' };
  }
  return undefined;
}

/** The explanation, or undefined when the rollout is Healthy or progressing as it should. */
export function whyStuck(rollout: unknown, related: RelatedObjects, now: number): StuckExplanation | undefined {
  if (!isObject(rollout)) return undefined;
  const invalid = condition(rollout, 'InvalidSpec');
  if (invalid !== undefined && str(at(invalid, 'status')) === 'True') {
    const { detail, ruleId } = invalidSpecDetail(rollout, str(at(invalid, 'message')));
    return {
      kind: 'invalidSpec',
      sentence: `The controller refuses the spec: ${detail}.`.replace(/\.\.$/, '.'),
      next: ruleId !== undefined ? `Fix the field (lint rule ${ruleId} explains it) and apply again.` : 'Fix the field and apply again.',
      ...(ruleId !== undefined ? { ruleId } : {}),
    };
  }
  if (at(rollout, 'status', 'abort') === true) {
    const { message } = rolloutPhase(rollout);
    // `Rollout aborted update to revision 2` alone is what a manual Abort leaves; a failed analysis adds its reason.
    const why = message.replace(/^RolloutAborted: /, '').replace(/^Rollout aborted update to revision \d+(: ?)?/, '');
    const revision = revisionOf(rollout);
    return {
      kind: 'aborted',
      sentence: `Aborted${revision > 0 ? ` (revision ${revision})` : ''}${why !== '' ? `: ${why}` : ' by hand (no analysis failed)'}; traffic is back on the stable version.`.replace(/\.;/, ';'),
      next: 'Retry to start the update again from step 1 once the cause is fixed, or Set Image / Undo to another version.',
      action: 'retry',
    };
  }
  const problem = podProblem(rollout, related, now);
  const progressing = condition(rollout, 'Progressing');
  if (str(at(progressing, 'reason')) === 'ProgressDeadlineExceeded') {
    const deadline = optInt(at(rollout, 'spec', 'progressDeadlineSeconds')) ?? 600;
    const because = problem !== undefined ? `: ${problem.text}` : str(at(progressing, 'message')) !== '' ? ` (${str(at(progressing, 'message'))})` : '';
    const next = problem !== undefined ? podNext(problem) : { next: 'Look at the new pods (kubectl describe), then Abort or fix and apply again.', action: 'abort' as const };
    return { kind: 'progressDeadline', sentence: `No progress for ${deadline} s (ProgressDeadlineExceeded)${because}.`, ...next };
  }
  if (problem !== undefined) {
    return { kind: 'podsNotReady', sentence: `The new pods are not ready: ${problem.text}.`, ...podNext(problem) };
  }
  const paused = pauseExplanation(rollout, related, now);
  if (paused !== undefined) return paused;
  const weights = at(rollout, 'status', 'canary', 'weights');
  if (at(weights, 'verified') === false) {
    const weight = int(at(weights, 'canary', 'weight'));
    return {
      kind: 'weightNotVerified',
      sentence: `The canary weight of ${weight}% is not verified yet: the load balancer's target groups do not show it, so ${stepWords(rollout) || 'the step'} waits.`,
      next: 'Check the AWS Load Balancer Controller and the target group of the canary Service; the step continues once the weight is verified.',
    };
  }
  return undefined;
}

// The canary steps as a timeline: each step's kind and text, and where the rollout is, read from
// status.currentStepIndex (§7: 0-based, = len(steps) once complete, unset before the first reconcile).
import type { StepState, TimelineStep } from '../../shared/protocol';
import { parseGoDuration } from '../goDuration';
import { canarySteps } from '../rollout/canaryWeights';
import { optInt } from '../rollout/jsonFields';
import { rfc3339 } from '../rollout/jsonFields';
import { isFullyPromoted } from '../rollout/rolloutPhase';
import { at, isRecord, stringAt } from '../untrustedJson';

// The order decides the kind of a step that sets several (ST1 allows e.g. setWeight + setCanaryScale).
const KINDS = ['setWeight', 'pause', 'analysis', 'experiment', 'setCanaryScale', 'setHeaderRoute', 'setMirrorRoute', 'plugin'] as const;

/** Step kinds whose value is null are absent (a bare `- pause:` decodes as no pause, §1.4). */
export function stepKind(step: unknown): string {
  if (!isRecord(step)) return 'unknown';
  return KINDS.find((k) => step[k] !== undefined && step[k] !== null) ?? 'unknown';
}

function templateNames(block: unknown): string[] {
  const templates = at(block, 'templates');
  if (!Array.isArray(templates)) return [];
  return templates.map((t) => stringAt(t, 'templateName') || stringAt(t, 'clusterTemplateName') || stringAt(t, 'name') || '').filter((n) => n !== '');
}

function withNames(kind: string, names: readonly string[]): string {
  return names.length > 0 ? `${kind}: ${names.join(', ')}` : kind;
}

/** A pause duration as written: int seconds or a string (`"30"` is seconds too, else a Go duration). */
function pauseText(duration: unknown): string {
  // A bare number reads as seconds to Argo but not to people, so it is shown with its unit.
  if (typeof duration === 'number') return `pause: ${duration}s`;
  if (typeof duration === 'string' && duration !== '') return `pause: ${/^\d+$/.test(duration) ? `${duration}s` : duration}`;
  return 'pause (until promoted)';
}

/** The step as the user wrote it, e.g. `setWeight: 10`, `pause: 1m`, `pause (until promoted)`. */
export function stepText(step: unknown, kind: string = stepKind(step)): string {
  const value = at(step, kind);
  switch (kind) {
    case 'setWeight':
      return `setWeight: ${typeof value === 'number' || typeof value === 'string' ? value : '?'}`;
    case 'pause':
      return pauseText(at(value, 'duration'));
    case 'analysis':
      return withNames('analysis', templateNames(value));
    case 'experiment':
      return withNames('experiment', templateNames(value));
    case 'setCanaryScale': {
      const weight = optInt(at(value, 'weight'));
      const replicas = optInt(at(value, 'replicas'));
      if (weight !== undefined) return `setCanaryScale: weight ${weight}`;
      if (replicas !== undefined) return `setCanaryScale: replicas ${replicas}`;
      return at(value, 'matchTrafficWeight') === true ? 'setCanaryScale: matchTrafficWeight' : 'setCanaryScale';
    }
    case 'setHeaderRoute':
    case 'setMirrorRoute':
      return withNames(kind, [stringAt(value, 'name') ?? ''].filter((n) => n !== ''));
    case 'plugin':
      return withNames('plugin', [stringAt(value, 'name') ?? ''].filter((n) => n !== ''));
    default:
      return isRecord(step) ? (Object.keys(step)[0] ?? 'empty step') : 'unreadable step';
  }
}

/** Seconds of a pause duration as Argo reads it (fractions truncated); undefined when Argo would refuse it. */
export function pauseSeconds(duration: unknown): number | undefined {
  if (typeof duration === 'number') return Number.isInteger(duration) && duration >= 0 ? duration : undefined;
  if (typeof duration !== 'string' || duration === '') return undefined;
  if (/^[+-]?\d+$/.test(duration)) return Number(duration) >= 0 ? Number(duration) : undefined;
  const d = parseGoDuration(duration);
  return d.ok && d.seconds >= 0 ? Math.trunc(d.seconds) : undefined;
}

/** When the current timed pause ends: its CanaryPauseStep pause condition's startTime + the duration. */
function pauseEndsAt(rollout: unknown, step: unknown): number | undefined {
  const seconds = pauseSeconds(at(step, 'pause', 'duration'));
  if (seconds === undefined) return undefined;
  const conditions = at(rollout, 'status', 'pauseConditions');
  const condition = Array.isArray(conditions) ? conditions.find((c) => stringAt(c, 'reason') === 'CanaryPauseStep') : undefined;
  const start = rfc3339(at(condition, 'startTime'));
  return start === undefined ? undefined : start + seconds * 1000;
}

/** Background analysis starts at `startingStep` (0-based, default 0), only when it names templates. */
function analysisStartingStep(rollout: unknown): number | undefined {
  const analysis = at(rollout, 'spec', 'strategy', 'canary', 'analysis');
  if (!isRecord(analysis) || templateNames(analysis).length === 0) return undefined;
  return optInt(analysis.startingStep) ?? 0;
}

function stateOf(i: number, current: number | undefined, allDone: boolean): StepState {
  if (allDone) return 'done';
  if (current === undefined || i > current) return 'pending';
  return i < current ? 'done' : 'current';
}

/**
 * Blue-green rollouts have no steps (their progress is the preview/active switch the header shows),
 * so their timeline is empty, as is that of a rollout with no canary steps.
 */
/**
 * `abortedAtStep`: where an aborted rollout was when it aborted. Argo resets `currentStepIndex` to 0
 * on abort, so the status alone cannot say; the caller knows it from the failed step run's
 * `step-index` or from the index it saw before the abort. Unknown → no step is marked (marking step 1
 * would be wrong) and the header's abort message speaks for itself.
 */
export function timelineSteps(rollout: unknown, abortedAtStep?: number): TimelineStep[] {
  const steps = canarySteps(rollout);
  const aborted = at(rollout, 'status', 'abort') === true;
  const index = aborted ? abortedAtStep : optInt(at(rollout, 'status', 'currentStepIndex'));
  // Fully promoted (stable = desired hash, both known) or past the last step: nothing left to do.
  // An unset index on a rollout not yet promoted means the controller has not started: all pending.
  const stable = stringAt(rollout, 'status', 'stableRS') ?? '';
  const allDone = !aborted && ((stable !== '' && isFullyPromoted(rollout)) || (index !== undefined && index >= steps.length));
  const startsAt = analysisStartingStep(rollout);
  return steps.map((step, i): TimelineStep => {
    const kind = stepKind(step);
    const state = stateOf(i, index, allDone);
    const endsAt = state === 'current' && kind === 'pause' ? pauseEndsAt(rollout, step) : undefined;
    return {
      index: i,
      kind,
      text: stepText(step, kind),
      state,
      ...(endsAt !== undefined ? { pauseEndsAt: endsAt } : {}),
      ...(startsAt === i ? { analysisStartsHere: true } : {}),
      ...(state === 'current' && aborted ? { abortedHere: true } : {}),
    };
  });
}

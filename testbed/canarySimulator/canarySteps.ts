// The pieces of the controller's step handling the simulator shares (rollout/canary.go, rollout/pause.go):
// pause durations, pause conditions, and whether the current pause step is over. The controller
// advances at most one step per reconcile (syncRolloutStatusCanary); reconcileCanary.ts does the same.
import { parseGoDuration } from '../../src/core/goDuration';
import { at, list, rfc3339 as readTime } from '../../src/core/rollout/jsonFields';
import { isJsonObject, type JsonObject } from '../apiDouble/jsonValue';

export const CANARY_PAUSE_STEP = 'CanaryPauseStep';
export const INCONCLUSIVE_ANALYSIS_RUN = 'InconclusiveAnalysisRun';

/** Pause duration in ms; undefined means "until promoted". An int is seconds; a bad string counts as indefinite. */
export function pauseDurationMs(pause: unknown): number | undefined {
  const d = at(pause, 'duration');
  if (typeof d === 'number') return Math.max(0, d * 1000);
  if (typeof d === 'string' && d !== '') {
    if (/^\d+$/.test(d)) return Number(d) * 1000;
    const parsed = parseGoDuration(d);
    return parsed.ok ? Math.max(0, parsed.seconds * 1000) : undefined;
  }
  return undefined;
}

export function pauseConditionsOf(status: JsonObject): JsonObject[] {
  return list(status.pauseConditions).filter(isJsonObject);
}

export function setPauseConditions(status: JsonObject, conditions: JsonObject[]): void {
  if (conditions.length > 0) status.pauseConditions = conditions;
  else delete status.pauseConditions;
}

function canaryStatus(status: JsonObject): JsonObject {
  if (!isJsonObject(status.canary)) status.canary = {};
  return isJsonObject(status.canary) ? status.canary : {};
}

/** Adds a pause condition once and marks the pause as the controller's. */
export function addPause(status: JsonObject, reason: string, nowText: string): void {
  const conditions = pauseConditionsOf(status);
  if (!conditions.some((c) => c.reason === reason)) conditions.push({ reason, startTime: nowText });
  setPauseConditions(status, conditions);
  status.controllerPause = true;
}

/** The client cleared the conditions of a controller pause: the pause is over. */
export function pauseAcknowledged(status: JsonObject): boolean {
  return status.controllerPause === true && pauseConditionsOf(status).length === 0;
}

/**
 * reconcileCanaryPause: on a pause step the controller adds the CanaryPauseStep condition once (unless
 * a client already cleared a controller pause: a promote). Returns true when it added the condition;
 * asks for a reconcile when a timed pause ends.
 */
export function reconcilePauseStep(previous: JsonObject, status: JsonObject, pause: unknown, nowMs: number, nowText: string, wakeAt: (ms: number) => void): boolean {
  const duration = pauseDurationMs(pause);
  const cond = pauseConditionsOf(previous).find((c) => c.reason === CANARY_PAUSE_STEP);
  if (!cond) {
    if (previous.controllerPause === true) return false;
    addPause(status, CANARY_PAUSE_STEP, nowText);
    if (duration !== undefined) wakeAt(nowMs + duration);
    return true;
  }
  if (duration !== undefined) wakeAt((readTime(cond.startTime) ?? nowMs) + duration);
  return false;
}

/** CompletedCanaryPauseStep, read from the status the reconcile started from. */
export function completedPauseStep(previous: JsonObject, pause: unknown, nowMs: number): boolean {
  const duration = pauseDurationMs(pause);
  const cond = pauseConditionsOf(previous).find((c) => c.reason === CANARY_PAUSE_STEP);
  if (cond && duration !== undefined) return nowMs >= (readTime(cond.startTime) ?? nowMs) + duration;
  return !cond && pauseAcknowledged(previous);
}

/** A step completed: the index moves on, the pause step's condition and the step run's status go. */
export function stepDone(status: JsonObject): void {
  setPauseConditions(status, pauseConditionsOf(status).filter((c) => c.reason !== CANARY_PAUSE_STEP));
  delete canaryStatus(status).currentStepAnalysisRunStatus;
}

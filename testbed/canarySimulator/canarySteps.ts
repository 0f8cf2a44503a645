// Walking a canary's steps from status.currentStepIndex, as the controller's completedCurrentCanaryStep
// loop does when pods are ready at once: setWeight completes immediately, a pause adds the
// CanaryPauseStep condition and completes when its duration has passed or when a client cleared the
// conditions (controllerPause still true, no conditions: the promote patch), an analysis step waits
// for its run. Mutates the status being built; returns an abort reason when analysis failed.
import { parseGoDuration } from '../../src/core/goDuration';
import { at, isObject, list, optInt, rfc3339 as readTime, str } from '../../src/core/rollout/jsonFields';
import { isJsonObject, type JsonObject } from '../apiDouble/jsonValue';

export const CANARY_PAUSE_STEP = 'CanaryPauseStep';
export const INCONCLUSIVE_ANALYSIS_RUN = 'InconclusiveAnalysisRun';

/** What the walk needs from the reconciler: the clock and the step's AnalysisRun. */
export interface StepWalkContext {
  readonly nowMs: number;
  readonly nowText: string;
  wakeAt(ms: number): void;
  /** The current run for steps[index].analysis (created and measured up to now when missing). */
  stepRun(index: number, analysis: unknown): JsonObject;
}

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

function stepDone(status: JsonObject): void {
  delete status.controllerPause;
  setPauseConditions(status, pauseConditionsOf(status).filter((c) => c.reason !== CANARY_PAUSE_STEP));
  delete canaryStatus(status).currentStepAnalysisRunStatus;
}

function pauseStep(status: JsonObject, pause: unknown, ctx: StepWalkContext): boolean {
  const duration = pauseDurationMs(pause);
  const cond = pauseConditionsOf(status).find((c) => c.reason === CANARY_PAUSE_STEP);
  if (!cond) {
    if (pauseAcknowledged(status) || duration === 0) return true;
    addPause(status, CANARY_PAUSE_STEP, ctx.nowText);
    if (duration !== undefined) ctx.wakeAt(ctx.nowMs + duration);
    return false;
  }
  if (duration === undefined) return false;
  const end = (readTime(cond.startTime) ?? ctx.nowMs) + duration;
  if (ctx.nowMs >= end) return true;
  ctx.wakeAt(end);
  return false;
}

type AnalysisStepResult = { done: true } | { done: false; abort?: string };

function analysisStep(status: JsonObject, index: number, analysis: unknown, ctx: StepWalkContext): AnalysisStepResult {
  const run = ctx.stepRun(index, analysis);
  const phase = str(at(run, 'status', 'phase'));
  const message = str(at(run, 'status', 'message'));
  const runStatus: JsonObject = { name: str(at(run, 'metadata', 'name')), status: phase };
  if (message !== '') runStatus.message = message;
  canaryStatus(status).currentStepAnalysisRunStatus = runStatus;
  if (phase === 'Successful') return { done: true };
  if (phase === 'Failed' || phase === 'Error') return { done: false, abort: `Step-based analysis phase error/failed: ${message}` };
  if (phase === 'Inconclusive') {
    if (pauseAcknowledged(status)) return { done: true };
    addPause(status, INCONCLUSIVE_ANALYSIS_RUN, ctx.nowText);
  }
  return { done: false };
}

/** Advances status.currentStepIndex as far as the steps allow now. */
export function walkCanarySteps(status: JsonObject, steps: readonly unknown[], ctx: StepWalkContext): { abort?: string } {
  let index = optInt(status.currentStepIndex) ?? 0;
  while (index < steps.length) {
    const step = steps[index];
    let done = true;
    if (isObject(at(step, 'pause'))) {
      done = pauseStep(status, at(step, 'pause'), ctx);
    } else if (isObject(at(step, 'analysis'))) {
      const r = analysisStep(status, index, at(step, 'analysis'), ctx);
      if (!r.done && r.abort !== undefined) {
        status.currentStepIndex = index;
        return { abort: r.abort };
      }
      done = r.done;
    }
    // setWeight, setCanaryScale, experiment, plugin and route steps complete at once here: pods are
    // ready immediately and there is no traffic router to verify.
    if (!done) break;
    stepDone(status);
    index++;
  }
  status.currentStepIndex = index;
  return {};
}

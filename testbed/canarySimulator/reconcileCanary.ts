// One reconcile of a canary Rollout, in the order of the v1.9.1 controller's rolloutCanary
// (rollout/canary.go): a changed pod template or changed steps first resets the status and ends the
// reconcile (syncRolloutStatusCanary → resetRolloutStatus); otherwise restart (rollout/restart.go), the
// traffic weight (rollout/trafficrouting.go: the previous setWeight until the canary has its replicas),
// AnalysisRuns (rollout/analysis.go), ReplicaSet scaling (a reconcile that scaled ends there), the pause
// step, then at most ONE step completed and the status written. Pods become ready at once (unless the
// simulator's `podReady` says otherwise), so the next reconcile — triggered by the simulator's own
// writes — sees them available, as the controller's next reconcile sees them after the kubelet.
// See README.md for what is left out.
import { calculateRolloutPhase, desiredReplicas } from '../../src/core/rollout/rolloutPhase';
import { canarySteps, setWeight } from '../../src/core/rollout/canaryWeights';
import { at, bool, int, isObject, list, optInt, rfc3339 as readTime, str } from '../../src/core/rollout/jsonFields';
import { readCanaryModel } from '../../src/core/stepPlan/canaryModel';
import { maxUnavailable } from '../../src/core/stepPlan/canaryReplicaCounts';
import type { ClusterStore } from '../apiDouble/clusterStore';
import { cloneJson, isJsonObject, jsonEqual, type JsonObject } from '../apiDouble/jsonValue';
import { isRunCompleted } from './advanceAnalysisRun';
import {
  addPause, CANARY_PAUSE_STEP, completedPauseStep, INCONCLUSIVE_ANALYSIS_RUN, pauseConditionsOf, reconcilePauseStep, setPauseConditions, stepDone,
} from './canarySteps';
import { podTemplateHash } from './podTemplateHash';
import {
  annotate, createReplicaSet, evictPod, hashOf, isPodReady, ownedReplicaSets, podsOf, replicaCounts, revisionOfRs, scaleReplicaSet, type PodNamer, type PodReadiness,
} from './replicaSetSync';
import { createRolloutAnalysisRun, type RunKind } from './rolloutAnalysisRun';
import { availableCondition, findCondition, isAbortedCondition, progressingCondition, setCondition, type ProgressState } from './rolloutConditions';
import { isOwnedByUid, nameOf, namespaceOf, refOf, REVISION_ANNOTATION, rfc3339, SCALE_DOWN_DEADLINE_ANNOTATION, selectorString, stringMap, uidOf } from './simObjects';

export interface ReconcileContext {
  readonly store: ClusterStore;
  readonly nowMs: number;
  readonly namer: PodNamer;
  /** Whether a new pod of a ReplicaSet becomes ready. */
  readonly podReady: PodReadiness;
  /** Asks for another reconcile at that time (pause ends, scale-down deadlines, restart re-checks). */
  wakeAt(ms: number): void;
  /** Takes a run's due measurements, stores it, and returns the stored run. */
  advanceRun(run: JsonObject): JsonObject;
}

const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
const DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS = 30;
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
/** restartPodCheckTime: a restart that could not evict every old pod looks again after this. */
const RESTART_RECHECK_MS = 30_000;
const TIMED_OUT = 'ProgressDeadlineExceeded';

interface Update {
  readonly ctx: ReconcileContext;
  readonly rollout: JsonObject;
  /** The status the reconcile started from (the controller's c.rollout.Status). */
  readonly prev: JsonObject;
  /** The status being built (c.newStatus). */
  readonly st: JsonObject;
  readonly hash: string;
  readonly revision: number;
  readonly steps: readonly unknown[];
  readonly trafficRouted: boolean;
  /** Set when analysis or the progress deadline aborts the update in this reconcile. */
  abortReason: string;
}

function canaryOf(st: JsonObject): JsonObject {
  if (!isJsonObject(st.canary)) st.canary = {};
  return isJsonObject(st.canary) ? st.canary : {};
}

const index = (st: JsonObject): number => optInt(st.currentStepIndex) ?? 0;
const inUpdate = (u: Update): boolean => str(u.st.stableRS) !== u.hash;
const isAborted = (u: Update): boolean => u.st.abort === true;

/** resetRolloutStatus: a new pod template or new steps start the canary over. */
function resetForUpdate(u: Update): void {
  const { st } = u;
  for (const k of ['pauseConditions', 'controllerPause', 'abort', 'abortedAt', 'promoteFull']) delete st[k];
  const canary = canaryOf(st);
  delete canary.currentStepAnalysisRunStatus;
  delete canary.currentBackgroundAnalysisRunStatus;
  const restartAt = str(at(u.rollout, 'spec', 'restartAt'));
  if (restartAt !== '') st.restartedAt = restartAt;
  if (u.steps.length > 0) st.currentStepIndex = 0;
  else delete st.currentStepIndex;
}

function runStatus(run: JsonObject): JsonObject {
  const out: JsonObject = { name: nameOf(run), status: str(at(run, 'status', 'phase')) };
  const message = str(at(run, 'status', 'message'));
  if (message !== '') out.message = message;
  return out;
}

/** The run a status names under status.canary[statusKey] (default: the status the reconcile started from). */
function namedRun(u: Update, statusKey: string, status: JsonObject = u.prev): JsonObject | undefined {
  const name = str(at(status, 'canary', statusKey, 'name'));
  return name === '' ? undefined : u.ctx.store.get({ resource: 'analysisruns', namespace: namespaceOf(u.rollout), name }) ?? undefined;
}

/**
 * needsNewAnalysisRun: none yet; or, after a controller pause that is not a pause step (the client promoted
 * past an Inconclusive run), that run was Inconclusive; or the update was aborted and retried.
 */
function needsNewRun(u: Update, current: JsonObject | undefined): boolean {
  if (!current) return true;
  const noPauseStep = !pauseConditionsOf(u.prev).some((c) => c.reason === CANARY_PAUSE_STEP);
  if (u.prev.controllerPause === true && noPauseStep) return str(at(current, 'status', 'phase')) === 'Inconclusive';
  return str(u.prev.abortedAt) !== '';
}

function createRun(u: Update, kind: RunKind, analysis: unknown, stepIndex?: number): JsonObject {
  const created = createRolloutAnalysisRun(u.ctx.store, {
    rollout: u.rollout, kind, analysis, podHash: u.hash, stableHash: str(u.st.stableRS), revision: u.revision, nowMs: u.ctx.nowMs,
    ...(stepIndex !== undefined ? { stepIndex } : {}),
  });
  return u.ctx.advanceRun(created);
}

/** Inconclusive pauses, Failed or Error aborts (AddPauseCondition / AddAbort). */
function actOnRun(u: Update, run: JsonObject, what: string): boolean {
  const phase = str(at(run, 'status', 'phase'));
  if (phase === 'Inconclusive') {
    if (!pauseConditionsOf(u.st).some((c) => c.reason === INCONCLUSIVE_ANALYSIS_RUN)) {
      addPause(u.st, INCONCLUSIVE_ANALYSIS_RUN, rfc3339(u.ctx.nowMs));
      return true;
    }
  } else if ((phase === 'Failed' || phase === 'Error') && !isAborted(u)) {
    const message = str(at(run, 'status', 'message'));
    u.st.abort = true;
    u.abortReason = `${what} analysis phase error/failed${message !== '' ? `: ${message}` : ''}`;
  }
  return false;
}

function stepRun(u: Update): JsonObject | undefined {
  const step = u.steps[index(u.prev)];
  const current = namedRun(u, 'currentStepAnalysisRunStatus');
  if (pauseConditionsOf(u.prev).length > 0 || u.prev.abort === true) return current;
  const analysis = at(step, 'analysis');
  const fromPreviousStep = current !== undefined && stringMap(at(current, 'metadata', 'labels'))['step-index'] !== String(index(u.prev));
  if (!isObject(analysis) || list(analysis.templates).length === 0 || index(u.prev) >= u.steps.length || fromPreviousStep) return undefined;
  if (needsNewRun(u, current)) return createRun(u, 'Step', analysis, index(u.prev));
  return current;
}

function backgroundRun(u: Update): JsonObject | undefined {
  const analysis = at(u.rollout, 'spec', 'strategy', 'canary', 'analysis');
  if (!isObject(analysis) || list(analysis.templates).length === 0) return undefined;
  const startingStep = optInt(analysis.startingStep);
  const beforeStart = startingStep !== undefined && index(u.prev) < u.steps.length && index(u.prev) < startingStep;
  if (!inUpdate(u) || str(u.prev.stableRS) === '' || beforeStart) return undefined;
  const current = namedRun(u, 'currentBackgroundAnalysisRunStatus');
  if (pauseConditionsOf(u.prev).some((c) => c.reason === INCONCLUSIVE_ANALYSIS_RUN)) return current;
  if (needsNewRun(u, current)) return createRun(u, 'Background', analysis);
  return current;
}

/**
 * reconcileAnalysisRuns: the step and background runs of this update (created when needed), every
 * other run of the Rollout terminated, their phases in the status. Returns true when a run paused the
 * rollout (the reconcile then ends, as HasAddPause does).
 */
function reconcileAnalysisRuns(u: Update): boolean {
  const skip = isAborted(u) || u.prev.promoteFull === true || str(u.prev.stableRS) === '';
  let paused = false;
  let step: JsonObject | undefined;
  let background: JsonObject | undefined;
  if (!skip) {
    step = stepRun(u);
    if (step && pauseConditionsOf(u.prev).length === 0 && u.prev.abort !== true) paused = actOnRun(u, step, 'Step-based') || paused;
    background = backgroundRun(u);
    if (background && !pauseConditionsOf(u.prev).some((c) => c.reason === INCONCLUSIVE_ANALYSIS_RUN)) paused = actOnRun(u, background, 'Background') || paused;
  }
  const keep = new Set([step, background].filter((r): r is JsonObject => r !== undefined).map(nameOf));
  // Aborted or skipped: the runs stay named in the status (the failed run stays visible), but stop.
  if (skip) for (const key of ['currentStepAnalysisRunStatus', 'currentBackgroundAnalysisRunStatus']) keep.delete(str(at(u.prev, 'canary', key, 'name')));
  terminateRunsBut(u, keep);
  const canary = canaryOf(u.st);
  if (!skip) {
    if (step) canary.currentStepAnalysisRunStatus = runStatus(step);
    else delete canary.currentStepAnalysisRunStatus;
    if (background) canary.currentBackgroundAnalysisRunStatus = runStatus(background);
    else delete canary.currentBackgroundAnalysisRunStatus;
  } else {
    for (const key of ['currentStepAnalysisRunStatus', 'currentBackgroundAnalysisRunStatus']) {
      const run = namedRun(u, key);
      if (run) canary[key] = runStatus(run);
    }
  }
  return paused;
}

function terminateRunsBut(u: Update, keep: ReadonlySet<string>): void {
  const { ctx } = u;
  const runs = ctx.store.list('analysisruns', { namespace: namespaceOf(u.rollout) }).items.filter((r) => isOwnedByUid(r, uidOf(u.rollout)));
  for (const run of runs) {
    if (keep.has(nameOf(run)) || isRunCompleted(run) || at(run, 'spec', 'terminate') === true) continue;
    const next = cloneJson(run);
    next.spec = { ...(isJsonObject(run.spec) ? run.spec : {}), terminate: true };
    ctx.advanceRun(ctx.store.update('analysisruns', next));
  }
}

/** Canary and stable replica targets for the current step (setWeight rounded up; basic canary splits the pods). */
function targets(u: Update, weight: number): { canary: number; stable: number } {
  const replicas = desiredReplicas(u.rollout);
  if (!inUpdate(u)) return { canary: replicas, stable: replicas };
  const canary = Math.min(replicas, Math.ceil((replicas * weight) / 100));
  const stable = u.trafficRouted || isAborted(u) ? replicas : Math.min(replicas, Math.ceil((replicas * (100 - weight)) / 100));
  return { canary, stable };
}

/** AtDesiredReplicaCountsForCanary: the canary has its replicas available and the stable all of its own. */
function atDesiredReplicaCounts(u: Update, replicaSets: readonly JsonObject[]): boolean {
  const want = targets(u, setWeight({ spec: u.rollout.spec, status: u.prev }));
  const canary = replicaSets.find((rs) => hashOf(rs) === u.hash);
  const stable = replicaSets.find((rs) => hashOf(rs) === str(u.st.stableRS));
  const canaryOk = canary !== undefined && int(at(canary, 'spec', 'replicas')) === want.canary && int(at(canary, 'status', 'availableReplicas')) >= want.canary;
  const stableOk = stable === undefined || int(at(stable, 'status', 'replicas')) >= want.stable;
  return canaryOk && stableOk;
}

/** reconcileTrafficRouting's desired canary weight (NGINX verifies nothing, so it is never unverified). */
function desiredTrafficWeight(u: Update, replicaSets: readonly JsonObject[]): number {
  if (!inUpdate(u) || isAborted(u)) return 0;
  const canary = replicaSets.find((rs) => hashOf(rs) === u.hash);
  if (!canary || int(at(canary, 'status', 'availableReplicas')) === 0) return 0;
  if (u.prev.promoteFull === true) return int(at(u.prev, 'canary', 'weights', 'canary', 'weight'));
  const i = index(u.prev);
  if (!atDesiredReplicaCounts(u, replicaSets)) {
    for (let k = i - 1; k >= 0; k--) {
      const w = optInt(at(u.steps[k], 'setWeight'));
      if (w !== undefined) return w;
    }
    return 0;
  }
  return i < u.steps.length ? setWeight({ spec: u.rollout.spec, status: u.prev }) : 100;
}

function writeWeights(u: Update, canaryWeight: number): void {
  const canarySpec = at(u.rollout, 'spec', 'strategy', 'canary');
  canaryOf(u.st).weights = {
    canary: { weight: canaryWeight, podTemplateHash: u.hash, serviceName: str(at(canarySpec, 'canaryService')) },
    stable: { weight: 100 - canaryWeight, podTemplateHash: str(u.st.stableRS), serviceName: str(at(canarySpec, 'stableService')) },
  };
}

/** Scales every ReplicaSet of the Rollout toward its target; returns true when one changed (the reconcile ends). */
function scaleReplicaSets(u: Update): boolean {
  const { ctx, rollout, st, hash } = u;
  const aborted = isAborted(u) && inUpdate(u);
  const weight = inUpdate(u) && !aborted ? setWeight({ spec: rollout.spec, status: st }) : 100;
  const want = targets(u, weight);
  const delayMs = (optInt(at(rollout, 'spec', 'strategy', 'canary', 'scaleDownDelaySeconds')) ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS) * 1000;
  const abortDelaySeconds = optInt(at(rollout, 'spec', 'strategy', 'canary', 'abortScaleDownDelaySeconds')) ?? DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS;
  let scaledAny = false;
  const replicaSets = ownedReplicaSets(ctx.store, rollout);
  const stableRs = replicaSets.find((rs) => hashOf(rs) === str(st.stableRS));
  for (const rs of replicaSets) {
    const h = hashOf(rs);
    let target = h === hash ? (aborted ? 0 : want.canary) : h === str(st.stableRS) ? want.stable : 0;
    const current = optInt(at(rs, 'spec', 'replicas')) ?? 0;
    const deadlineText = str(at(rs, 'metadata', 'annotations', SCALE_DOWN_DEADLINE_ANNOTATION));
    // With traffic routing an aborted canary keeps its pods for abortScaleDownDelaySeconds (0: for good),
    // the deadline set once the stable is back at full strength (reconcileNewReplicaSet).
    if (h === hash && aborted && u.trafficRouted && current > 0) {
      if (abortDelaySeconds === 0) continue;
      const deadline = readTime(deadlineText);
      if (deadline === undefined) {
        if (int(at(stableRs, 'status', 'availableReplicas')) >= desiredReplicas(rollout)) {
          annotate(ctx.store, rs, { [SCALE_DOWN_DEADLINE_ANNOTATION]: rfc3339(ctx.nowMs + abortDelaySeconds * 1000) });
          ctx.wakeAt(ctx.nowMs + abortDelaySeconds * 1000);
        }
        continue;
      }
      if (ctx.nowMs < deadline) {
        ctx.wakeAt(deadline);
        continue;
      }
      target = 0;
    } else if (target === 0 && current > 0 && u.trafficRouted && !inUpdate(u)) {
      // The stable ReplicaSet just replaced keeps serving until its scale-down deadline.
      const deadline = readTime(deadlineText);
      if (deadline === undefined) {
        annotate(ctx.store, rs, { [SCALE_DOWN_DEADLINE_ANNOTATION]: rfc3339(ctx.nowMs + delayMs) });
        ctx.wakeAt(ctx.nowMs + delayMs);
        continue;
      }
      if (ctx.nowMs < deadline) {
        ctx.wakeAt(deadline);
        continue;
      }
    }
    if (current !== target) scaledAny = true;
    let scaled = scaleReplicaSet(ctx.store, rs, target, ctx.namer, ctx.nowMs, ctx.podReady);
    if (deadlineText !== '' && (target > 0 || current > 0) && !(h === hash && aborted)) scaled = annotate(ctx.store, scaled, { [SCALE_DOWN_DEADLINE_ANNOTATION]: undefined });
  }
  return scaledAny;
}

/** A PodDisruptionBudget selecting the pod that allows no more disruption (the Eviction API's 429). */
function evictionBlocked(store: ClusterStore, pod: JsonObject, pods: readonly JsonObject[]): boolean {
  const labels = stringMap(at(pod, 'metadata', 'labels'));
  for (const pdb of store.list('poddisruptionbudgets', { namespace: namespaceOf(pod) }).items) {
    const match = stringMap(at(pdb, 'spec', 'selector', 'matchLabels'));
    const selects = (p: JsonObject): boolean => Object.entries(match).every(([k, v]) => stringMap(at(p, 'metadata', 'labels'))[k] === v);
    if (!Object.entries(match).every(([k, v]) => labels[k] === v)) continue;
    const covered = pods.filter(selects);
    const healthy = covered.filter(isPodReady).length;
    const fraction = (v: unknown, roundUp: boolean): number | undefined => {
      if (typeof v === 'number') return v;
      const m = /^(\d+)%$/.exec(str(v));
      if (!m) return undefined;
      const x = (Number(m[1]) * covered.length) / 100;
      return roundUp ? Math.ceil(x) : Math.floor(x);
    };
    const minAvailable = fraction(at(pdb, 'spec', 'minAvailable'), true);
    const maxUnavail = fraction(at(pdb, 'spec', 'maxUnavailable'), true);
    const desiredHealthy = minAvailable ?? (maxUnavail !== undefined ? covered.length - maxUnavail : 0);
    if (healthy - desiredHealthy <= 0) return true;
  }
  return false;
}

/**
 * RolloutPodRestarter.Reconcile: pods created before spec.restartAt are evicted, at most
 * max(maxUnavailable, 1) unavailable at a time, never past a PodDisruptionBudget; while some remain, a
 * re-check every 30 s; status.restartedAt only once every pod is newer. Returns how many it evicted
 * (the reconcile then ends, as the controller's does).
 */
function restartPods(u: Update): number {
  const { ctx, rollout, st } = u;
  const wanted = str(at(rollout, 'spec', 'restartAt'));
  const when = readTime(wanted);
  if (when === undefined || str(u.prev.restartedAt) === wanted) return 0;
  // NeedsRestart: strictly after restartAt.
  if (ctx.nowMs <= when) {
    ctx.wakeAt(when + 1);
    return 0;
  }
  const replicaSets = ownedReplicaSets(ctx.store, rollout);
  const stable = replicaSets.filter((rs) => hashOf(rs) === str(st.stableRS));
  const ordered = [...stable, ...replicaSets.filter((rs) => !stable.includes(rs))];
  const pods = ordered.flatMap((rs) => podsOf(ctx.store, rs).map((pod) => ({ rs, pod })));
  const total = replicaSets.reduce((n, rs) => n + int(at(rs, 'spec', 'replicas')), 0);
  const model = readCanaryModel(rollout);
  const concurrent = Math.max(model ? maxUnavailable(model) : 1, 1);
  let canRestart = pods.filter(({ pod }) => isPodReady(pod)).length - (Math.max(desiredReplicas(rollout), total) - concurrent);
  let needs = 0;
  let restarted = 0;
  for (const { rs, pod } of pods) {
    if ((readTime(str(at(pod, 'metadata', 'creationTimestamp'))) ?? 0) >= when) continue;
    needs++;
    if (canRestart <= 0) continue;
    if (evictionBlocked(ctx.store, pod, pods.map((p) => p.pod))) continue;
    evictPod(ctx.store, rs, pod, ctx.namer, ctx.nowMs, ctx.podReady);
    canRestart--;
    restarted++;
  }
  if (needs - restarted !== 0) ctx.wakeAt(ctx.nowMs + RESTART_RECHECK_MS);
  else st.restartedAt = wanted;
  return restarted;
}

/** completedCurrentCanaryStep, judged on the state the reconcile started from. */
function completedCurrentStep(u: Update, replicaSets: readonly JsonObject[], stepRunNow: JsonObject | undefined): boolean {
  if (bool(at(u.rollout, 'spec', 'paused'))) return false;
  const i = index(u.prev);
  if (i >= u.steps.length) return false;
  const step = u.steps[i];
  if (isObject(at(step, 'pause'))) return completedPauseStep(u.prev, at(step, 'pause'), u.ctx.nowMs);
  if (optInt(at(step, 'setWeight')) !== undefined || isObject(at(step, 'setCanaryScale'))) return atDesiredReplicaCounts(u, replicaSets);
  if (isObject(at(step, 'analysis'))) return str(at(stepRunNow, 'status', 'phase')) === 'Successful';
  // Experiment, header/mirror route and plugin steps complete at once here (not modelled).
  return true;
}

export function reconcileCanary(ctx: ReconcileContext, rollout: JsonObject): void {
  const canarySpec = at(rollout, 'spec', 'strategy', 'canary');
  if (!isObject(canarySpec) || uidOf(rollout) === '') return;
  const steps = canarySteps(rollout);
  const hash = podTemplateHash(at(rollout, 'spec', 'template'));
  const stepHash = podTemplateHash(steps);
  const prev = isJsonObject(rollout.status) ? rollout.status : {};
  const st = cloneJson(prev);

  const existing = ownedReplicaSets(ctx.store, rollout);
  const maxRevision = Math.max(0, ...existing.map(revisionOfRs));
  const templateChanged = str(prev.currentPodHash) !== hash;
  let newRS = existing.find((rs) => hashOf(rs) === hash);
  if (!newRS) newRS = createReplicaSet(ctx.store, rollout, hash, maxRevision + 1);
  else if (templateChanged && revisionOfRs(newRS) < maxRevision) newRS = annotate(ctx.store, newRS, { [REVISION_ANNOTATION]: String(maxRevision + 1) });
  const u: Update = {
    ctx, rollout, prev, st, hash, revision: revisionOfRs(newRS), steps, abortReason: '',
    trafficRouted: at(canarySpec, 'trafficRouting') != null,
  };

  // PodTemplateOrStepsChanged: the status starts over, and this reconcile ends with it.
  if (templateChanged || str(prev.currentStepHash) !== stepHash) {
    resetForUpdate(u);
    st.currentPodHash = hash;
    st.currentStepHash = stepHash;
    if (str(st.stableRS) === '') st.stableRS = hash; // Initial deploy: no steps, no analysis.
    if (st.stableRS === hash && steps.length > 0) st.currentStepIndex = steps.length;
    writeStatus(u, newRS, undefined);
    return;
  }

  // Retry: a client cleared `abort` of an aborted update; it starts again from the first step.
  if (inUpdate(u) && st.abort !== true && isAbortedCondition(st)) {
    for (const k of ['abortedAt', 'pauseConditions', 'controllerPause']) delete st[k];
    if (steps.length > 0) st.currentStepIndex = 0;
  }
  if (st.abort === false) delete st.abort;

  if (restartPods(u) > 0) return;

  const replicaSets = ownedReplicaSets(ctx.store, rollout);
  if (u.trafficRouted) writeWeights(u, desiredTrafficWeight(u, replicaSets));

  const pausedByRun = reconcileAnalysisRuns(u);
  const stepRunNow = namedRun(u, 'currentStepAnalysisRunStatus', st);
  if (pausedByRun) {
    writeStatus(u, newRS, undefined);
    return;
  }
  if (scaleReplicaSets(u)) {
    writeStatus(u, newRS, replicaSets);
    return;
  }
  if (!bool(at(rollout, 'spec', 'paused')) && prev.promoteFull !== true && index(prev) < steps.length && isObject(at(steps[index(prev)], 'pause'))) {
    reconcilePauseStep(prev, st, at(steps[index(prev)], 'pause'), ctx.nowMs, rfc3339(ctx.nowMs), (ms) => ctx.wakeAt(ms));
  }
  syncCanaryStatus(u, replicaSets, stepRunNow);
  writeStatus(u, newRS, undefined);
}

/** syncRolloutStatusCanary after the ReplicaSets are in place: promote full, promote stable, abort, or one step. */
function syncCanaryStatus(u: Update, replicaSets: readonly JsonObject[], stepRunNow: JsonObject | undefined): void {
  const { st, steps } = u;
  if (st.promoteFull === true) {
    setPauseConditions(st, []);
    delete st.controllerPause;
    delete st.abort;
    if (steps.length > 0) st.currentStepIndex = steps.length;
  }
  if (inUpdate(u) && (steps.length === 0 || index(st) >= steps.length) && !isAborted(u)) {
    st.stableRS = u.hash;
    delete st.promoteFull;
    return;
  }
  if (isAborted(u)) {
    if (steps.length > 0) st.currentStepIndex = inUpdate(u) ? 0 : steps.length;
    setPauseConditions(st, []);
    delete st.controllerPause;
    if (str(st.abortedAt) === '') st.abortedAt = rfc3339(u.ctx.nowMs);
    return;
  }
  if (inUpdate(u) && completedCurrentStep(u, replicaSets, stepRunNow)) {
    st.currentStepIndex = index(u.prev) + 1;
    stepDone(st);
    // A promote (conditions cleared by the client) is acknowledged by the step moving on.
    if (pauseConditionsOf(st).length === 0) delete st.controllerPause;
  }
}

/** calculateRolloutConditions, the phase and persistRolloutStatus. `countsFrom` holds the ReplicaSets as they were before this reconcile scaled them. */
function writeStatus(u: Update, newRS: JsonObject, countsFrom: readonly JsonObject[] | undefined): void {
  const { ctx, rollout, st, hash, prev } = u;
  const replicas = desiredReplicas(rollout);
  const counts = replicaCounts(countsFrom ?? ownedReplicaSets(ctx.store, rollout), hash);
  const setCount = (k: string, v: number): void => {
    if (v !== 0) st[k] = v;
    else delete st[k];
  };
  setCount('replicas', counts.replicas);
  setCount('updatedReplicas', counts.updated);
  setCount('readyReplicas', counts.ready);
  setCount('availableReplicas', counts.available);
  setCount('HPAReplicas', counts.replicas);
  st.selector = selectorString(stringMap(at(rollout, 'spec', 'selector', 'matchLabels')));
  const nowText = rfc3339(ctx.nowMs);
  if (isAborted(u) && inUpdate(u) && str(st.abortedAt) === '') st.abortedAt = nowText;
  setCondition(st, availableCondition(counts.available >= replicas), nowText);
  const aborted = isAborted(u) && inUpdate(u);
  const paused = bool(at(rollout, 'spec', 'paused')) || pauseConditionsOf(st).length > 0;
  const completed = !inUpdate(u) && counts.replicas === counts.updated;
  const existing = findCondition(st, 'Progressing');
  const progressed = progressedSince(prev, st);
  let state: ProgressState = aborted ? 'aborted' : paused ? 'paused' : completed ? 'completed' : 'progressing';
  // ProgressDeadlineExceeded: no progress for progressDeadlineSeconds on a step that is not a pause or analysis.
  const deadlineMs = (optInt(at(rollout, 'spec', 'progressDeadlineSeconds')) ?? DEFAULT_PROGRESS_DEADLINE_SECONDS) * 1000;
  const step = u.steps[index(st)];
  const indefinite = isObject(at(step, 'pause')) || isObject(at(step, 'analysis')) || isObject(at(step, 'experiment'));
  if (state === 'progressing' && !progressed && existing && existing.reason !== 'RolloutAborted' && existing.reason !== 'RolloutPaused' && !indefinite) {
    const since = readTime(existing.lastUpdateTime) ?? ctx.nowMs;
    if (existing.reason === TIMED_OUT || ctx.nowMs > since + deadlineMs) state = 'timedOut';
    else ctx.wakeAt(since + deadlineMs + 1000);
  }
  const abortMessage = isAbortedCondition(st) && existing?.reason === 'RolloutAborted'
    ? str(existing.message)
    : `Rollout aborted update to revision ${u.revision}${u.abortReason !== '' ? `: ${u.abortReason}` : ''}`;
  // A progressing update renews the condition's lastUpdateTime each time it moves (RolloutProgressing).
  setCondition(st, progressingCondition(state, nameOf(newRS), abortMessage), nowText, state === 'progressing' && progressed);
  st.observedGeneration = String(optInt(at(rollout, 'metadata', 'generation')) ?? 0);
  const { phase, message } = calculateRolloutPhase({ ...rollout, status: st });
  st.phase = phase;
  if (message !== '') st.message = message;
  else delete st.message;

  let latest = ctx.store.get(refOf('rollouts', rollout)) ?? rollout;
  if (str(at(latest, 'metadata', 'annotations', REVISION_ANNOTATION)) !== String(u.revision)) {
    latest = annotate(ctx.store, latest, { [REVISION_ANNOTATION]: String(u.revision) });
  }
  if (jsonEqual(st, prev)) return;
  ctx.store.update('rollouts', { ...latest, status: st }, { subresource: 'status' });
}

/** conditions.RolloutProgressing: counts moved, or the stable, the step or the steps changed. */
function progressedSince(prev: JsonObject, st: JsonObject): boolean {
  const n = (s: JsonObject, k: string): number => int(s[k]);
  return n(st, 'updatedReplicas') !== n(prev, 'updatedReplicas')
    || n(st, 'replicas') - n(st, 'updatedReplicas') < n(prev, 'replicas') - n(prev, 'updatedReplicas')
    || n(st, 'readyReplicas') > n(prev, 'readyReplicas') || n(st, 'availableReplicas') > n(prev, 'availableReplicas')
    || str(st.stableRS) !== str(prev.stableRS) || optInt(st.currentStepIndex) !== optInt(prev.currentStepIndex)
    || str(st.currentStepHash) !== str(prev.currentStepHash);
}


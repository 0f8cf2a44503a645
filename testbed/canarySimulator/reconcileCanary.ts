// One reconcile of a canary Rollout, in the order of the controller's rolloutContext: the
// ReplicaSet for the current template (a new revision when it changed), status reset on a new
// update, retry / promoteFull / abort handling, the step walk and background analysis, promotion to
// stable, ReplicaSet scaling (old stable kept until its scale-down deadline when traffic is
// routed), restarts, then counts, weights, conditions and the phase. See README.md for what is left out.
import { calculateRolloutPhase, desiredReplicas } from '../../src/core/rollout/rolloutPhase';
import { canarySteps, setWeight } from '../../src/core/rollout/canaryWeights';
import { at, bool, isObject, optInt, rfc3339 as readTime, str } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../apiDouble/clusterStore';
import { cloneJson, isJsonObject, jsonEqual, type JsonObject } from '../apiDouble/jsonValue';
import { addPause, INCONCLUSIVE_ANALYSIS_RUN, pauseConditionsOf, setPauseConditions, walkCanarySteps } from './canarySteps';
import { podTemplateHash } from './podTemplateHash';
import {
  annotate, createReplicaSet, hashOf, ownedReplicaSets, replicaCounts, restartPods, revisionOfRs, scaleReplicaSet, type PodNamer,
} from './replicaSetSync';
import { createRolloutAnalysisRun, type RunKind } from './rolloutAnalysisRun';
import { availableCondition, findCondition, isAbortedCondition, progressingCondition, setCondition, type ProgressState } from './rolloutConditions';
import { isRunCompleted } from './advanceAnalysisRun';
import { isOwnedByUid, nameOf, namespaceOf, POD_TEMPLATE_HASH_LABEL, refOf, REVISION_ANNOTATION, rfc3339, SCALE_DOWN_DEADLINE_ANNOTATION, selectorString, stringMap, uidOf } from './simObjects';

export interface ReconcileContext {
  readonly store: ClusterStore;
  readonly nowMs: number;
  readonly namer: PodNamer;
  /** Asks for another reconcile at that time (pause ends, scale-down deadlines, restartAt). */
  wakeAt(ms: number): void;
  /** Takes a run's due measurements, stores it, and returns the stored run. */
  advanceRun(run: JsonObject): JsonObject;
}

const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;

interface Update {
  readonly ctx: ReconcileContext;
  readonly rollout: JsonObject;
  readonly st: JsonObject;
  readonly hash: string;
  readonly revision: number;
  readonly steps: readonly unknown[];
}

function canaryOf(st: JsonObject): JsonObject {
  if (!isJsonObject(st.canary)) st.canary = {};
  return isJsonObject(st.canary) ? st.canary : {};
}

function clearForUpdate(st: JsonObject, stepCount: number): void {
  for (const k of ['pauseConditions', 'controllerPause', 'abort', 'abortedAt', 'promoteFull']) delete st[k];
  const canary = canaryOf(st);
  delete canary.currentStepAnalysisRunStatus;
  delete canary.currentBackgroundAnalysisRunStatus;
  if (stepCount > 0) st.currentStepIndex = 0;
  else delete st.currentStepIndex;
}

/** The run named in status when it still belongs to this update (and step); else a new one. */
function currentRun(u: Update, kind: RunKind, statusKey: string, analysis: unknown, stepIndex?: number): JsonObject {
  const name = str(at(u.st, 'canary', statusKey, 'name'));
  const existing = name === '' ? undefined : u.ctx.store.get({ resource: 'analysisruns', namespace: namespaceOf(u.rollout), name });
  const labels = stringMap(at(existing, 'metadata', 'labels'));
  if (existing && labels['rollout-type'] === kind && labels[POD_TEMPLATE_HASH_LABEL] === u.hash && (stepIndex === undefined || labels['step-index'] === String(stepIndex))) {
    return existing;
  }
  const created = createRolloutAnalysisRun(u.ctx.store, {
    rollout: u.rollout, kind, analysis, podHash: u.hash, stableHash: str(u.st.stableRS), revision: u.revision, nowMs: u.ctx.nowMs,
    ...(stepIndex !== undefined ? { stepIndex } : {}),
  });
  return u.ctx.advanceRun(created);
}

function runStatus(run: JsonObject): JsonObject {
  const out: JsonObject = { name: nameOf(run), status: str(at(run, 'status', 'phase')) };
  const message = str(at(run, 'status', 'message'));
  if (message !== '') out.message = message;
  return out;
}

/** Background analysis from `startingStep` until the last step; returns an abort reason when it failed. */
function backgroundAnalysis(u: Update, previousStatus: JsonObject): string | undefined {
  const analysis = at(u.rollout, 'spec', 'strategy', 'canary', 'analysis');
  if (!isObject(analysis) || !Array.isArray(analysis.templates) || analysis.templates.length === 0) return undefined;
  const index = optInt(u.st.currentStepIndex) ?? 0;
  if (index < (optInt(analysis.startingStep) ?? 0) || index >= u.steps.length) return undefined;
  const run = currentRun(u, 'Background', 'currentBackgroundAnalysisRunStatus', analysis);
  const rs = runStatus(run);
  canaryOf(u.st).currentBackgroundAnalysisRunStatus = rs;
  if (rs.status === 'Failed' || rs.status === 'Error') return `Background analysis phase error/failed: ${str(rs.message)}`;
  const before = str(at(previousStatus, 'canary', 'currentBackgroundAnalysisRunStatus', 'status'));
  if (rs.status === 'Inconclusive' && before !== 'Inconclusive') addPause(u.st, INCONCLUSIVE_ANALYSIS_RUN, rfc3339(u.ctx.nowMs));
  return undefined;
}

/** An Inconclusive background run paused the rollout: no step moves until a client promotes. */
function heldByBackgroundAnalysis(u: Update): boolean {
  const step = u.steps[optInt(u.st.currentStepIndex) ?? 0];
  return !isObject(at(step, 'analysis')) && pauseConditionsOf(u.st).some((c) => c.reason === INCONCLUSIVE_ANALYSIS_RUN);
}

/** Steps, background analysis and promotion of an update in progress; returns an abort reason. */
function progress(u: Update, previousStatus: JsonObject): string | undefined {
  const { st, ctx } = u;
  if (st.promoteFull === true) {
    setPauseConditions(st, []);
    delete st.controllerPause;
    if (u.steps.length > 0) st.currentStepIndex = u.steps.length;
  } else if (!bool(at(u.rollout, 'spec', 'paused')) && !heldByBackgroundAnalysis(u)) {
    const walked = walkCanarySteps(st, u.steps, {
      nowMs: ctx.nowMs, nowText: rfc3339(ctx.nowMs), wakeAt: (ms) => ctx.wakeAt(ms),
      stepRun: (index, analysis) => currentRun(u, 'Step', 'currentStepAnalysisRunStatus', analysis, index),
    });
    if (walked.abort !== undefined) return walked.abort;
  }
  const reason = backgroundAnalysis(u, previousStatus);
  if (reason !== undefined) return reason;
  if ((optInt(st.currentStepIndex) ?? 0) >= u.steps.length) {
    st.stableRS = u.hash;
    delete st.promoteFull;
  }
  return undefined;
}

export function reconcileCanary(ctx: ReconcileContext, rollout: JsonObject): void {
  const canarySpec = at(rollout, 'spec', 'strategy', 'canary');
  if (!isObject(canarySpec) || uidOf(rollout) === '') return;
  const steps = canarySteps(rollout);
  const hash = podTemplateHash(at(rollout, 'spec', 'template'));
  const previousStatus = isJsonObject(rollout.status) ? rollout.status : {};
  const st = cloneJson(previousStatus);
  const nowText = rfc3339(ctx.nowMs);

  const existing = ownedReplicaSets(ctx.store, rollout);
  const maxRevision = Math.max(0, ...existing.map(revisionOfRs));
  const isNewUpdate = str(st.currentPodHash) !== hash;
  let newRS = existing.find((rs) => hashOf(rs) === hash);
  if (!newRS) newRS = createReplicaSet(ctx.store, rollout, hash, maxRevision + 1);
  else if (isNewUpdate && revisionOfRs(newRS) < maxRevision) newRS = annotate(ctx.store, newRS, { [REVISION_ANNOTATION]: String(maxRevision + 1) });
  const revision = revisionOfRs(newRS);

  if (isNewUpdate) clearForUpdate(st, steps.length);
  st.currentPodHash = hash;
  st.currentStepHash = podTemplateHash(steps);
  if (str(st.stableRS) === '') st.stableRS = hash; // Initial deploy: no steps, no analysis.
  if (isNewUpdate && st.stableRS === hash && steps.length > 0) st.currentStepIndex = steps.length;

  const u: Update = { ctx, rollout, st, hash, revision, steps };
  const inUpdate = (): boolean => st.stableRS !== hash;
  let abortReason = '';
  if (inUpdate()) {
    if (st.abort !== true && isAbortedCondition(st)) {
      // Retry: the client cleared `abort`; the update starts again from the first step.
      clearForUpdate(st, steps.length);
    }
    if (st.promoteFull === true) delete st.abort;
    if (st.abort !== true) {
      const reason = progress(u, previousStatus);
      if (reason !== undefined) {
        st.abort = true;
        abortReason = reason;
      }
    }
  }
  if (st.abort === false) delete st.abort;
  const aborted = inUpdate() && st.abort === true;
  if (aborted) {
    if (steps.length > 0) st.currentStepIndex = 0;
    setPauseConditions(st, []);
    delete st.controllerPause;
    if (str(st.abortedAt) === '') st.abortedAt = nowText;
  }

  terminateStaleRuns(u, aborted || !inUpdate());
  refreshRunStatuses(u, aborted);
  scaleReplicaSets(u, aborted, inUpdate());
  restartIfDue(u);
  writeStatus(u, { aborted, inUpdate: inUpdate(), abortReason, newRSName: nameOf(newRS), previousStatus });
}

function terminateStaleRuns(u: Update, finished: boolean): void {
  const { ctx, st } = u;
  const runs = ctx.store.list('analysisruns', { namespace: namespaceOf(u.rollout) }).items.filter((r) => isOwnedByUid(r, uidOf(u.rollout)));
  const stepRun = str(at(st, 'canary', 'currentStepAnalysisRunStatus', 'name'));
  const bgRun = str(at(st, 'canary', 'currentBackgroundAnalysisRunStatus', 'name'));
  const index = String(optInt(st.currentStepIndex) ?? 0);
  for (const run of runs) {
    if (isRunCompleted(run) || at(run, 'spec', 'terminate') === true) continue;
    // A promote that moved the index past an analysis step leaves its run behind: terminate it.
    const current = (nameOf(run) === stepRun && stringMap(at(run, 'metadata', 'labels'))['step-index'] === index) || nameOf(run) === bgRun;
    if (!finished && current) continue;
    const next = cloneJson(run);
    next.spec = { ...(isJsonObject(run.spec) ? run.spec : {}), terminate: true };
    ctx.advanceRun(ctx.store.update('analysisruns', next));
  }
}

function refreshRunStatuses(u: Update, aborted: boolean): void {
  const canary = canaryOf(u.st);
  const stepRun = str(at(canary, 'currentStepAnalysisRunStatus', 'name'));
  const run = stepRun === '' ? undefined : u.ctx.store.get({ resource: 'analysisruns', namespace: namespaceOf(u.rollout), name: stepRun });
  // Kept after an abort (which resets the index to 0) so the failed run stays visible, as Argo does.
  if (!aborted && stringMap(at(run, 'metadata', 'labels'))['step-index'] !== String(optInt(u.st.currentStepIndex) ?? 0)) delete canary.currentStepAnalysisRunStatus;
  for (const key of ['currentStepAnalysisRunStatus', 'currentBackgroundAnalysisRunStatus']) {
    const name = str(at(canary, key, 'name'));
    const run = name === '' ? undefined : u.ctx.store.get({ resource: 'analysisruns', namespace: namespaceOf(u.rollout), name });
    if (run) canary[key] = runStatus(run);
  }
}

function scaleReplicaSets(u: Update, aborted: boolean, inUpdate: boolean): void {
  const { ctx, rollout, st, hash } = u;
  const replicas = desiredReplicas(rollout);
  const trafficRouted = at(rollout, 'spec', 'strategy', 'canary', 'trafficRouting') != null;
  const weight = inUpdate && !aborted ? setWeight({ spec: rollout.spec, status: st }) : 100;
  const canaryCount = inUpdate ? (aborted ? 0 : Math.min(replicas, Math.ceil((replicas * weight) / 100))) : replicas;
  const stableCount = !inUpdate ? replicas : trafficRouted || aborted ? replicas : Math.min(replicas, Math.ceil((replicas * (100 - weight)) / 100));
  const delayMs = (optInt(at(rollout, 'spec', 'strategy', 'canary', 'scaleDownDelaySeconds')) ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS) * 1000;
  for (const rs of ownedReplicaSets(ctx.store, rollout)) {
    const h = hashOf(rs);
    const target = h === hash ? canaryCount : h === str(st.stableRS) ? stableCount : 0;
    const current = optInt(at(rs, 'spec', 'replicas')) ?? 0;
    const deadlineText = str(at(rs, 'metadata', 'annotations', SCALE_DOWN_DEADLINE_ANNOTATION));
    // The stable ReplicaSet just replaced keeps serving until its scale-down deadline (traffic routing only).
    if (target === 0 && current > 0 && trafficRouted && !inUpdate) {
      const deadline = readTime(deadlineText);
      if (deadline === undefined) {
        const at30 = ctx.nowMs + delayMs;
        annotate(ctx.store, rs, { [SCALE_DOWN_DEADLINE_ANNOTATION]: rfc3339(at30) });
        ctx.wakeAt(at30);
        continue;
      }
      if (ctx.nowMs < deadline) {
        ctx.wakeAt(deadline);
        continue;
      }
    }
    let scaled = scaleReplicaSet(ctx.store, rs, target, ctx.namer, ctx.nowMs);
    if (deadlineText !== '' && (target > 0 || current > 0)) scaled = annotate(ctx.store, scaled, { [SCALE_DOWN_DEADLINE_ANNOTATION]: undefined });
  }
}

function restartIfDue(u: Update): void {
  const { ctx, rollout, st } = u;
  const wanted = str(at(rollout, 'spec', 'restartAt'));
  const when = readTime(wanted);
  if (when === undefined || str(st.restartedAt) === wanted) return;
  if (ctx.nowMs < when) {
    ctx.wakeAt(when);
    return;
  }
  for (const rs of ownedReplicaSets(ctx.store, rollout)) restartPods(ctx.store, rs, ctx.namer, ctx.nowMs);
  st.restartedAt = wanted;
}

interface Outcome {
  readonly aborted: boolean;
  readonly inUpdate: boolean;
  readonly abortReason: string;
  readonly newRSName: string;
  readonly previousStatus: JsonObject;
}

function writeStatus(u: Update, o: Outcome): void {
  const { ctx, rollout, st, hash } = u;
  const replicas = desiredReplicas(rollout);
  const counts = replicaCounts(ownedReplicaSets(ctx.store, rollout), hash);
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
  const trafficRouting = at(rollout, 'spec', 'strategy', 'canary', 'trafficRouting');
  if (trafficRouting != null) {
    const canaryWeight = o.inUpdate && !o.aborted ? setWeight({ spec: rollout.spec, status: st }) : 0;
    canaryOf(st).weights = {
      canary: { weight: canaryWeight, podTemplateHash: hash, serviceName: str(at(rollout, 'spec', 'strategy', 'canary', 'canaryService')) },
      stable: { weight: 100 - canaryWeight, podTemplateHash: str(st.stableRS), serviceName: str(at(rollout, 'spec', 'strategy', 'canary', 'stableService')) },
    };
  }
  const nowText = rfc3339(ctx.nowMs);
  setCondition(st, availableCondition(counts.available >= replicas), nowText);
  const paused = bool(at(rollout, 'spec', 'paused')) || pauseConditionsOf(st).length > 0;
  const state: ProgressState = o.aborted ? 'aborted' : paused ? 'paused' : !o.inUpdate && counts.replicas === counts.updated ? 'completed' : 'progressing';
  const existingAbort = findCondition(st, 'Progressing');
  const abortMessage = isAbortedCondition(st) && existingAbort?.reason === 'RolloutAborted'
    ? str(existingAbort.message)
    : `Rollout aborted update to revision ${u.revision}${o.abortReason !== '' ? `: ${o.abortReason}` : ''}`;
  setCondition(st, progressingCondition(state, o.newRSName, abortMessage), nowText);
  st.observedGeneration = String(optInt(at(rollout, 'metadata', 'generation')) ?? 0);
  const { phase, message } = calculateRolloutPhase({ ...rollout, status: st });
  st.phase = phase;
  if (message !== '') st.message = message;
  else delete st.message;

  let latest = ctx.store.get(refOf('rollouts', rollout)) ?? rollout;
  if (str(at(latest, 'metadata', 'annotations', REVISION_ANNOTATION)) !== String(u.revision)) {
    latest = annotate(ctx.store, latest, { [REVISION_ANNOTATION]: String(u.revision) });
  }
  if (jsonEqual(st, o.previousStatus)) return;
  ctx.store.update('rollouts', { ...latest, status: st }, { subresource: 'status' });
}

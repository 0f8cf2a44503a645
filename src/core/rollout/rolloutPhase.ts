// Rollout status as the plugin shows it: utils/rollout/rolloututil.go GetRolloutPhase, which falls
// back to CalculateRolloutPhase (the controller's own computation) for controllers older than 1.0.
import { at, atoi, bool, int, isObject, list, optInt, rfc3339, str } from './jsonFields';
import { annotation } from './objectMeta';

export type RolloutPhase = 'Healthy' | 'Progressing' | 'Paused' | 'Degraded';

export interface PhaseAndMessage {
  /** One of RolloutPhase, or status.phase verbatim if a controller ever writes another value. */
  phase: string;
  message: string;
}

export const WORKLOAD_GENERATION_ANNOTATION = 'rollout.argoproj.io/workload-generation';

const ANALYSIS_COMPLETED = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);

/** spec.replicas, defaulting to 1 as the controller does. */
export function desiredReplicas(rollout: unknown): number {
  return optInt(at(rollout, 'spec', 'replicas')) ?? 1;
}

export function isFullyPromoted(rollout: unknown): boolean {
  return str(at(rollout, 'status', 'stableRS')) === str(at(rollout, 'status', 'currentPodHash'));
}

/** The user cleared the pause conditions and the controller has not reacted yet. */
export function isUnpausing(rollout: unknown): boolean {
  return bool(at(rollout, 'status', 'controllerPause')) && list(at(rollout, 'status', 'pauseConditions')).length === 0;
}

// status.observedGeneration is a string: a pod-template hash before v0.10, a number since. Only a
// numeric one smaller than metadata.generation means "not observed yet".
function isGenerationObserved(rollout: unknown): boolean {
  const observed = atoi(at(rollout, 'status', 'observedGeneration'));
  return observed === undefined || observed >= int(at(rollout, 'metadata', 'generation'));
}

function isWorkloadGenerationObserved(rollout: unknown): boolean {
  const wanted = atoi(annotation(rollout, WORKLOAD_GENERATION_ANNOTATION));
  const observed = atoi(at(rollout, 'status', 'workloadObservedGeneration'));
  return wanted === undefined || observed === undefined || observed === wanted;
}

export function rolloutPhase(rollout: unknown): PhaseAndMessage {
  if (!isGenerationObserved(rollout)) return progressing('waiting for rollout spec update to be observed');
  if (isUnpausing(rollout)) return progressing('waiting for rollout to unpause');
  if (bool(at(rollout, 'spec', 'templateResolvedFromRef')) && !isWorkloadGenerationObserved(rollout)) {
    return progressing('waiting for rollout spec update to be observed for the reference workload');
  }
  const phase = str(at(rollout, 'status', 'phase'));
  // Controllers since 1.0 compute phase and message themselves.
  if (phase !== '') return { phase, message: str(at(rollout, 'status', 'message')) };
  return calculateRolloutPhase(rollout);
}

/** CalculateRolloutPhase: what the controller would write into status.phase / status.message. */
export function calculateRolloutPhase(rollout: unknown): PhaseAndMessage {
  const status = at(rollout, 'status');
  for (const cond of list(at(status, 'conditions'))) {
    if (!isObject(cond)) continue;
    if (cond.type === 'InvalidSpec') return { phase: 'Degraded', message: `InvalidSpec: ${str(cond.message)}` };
    const reason = str(cond.reason);
    if (reason === 'RolloutAborted' || reason === 'ProgressDeadlineExceeded') return { phase: 'Degraded', message: `${reason}: ${str(cond.message)}` };
  }
  if (bool(at(rollout, 'spec', 'paused'))) return { phase: 'Paused', message: 'manually paused' };
  const pauseConditions = list(at(status, 'pauseConditions'));
  if (pauseConditions.length > 0) return { phase: 'Paused', message: str(at(pauseConditions[0], 'reason')) };
  if (isRestarting(rollout)) return progressing('rollout is restarting');
  const updated = int(at(status, 'updatedReplicas'));
  if (updated < desiredReplicas(rollout)) return progressing('more replicas need to be updated');
  if (int(at(status, 'availableReplicas')) < updated) return progressing('updated replicas are still becoming available');

  const strategy = at(rollout, 'spec', 'strategy');
  const currentPodHash = str(at(status, 'currentPodHash'));
  const stableRS = str(at(status, 'stableRS'));
  if (isObject(at(strategy, 'blueGreen'))) {
    const active = str(at(status, 'blueGreen', 'activeSelector'));
    if (active === '' || active !== currentPodHash) return progressing('active service cutover pending');
    if (stableRS === '' || !isFullyPromoted(rollout)) {
      // The active service already points at the new pods but they are not stable yet: either
      // post-promotion analysis or post-promotion (target group) verification is still running.
      return progressing(waitingForPostPromotionAnalysis(rollout) ? 'waiting for analysis to complete' : 'waiting for post-promotion verification to complete');
    }
  } else if (isObject(at(strategy, 'canary'))) {
    // Only basic canary: blueGreen and traffic-routed canaries keep old pods on purpose (scaleDownDelay).
    if (at(strategy, 'canary', 'trafficRouting') == null && int(at(status, 'replicas')) > updated) {
      return progressing('old replicas are pending termination');
    }
    if (stableRS === '' || !isFullyPromoted(rollout)) return progressing('waiting for all steps to complete');
  }
  return { phase: 'Healthy', message: '' };
}

function progressing(message: string): PhaseAndMessage {
  return { phase: 'Progressing', message };
}

function isRestarting(rollout: unknown): boolean {
  const restartAt = rfc3339(at(rollout, 'spec', 'restartAt'));
  if (restartAt === undefined) return false;
  return rfc3339(at(rollout, 'status', 'restartedAt')) !== restartAt;
}

function waitingForPostPromotionAnalysis(rollout: unknown): boolean {
  if (at(rollout, 'spec', 'strategy', 'blueGreen', 'postPromotionAnalysis') == null) return false;
  const run = at(rollout, 'status', 'blueGreen', 'postPromotionAnalysisRunStatus');
  return !isObject(run) || !ANALYSIS_COMPLETED.has(str(run.status));
}

// The single-patch actions: bodies and messages as `kubectl argo rollouts` sends and prints them
// (pkg/kubectl-argo-rollouts/cmd/{abort,retry,pause,terminate}).
import { type ActionPlan, type ObjectRef, mergePatch } from './kubeRequest';

/**
 * Abort and retry go to the status subresource. On 404 the plugin repeats the same patch on the
 * object itself, for controllers older than 0.10 whose CRD had no status subresource.
 */
function statusPatchWithFallback(ref: ObjectRef, body: unknown) {
  return { ...mergePatch('rollouts', ref, body, 'status'), onNotFound: [mergePatch('rollouts', ref, body)] };
}

export function planAbort(ref: ObjectRef): ActionPlan {
  return { requests: [statusPatchWithFallback(ref, { status: { abort: true } })], message: `rollout '${ref.name}' aborted` };
}

export function planRetry(ref: ObjectRef): ActionPlan {
  return { requests: [statusPatchWithFallback(ref, { status: { abort: false } })], message: `rollout '${ref.name}' retried` };
}

export function planPause(ref: ObjectRef): ActionPlan {
  return { requests: [mergePatch('rollouts', ref, { spec: { paused: true } })], message: `rollout '${ref.name}' paused` };
}

export function planTerminateAnalysisRun(ref: ObjectRef): ActionPlan {
  return {
    requests: [mergePatch('analysisruns', ref, { spec: { terminate: true } })],
    message: `analysisRun '${ref.name}' terminated`,
  };
}

export function planTerminateExperiment(ref: ObjectRef): ActionPlan {
  return {
    requests: [mergePatch('experiments', ref, { spec: { terminate: true } })],
    // The plugin prints "experiment '<n>' retried" here (a copy-paste slip in terminate.go); telling
    // a user their experiment was "retried" after terminating it would be wrong, so we say what happened.
    message: `experiment '${ref.name}' terminated`,
  };
}

/** Experiments have no status subresource: clearing the whole status on the object restarts them. */
export function planRetryExperiment(ref: ObjectRef): ActionPlan {
  return { requests: [mergePatch('experiments', ref, { status: null })], message: `experiment '${ref.name}' retried` };
}

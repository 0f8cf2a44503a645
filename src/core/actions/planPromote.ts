// `kubectl argo rollouts promote [--full]` (cmd/promote/promote.go `getPatches`): after a GET of
// the rollout, a status-subresource merge patch when needed, then a spec patch when spec.paused.
import { type ActionPlan, type KubeRequest, type ObjectRef, mergePatch } from './kubeRequest';
import { arrayAt, at, boolAt, intAt, isRecord, stringAt } from './untrusted';

export interface PromoteOptions {
  /** `--full`: skip all remaining steps, pauses and analysis. */
  full: boolean;
}

const UNPAUSE = { spec: { paused: false } };

/**
 * The index the plugin writes: GetCurrentCanaryStep's index (0 when unset) plus one, capped at the
 * step count. Undefined when the rollout is not canary or has no steps (the plugin then patches nothing).
 */
function nextStepIndex(rollout: unknown): number | undefined {
  const canary = at(rollout, 'spec', 'strategy', 'canary');
  if (!isRecord(canary)) return undefined;
  const steps = arrayAt(canary, 'steps').length;
  if (steps === 0) return undefined;
  const index = intAt(rollout, 'status', 'currentStepIndex') ?? 0;
  return index < steps ? index + 1 : index;
}

/** The current step's analysis came back Inconclusive, which pauses the rollout with controllerPause. */
function isInconclusive(rollout: unknown): boolean {
  return (
    isRecord(at(rollout, 'spec', 'strategy', 'canary')) &&
    stringAt(rollout, 'status', 'canary', 'currentStepAnalysisRunStatus', 'status') === 'Inconclusive'
  );
}

interface Patches {
  spec?: unknown;
  status?: unknown;
  /** What the plugin sends instead when the status subresource does not exist (pre-0.10). */
  unified?: unknown;
}

function fullPatches(rollout: unknown): Patches {
  const patches: Patches = {};
  if (stringAt(rollout, 'status', 'currentPodHash') !== stringAt(rollout, 'status', 'stableRS')) {
    patches.status = { status: { promoteFull: true } };
  }
  // §6: --full also clears a manual pause, or the fully promoted rollout would stay paused.
  if (boolAt(rollout, 'spec', 'paused')) patches.spec = UNPAUSE;
  return patches;
}

function stepPatches(rollout: unknown): Patches {
  const patches: Patches = { unified: { spec: { paused: false }, status: { pauseConditions: null } } };
  if (boolAt(rollout, 'spec', 'paused')) patches.spec = UNPAUSE;
  const paused = arrayAt(rollout, 'status', 'pauseConditions').length > 0;
  if (isInconclusive(rollout) && paused && boolAt(rollout, 'status', 'controllerPause')) {
    // Without clearing controllerPause and moving on, a rollout whose next step is a pause stays
    // stuck in the inconclusive state (the plugin's own comment).
    const next = nextStepIndex(rollout);
    if (next !== undefined) patches.status = { status: { pauseConditions: null, controllerPause: false, currentStepIndex: next } };
  } else if (paused) {
    patches.status = { status: { pauseConditions: null } };
  } else if (isRecord(at(rollout, 'spec', 'strategy', 'canary'))) {
    // Not paused but mid-step (analysis, experiment, setWeight wait): skip the current step.
    // The plugin clears pause conditions or moves the index, never both.
    const next = nextStepIndex(rollout);
    if (next !== undefined) {
      patches.status = { status: { pauseConditions: null, currentStepIndex: next } };
      patches.unified = { spec: { paused: false }, status: { pauseConditions: null, currentStepIndex: next } };
    }
  }
  return patches;
}

/**
 * The requests after the GET, from the fetched rollout. May be empty (e.g. promoting a healthy
 * blue-green rollout): the plugin then sends nothing and still prints its message.
 */
export function planPromote(ref: ObjectRef, rollout: unknown, options: PromoteOptions): ActionPlan {
  const patches = options.full ? fullPatches(rollout) : stepPatches(rollout);
  const specRequest = patches.spec === undefined ? [] : [mergePatch('rollouts', ref, patches.spec)];
  const requests: KubeRequest[] = [];
  if (patches.status !== undefined) {
    const status = mergePatch('rollouts', ref, patches.status, 'status');
    // On 404 the plugin sends the unified patch in place of the spec patch (none for --full).
    const fallback = patches.unified === undefined ? [] : [mergePatch('rollouts', ref, patches.unified)];
    requests.push({ ...status, onNotFound: options.full ? specRequest : fallback });
  }
  requests.push(...specRequest);
  return { requests, message: options.full ? `rollout '${ref.name}' fully promoted` : `rollout '${ref.name}' promoted` };
}

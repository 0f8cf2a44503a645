// Which actions make sense in which rollout state. Pure: the rollout phase comes from the status
// derivation (§6.1) as an input; everything else is read from the rollout or passed in.
import { ACTIONS, ACTION_IDS, type ActionId } from './actionIds';
import { arrayAt, at, boolAt, intAt, isRecord, stringAt } from './untrusted';

export type RolloutPhase = 'Healthy' | 'Progressing' | 'Paused' | 'Degraded';

export interface RolloutActionState {
  /** From the status derivation; undefined when unknown. */
  phase: RolloutPhase | undefined;
  /** status.abort */
  aborted: boolean;
  /** status.pauseConditions is non-empty: paused by a step, blue-green pre-promotion or inconclusive analysis. */
  pauseConditions: boolean;
  /** spec.paused: paused by hand. */
  specPaused: boolean;
  strategy: 'canary' | 'blueGreen' | undefined;
  /** Canary step count (0 for blue-green). */
  stepCount: number;
  /** status.currentStepIndex; undefined before the first reconcile (the plugin reads it as 0). */
  currentStepIndex: number | undefined;
  /** stableRS == currentPodHash: no update in flight. */
  fullyPromoted: boolean;
  /** Distinct revisions among the rollout's ReplicaSets. */
  revisionCount: number;
  /** AnalysisRuns of the rollout still Pending or Running. */
  runningAnalysisRuns: number;
  /** A canary experiment step is in flight. */
  runningExperiment: boolean;
}

export interface AvailabilityOptions {
  /** `argoRollouts.readOnly`: offer no action that writes to the cluster. */
  readOnly?: boolean;
}

/**
 * One rule per action, with the reason. "Paused" below means spec.paused or a pause condition,
 * which is exactly what promote clears.
 */
const RULES: Record<ActionId, (s: RolloutActionState) => boolean> = {
  // Promote moves on from a pause, or skips the canary step in flight (analysis, experiment,
  // setWeight wait). Not on an aborted rollout: the abort stays and Retry is the way back; not on
  // a settled rollout or a running blue-green one, where the plugin would send nothing.
  promote: (s) => !s.aborted && (isPaused(s) || (s.strategy === 'canary' && !s.fullyPromoted && s.stepCount > 0 && (s.currentStepIndex ?? 0) < s.stepCount)),
  // Resume is promote offered under the name people look for when a rollout is paused.
  // --full only has an effect while an update is in flight (the plugin checks currentPodHash != stableRS).
  promoteFull: (s) => !s.aborted && !s.fullyPromoted,
  // Abort needs an update to abort, and is pointless twice.
  abort: (s) => !s.aborted && !s.fullyPromoted,
  // Retry clears status.abort; on anything not aborted (a healthy rollout) it does nothing.
  retry: (s) => s.aborted,
  // Pause only when not paused already; an aborted rollout is already held at stable.
  pause: (s) => !s.aborted && !isPaused(s) && s.phase !== 'Paused',
  // Restarting pods is independent of the update state; the controller restarts every ReplicaSet's pods.
  restart: () => true,
  // A new image starts a new update from any state, including an aborted one.
  setImage: () => true,
  // Undo needs a revision other than the current one to go back to.
  undo: (s) => s.revisionCount > 1,
  // Only runs still measuring can be terminated.
  terminateAnalysisRun: (s) => s.runningAnalysisRuns > 0,
  // An ad-hoc run from a template is independent of the rollout's state.
  createAnalysisRun: () => true,
  terminateExperiment: (s) => s.runningExperiment,
  // A rollout recreates its own experiments; retrying is for standalone experiments (availableExperimentActions).
  retryExperiment: () => false,
};

function isPaused(s: RolloutActionState): boolean {
  return s.specPaused || s.pauseConditions;
}

export function availableActions(state: RolloutActionState, options: AvailabilityOptions = {}): Set<ActionId> {
  return new Set(ACTION_IDS.filter((id) => RULES[id](state) && !(options.readOnly && ACTIONS[id].mutating)));
}

const ANALYSIS_STATUS_PATHS = [
  ['canary', 'currentStepAnalysisRunStatus'],
  ['canary', 'currentBackgroundAnalysisRunStatus'],
  ['blueGreen', 'prePromotionAnalysisRunStatus'],
  ['blueGreen', 'postPromotionAnalysisRunStatus'],
];

/** Names of the rollout's AnalysisRuns still Pending or Running, from its status (for the terminate picker). */
export function runningAnalysisRunNames(rollout: unknown): string[] {
  const names: string[] = [];
  for (const path of ANALYSIS_STATUS_PATHS) {
    const run = at(rollout, 'status', ...path);
    const name = stringAt(run, 'name');
    const phase = stringAt(run, 'status');
    if (name && (phase === 'Pending' || phase === 'Running') && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The action state read from a rollout object; phase and revisions come from elsewhere. */
export function rolloutActionState(rollout: unknown, extra: { phase: RolloutPhase | undefined; revisionCount: number }): RolloutActionState {
  const canary = at(rollout, 'spec', 'strategy', 'canary');
  const strategy = isRecord(canary) ? 'canary' : isRecord(at(rollout, 'spec', 'strategy', 'blueGreen')) ? 'blueGreen' : undefined;
  // The plugin's own test (promote --full): both hashes unset, before the first reconcile, is settled too.
  const fullyPromoted = (stringAt(rollout, 'status', 'stableRS') ?? '') === (stringAt(rollout, 'status', 'currentPodHash') ?? '');
  const aborted = boolAt(rollout, 'status', 'abort');
  return {
    phase: extra.phase,
    aborted,
    pauseConditions: arrayAt(rollout, 'status', 'pauseConditions').length > 0,
    specPaused: boolAt(rollout, 'spec', 'paused'),
    strategy,
    stepCount: arrayAt(canary, 'steps').length,
    currentStepIndex: intAt(rollout, 'status', 'currentStepIndex'),
    fullyPromoted,
    revisionCount: extra.revisionCount,
    runningAnalysisRuns: runningAnalysisRunNames(rollout).length,
    runningExperiment: !aborted && !fullyPromoted && (stringAt(rollout, 'status', 'canary', 'currentExperiment') ?? '') !== '',
  };
}

/** Experiment actions: terminate while it runs, retry once it has failed. */
export function availableExperimentActions(phase: string | undefined, options: AvailabilityOptions = {}): Set<ActionId> {
  if (options.readOnly) return new Set();
  const ids: ActionId[] = [];
  if (phase === undefined || phase === '' || phase === 'Pending' || phase === 'Running') ids.push('terminateExperiment');
  if (phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive') ids.push('retryExperiment');
  return new Set(ids);
}

// The actions the extension offers on Argo objects, with what the UI needs to know about each.

export const ACTION_IDS = [
  'promote',
  'promoteFull',
  'abort',
  'retry',
  'pause',
  'restart',
  'setImage',
  'undo',
  'terminateAnalysisRun',
  'createAnalysisRun',
  'terminateExperiment',
  'retryExperiment',
] as const;

export type ActionId = (typeof ACTION_IDS)[number];

export interface ActionInfo {
  /** Menu label. */
  label: string;
  /** How the confirmation question starts, before the object: "Promote rollout ...". */
  verb: string;
  /** Every action here writes to the cluster; kept explicit so a read-only view can filter. */
  mutating: boolean;
  /** What the confirmation names as the object acted on. */
  target: 'Rollout' | 'AnalysisRun' | 'Experiment';
  /** What happens, in one sentence, for the confirmation dialog. */
  effect: string;
  /**
   * Writes desired state in spec (not just status), which Argo CD compares with Git: self-heal can
   * put it back. Status-only writes (abort, retry) are not diffed by Argo CD.
   */
  changesSpec: boolean;
}

export const ACTIONS: Readonly<Record<ActionId, ActionInfo>> = {
  promote: { label: 'Promote', verb: 'Promote', mutating: true, target: 'Rollout', effect: 'The rollout leaves its pause, or skips its current step when nothing is paused (the plugin\'s promote).', changesSpec: true },
  promoteFull: {
    label: 'Promote Full', verb: 'Fully promote',
    mutating: true,
    target: 'Rollout',
    effect: 'All remaining steps, pauses and analysis are skipped and the new version gets all traffic.',
    changesSpec: true,
  },
  abort: {
    label: 'Abort', verb: 'Abort',
    mutating: true,
    target: 'Rollout',
    effect: 'The update stops and traffic goes back to the stable version; spec.template still holds the new version.',
    changesSpec: false,
  },
  retry: { label: 'Retry', verb: 'Retry', mutating: true, target: 'Rollout', effect: 'The aborted update starts again from the first step.', changesSpec: false },
  pause: { label: 'Pause', verb: 'Pause', mutating: true, target: 'Rollout', effect: 'The rollout stops where it is until it is promoted.', changesSpec: true },
  restart: { label: 'Restart', verb: 'Restart', mutating: true, target: 'Rollout', effect: 'Every pod of the rollout is restarted.', changesSpec: true },
  setImage: { label: 'Set Image', verb: 'Set the image of', mutating: true, target: 'Rollout', effect: 'The new image starts a new update of the rollout.', changesSpec: true },
  undo: { label: 'Undo', verb: 'Undo', mutating: true, target: 'Rollout', effect: 'The pod template of the chosen revision is restored, which starts a new update.', changesSpec: true },
  terminateAnalysisRun: {
    label: 'Terminate AnalysisRun', verb: 'Terminate',
    mutating: true,
    target: 'AnalysisRun',
    effect: 'The analysis stops taking measurements and ends with its current result.',
    changesSpec: false,
  },
  createAnalysisRun: {
    label: 'Create AnalysisRun', verb: 'Create an AnalysisRun for',
    mutating: true,
    target: 'Rollout',
    effect: 'A new AnalysisRun starts from the chosen template.',
    changesSpec: false,
  },
  terminateExperiment: { label: 'Terminate Experiment', verb: 'Terminate', mutating: true, target: 'Experiment', effect: 'The experiment stops and scales down its ReplicaSets.', changesSpec: false },
  retryExperiment: { label: 'Retry Experiment', verb: 'Retry', mutating: true, target: 'Experiment', effect: 'The experiment status is cleared and it runs again.', changesSpec: false },
};

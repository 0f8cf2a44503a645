// The plugin's icons (pkg/kubectl-argo-rollouts/info/info.go, cmd/get/get.go) and which status
// gets which one. A status the plugin does not know gets a blank, as in the plugin.

export const Icon = {
  waiting: '◷',
  progressing: '◌',
  warning: '⚠',
  unknown: '?',
  ok: '✔',
  bad: '✖',
  paused: '॥',
  neutral: '•',
} as const;

export const KindIcon = {
  rollout: '⟳',
  revision: '#',
  replicaSet: '⧉',
  pod: '□',
  job: '⊞',
  experiment: 'Σ',
  analysisRun: 'α',
} as const;

const rolloutIcons: Record<string, string> = {
  Progressing: Icon.progressing,
  Error: Icon.warning,
  InvalidSpec: Icon.warning,
  Paused: Icon.paused,
  Healthy: Icon.ok,
  Degraded: Icon.bad,
  Unknown: Icon.unknown,
  ScaledDown: Icon.neutral,
};

const replicaSetIcons: Record<string, string> = {
  Progressing: Icon.progressing,
  Healthy: Icon.ok,
  ReplicaFailure: Icon.bad,
  ScaledDown: Icon.neutral,
};

const analysisIcons: Record<string, string> = {
  Successful: Icon.ok,
  Inconclusive: Icon.unknown,
  Failed: Icon.bad,
  Error: Icon.warning,
  Running: Icon.progressing,
  Pending: Icon.waiting,
};

const podIcons: Record<string, string> = {
  Pending: Icon.progressing,
  Terminating: Icon.progressing,
  ContainerCreating: Icon.progressing,
  Running: Icon.ok,
  Completed: Icon.ok,
  Failed: Icon.bad,
  InvalidImageName: Icon.bad,
  CrashLoopBackOff: Icon.bad,
  ImagePullBackOff: Icon.warning,
  RegistryUnavailable: Icon.warning,
  Unknown: Icon.unknown,
};

// Own-property lookups only: a status such as "constructor" must not find Object.prototype's.
function lookup(table: Record<string, string>, key: string): string {
  return Object.prototype.hasOwnProperty.call(table, key) ? (table[key] ?? ' ') : ' ';
}

export function rolloutIcon(status: string): string {
  return lookup(rolloutIcons, status);
}

export function replicaSetIcon(status: string): string {
  return lookup(replicaSetIcons, status);
}

/** Experiments, AnalysisRuns and Jobs (measurements) share the AnalysisPhase icons. */
export function analysisIcon(phase: string): string {
  return lookup(analysisIcons, phase);
}

export function podIcon(status: string): string {
  if (status.startsWith('Init:')) return Icon.progressing;
  if (status.startsWith('Signal:') || status.startsWith('ExitCode:')) return Icon.bad;
  // Kubelet's image and sync errors end in "Error" or start with "Err" (ErrImagePull, RunContainerError).
  if (status.endsWith('Error') || status.startsWith('Err')) return Icon.warning;
  return lookup(podIcons, status);
}

// Which codicon and colour each status gets in the tree. The colours are the chart colours every
// theme defines, so green/blue/yellow/red read the same in light, dark and high-contrast themes.
import type { NodeIcon } from './treeNode';

const GREEN = 'charts.green';
const BLUE = 'charts.blue';
const YELLOW = 'charts.yellow';
const RED = 'charts.red';

const ROLLOUT: Readonly<Record<string, NodeIcon>> = {
  Healthy: { id: 'pass', color: GREEN },
  Progressing: { id: 'sync~spin', color: BLUE },
  Paused: { id: 'debug-pause', color: YELLOW },
  Degraded: { id: 'error', color: RED },
};

const REPLICA_SET: Readonly<Record<string, NodeIcon>> = {
  Healthy: { id: 'layers', color: GREEN },
  Progressing: { id: 'layers', color: BLUE },
  ReplicaFailure: { id: 'layers', color: RED },
  ScaledDown: { id: 'layers', color: undefined },
};

const ANALYSIS: Readonly<Record<string, NodeIcon>> = {
  Successful: { id: 'pass', color: GREEN },
  Running: { id: 'sync~spin', color: BLUE },
  Pending: { id: 'clock', color: undefined },
  Inconclusive: { id: 'question', color: YELLOW },
  Failed: { id: 'error', color: RED },
  Error: { id: 'warning', color: RED },
};

const UNKNOWN: NodeIcon = { id: 'question', color: undefined };

// Own-property lookups only: a status such as "constructor" must not find Object.prototype's.
function lookup(table: Readonly<Record<string, NodeIcon>>, key: string, fallback: NodeIcon): NodeIcon {
  return Object.prototype.hasOwnProperty.call(table, key) ? (table[key] ?? fallback) : fallback;
}

export function rolloutStatusIcon(phase: string): NodeIcon {
  return lookup(ROLLOUT, phase, UNKNOWN);
}

export function replicaSetStatusIcon(status: string): NodeIcon {
  return lookup(REPLICA_SET, status, { id: 'layers', color: undefined });
}

/** AnalysisRuns, their metrics and Experiments share the AnalysisPhase values. */
export function analysisStatusIcon(phase: string): NodeIcon {
  return lookup(ANALYSIS, phase, { id: 'circle-outline', color: undefined });
}

/** kubectl's pod STATUS: Running/Completed fine, waiting states blue, image problems yellow, the rest red. */
export function podStatusIcon(status: string, ready: boolean): NodeIcon {
  if (status === 'Running') return ready ? { id: 'circle-filled', color: GREEN } : { id: 'circle-filled', color: BLUE };
  if (status === 'Completed') return { id: 'circle-filled', color: undefined };
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'Terminating' || status.startsWith('Init:')) return { id: 'circle-outline', color: BLUE };
  if (status === 'ImagePullBackOff' || status === 'ErrImagePull' || status === 'RegistryUnavailable') return { id: 'warning', color: YELLOW };
  if (status === 'Unknown' || status === '') return UNKNOWN;
  return { id: 'error', color: RED };
}

// The rollout panel's whole state from the cluster objects: the webview only draws what this
// returns (src/shared/protocol.ts). Pure and total: any object may be missing or malformed.
import { rolloutActionState, type RolloutPhase } from '../actions/availableActions';
import type { PanelHeader, PanelState } from '../../shared/protocol';
import { formatImage } from '../rollout/imageTags';
import { rolloutInfo, type RelatedObjects, type RolloutInfo } from '../rollout/rolloutInfo';
import { analysisRunView, ownedRuns } from './analysisRunViews';
import { disabledActions, panelActions } from './panelActions';
import { timelineSteps } from './timelineSteps';

export interface PanelInput {
  readonly context: string;
  readonly namespace: string;
  readonly name: string;
  /** The Rollout from the watch; undefined when it is gone (state then carries `problem`). */
  readonly rollout: unknown;
  /** Everything listed in the rollout's namespace (as rolloutInfo takes it). */
  readonly related: RelatedObjects;
  /** Epoch ms. */
  readonly now: number;
  readonly readOnly: boolean;
  /** E.g. the cluster is unreachable: shown above the data, which is kept. */
  readonly problem?: string;
}

const PHASES: readonly string[] = ['Healthy', 'Progressing', 'Paused', 'Degraded'];

function isPhase(p: string): p is RolloutPhase {
  return PHASES.includes(p);
}

export function goneProblem(input: Pick<PanelInput, 'namespace' | 'name'>): string {
  return `Rollout ${input.namespace}/${input.name} is no longer in the cluster.`;
}

function emptyHeader(input: PanelInput): PanelHeader {
  return {
    context: input.context,
    namespace: input.namespace,
    name: input.name,
    status: '',
    message: '',
    strategy: '',
    step: '',
    images: [],
    replicas: { desired: 0, current: 0, updated: 0, ready: 0, available: 0 },
  };
}

function header(input: PanelInput, info: RolloutInfo): PanelHeader {
  return {
    ...emptyHeader(input),
    status: info.phase,
    message: info.message,
    strategy: info.strategy,
    step: info.step,
    ...(info.setWeight !== undefined ? { setWeight: info.setWeight } : {}),
    ...(info.actualWeight !== undefined ? { actualWeight: info.actualWeight } : {}),
    images: info.images.map(formatImage),
    replicas: { desired: info.desired, current: info.current, updated: info.updated, ready: info.ready, available: info.available },
  };
}

export function buildPanelState(input: PanelInput): PanelState {
  if (input.rollout === undefined) {
    const problem = input.problem ?? goneProblem(input);
    return { header: emptyHeader(input), actions: disabledActions(problem), timeline: [], analysisRuns: [], problem, asOf: input.now };
  }
  const info = rolloutInfo(input.rollout, input.related, input.now);
  // As in the tree: only revisions that still have a ReplicaSet can be gone back to.
  const revisionCount = info.revisions.filter((r) => r.replicaSets.length > 0).length;
  const state = rolloutActionState(input.rollout, { phase: isPhase(info.phase) ? info.phase : undefined, revisionCount });
  return {
    header: header(input, info),
    actions: panelActions(state, input.readOnly),
    timeline: timelineSteps(input.rollout),
    analysisRuns: ownedRuns(info.uid, input.related.analysisRuns).map((run) => analysisRunView(run, info.name)),
    ...(input.problem !== undefined ? { problem: input.problem } : {}),
    asOf: input.now,
  };
}

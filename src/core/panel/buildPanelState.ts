// The rollout panel's whole state from the cluster objects: the webview only draws what this
// returns (src/shared/protocol.ts). Pure and total: any object may be missing or malformed.
import { rolloutActionState, type RolloutPhase } from '../actions/availableActions';
import type { PanelAction, PanelHeader, PanelState } from '../../shared/protocol';
import { formatImage } from '../rollout/imageTags';
import { rolloutInfo, type RelatedObjects, type RolloutInfo } from '../rollout/rolloutInfo';
import { analysisRunView, ownedRuns } from './analysisRunViews';
import { disabledActions, panelActions } from './panelActions';
import { timelineSteps } from './timelineSteps';
import { panelStepPlan } from './panelStepPlan';
import { whyStuck } from '../stuck/whyStuck';
import { STEP_INDEX_LABEL } from './runOrigin';
import { atoi } from '../rollout/jsonFields';
import { revisionOf } from '../rollout/objectMeta';
import { at, stringAt } from '../untrustedJson';

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
  /** The step index the caller last saw before the rollout aborted (Argo resets it to 0 on abort). */
  readonly lastStepBeforeAbort?: number;
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

/**
 * Where an aborted rollout stopped: a failed or errored step run names its step (`step-index` label);
 * otherwise (background analysis, a manual abort) the index the caller saw before the abort.
 */
function abortStep(input: PanelInput, uid: string): number | undefined {
  if (at(input.rollout, 'status', 'abort') !== true) return undefined;
  const revision = revisionOf(input.rollout);
  const failedStepRun = ownedRuns(uid, input.related.analysisRuns)
    .filter((r) => revisionOf(r) === revision && ['Failed', 'Error'].includes(stringAt(r, 'status', 'phase') ?? ''))
    .map((r) => atoi(at(r, 'metadata', 'labels', STEP_INDEX_LABEL)))
    .find((i) => i !== undefined);
  return failedStepRun ?? input.lastStepBeforeAbort;
}

/**
 * The highlighted button: what the rollout waits for a user to do (Promote at a pause without end,
 * Retry after an abort, Abort when its pods cannot start), when that button is enabled. None while it
 * is Healthy, moving, or in a timed pause that ends by itself: highlighting Pause there invited the
 * one action nobody needed.
 */
export function primaryAction(stuck: ReturnType<typeof whyStuck>, actions: readonly PanelAction[]): string | undefined {
  if (stuck === undefined || stuck.kind === 'timedPause' || stuck.action === undefined) return undefined;
  return actions.some((a) => a.id === stuck.action && a.enabled) ? stuck.action : undefined;
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
  const timeline = timelineSteps(input.rollout, abortStep(input, info.uid));
  const plan = panelStepPlan(input.rollout, timeline);
  const stuck = whyStuck(input.rollout, input.related, input.now);
  const actions = panelActions(state, input.readOnly);
  const primary = primaryAction(stuck, actions);
  return {
    header: header(input, info),
    actions,
    ...(primary !== undefined ? { primaryAction: primary } : {}),
    timeline,
    ...(plan !== undefined ? { stepPlan: plan } : {}),
    ...(stuck !== undefined ? { stuck: { kind: stuck.kind, sentence: stuck.sentence, next: stuck.next, ...(stuck.action ? { action: stuck.action } : {}), ...(stuck.ruleId ? { ruleId: stuck.ruleId } : {}) } } : {}),
    analysisRuns: ownedRuns(info.uid, input.related.analysisRuns).map((run) => analysisRunView(run, info.name)),
    ...(input.problem !== undefined ? { problem: input.problem } : {}),
    asOf: input.now,
  };
}

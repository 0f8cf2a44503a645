// The step plan of a canary Rollout: for every step, the traffic weight and the canary and stable pods
// the controller will run once it has settled there, the pause, the analysis and the experiment. The
// counts come from the controller's own computation (canaryReplicaCounts.ts), replayed reconcile by
// reconcile from the previous step as if every new pod became available before the next reconcile
// (the controller waits for that before it moves on): the settled sizes are the step's row and the
// largest total on the way is its peak (maxSurge at work).
import type { PlanRow, StepPlanView } from '../../shared/protocol';
import { arrayAt, at, intAt, isRecord, stringAt } from '../actions/untrusted';
import { canarySteps } from '../rollout/canaryWeights';
import { stepKind, stepText } from '../panel/timelineSteps';
import { readCanaryModel } from './canaryModel';
import {
  basicCanaryReplicaCounts,
  currentSetWeight,
  maxSurge,
  maxTrafficWeight,
  maxUnavailable,
  resolveFenceposts,
  trafficRoutedReplicaCounts,
  type CanaryModel,
  type ReplicaCounts,
  type RolloutModel,
  type TrafficWeightsModel,
} from './canaryReplicaCounts';

/** Enough for any real spec (each reconcile moves at least one pod); a cap keeps a bad spec from looping. */
const MAX_RECONCILES = 200;

interface Settled extends ReplicaCounts {
  readonly peak: number;
  readonly weights: TrafficWeightsModel;
}

function atStep(model: CanaryModel, index: number): RolloutModel {
  // An update in progress: a stable ReplicaSet exists and the new pod template has another hash.
  return { canary: model, status: { currentStepIndex: index, abort: false, promoteFull: false, stableRS: 'stable', currentPodHash: 'canary' } };
}

/** Reconciles into step `index` from `from` until the sizes stop changing; every pod is available between reconciles. */
function settle(model: CanaryModel, index: number, from: Settled): Settled {
  const rollout = atStep(model, index);
  const maxWeight = maxTrafficWeight(model);
  const setWeight = currentSetWeight(rollout);
  const target: TrafficWeightsModel = { canary: setWeight, stable: maxWeight - setWeight };
  let { canary, stable, weights } = from;
  let peak = canary + stable;
  for (let i = 0; i < MAX_RECONCILES; i++) {
    const next = model.trafficRouting
      ? trafficRoutedReplicaCounts(rollout, { name: 'canary', specReplicas: canary, available: canary }, { name: 'stable', specReplicas: stable, available: stable }, weights)
      : basicCanaryReplicaCounts(rollout, { name: 'canary', specReplicas: canary, available: canary }, { name: 'stable', specReplicas: stable, available: stable }, []);
    // The controller bounds the pods its ReplicaSets ask for (replicas + maxSurge), reconcile by reconcile.
    peak = Math.max(peak, next.canary + next.stable);
    // The router shifts traffic once the canary pods of the step are up (the weights of the next reconcile).
    const settled = next.canary === canary && next.stable === stable && weights.canary === target.canary;
    canary = next.canary;
    stable = next.stable;
    weights = target;
    if (settled) break;
  }
  return { canary, stable, peak, weights };
}

function percent(weight: number, maxWeight: number): number {
  return Math.round((weight * 100) / maxWeight);
}

function templateNames(block: unknown): string[] {
  return arrayAt(block, 'templates')
    .map((t) => stringAt(t, 'templateName') || stringAt(t, 'clusterTemplateName') || stringAt(t, 'name') || '')
    .filter((n) => n !== '');
}

function pauseOf(step: unknown): string | undefined {
  if (!isRecord(step) || !isRecord(step['pause'])) return undefined;
  const d = at(step, 'pause', 'duration');
  if (typeof d === 'number') return `${d}s`;
  if (typeof d === 'string' && d !== '') return /^\d+$/.test(d) ? `${d}s` : d;
  return 'until promoted';
}

function experimentOf(step: unknown): string | undefined {
  const exp = at(step, 'experiment');
  if (!isRecord(exp)) return undefined;
  const templates = arrayAt(exp, 'templates').map((t) => {
    const replicas = intAt(t, 'replicas') ?? 1;
    const weight = intAt(t, 'weight');
    return `${stringAt(t, 'name') ?? '?'} (${stringAt(t, 'specRef') ?? '?'}, ${replicas} pod${replicas === 1 ? '' : 's'}${weight !== undefined ? `, ${weight}% traffic` : ''})`;
  });
  const duration = at(exp, 'duration');
  const until = typeof duration === 'string' && duration !== '' ? `for ${duration}` : 'until its analyses finish';
  const analyses = templateNames({ templates: arrayAt(exp, 'analyses') });
  return `${templates.join(', ')} ${until}${analyses.length > 0 ? `, analysis ${analyses.join(', ')}` : ''}`.trim();
}

function analysisOf(rollout: unknown, step: unknown, index: number): string | undefined {
  const parts: string[] = [];
  const stepTemplates = isRecord(at(step, 'analysis')) ? templateNames(at(step, 'analysis')) : [];
  if (stepTemplates.length > 0) parts.push(`${stepTemplates.join(', ')} (step)`);
  const background = at(rollout, 'spec', 'strategy', 'canary', 'analysis');
  const backgroundTemplates = isRecord(background) ? templateNames(background) : [];
  // startingStep is 0-based: the run is created once currentStepIndex reaches it.
  if (backgroundTemplates.length > 0 && index >= (intAt(background, 'startingStep') ?? 0)) parts.push(`${backgroundTemplates.join(', ')} (background)`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function noteOf(model: CanaryModel, step: unknown, settled: Settled, setWeight: number): string | undefined {
  if (!model.trafficRouting && isRecord(at(step, 'setCanaryScale'))) return 'setCanaryScale is ignored without trafficRouting';
  if (model.trafficRouting && settled.canary === 0 && setWeight > 0) return 'no canary pod: the weight rounds down to 0 pods';
  return undefined;
}

function summary(model: CanaryModel): string {
  const parts = [
    `${model.replicas} replica${model.replicas === 1 ? '' : 's'}`,
    `maxSurge ${String(model.maxSurge)} (${maxSurge(model)})`,
    `maxUnavailable ${String(model.maxUnavailable)} (${maxUnavailable(model)})`,
    model.trafficRouting ? 'traffic routing' : 'no traffic router: the weight is the share of pods',
  ];
  if (model.trafficRouting && model.maxTrafficWeight !== 100) parts.push(`maxTrafficWeight ${model.maxTrafficWeight}`);
  if (model.dynamicStableScale) parts.push('dynamicStableScale');
  if (model.minPodsPerReplicaSet !== undefined) parts.push(`minPodsPerReplicaSet ${model.minPodsPerReplicaSet}`);
  return parts.join(' · ');
}

/** Why no plan can be computed for this canary, or undefined when it can. */
function unplannable(model: CanaryModel): string | undefined {
  if (model.replicas < 0) return `spec.replicas is ${model.replicas}`;
  if (model.trafficRouting && model.maxTrafficWeight <= 0) return `trafficRouting.maxTrafficWeight is ${model.maxTrafficWeight}`;
  // Go's MaxSurge and MaxUnavailable drop the parse error and use 0: the canary would never move.
  if (resolveFenceposts(model.maxSurge, model.maxUnavailable, model.replicas) === undefined) return 'maxSurge or maxUnavailable is neither a number nor a percentage';
  return undefined;
}

/**
 * The plan of every step of a canary Rollout with steps, plus a last row for the full promotion;
 * undefined for a blue-green rollout, a canary without steps (it goes straight to 100%) or a spec the
 * controller would refuse (negative replicas, a zero maxTrafficWeight, an unreadable maxSurge).
 */
export function stepPlan(rollout: unknown): StepPlanView | undefined {
  const model = readCanaryModel(rollout);
  if (model === undefined || model.steps.length === 0 || unplannable(model) !== undefined) return undefined;
  const steps = canarySteps(rollout);
  const maxWeight = maxTrafficWeight(model);
  let state: Settled = { canary: 0, stable: model.replicas, peak: model.replicas, weights: { canary: 0, stable: maxWeight } };
  const rows: PlanRow[] = [];
  for (let i = 0; i <= steps.length; i++) {
    state = settle(model, i, state);
    const step = steps[i];
    const setWeight = currentSetWeight(atStep(model, i));
    const total = state.canary + state.stable;
    const weight = model.trafficRouting ? percent(setWeight, maxWeight) : total === 0 ? 0 : Math.trunc((state.canary * 100) / total);
    const pause = pauseOf(step);
    const analysis = analysisOf(rollout, step, i);
    const experiment = experimentOf(step);
    const note = i < steps.length ? noteOf(model, step, state, setWeight) : model.trafficRouting && state.stable > 0 ? 'the old stable pods go scaleDownDelaySeconds (30 s) after promotion' : undefined;
    rows.push({
      index: i,
      step: i < steps.length ? stepText(step, stepKind(step)) : 'after the last step',
      weight,
      canary: state.canary,
      stable: state.stable,
      peakPods: state.peak,
      ...(pause !== undefined ? { pause } : {}),
      ...(analysis !== undefined ? { analysis } : {}),
      ...(experiment !== undefined ? { experiment } : {}),
      ...(note !== undefined ? { note } : {}),
    });
  }
  return { summary: summary(model), rows };
}

/** `3. setWeight: 50 → 50% traffic, 5 canary + 5 stable pods (up to 12 during the change)` — one line per row, for the launch confirmation. */
export function planLines(plan: StepPlanView): string[] {
  return plan.rows.map((r) => {
    // The step text already names the pause.
    const extras = [r.analysis !== undefined ? `analysis ${r.analysis}` : '', r.experiment !== undefined ? `experiment ${r.experiment}` : '', r.note ?? '']
      .filter((x) => x !== '')
      .join('; ');
    const label = r.index < plan.rows.length - 1 ? `${r.index + 1}. ${r.step}` : r.step;
    const peak = r.peakPods > r.canary + r.stable ? ` (up to ${r.peakPods} during the change)` : '';
    return `${label} → ${r.weight}% traffic, ${r.canary} canary + ${r.stable} stable pods${peak}${extras !== '' ? `; ${extras}` : ''}`;
  });
}

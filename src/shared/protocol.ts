// Messages between the extension host and the rollout panel's webview. Both bundles compile this
// file, so a message that changes shape fails the type check on both sides. Everything the webview
// sends is untrusted (a compromised or buggy page must not make the host do something else than a
// listed action on the panel's own rollout): `isToHost` checks every field before the host acts.
// The host's messages are checked by `isToWebview` too, so a stale page ignores what it cannot draw.
//
// The webview is a pure renderer: every decision (status, step, explanation, threshold, which
// actions are enabled) is made in `src/core` and arrives here as data.

/** Bumped when a message changes meaning; the page reloads instead of misreading. */
export const PROTOCOL_VERSION = 1;

export type StepState = 'done' | 'current' | 'pending';

export interface TimelineStep {
  /** 0-based, as in `status.currentStepIndex`. */
  readonly index: number;
  /** `setWeight`, `pause`, `analysis`, `experiment`, `setCanaryScale`, `setHeaderRoute`, `setMirrorRoute`, `plugin`, or `unknown`. */
  readonly kind: string;
  /** The step as the user wrote it, e.g. `setWeight: 10`, `pause: 1m`, `pause (until promoted)`. */
  readonly text: string;
  readonly state: StepState;
  /** Epoch ms at which a timed pause on this step ends: the page counts down to it. */
  readonly pauseEndsAt?: number;
  /** Background analysis starts at this step (`analysis.startingStep`). */
  readonly analysisStartsHere?: boolean;
  /** The rollout was aborted while on this step. */
  readonly abortedHere?: boolean;
}

/** One row of the step plan: what the controller will run at a step once it has settled there. */
export interface PlanRow {
  /** 0-based step index; `steps.length` for the row after the last step (full promotion). */
  readonly index: number;
  /** The step as written (`setWeight: 20`, `pause (until promoted)`), or `after the last step`. */
  readonly step: string;
  /** Traffic to the canary in percent: the router's weight, or without a router the canary's share of the pods. */
  readonly weight: number;
  /** Canary and stable ReplicaSet sizes exactly as the controller computes them (utils/replicaset/canary.go). */
  readonly canary: number;
  readonly stable: number;
  /** The most pods running at once while the controller moves into this step (maxSurge at work). */
  readonly peakPods: number;
  /** `until promoted` or the duration, on a pause step. */
  readonly pause?: string;
  /** The analysis running there: `success-rate (step)`, `success-rate (background)`. */
  readonly analysis?: string;
  /** The experiment's templates with their pods (and weights), and its duration. */
  readonly experiment?: string;
  /** What a reader would not guess, e.g. `setWeight 10 → 1 of 11 pods` or `setCanaryScale needs trafficRouting`. */
  readonly note?: string;
  /** In the panel: where the live rollout is. */
  readonly state?: StepState;
}

export interface StepPlanView {
  /** `10 replicas · maxSurge 3 · maxUnavailable 2 · traffic routing` — the inputs of the computation. */
  readonly summary: string;
  readonly rows: readonly PlanRow[];
}

/** Why a live rollout is not progressing, and what to do next (src/core/stuck). */
export interface StuckView {
  /** invalidSpec, aborted, progressDeadline, podsNotReady, inconclusive, waitingForPromotion, timedPause, pausedByUser, weightNotVerified. */
  readonly kind: string;
  readonly sentence: string;
  readonly next: string;
  /** The ActionId that does the next thing, when one does (its button is the primary one). */
  readonly action?: string;
  /** InvalidSpec: the lint rule whose text explains the controller's message. */
  readonly ruleId?: string;
}

export interface PanelHeader {
  readonly context: string;
  readonly namespace: string;
  readonly name: string;
  /** Healthy / Progressing / Paused / Degraded (§6.1), or '' while unknown. */
  readonly status: string;
  readonly message: string;
  /** Canary / BlueGreen / ''. */
  readonly strategy: string;
  /** `3/8` as the plugin prints it, or ''. */
  readonly step: string;
  readonly setWeight?: number;
  readonly actualWeight?: number;
  /** `image:tag (stable)` / `(canary)` as in `kubectl argo rollouts get`. */
  readonly images: readonly string[];
  readonly replicas: { readonly desired: number; readonly current: number; readonly updated: number; readonly ready: number; readonly available: number };
}

export interface PanelAction {
  /** An ActionId of src/core/actions (promote, abort, ...). */
  readonly id: string;
  readonly label: string;
  readonly enabled: boolean;
  /** Why it is disabled, for the tooltip. */
  readonly reason?: string;
}

export interface ThresholdLine {
  readonly value: number;
  readonly op: '<' | '<=' | '>' | '>=' | '==';
  /** Crossing it (in the op's direction) means success, or failure. */
  readonly side: 'success' | 'failure';
  /** The condition it comes from, e.g. `result[0] >= 0.95`. */
  readonly condition: string;
}

export interface MeasurementPoint {
  /** Unix seconds when the measurement finished (or started, when not finished). */
  readonly t: number;
  /** The plotted number; null when the value is not one number (empty, several values, error). */
  readonly v: number | null;
  /** Successful / Failed / Inconclusive / Error / Running. */
  readonly phase: string;
  /** The value as Argo recorded it, e.g. `[0.71]`, and its message when any. */
  readonly text: string;
}

export interface MetricView {
  /** Unique within the panel: `<run name>/<metric name>`; used to ask for its series. */
  readonly key: string;
  readonly name: string;
  /** Pending / Running / Successful / Failed / Error / Inconclusive. */
  readonly phase: string;
  readonly dryRun: boolean;
  readonly counts: { readonly count: number; readonly successful: number; readonly failed: number; readonly inconclusive: number; readonly error: number; readonly consecutiveError: number };
  /** `failureLimit 0`, `inconclusiveLimit 0`, `consecutiveErrorLimit 4`, `count 5` — what the counts are compared with. */
  readonly limits: { readonly failureLimit: number; readonly inconclusiveLimit: number; readonly consecutiveErrorLimit: number; readonly count?: number };
  /** `prometheus`, `web`, `job`, ... */
  readonly provider: string;
  /** The query with args substituted (secrets masked), when the provider has one. */
  readonly query?: string;
  readonly successCondition?: string;
  readonly failureCondition?: string;
  readonly threshold?: ThresholdLine;
  /** Oldest first. Argo keeps at most the last 10 (measurementRetention). */
  readonly measurements: readonly MeasurementPoint[];
  /** One plain sentence saying why the metric is where it is. */
  readonly explanation: string;
  /** The query can be run again over the run's window (Prometheus provider with a resolved query). */
  readonly hasSeries: boolean;
}

export interface AnalysisRunView {
  readonly name: string;
  /** `background` (from `strategy.canary.analysis`), `step N` (an analysis step), or `prePromotion` / `postPromotion`. */
  readonly origin: string;
  readonly phase: string;
  readonly message: string;
  /** Unix seconds; the series window. `finishedAt` absent while running. */
  readonly startedAt?: number;
  readonly finishedAt?: number;
  readonly metrics: readonly MetricView[];
}

export interface PanelState {
  readonly header: PanelHeader;
  readonly actions: readonly PanelAction[];
  readonly timeline: readonly TimelineStep[];
  /** The step plan beside the timeline (canary rollouts with steps). */
  readonly stepPlan?: StepPlanView;
  /** Why it is not progressing; absent when Healthy or moving. */
  readonly stuck?: StuckView;
  /** The action a user most likely wants now (the highlighted button); absent when none is (Healthy, moving, a timed pause). */
  readonly primaryAction?: string;
  /** Newest first. */
  readonly analysisRuns: readonly AnalysisRunView[];
  /** Shown instead of stale data when the rollout is gone or the cluster unreachable. */
  readonly problem?: string;
  /** Epoch ms of the data (for "updated 3 s ago" and for the countdown clock). */
  readonly asOf: number;
}

export interface SeriesLine {
  /** Legend text, e.g. `canary`, `stable`, or the series' labels. */
  readonly label: string;
  readonly role: 'canary' | 'stable' | 'query';
  /** Unix seconds, ascending; gaps are absent timestamps (not nulls). */
  readonly t: readonly number[];
  /** Same length as `t`; NaN and ±Infinity are sent as null with `text` kept in the tooltip. */
  readonly v: readonly (number | null)[];
}

export type SeriesView =
  | {
      readonly status: 'ok';
      readonly key: string;
      readonly where: string;
      readonly query: string;
      readonly stepSeconds: number;
      readonly lines: readonly SeriesLine[];
      readonly warnings: readonly string[];
      /** The run inside the plotted window (unix seconds; no end while it runs): the chart shades what lies outside. */
      readonly run?: { readonly start: number; readonly end?: number };
    }
  | { readonly status: 'error'; readonly key: string; readonly where: string; readonly message: string };

/** Webview → extension host. */
export type ToHost =
  | { readonly type: 'ready'; readonly protocol: number }
  /** Runs a listed action of the panel's rollout; the host confirms and guards it as from the tree. */
  | { readonly type: 'action'; readonly action: string }
  /** Range query of a metric over its run's window, `widthPx` wide (decides the step). */
  | { readonly type: 'requestSeries'; readonly key: string; readonly widthPx: number }
  /** Opens the AnalysisTemplate behind a metric in an editor. */
  | { readonly type: 'openTemplate'; readonly key: string }
  /** Backtests a metric (one the state offers with `hasSeries`) over a past window, with its run's arguments. */
  | { readonly type: 'backtest'; readonly key: string }
  /** Opens the text of a lint rule (the InvalidSpec explanation links it). */
  | { readonly type: 'openRule'; readonly rule: string };

/** Extension host → webview. */
export type ToWebview =
  | { readonly type: 'state'; readonly protocol: number; readonly state: PanelState }
  | { readonly type: 'series'; readonly series: SeriesView };

const MAX_KEY = 600;
const MAX_WIDTH_PX = 20_000;

function isObject(m: unknown): m is Record<string, unknown> {
  return typeof m === 'object' && m !== null && !Array.isArray(m);
}

function isShortString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_KEY;
}

/** Every field of every variant checked: the webview is untrusted input to the host. */
export function isToHost(m: unknown): m is ToHost {
  if (!isObject(m)) return false;
  switch (m.type) {
    case 'ready':
      return typeof m.protocol === 'number';
    case 'action':
      return isShortString(m.action) && /^[a-zA-Z]+$/.test(m.action);
    case 'requestSeries':
      return isShortString(m.key) && typeof m.widthPx === 'number' && Number.isInteger(m.widthPx) && m.widthPx > 0 && m.widthPx <= MAX_WIDTH_PX;
    case 'openTemplate':
    case 'backtest':
      return isShortString(m.key);
    case 'openRule':
      return isShortString(m.rule) && /^[a-z0-9-]+$/.test(m.rule);
    default:
      return false;
  }
}

/** Shallow: the host is trusted, but a page built for another protocol version must not misdraw. */
export function isToWebview(m: unknown): m is ToWebview {
  if (!isObject(m)) return false;
  if (m.type === 'state') return m.protocol === PROTOCOL_VERSION && isObject(m.state);
  if (m.type === 'series') return isObject(m.series) && typeof m.series.key === 'string';
  return false;
}

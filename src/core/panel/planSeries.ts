// What to ask Prometheus for a metric's chart: the run's query over the run's window, and, when
// the query is about the canary, the same query about the stable version next to it.
import { chooseStep } from '../prometheus/chooseStep';
import { at, isRecord, stringAt } from '../untrustedJson';
import { metricKey } from './metricKey';
import { goneProblem, type PanelInput } from './buildPanelState';
import { ownedRuns, runFinishedAt, runStartedAt } from './analysisRunViews';
import { prometheusQuery, providerOf, runArgs, secretArgsIn, substitutedMetric, unresolvedTag, type RunArg } from './runArgs';

export interface SeriesPlanLine {
  readonly label: string;
  readonly role: 'canary' | 'stable' | 'query';
  readonly query: string;
}

export interface SeriesPlan {
  readonly key: string;
  /** The metric's provider.prometheus.address (template address), for choosing where to send the query. */
  readonly address: string | undefined;
  readonly lines: readonly SeriesPlanLine[];
  /** Unix seconds. */
  readonly start: number;
  readonly end: number;
  readonly step: number;
  /** The run itself inside the window (unix seconds; no end while it runs): outside it the lines may be another release's. */
  readonly run: { readonly start: number; readonly end?: number };
}

/**
 * Seconds shown before the run started and after it finished: the chart then shows the level the
 * metric had before the canary took traffic (and after it settled), which is what a change is read
 * against; 5 minutes also covers the usual `[1m]`–`[5m]` rate windows of the first samples.
 */
export const WINDOW_MARGIN_SECONDS = 300;

interface Pair {
  readonly canary: string;
  readonly stable: string;
}

/**
 * Values that name the canary, with their stable counterparts: the pod-template hashes, the
 * canary/stable Services, and the canary Ingress Argo creates for NGINX
 * (`<rollout>-<stableIngress>-canary`, whose stable counterpart is the stable Ingress).
 */
export function canaryStablePairs(rollout: unknown): Pair[] {
  const canary = at(rollout, 'spec', 'strategy', 'canary');
  const name = stringAt(rollout, 'metadata', 'name') ?? '';
  const stableIngress = stringAt(canary, 'trafficRouting', 'nginx', 'stableIngress') ?? '';
  const pairs: Pair[] = [
    { canary: stringAt(rollout, 'status', 'currentPodHash') ?? '', stable: stringAt(rollout, 'status', 'stableRS') ?? '' },
    { canary: stringAt(canary, 'canaryService') ?? '', stable: stringAt(canary, 'stableService') ?? '' },
    { canary: stableIngress === '' ? '' : `${name}-${stableIngress}-canary`, stable: stableIngress },
  ];
  return pairs.filter((p) => p.canary !== '' && p.stable !== '' && p.canary !== p.stable);
}

/** The run's args with every canary value replaced by its stable counterpart; undefined if none is about the canary. */
function stableArgs(args: readonly RunArg[], pairs: readonly Pair[]): RunArg[] | undefined {
  let swapped = false;
  const out = args.map((a) => {
    const pair = a.secret ? undefined : pairs.find((p) => p.canary === a.value);
    if (!pair) return a;
    swapped = true;
    return { ...a, value: pair.stable };
  });
  return swapped ? out : undefined;
}

function findMetric(input: PanelInput, key: string): { run: unknown; spec: unknown; metricName: string } | undefined {
  const uid = stringAt(input.rollout, 'metadata', 'uid') ?? '';
  for (const run of ownedRuns(uid, input.related.analysisRuns)) {
    const metrics = at(run, 'spec', 'metrics');
    for (const spec of Array.isArray(metrics) ? metrics.filter(isRecord) : []) {
      const metricName = typeof spec.name === 'string' ? spec.name : '';
      if (metricKey(stringAt(run, 'metadata', 'name') ?? '', metricName) === key) return { run, spec, metricName };
    }
  }
  return undefined;
}

/** `revision 3, 5d8c7b6f9`: which release a pod-template hash is, from the ReplicaSet that carries it. */
function releaseOf(hash: string, revision: string | undefined): string {
  return revision ? `revision ${revision}, ${hash}` : hash;
}

function revisionOfHash(input: PanelInput, hash: string): string | undefined {
  const rs = (input.related.replicaSets ?? []).find((r) => stringAt(r, 'metadata', 'labels', 'rollouts-pod-template-hash') === hash);
  return stringAt(rs, 'metadata', 'annotations', 'rollout.argoproj.io/revision');
}

/**
 * Legends naming the release each line measures during the run: the canary is the run's own (Argo
 * labels a run with its canary's pod-template hash and revision), the stable the Rollout's stable
 * ReplicaSet when that is another one. Queries usually select by Service, which carries every release
 * in turn: outside the run's window the same line may be an earlier canary.
 */
function lineLabels(input: PanelInput, run: unknown): { canary: string; stable: string } {
  const canaryHash = stringAt(run, 'metadata', 'labels', 'rollouts-pod-template-hash');
  const canaryRevision = stringAt(run, 'metadata', 'annotations', 'rollout.argoproj.io/revision');
  const stableHash = stringAt(input.rollout, 'status', 'stableRS');
  return {
    canary: canaryHash ? `canary (${releaseOf(canaryHash, canaryRevision)})` : 'canary',
    stable: stableHash && stableHash !== canaryHash ? `stable (${releaseOf(stableHash, revisionOfHash(input, stableHash))})` : 'stable',
  };
}

/** Window from the run's start − margin to its end (or now) + margin, never past now. */
function window(run: unknown, nowMs: number): { start: number; end: number } | undefined {
  const started = runStartedAt(run);
  if (started === undefined) return undefined;
  const now = Math.floor(nowMs / 1000);
  const end = Math.min(now, (runFinishedAt(run) ?? now) + WINDOW_MARGIN_SECONDS);
  const start = Math.min(started - WINDOW_MARGIN_SECONDS, end - WINDOW_MARGIN_SECONDS);
  return { start, end };
}

/** A run's metric with the run's arguments in: its query, and the same query about the stable version when the args name the canary. */
interface ResolvedRunMetric {
  readonly run: unknown;
  readonly runName: string;
  readonly metricName: string;
  /** The metric's spec with the run's arguments substituted (conditions, interval, limits). */
  readonly metric: unknown;
  readonly query: string;
  readonly stableQuery: string | undefined;
  readonly address: string | undefined;
}

function resolveRunMetric(input: PanelInput, key: string, purpose: string): ResolvedRunMetric | { error: string } {
  if (input.rollout === undefined) return { error: goneProblem(input) };
  const found = findMetric(input, key);
  if (!found) return { error: `There is no metric ${key} among the analysis runs of rollout ${input.namespace}/${input.name}.` };
  const { run, spec, metricName } = found;
  const runName = stringAt(run, 'metadata', 'name') ?? '';
  const args = runArgs(run);
  const metric = substitutedMetric(spec, args);
  const provider = providerOf(metric);
  if (provider !== 'prometheus') {
    const uses = provider === '' ? 'has no provider' : `uses the ${provider} provider`;
    return { error: `Metric ${metricName} of run ${runName} ${uses}; only Prometheus queries can be ${purpose}.` };
  }
  const query = prometheusQuery(metric);
  if (query === undefined) return { error: `Metric ${metricName} of run ${runName} has no Prometheus query.` };
  const tag = unresolvedTag(query);
  if (tag !== undefined) return { error: `The query of metric ${metricName} still holds ${tag}, which run ${runName} does not resolve.` };
  const secrets = secretArgsIn(prometheusQuery(spec) ?? '', args);
  if (secrets.length > 0) {
    return { error: `The query of metric ${metricName} uses the secret argument ${secrets.join(', ')}, which the panel does not read, so it cannot be run again.` };
  }
  const address = stringAt(metric, 'provider', 'prometheus', 'address');
  const swapped = stableArgs(args, canaryStablePairs(input.rollout));
  const stableQuery = swapped === undefined ? undefined : prometheusQuery(substitutedMetric(spec, swapped));
  return { run, runName, metricName, metric, query, stableQuery: stableQuery === query ? undefined : stableQuery, address: address === '' || address === undefined ? undefined : address };
}

export function planSeries(input: PanelInput, key: string, widthPx: number): SeriesPlan | { error: string } {
  const resolved = resolveRunMetric(input, key, 'plotted');
  if ('error' in resolved) return resolved;
  const { run, runName, metricName, query, stableQuery, address } = resolved;
  const span = window(run, input.now);
  if (span === undefined) return { error: `Run ${runName} has no start time yet.` };
  const labels = lineLabels(input, run);
  const lines: SeriesPlanLine[] = stableQuery === undefined
    ? [{ label: metricName, role: 'query', query }]
    : [{ label: labels.canary, role: 'canary', query }, { label: labels.stable, role: 'stable', query: stableQuery }];
  const runStart = runStartedAt(run) ?? span.start;
  const runEnd = runFinishedAt(run);
  return {
    key, address, lines, ...span, step: chooseStep(span.start, span.end, widthPx),
    run: { start: runStart, ...(runEnd !== undefined ? { end: runEnd } : {}) },
  };
}

/** What the Backtest of a metric in the panel runs: the run's metric with the run's own arguments, over a past window. */
export interface RunBacktestPlan {
  /** `<run> / <metric>` for the report's title. */
  readonly title: string;
  readonly metricName: string;
  readonly metric: unknown;
  readonly query: string;
  readonly stableQuery: string | undefined;
  readonly address: string | undefined;
  /** For the report: where the arguments came from. */
  readonly argsFrom: string;
}

export function planRunBacktest(input: PanelInput, key: string): RunBacktestPlan | { error: string } {
  const resolved = resolveRunMetric(input, key, 'backtested');
  if ('error' in resolved) return resolved;
  const { runName, metricName, metric, query, stableQuery, address } = resolved;
  return { title: `${runName} / ${metricName}`, metricName, metric, query, stableQuery, address, argsFrom: `args of AnalysisRun ${runName} (rollout ${input.namespace}/${input.name})` };
}

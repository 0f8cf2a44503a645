// Takes an AnalysisRun's due measurements up to `now` the way the analysis controller does (§5.3):
// first measurement at startedAt + initialDelay, then every `interval` (10 s after an Error), each
// one evaluated with src/core/analysis, counters and phases by Argo's rules, the run's phase and
// message from its metrics, and a terminating run (spec.terminate, or a metric that Failed) stops
// measuring. Metrics are measured in time order across the run, so one metric failing stops the
// others at that moment even when the clock jumped far ahead. When the source's answer is still on
// its way (an async source, see inFlightMeasurements.ts) the run stops there and reports `waiting`;
// the answer's arrival triggers the next call, which records it at the time it was due.
import { parseGoDuration } from '../../src/core/goDuration';
import { measureResponse, type Measurement } from '../../src/core/analysis/measurementOutcome';
import {
  applyMeasurement, countersOf, isCompleted, limitsOf, limitTripped, metricPhase, type AnalysisPhase, type MetricCounters,
} from '../../src/core/analysis/metricPhase';
import { substituteArgsDeep } from '../../src/core/analysis/resolveArgs';
import { isTerminating, matchesDryRun, runPhase, type MetricStatus } from '../../src/core/analysis/runPhase';
import { at, bool, isObject, list, rfc3339, str } from '../../src/core/rollout/jsonFields';
import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../apiDouble/jsonValue';
import type { AnswerNow } from './metricSource';

const ERROR_RETRY_MS = 10_000;
const DEFAULT_RETENTION = 10;
const MAX_MEASUREMENTS_PER_CALL = 10_000;

export interface RunAdvance {
  readonly run: JsonObject;
  readonly changed: boolean;
  /** When the next measurement is due (undefined: the run is complete, terminating, or waiting). */
  readonly nextDueMs: number | undefined;
  /** A measurement's answer is still on its way; nothing after it was measured. */
  readonly waiting: boolean;
}

const ANALYSIS_PHASES: readonly string[] = ['Pending', 'Running', 'Successful', 'Failed', 'Error', 'Inconclusive'];

export function isAnalysisPhase(v: unknown): v is AnalysisPhase {
  return typeof v === 'string' && ANALYSIS_PHASES.includes(v);
}

export function isRunCompleted(run: unknown): boolean {
  const phase = at(run, 'status', 'phase');
  return isAnalysisPhase(phase) && isCompleted(phase);
}

function durationMs(v: unknown): number {
  if (typeof v !== 'string' || v === '') return 0;
  const d = parseGoDuration(v);
  return d.ok ? Math.max(0, d.seconds * 1000) : 0;
}

function ts(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function providerOf(metric: unknown): { provider: string; query: string } {
  const provider = at(metric, 'provider');
  const key = isObject(provider) ? (Object.keys(provider)[0] ?? '') : '';
  return { provider: key, query: key === 'prometheus' ? str(at(provider, 'prometheus', 'query')) : '' };
}

interface MetricState {
  readonly metric: JsonObject;
  result: JsonObject;
}

function dueMs(state: MetricState, startedMs: number): number {
  const measurements = list(state.result.measurements);
  const last = measurements.at(-1);
  if (last === undefined) return startedMs + durationMs(state.metric.initialDelay);
  const lastMs = rfc3339(at(last, 'finishedAt')) ?? startedMs;
  if (str(at(last, 'phase')) === 'Error') return lastMs + ERROR_RETRY_MS;
  return lastMs + durationMs(state.metric.interval);
}

function retentionFor(run: JsonObject, metricName: string): number {
  for (const r of list(at(run, 'spec', 'measurementRetention'))) {
    if (matchesDryRun([str(at(r, 'metricName'))], metricName) && typeof at(r, 'limit') === 'number') return Number(at(r, 'limit'));
  }
  return DEFAULT_RETENTION;
}

function writeCounters(result: JsonObject, c: MetricCounters): void {
  for (const [k, v] of Object.entries(c)) {
    if (v === 0) delete result[k];
    else result[k] = v;
  }
}

/** Takes one measurement; false when its answer has not arrived yet (nothing recorded). */
function measure(run: JsonObject, state: MetricState, atMs: number, source: AnswerNow): boolean {
  const name = str(state.metric.name);
  const { provider, query } = providerOf(state.metric);
  const answer = source({ run: str(at(run, 'metadata', 'name')), namespace: str(at(run, 'metadata', 'namespace')), metric: name, provider, query, now: new Date(atMs) });
  if (answer === undefined) return false;
  const m: Measurement = 'error' in answer ? { phase: 'Error', message: answer.error, value: '' } : measureResponse(state.metric, answer.data);
  const record: JsonObject = { phase: m.phase, startedAt: ts(atMs), finishedAt: ts(atMs), value: m.value };
  if (m.message !== '') record.message = m.message;
  const counters = applyMeasurement(countersOf(state.result), m.phase);
  const kept = [...list(state.result.measurements).filter(isJsonObject), record].slice(-retentionFor(run, name));
  const result: JsonObject = { ...state.result, name, measurements: kept };
  writeCounters(result, counters);
  if (m.phase === 'Error') result.message = m.message;
  else delete result.message;
  if (provider === 'prometheus') result.metadata = { ResolvedPrometheusQuery: query };
  result.phase = metricPhase(counters, limitsOf(state.metric)).phase;
  state.result = result;
  return true;
}

function statusOf(state: MetricState, dryRun: boolean): MetricStatus {
  const phase = at(state.result, 'phase');
  const last = list(state.result.measurements).at(-1);
  const reason = limitTripped(countersOf(state.result), limitsOf(state.metric))?.reason;
  const lastMessage = str(at(last, 'message'));
  return {
    name: str(state.metric.name),
    phase: isAnalysisPhase(phase) ? phase : undefined,
    ...(reason !== undefined ? { reason } : {}),
    ...(lastMessage !== '' ? { lastMessage } : {}),
    dryRun,
  };
}

function failRun(run: JsonObject, message: string, nowMs: number): RunAdvance {
  const next = cloneJson(run);
  next.status = { ...(isJsonObject(run.status) ? run.status : {}), phase: 'Error', message, startedAt: str(at(run, 'status', 'startedAt')) || ts(nowMs), completedAt: ts(nowMs) };
  return { run: next, changed: true, nextDueMs: undefined, waiting: false };
}

export function advanceAnalysisRun(run: JsonObject, source: AnswerNow, nowMs: number): RunAdvance {
  if (isRunCompleted(run)) return { run, changed: false, nextDueMs: undefined, waiting: false };
  const args = list(at(run, 'spec', 'args')).map((a) => ({ name: str(at(a, 'name')), value: typeof at(a, 'value') === 'string' ? str(at(a, 'value')) : undefined }));
  const substituted = substituteArgsDeep(list(at(run, 'spec', 'metrics')), args);
  if (!substituted.ok) return failRun(run, `Unable to resolve metric arguments: ${substituted.error}`, nowMs);
  const metrics = list(substituted.value).filter(isJsonObject);
  const dryRunRules = list(at(run, 'spec', 'dryRun')).map((d) => str(at(d, 'metricName')));
  const terminate = bool(at(run, 'spec', 'terminate'));
  const oldStatus = isJsonObject(run.status) ? run.status : {};
  const startedMs = rfc3339(oldStatus.startedAt) ?? nowMs;
  const oldResults = list(oldStatus.metricResults).filter(isJsonObject);
  const states: MetricState[] = metrics.map((metric) => ({
    metric,
    result: cloneJson(oldResults.find((r) => r.name === metric.name) ?? { name: str(metric.name) }),
  }));
  const isDry = (s: MetricState): boolean => matchesDryRun(dryRunRules, str(s.metric.name));
  const statuses = (): MetricStatus[] => states.map((s) => statusOf(s, isDry(s)));
  const open = (): MetricState[] => states.filter((s) => !(isAnalysisPhase(s.result.phase) && isCompleted(s.result.phase)));

  let waiting = false;
  for (let i = 0; i < MAX_MEASUREMENTS_PER_CALL && !isTerminating(statuses(), terminate, dryRunRules); i++) {
    const next = open().map((s) => ({ s, due: dueMs(s, startedMs) })).filter((x) => x.due <= nowMs).sort((a, b) => a.due - b.due)[0];
    if (!next) break;
    if (!measure(run, next.s, next.due, source)) {
      waiting = true;
      break;
    }
  }

  const terminating = isTerminating(statuses(), terminate, dryRunRules);
  if (terminating) {
    for (const s of open()) s.result = { ...s.result, phase: metricPhase(countersOf(s.result), limitsOf(s.metric), { terminating: true }).phase };
  }
  const rp = runPhase(statuses(), dryRunRules, { terminate });
  const status: JsonObject = {
    phase: rp.phase,
    startedAt: ts(startedMs),
    metricResults: states.filter((s) => s.result.phase !== undefined).map((s) => (isDry(s) ? { ...s.result, dryRun: true } : s.result)),
    runSummary: summaryJson(rp.runSummary),
  };
  if (rp.dryRunSummary.count > 0) status.dryRunSummary = summaryJson(rp.dryRunSummary);
  if (rp.message !== '') status.message = rp.message;
  if (isCompleted(rp.phase)) status.completedAt = ts(nowMs);
  const next: JsonObject = { ...cloneJson(run), status };
  const changed = !jsonEqual(status, oldStatus);
  // While waiting, the answer's arrival wakes the simulator; a due time in the past would spin it.
  const dues = waiting || terminating || isCompleted(rp.phase) ? [] : open().map((s) => dueMs(s, startedMs));
  return { run: changed ? next : run, changed, nextDueMs: dues.length > 0 ? Math.min(...dues) : undefined, waiting };
}

function summaryJson(s: { count: number; successful: number; failed: number; inconclusive: number; error: number }): JsonValue {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(s)) if (v !== 0) out[k] = v;
  return out;
}

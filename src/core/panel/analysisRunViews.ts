// The rollout's AnalysisRuns for the panel, newest first, each with its metrics.
import { matchesDryRun } from '../analysis/runPhase';
import type { AnalysisRunView } from '../../shared/protocol';
import { compareCreated, compareStrings, isOwnedBy, objectMeta, revisionOf } from '../rollout/objectMeta';
import { at, isRecord, stringAt } from '../untrustedJson';
import { metricView } from './metricView';
import { runArgs } from './runArgs';
import { runOrigin } from './runOrigin';
import { unixSeconds } from './unixSeconds';

/** Runs whose ownerReference is the rollout (not its Experiments'), newest first. */
export function ownedRuns(rolloutUid: string, runs: readonly unknown[] | undefined): unknown[] {
  return (runs ?? [])
    .filter((r) => rolloutUid !== '' && isOwnedBy(r, rolloutUid))
    .map((run) => ({ run, meta: objectMeta(run), revision: revisionOf(run) }))
    .sort((a, b) => compareCreated(b.meta.createdAt, a.meta.createdAt) || b.revision - a.revision || compareStrings(b.meta.name, a.meta.name))
    .map((r) => r.run);
}

/** Unix seconds: status.startedAt, or the creation time while the controller has not started it. */
export function runStartedAt(run: unknown): number | undefined {
  return unixSeconds(at(run, 'status', 'startedAt')) ?? unixSeconds(at(run, 'metadata', 'creationTimestamp'));
}

/** Argo writes status.completedAt when the run reaches a final phase. */
export function runFinishedAt(run: unknown): number | undefined {
  return unixSeconds(at(run, 'status', 'completedAt'));
}

function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** Metric names in spec order, then any result the spec does not list (a hand-edited run). */
function metricNames(specs: Record<string, unknown>[], results: Record<string, unknown>[]): string[] {
  const names = specs.map((m) => (typeof m.name === 'string' ? m.name : ''));
  for (const r of results) if (typeof r.name === 'string' && !names.includes(r.name)) names.push(r.name);
  return [...new Set(names)];
}

export function analysisRunView(run: unknown, rolloutName: string): AnalysisRunView {
  const name = stringAt(run, 'metadata', 'name') ?? '';
  // A run the controller has not reconciled yet has no phase; Argo treats that as Pending.
  const phase = stringAt(run, 'status', 'phase') || 'Pending';
  const message = stringAt(run, 'status', 'message') ?? '';
  const startedAt = runStartedAt(run);
  const finishedAt = runFinishedAt(run);
  const specs = records(at(run, 'spec', 'metrics'));
  const results = records(at(run, 'status', 'metricResults'));
  const dryRunRules = records(at(run, 'spec', 'dryRun')).flatMap((d) => (typeof d.metricName === 'string' ? [d.metricName] : []));
  const args = runArgs(run);
  const metrics = metricNames(specs, results).map((metricName) => {
    const result = results.find((r) => r.name === metricName);
    return metricView({
      runName: name,
      metricName,
      spec: specs.find((m) => m.name === metricName),
      result,
      args,
      dryRun: at(result, 'dryRun') === true || matchesDryRun(dryRunRules, metricName),
      runPhase: phase,
      runMessage: message,
      runStartedAt: startedAt,
    });
  });
  return {
    name,
    origin: runOrigin(run, rolloutName),
    phase,
    message,
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(finishedAt !== undefined ? { finishedAt } : {}),
    metrics,
  };
}

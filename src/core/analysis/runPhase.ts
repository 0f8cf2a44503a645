// The AnalysisRun's phase and message from its metrics (assessRunStatus, §5.3): the worst completed
// non-dry-run metric wins once all are complete (Successful < Running < Pending < Inconclusive < Error
// < Failed), and a terminating run ends with whatever it has.
import { isCompleted, type AnalysisPhase } from './metricPhase';

const ORDER: readonly AnalysisPhase[] = ['Successful', 'Running', 'Pending', 'Inconclusive', 'Error', 'Failed'];

/** analysisutil.IsWorse. */
export function isWorse(current: AnalysisPhase, next: AnalysisPhase): boolean {
  return ORDER.indexOf(next) > ORDER.indexOf(current);
}

export interface MetricStatus {
  readonly name: string;
  /** undefined: the metric has no result yet (e.g. still in its initialDelay). */
  readonly phase: AnalysisPhase | undefined;
  /** The reason a limit tripped (metricPhase().reason). */
  readonly reason?: string;
  /** The last measurement's message. */
  readonly lastMessage?: string;
  /** status.metricResults[].dryRun; dry-run rules passed to runPhase count too. */
  readonly dryRun?: boolean;
}

export interface RunSummary {
  readonly count: number;
  readonly successful: number;
  readonly failed: number;
  readonly inconclusive: number;
  readonly error: number;
}

export interface RunPhase {
  readonly phase: AnalysisPhase;
  readonly message: string;
  readonly runSummary: RunSummary;
  readonly dryRunSummary: RunSummary;
}

/** `dryRun[].metricName` is an unanchored Go regex; an invalid one (such as `*`) matches nothing. */
export function matchesDryRun(rules: readonly string[], metricName: string): boolean {
  return rules.some((r) => {
    try {
      return new RegExp(r, 'u').test(metricName);
    } catch {
      return false;
    }
  });
}

/** IsTerminating: terminate requested, or a non-dry-run metric is Failed, Error or Inconclusive. */
export function isTerminating(metrics: readonly MetricStatus[], terminate = false, dryRun: readonly string[] = []): boolean {
  if (terminate) return true;
  return metrics.some((m) => !(m.dryRun || matchesDryRun(dryRun, m.name)) && (m.phase === 'Failed' || m.phase === 'Error' || m.phase === 'Inconclusive'));
}

function tally(s: RunSummary, p: AnalysisPhase): RunSummary {
  if (p === 'Failed') return { ...s, failed: s.failed + 1 };
  if (p === 'Error') return { ...s, error: s.error + 1 };
  if (p === 'Inconclusive') return { ...s, inconclusive: s.inconclusive + 1 };
  return { ...s, successful: s.successful + 1 };
}

const EMPTY: RunSummary = { count: 0, successful: 0, failed: 0, inconclusive: 0, error: 0 };

/** Metric phases must have been assessed with `terminating` = isTerminating(...) for a terminating run. */
export function runPhase(metrics: readonly MetricStatus[], dryRun: readonly string[] = [], options: { terminate?: boolean } = {}): RunPhase {
  let worst: AnalysisPhase | undefined;
  let message = options.terminate ? 'Run Terminated' : '';
  let complete = true;
  let runSummary = EMPTY;
  let dryRunSummary = EMPTY;
  for (const m of metrics) {
    const dry = m.dryRun === true || matchesDryRun(dryRun, m.name);
    if (dry) dryRunSummary = { ...dryRunSummary, count: dryRunSummary.count + 1 };
    else runSummary = { ...runSummary, count: runSummary.count + 1 };
    if (m.phase === undefined || !isCompleted(m.phase)) {
      complete = false;
      continue;
    }
    if (dry) {
      // Dry-run metrics never decide the run, but a completed one makes "nothing measured" false.
      worst ??= 'Successful';
      dryRunSummary = tally(dryRunSummary, m.phase);
      continue;
    }
    runSummary = tally(runSummary, m.phase);
    if (worst === undefined || isWorse(worst, m.phase)) {
      worst = m.phase;
      if (m.reason) {
        message = `Metric "${m.name}" assessed ${m.phase} due to ${m.reason}`;
        if (m.lastMessage) message += `: "Error Message: ${m.lastMessage}"`;
      }
    }
  }
  message = message.trim();
  const summaries = { runSummary, dryRunSummary };
  if (isTerminating(metrics, options.terminate, dryRun)) return { phase: worst ?? 'Successful', message, ...summaries };
  if (!complete || worst === undefined) return { phase: 'Running', message: '', ...summaries };
  return { phase: worst, message, ...summaries };
}

export type RolloutEffect = 'continues' | 'paused' | 'aborted' | 'waiting';

/** What the run's phase does to the rollout (§5.3): Inconclusive pauses, Failed/Error abort. */
export function rolloutEffect(phase: AnalysisPhase): RolloutEffect {
  if (phase === 'Failed' || phase === 'Error') return 'aborted';
  if (phase === 'Inconclusive') return 'paused';
  if (phase === 'Successful') return 'continues';
  return 'waiting';
}
